import { checkExpectedClaims, inspectToken, verifyToken, type ExpectedClaims, type VerifyResult } from './core';
import { loadKey } from './keys/choice';
import type { KeyStore } from './keys/store';
import type { KeyChoice, Verdict, VerifyOutcome } from './protocol';

/**
 * Verifies `token` with a chosen key and checks its claims against `expected`. Never rejects: a key
 * that cannot be loaded is a "cannot verify" outcome with the reason. Without a key (for a token
 * that is not a signed JWS) the outcome says why the token cannot be verified.
 */
export async function verifyWith(store: KeyStore, token: string, choice: KeyChoice | undefined, expected: ExpectedClaims = {}): Promise<VerifyOutcome> {
  const decoded = inspectToken(token).decoded;
  const claims = decoded && typeof decoded.payload === 'object' ? checkExpectedClaims(decoded.payload, expected) : [];
  let keyLabel = 'the key';
  let result: VerifyResult;
  try {
    if (choice) {
      const key = await loadKey(store, choice);
      keyLabel = key.label;
      result = await verifyToken(token, key.material);
    } else {
      keyLabel = 'no key';
      // verifyToken vets the token before the key, so an empty key yields the token's own problem.
      result = await verifyToken(token, {});
    }
  } catch (error) {
    result = { valid: false, alg: typeof decoded?.header.alg === 'string' ? decoded.header.alg : '', error: error instanceof Error ? error.message : String(error) };
  }
  return { ...result, verdict: verdictOf(result), keyLabel, claims };
}

/**
 * A wrong signature is "invalid"; every other failure (unsigned token, unusable key, unknown kid)
 * means the signature could not be checked at all. verifyToken words both mismatch cases alike.
 */
function verdictOf(result: VerifyResult): Verdict {
  if (result.valid) return 'valid';
  return result.error?.startsWith('The signature does not match') ? 'invalid' : 'cannot-verify';
}

/** One line for a notification or hover: "Signature valid (HS256, key "prod")". */
export function verdictText(outcome: Pick<VerifyOutcome, 'verdict' | 'alg' | 'keyLabel' | 'error'>): string {
  const what = `${outcome.alg || 'unknown alg'}, ${outcome.keyLabel}`;
  if (outcome.verdict === 'valid') return `Signature valid (${what})`;
  if (outcome.verdict === 'invalid') return `Signature invalid (${what}): ${outcome.error ?? ''}`;
  return `Cannot verify the signature: ${outcome.error ?? ''}`;
}
