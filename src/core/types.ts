import type { JwtErrorCode } from './errors';

/** The kinds of compact token the core knows. */
export type TokenKind = 'jws' | 'jwe' | 'unsecured';

/** Where a token sits in a text: JavaScript string offsets, `end` exclusive. */
export interface TokenMatch {
  start: number;
  end: number;
  token: string;
  kind: TokenKind;
}

/** A NumericDate claim (exp, iat, nbf) made readable. */
export interface TimeClaim {
  /** Seconds since the Unix epoch, as in the token. */
  seconds: number;
  /** ISO 8601 in UTC, e.g. "2026-11-25T19:52:18.000Z". */
  date: string;
  /** Relative to `now`: "in 2 hours", "3 days ago". */
  relative: string;
}

export type TokenStatus = 'valid' | 'expired' | 'not-yet-valid' | 'no-expiry' | 'encrypted';

export interface DecodedToken {
  kind: TokenKind;
  header: Record<string, unknown>;
  /** A string when a JWS payload is not JSON; undefined for JWE. */
  payload: Record<string, unknown> | string | undefined;
  times: { exp?: TimeClaim; iat?: TimeClaim; nbf?: TimeClaim };
  status: TokenStatus;
  warnings: string[];
}

export interface VerifyResult {
  valid: boolean;
  alg: string;
  error?: string;
  /**
   * Why it is not valid, for code to match on (the `error` sentence is translated): a JwtError code
   * such as 'signature-invalid' (a wrong signature), or 'key-unusable' for any other failure.
   */
  code?: JwtErrorCode;
}

/** Where in a token a finding is. */
export type FindingPart = 'header' | 'payload' | 'signature';

/** One result of auditToken: a stable id, how bad it is, and a sentence saying what, why and what to do. */
export interface Finding {
  /** Stable, for tests, settings and the panel: 'alg-none', 'kid-path', 'sensitive-data', … (AUDIT_CHECKS lists them). */
  id: string;
  severity: 'error' | 'warning' | 'info';
  /** Translated: what the finding means, why it matters, what to do. */
  message: string;
  part?: FindingPart;
}
