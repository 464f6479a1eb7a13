/**
 * The token core: everything about JWTs, with no `vscode` import. It runs in Node, in a web worker
 * and in the webview; the editor features are thin adapters over it. Bundled to dist/core.js.
 *
 * This file is the core's surface: the extension and the panel import the core from here only
 * (biome.jsonc holds it). The one declared exception is the desktop's start-up file: activation.ts
 * takes the scanner from ./scan and ./flask directly, so the 6 KB file that VS Code loads at start-up
 * does not pull in the rest of the core.
 */
export type {
  TokenKind,
  MatchKind,
  TokenMatch,
  TimeClaim,
  TokenStatus,
  DecodedToken,
  VerifyResult,
  KeyBindingCheck,
  Finding,
  FindingPart,
} from './types';
export { findTokens, tokenAt } from './scan';
export { decodeToken, decodePlaintext, segmentLabel, splitToken } from './decode';
export { decryptToken, keyCanDecrypt } from './decrypt';
export type { DecryptResult } from './decrypt';
export { innerToken } from './nested';
export { describeClaim, formatDuration, formatRelative, CLAIM_DESCRIPTIONS } from './claims';
export { verifyToken } from './verify';
export type { VerifyOptions } from './verify';
export { classifyKeyText } from './keyText';
export type { KeyTextClass, KeyTextKind, KeyTextForm } from './keyText';
export type { KeyType } from './key';
export { signPayload, signingWarnings, SIGNING_ALGORITHMS } from './sign';
export type { SignOptions } from './sign';
export { JwtError } from './errors';
export type { JwtErrorCode } from './types';
export { inspectToken } from './inspect';
export { decodeSdJwt } from './sdJwt';
export type { SdJwtDecoded, SdJwtDisclosure, SdJwtDigest, SdJwtKeyBinding } from './sdJwt';
export type { TokenInspection, TokenPart } from './inspect';
export { statusLabel, utcText } from './status';
export type { StatusLabel, SignatureVerdict, SignatureCheck } from './status';
export { TokenLines, tokenHint, nextHintChange, hintsForLines } from './hints';
export type { TokenHint, PlacedHint, LineChange, LineToken } from './hints';
export { parsePayload } from './payload';
export type { PayloadParse, PayloadProblem } from './payload';
export { withExpiry, durationSeconds, EXPIRY_PRESETS } from './expiry';
export { expiryCountdown } from './countdown';
export type { Countdown, CountdownTone } from './countdown';
export type { Expiry } from './expiry';
export { checkExpectedClaims } from './expected';
export type { ExpectedClaims, ClaimCheck } from './expected';
export { readKeyFacts, keyDescription, keyMisfit } from './keyFacts';
export { keyKid } from './keyKid';
export { sharedSecretBytes } from './sharedSecret';
export { unsecuredToken } from './unsecured';
export type { KeyFacts } from './keyFacts';
export { generateSigningKey } from './keygen';
export { exportPublicKey } from './exportKey';
export { tokenRisks, findWeakSecret, weakSecretRisk, WEAK_SECRETS } from './risks';
export type { RiskKind, TokenRisk, RiskOptions } from './risks';
export { findSessionCookies, flaskSessionAt, decodeFlaskSession, verifyFlaskSession } from './flask';
export type { SessionCookieMatch, FlaskSession, FlaskVerifyOptions, FlaskVerifyResult } from './flask';
export { verifyWithIssuer, IssuerCache } from './issuer';
export type { IssuerVerifyResult, IssuerVerifyOptions } from './issuer';
export { crackSecret, crackJob } from './crackSecret';
export type { CrackJob } from './secretMatcher';
export { nodeBuiltin } from './nodeBuiltin';
export type { CrackOptions } from './crackSecret';
export { auditToken } from './auditToken';
export type { AuditOptions } from './auditToken';
export { AUDIT_CHECKS } from './auditChecks';
export type { AuditCheckInfo } from './auditChecks';
export { signFlaskSession } from './flaskSign';
export type { FlaskSignOptions } from './flaskSign';
export { expandTemplate, inputDefault, checkTemplateInput, readTemplates } from './template';
export type {
  TokenTemplate,
  TemplateInput,
  TemplateKind,
  ExpandOptions,
  ExpandedTemplate,
  TemplateFile,
} from './template';
export { builtInTemplates } from './builtInTemplates';
