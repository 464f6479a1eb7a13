import * as vscode from 'vscode';
import {
  checkExpectedClaims,
  inspectToken,
  verifyToken,
  type ExpectedClaims,
  type KeyBindingCheck,
  type VerifyResult,
} from '../core';
import { loadKey } from '../keys/keyChoice';
import type { KeyStore } from '../keys/keyStore';
import type { KeyChoice, Verdict, VerifyOutcome } from '../protocol';

/**
 * Verifies `token` with a chosen key and checks its claims against `expected`. Never rejects: a key
 * that cannot be loaded is a "cannot verify" outcome with the reason. Without a key (for a token
 * that is not a signed JWS) the outcome says why the token cannot be verified.
 */
export async function verifyWithKey(
  store: KeyStore,
  token: string,
  choice: KeyChoice | undefined,
  expected: ExpectedClaims = {},
): Promise<VerifyOutcome> {
  const decoded = inspectToken(token).decoded;
  const claims = decoded && typeof decoded.payload === 'object' ? checkExpectedClaims(decoded.payload, expected) : [];
  let keyLabel = vscode.l10n.t('the key');
  let result: VerifyResult;
  try {
    if (choice) {
      const key = await loadKey(store, choice);
      keyLabel = key.label;
      result = await verifyToken(token, key.material, key.keyType ? { keyType: key.keyType } : {});
    } else {
      keyLabel = vscode.l10n.t('no key');
      // verifyToken vets the token before the key, so an empty key yields the token's own problem.
      result = await verifyToken(token, {});
    }
  } catch (error) {
    result = {
      valid: false,
      alg: typeof decoded?.header.alg === 'string' ? decoded.header.alg : '',
      error: error instanceof Error ? error.message : String(error),
    };
  }
  return { ...result, verdict: verdictOf(result), keyLabel, claims };
}

/**
 * A wrong signature is "invalid"; every other failure (unsigned token, unusable key, unknown kid)
 * means the signature could not be checked at all. Told apart by the error's code, not its
 * sentence, which is translated.
 */
function verdictOf(result: VerifyResult): Verdict {
  if (result.valid) return 'valid';
  // Key confusion is not a key problem: an HS* token checked with a public key is a forgery, not to be trusted.
  return result.code === 'signature-invalid' || result.code === 'key-confusion' ? 'invalid' : 'cannot-verify';
}

/** One line for a notification or hover: "Signature valid (HS256, key "prod")". */
export function verdictText(outcome: Pick<VerifyOutcome, 'verdict' | 'alg' | 'keyLabel' | 'error'>): string {
  const alg = outcome.alg || vscode.l10n.t('unknown alg');
  if (outcome.verdict === 'valid') return vscode.l10n.t('Signature valid ({0}, {1})', alg, outcome.keyLabel);
  if (outcome.verdict === 'invalid')
    return vscode.l10n.t('Signature invalid ({0}, {1}): {2}', alg, outcome.keyLabel, outcome.error ?? '');
  return vscode.l10n.t('Cannot verify the signature: {0}', outcome.error ?? '');
}

/** One line for an SD-JWT's key-binding JWT: "Key binding valid (ES256, the holder key in cnf)". */
export function keyBindingText(check: KeyBindingCheck): string {
  const alg = check.alg || vscode.l10n.t('unknown alg');
  return check.valid
    ? vscode.l10n.t('Key binding valid ({0}, the holder key in cnf)', alg)
    : vscode.l10n.t('Key binding invalid ({0}): {1}', alg, check.error ?? '');
}
