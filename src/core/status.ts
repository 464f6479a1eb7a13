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
  if (decoded.kind === 'unsecured') return { icon: 'unlock', text: 'Unsigned (alg none): anyone can forge it', tone: 'bad' };
  switch (decoded.status) {
    case 'encrypted':
      return { icon: 'lock', text: 'Encrypted (JWE): the claims need the decryption key', tone: 'neutral' };
    case 'expired':
      return { icon: 'error', text: `Expired ${exp?.relative ?? ''}`.trim(), tone: 'bad' };
    case 'not-yet-valid':
      return { icon: 'clock', text: `Not yet valid: usable ${nbf?.relative ?? 'later'}`, tone: 'bad' };
    case 'no-expiry':
      return { icon: 'circle-large-outline', text: 'No expiry (no exp claim)', tone: 'neutral' };
    case 'valid':
      return { icon: 'pass', text: `Valid · expires ${exp?.relative ?? ''}`.trim(), tone: 'ok' };
  }
}

/** "2026-11-25T19:52:18.000Z" → "2026-11-25 19:52:18 UTC". */
export function utcText(iso: string): string {
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
}
