import * as l10n from '@vscode/l10n';
import type { JWK } from 'jose';
import { JwtError } from './errors';
import { loadJose } from './jose';
import { pemToJwk, publicJwk, readKey } from './key';

/** An algorithm of the key's family, for importing it (the public key bytes are the same for all). */
function familyAlg(jwk: JWK): string {
  if (jwk.kty === 'RSA') return 'RS256';
  if (jwk.kty === 'OKP') return 'EdDSA';
  return { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' }[jwk.crv ?? ''] ?? 'ES256';
}

/**
 * The public half of a key pair as a PEM ("PUBLIC KEY", SPKI) or as JWK JSON text; of a JWKS, the
 * set of public halves (JWK only). Nothing private ever comes out.
 *
 * @throws {JwtError} `key-format` for a shared secret (it has no public half) or a JWKS as PEM
 * @example
 * await exportPublicKey(privateJwk, 'pem') // "-----BEGIN PUBLIC KEY-----\n…"
 */
export async function exportPublicKey(key: string | object, format: 'pem' | 'jwk'): Promise<string> {
  const input = readKey(key);
  if (input.type === 'secret')
    throw new JwtError(
      'key-format',
      l10n.t('A shared secret has no public half to export: anyone who can verify with it can also sign'),
    );
  if (input.type === 'jwks') {
    if (format === 'pem') throw new JwtError('key-format', l10n.t('A JWKS holds several keys; export it as JWK'));
    return JSON.stringify({ keys: input.keys.filter((k) => k.kty !== 'oct').map(publicJwk) }, null, 2);
  }
  const jwk = publicJwk(input.type === 'pem' ? await pemToJwk(input) : input.jwk);
  if (format === 'jwk') return JSON.stringify(jwk, null, 2);
  // Bare key members only: jose checks a JWK's own alg and use against the import.
  const bare = publicJwk({ ...jwk, alg: undefined, use: undefined, kid: undefined });
  const { exportSPKI, importJWK } = await loadJose();
  return exportSPKI((await importJWK(bare, familyAlg(jwk), { extractable: true })) as CryptoKey);
}
