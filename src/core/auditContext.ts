import type { TokenSegment } from './decode';
import type { Finding, TokenKind } from './types';

/**
 * What auditToken could read of a token, for the checks: each part is there only when it decoded,
 * so a token with a broken payload still gets its header checked.
 */
export interface AuditContext {
  /** The token as audited: trimmed, without a "Bearer " prefix; an SD-JWT's issuer-signed JWT. */
  token: string;
  /** The whole SD-JWT (trimmed, no "Bearer "), when the token is one. */
  sdJwt?: string;
  /** By shape: 5 segments 'jwe', an empty third segment 'unsecured', else 'jws'. */
  kind: TokenKind;
  segments: TokenSegment[];
  header?: Record<string, unknown>;
  /** Claims, or the payload as text when it is not a JSON object; undefined for a JWE or an unreadable payload. */
  payload?: Record<string, unknown> | string;
  /** The signature's bytes (JWS); undefined when it is not base64url. */
  signature?: Uint8Array;
  now: Date;
  /** The caller's HMAC secret, to judge its length once it verifies. */
  secret?: string;
}

/** One group of checks: what it finds in what auditToken could read. */
export type AuditCheck = (context: AuditContext) => Finding[] | Promise<Finding[]>;
