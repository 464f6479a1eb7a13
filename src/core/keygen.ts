import type { JWK } from 'jose';
import { loadJose } from './jose';
import { hmacBits, keyNeed, publicJwk } from './key';

/**
 * A new private key for `alg` as a JWK, with "alg" set and, for key pairs, "kid" set to the RFC
 * 7638 thumbprint (so tokens signed with it name their key). For HS* a random secret as long as
 * the hash output (RFC 7518 section 3.2).
 *
 * @throws {JwtError} `unsupported-alg`
 * @example
 * await generateSigningKey('ES256') // { kty: 'EC', crv: 'P-256', x, y, d, alg: 'ES256', kid: '…' }
 */
export async function generateSigningKey(alg: string): Promise<JWK> {
  const need = keyNeed(alg);
  const { base64url, calculateJwkThumbprint, exportJWK, generateKeyPair } = await loadJose();
  if (need.kty === 'oct') {
    const bytes = crypto.getRandomValues(new Uint8Array(hmacBits(alg)! / 8));
    return { kty: 'oct', k: base64url.encode(bytes), alg };
  }
  const { privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(need.kty === 'OKP' ? { crv: 'Ed25519' } : {}),
  });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, alg, kid: await calculateJwkThumbprint(publicJwk(jwk)) };
}
