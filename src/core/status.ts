import * as l10n from '@vscode/l10n';
import type { DecodedToken } from './types';

/** A token's status as one line a person reads, with the codicon that goes with it. */
export interface StatusLabel {
  icon: 'pass' | 'error' | 'clock' | 'unlock' | 'lock' | 'circle-large-outline';
  text: string;
  /** For colouring: good, bad, or neither. */
  tone: 'ok' | 'bad' | 'neutral';
}

/**
 * Says whether a decoded token can be used now, e.g. "Valid · expires in 2 hours" or
 * "Expired 3 days ago". Unsecured tokens are flagged first: their claims prove nothing.
 */
export function statusLabel(decoded: DecodedToken): StatusLabel {
  const { exp, nbf } = decoded.times;
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
      return { icon: 'circle-large-outline', text: l10n.t('No expiry (no exp claim)'), tone: 'neutral' };
    case 'valid':
      return {
        icon: 'pass',
        text: exp ? l10n.t('Valid · expires {0}', exp.relative) : l10n.t('Valid · expires'),
        tone: 'ok',
      };
  }
}

/** "2026-11-25T19:52:18.000Z" → "2026-11-25 19:52:18 UTC". */
export function utcText(iso: string): string {
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
}
