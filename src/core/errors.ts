import * as l10n from '@vscode/l10n';
import type { SegmentName } from './decode';

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
  | 'cancelled';

/** Where in its input an error was found. */
export interface JwtErrorDetails {
  /** The token segment at fault, for decoding errors. */
  segment?: SegmentName;
  /**
   * 0-based offset into the input the error is about: the token for decoding errors, the JSON text
   * for `payload-json`. Messages count from 1, as editors do.
   */
  position?: number;
}

/**
 * The one error class the core throws. `message` is a sentence a user can act on; it never contains
 * key material.
 *
 * @example
 * try { decodeToken(text) } catch (e) {
 *   if (e instanceof JwtError && e.code === 'base64url') highlight(e.position)
 * }
 */
export class JwtError extends Error {
  readonly code: JwtErrorCode;
  readonly segment?: SegmentName;
  readonly position?: number;

  constructor(code: JwtErrorCode, message: string, details: JwtErrorDetails = {}) {
    super(message);
    this.name = 'JwtError';
    this.code = code;
    this.segment = details.segment;
    this.position = details.position;
  }
}

/**
 * A character as a message shows it: `'x'` when printable, a name or code point otherwise.
 *
 * @example
 * quoteChar('+') // "'+'"
 * quoteChar('\n') // "a line break"
 */
export function quoteChar(c: string): string {
  switch (c) {
    case ' ':
      return l10n.t('a space');
    case '\t':
      return l10n.t('a tab');
    case '\n':
      return l10n.t('a line break');
    case '\r':
      return l10n.t('a carriage return');
  }
  const code = c.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0xa0) || (code >= 0xd800 && code <= 0xdfff) || /\s/.test(c)
    ? l10n.t('character U+{0}', code.toString(16).toUpperCase().padStart(4, '0'))
    : `'${c}'`;
}
