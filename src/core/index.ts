/**
 * The token core: everything about JWTs, with no `vscode` import. It runs in Node, in a web worker
 * and in the webview; the editor features are thin adapters over it. Bundled to dist/core.js.
 */
export type { TokenKind, TokenMatch, TimeClaim, TokenStatus, DecodedToken, VerifyResult } from './types';
export { findTokens, tokenAt } from './scan';
export { decodeToken, splitToken } from './decode';
export { describeClaim, formatRelative, CLAIM_DESCRIPTIONS } from './claims';
export { verifyToken } from './verify';
export { signPayload, signingWarnings, SIGNING_ALGORITHMS } from './sign';
export { JwtError } from './errors';
export type { JwtErrorCode } from './errors';
export { inspectToken } from './inspect';
export type { TokenInspection, TokenPart } from './inspect';
export { statusLabel, utcText } from './status';
export type { StatusLabel } from './status';
