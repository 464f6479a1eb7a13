import * as l10n from '@vscode/l10n';
import type { DecodedToken } from './types';

/** A token's status as one line a person reads, with the codicon that goes with it. */
export interface StatusLabel {
  icon: 'pass' | 'error' | 'clock' | 'unlock' | 'lock' | 'circle-large-outline';
  text: string;
  /** For colouring: good, bad, or neither. */
  tone: 'ok' | 'bad' | 'neutral';
}

/** What a signature check said: verified, failed, or not done (no key, could not be checked). */
export type SignatureVerdict = 'verified' | 'invalid' | 'unchecked';

/**
 * The signature fact statusLabel takes: a verdict, or a verifyToken result (`valid: false` there
 * means the check failed; a check that could not run at all is better passed as 'unchecked').
 */
export type SignatureCheck = SignatureVerdict | { valid: boolean };

/**
 * Says whether a decoded token can be used now, from two separate facts: what its times say, and
 * whether its signature was verified. Only a verified signature earns "verified", the pass icon and
 * the 'ok' tone: the times of an unchecked token are claims anyone could have written, e.g.
 * "Not expired (expires in 2 hours) · signature not checked" (neutral), "Signature verified ·
 * expires in 2 hours" (ok), "Signature invalid · expires in 2 hours" (bad), "Expired 3 days ago"
 * (bad). Unsecured tokens are flagged first: their claims prove nothing.
 *
 * @example statusLabel(decodeToken(token)) // { icon: 'circle-large-outline', text: 'Not expired (expires in 2 hours) · signature not checked', tone: 'neutral' }
 * @example statusLabel(decoded, await verifyToken(token, key)) // { icon: 'pass', text: 'Signature verified · expires in 2 hours', tone: 'ok' }
 */
export function statusLabel(decoded: DecodedToken, signature: SignatureCheck = 'unchecked'): StatusLabel {
  const { exp, nbf } = decoded.times;
  const verdict: SignatureVerdict =
    typeof signature === 'string' ? signature : signature.valid ? 'verified' : 'invalid';
  if (decoded.kind === 'unsecured')
    return { icon: 'unlock', text: l10n.t('Unsigned (alg none): anyone can forge it'), tone: 'bad' };
  switch (decoded.status) {
    case 'encrypted':
      return { icon: 'lock', text: l10n.t('Encrypted (JWE): the claims need the decryption key'), tone: 'neutral' };
    case 'expired':
      // exp is there unless it is too far from 1970 to be a date.
      return { icon: 'error', text: exp ? l10n.t('Expired {0}', exp.relative) : l10n.t('Expired'), tone: 'bad' };
    case 'not-yet-valid':
      return {
        icon: 'clock',
        text: nbf ? l10n.t('Not yet valid: usable {0}', nbf.relative) : l10n.t('Not yet valid: usable later'),
        tone: 'bad',
      };
    case 'no-expiry':
      switch (verdict) {
        case 'verified':
          return { icon: 'pass', text: l10n.t('Signature verified · no expiry (no exp claim)'), tone: 'neutral' };
        case 'invalid':
          return { icon: 'error', text: l10n.t('Signature invalid · no expiry (no exp claim)'), tone: 'bad' };
        default:
          return {
            icon: 'circle-large-outline',
            text: l10n.t('No expiry (no exp claim) · signature not checked'),
            tone: 'neutral',
          };
      }
    case 'valid':
      switch (verdict) {
        case 'verified':
          return {
            icon: 'pass',
            text: exp
              ? l10n.t('Signature verified · expires {0}', exp.relative)
              : l10n.t('Signature verified · not expired'),
            tone: 'ok',
          };
        case 'invalid':
          return {
            icon: 'error',
            text: exp
              ? l10n.t('Signature invalid · expires {0}', exp.relative)
              : l10n.t('Signature invalid · not expired'),
            tone: 'bad',
          };
        default:
          return {
            icon: 'circle-large-outline',
            text: exp
              ? l10n.t('Not expired (expires {0}) · signature not checked', exp.relative)
              : l10n.t('Not expired · signature not checked'),
            tone: 'neutral',
          };
      }
  }
}

/** "2026-11-25T19:52:18.000Z" → "2026-11-25 19:52:18 UTC". */
export function utcText(iso: string): string {
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
}
