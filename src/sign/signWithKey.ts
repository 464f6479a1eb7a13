import * as vscode from 'vscode';
import { JwtError, keyKid, signPayload, signingWarnings } from '../core';
import { loadKey } from '../keys/keyChoice';
import type { KeyStore } from '../keys/keyStore';
import type { KeyChoice } from '../protocol';

/** The last algorithm chosen for signing, remembered in globalState. */
export const LAST_ALG = 'jwt.sign.lastAlg';

/**
 * Signs claims with a chosen key, for the Sign command, the panel's re-sign and templates. A JWK
 * key's kid goes into the header, so the token names its key (and hovers can verify it), unless
 * `header` (extra protected header parameters, such as a template's typ) names one itself.
 * @throws {Error} a sentence naming the key, never its content
 */
export async function signWithKey(
  store: KeyStore,
  claims: Record<string, unknown>,
  alg: string,
  choice: KeyChoice,
  extraHeader: Record<string, unknown> = {},
): Promise<{ token: string; warnings: string[] }> {
  const { material, label, keyType } = await loadKey(store, choice);
  try {
    const kid = keyKid(material);
    const header = { ...(kid === undefined ? {} : { kid }), ...extraHeader };
    const token = await signPayload(claims, { alg, key: material, header, ...(keyType ? { keyType } : {}) });
    return { token, warnings: signingWarnings(alg, material) };
  } catch (error) {
    if (error instanceof JwtError) throw new Error(vscode.l10n.t('Cannot sign with {0}: {1}', label, error.message));
    throw error;
  }
}
