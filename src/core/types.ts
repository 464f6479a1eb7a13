/** The core's shared type names. It imports nothing, so no import cycle can run through it. */

/** The kinds of compact token the core knows. */
export type TokenKind = 'jws' | 'jwe' | 'unsecured';

/**
 * What findTokens finds: a compact token, or an SD-JWT (RFC 9901), which is a JWS followed by
 * `~`-separated disclosures and an optional key-binding JWT; it decodes as its issuer-signed JWS.
 */
export type MatchKind = TokenKind | 'sd-jwt';

/** Where a token sits in a text: JavaScript string offsets, `end` exclusive. */
export interface TokenMatch {
  start: number;
  end: number;
  /** The whole token; for an SD-JWT, the whole `<jws>~<disclosure>~…~[<kb-jwt>]`. */
  token: string;
  kind: MatchKind;
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
  /**
   * For an SD-JWT presented with a key-binding JWT (SD-JWT+KB) whose issuer signature is valid:
   * the key-binding JWT checked with the holder key the issuer put in cnf. `valid` above is the
   * issuer's signature alone.
   */
  keyBinding?: KeyBindingCheck;
}

/** An SD-JWT's key-binding JWT checked as RFC 9901 section 7.3 says (but for the verifier's own nonce, aud and iat window). */
export interface KeyBindingCheck {
  /** Signed by the holder key in the issuer's cnf.jwk, typ "kb+jwt", sd_hash matching, iat, aud and nonce present. */
  valid: boolean;
  /** The key-binding JWT's alg ('' when it has none). */
  alg: string;
  /** The first thing wrong, as a sentence, when not valid. */
  error?: string;
  /** For display: its typ, iat, aud and nonce (aud and nonce as JSON when not strings). */
  typ?: string;
  iat?: TimeClaim;
  aud?: string;
  nonce?: string;
  /** Whether its sd_hash matches the SD-JWT it came with. */
  sdHashMatches: boolean;
}

/**
 * Stable identifiers for everything the core refuses. Match on these, not on messages: messages
 * are for people and may be reworded.
 *
 * Decoding: `not-a-string`, `too-large`, `empty`, `bearer-prefix`, `whitespace`, `segments`,
 * `base64url`, `utf8`, `json`, `header-not-object`, `header-alg`, `header-enc`, `signature-empty`.
 * Signing input: `payload-json`, `payload-not-object`, `header-not-object` and `header-alg` (for
 * `options.header`), `alg-none`, `unsupported-alg` (also for verifying).
 * Keys: `key-format` (cannot be read), `key-alg-mismatch` (wrong type, curve, size or `alg`/`use`),
 * `key-public` (signing needs the private key), `kid-not-found`, `no-matching-key` (a JWKS has no
 * key that fits), `key-unusable` (the crypto library refused the key for another reason).
 * Verification: `signature-invalid`, `encrypted` (a JWE has no signature), `crit-unsupported`.
 * Decryption: `not-encrypted` (a JWS has nothing to decrypt), `decryption-failed` (wrong key or altered token).
 * Key confusion: `key-confusion` (an HS* token or signature with public-key material as the secret).
 * Hostile input: `decompressed-too-large` (compressed data expands past its cap), `too-deep` (JSON nests too deeply).
 * Long-running work: `cancelled` (an AbortSignal stopped it, e.g. crackSecret).
 * Templates: `template-invalid` (a template's JSON is not one), `template-placeholder` (a placeholder
 * that is unknown or cannot be filled in), `template-input` (an answer that fails its input's checks).
 * SD-JWT: `not-sd-jwt` (decodeSdJwt was given a text without `~`).
 */
export type JwtErrorCode =
  | 'not-a-string'
  | 'too-large'
  | 'empty'
  | 'bearer-prefix'
  | 'whitespace'
  | 'segments'
  | 'base64url'
  | 'utf8'
  | 'json'
  | 'header-not-object'
  | 'header-alg'
  | 'header-enc'
  | 'signature-empty'
  | 'payload-json'
  | 'payload-not-object'
  | 'alg-none'
  | 'unsupported-alg'
  | 'key-format'
  | 'key-alg-mismatch'
  | 'key-public'
  | 'kid-not-found'
  | 'no-matching-key'
  | 'key-unusable'
  | 'signature-invalid'
  | 'encrypted'
  | 'crit-unsupported'
  | 'not-encrypted'
  | 'decryption-failed'
  | 'key-confusion'
  | 'too-deep'
  | 'decompressed-too-large'
  | 'cancelled'
  | 'template-invalid'
  | 'template-placeholder'
  | 'template-input'
  | 'not-sd-jwt';

export type SegmentName = 'header' | 'payload' | 'signature' | 'encrypted_key' | 'iv' | 'ciphertext' | 'tag';

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
