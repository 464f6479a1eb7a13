import { compactVerify, createLocalJWKSet, errors, type JWK } from 'jose';
import { decodeToken } from './decode';
import { JwtError } from './errors';
import { describeKey, keyNeed, keyProblem, pemToJwk, publicJwk, readKey, type KeyInput } from './key';
import type { VerifyResult } from './types';

export interface VerifyOptions {
  /**
   * Accepted for symmetry with decodeToken and passed on to it; verification checks the signature
   * only, so the time never changes the result. Use decodeToken's `status` for exp and nbf.
   */
  now?: Date;
}

const MISMATCH = 'The signature does not match: wrong key or the token was altered';
/** Header extensions jose understands; any other name in crit makes the token unverifiable. */
const UNDERSTOOD_CRIT = ['b64'];
const LISTED_KEYS = 10;

/**
 * Checks a compact JWS's signature (not its times: an expired token with the right key is valid).
 * `key` is a shared secret, a PEM (SPKI public key, X.509 certificate, or PKCS#8 private key, of
 * which the public half is used), or a JWK or JWKS as an object or JSON text. A string is a PEM if
 * one of its lines starts with "-----BEGIN ", a JWK/JWKS if it is a JSON object with "kty" or a
 * "keys" array, and otherwise a secret taken byte for byte. A JWKS picks its key by the token's kid
 * and alg; when several fit, each is tried.
 *
 * Never rejects: a bad token, key or signature gives `valid: false` with a sentence in `error`
 * that names no key material.
 *
 * @example
 * await verifyToken(token, 'my-secret') // { valid: true, alg: 'HS256' }
 * await verifyToken(token, jwks) // { valid: false, alg: 'RS256', error: 'No key in the JWKS has kid "k2" (kids: "k1")' }
 */
export async function verifyToken(token: string, key: string | object, options: VerifyOptions = {}): Promise<VerifyResult> {
  let alg = '';
  try {
    const { kind, header } = decodeToken(token, options);
    alg = header.alg as string;
    if (kind === 'jwe') throw new JwtError('encrypted', 'JWE tokens are encrypted, not signed; decrypt them instead');
    if (kind === 'unsecured') throw new JwtError('alg-none', `Unsecured tokens (alg "${alg}") have no signature to verify`);
    keyNeed(alg);
    const unknownCrit = Array.isArray(header.crit) ? header.crit.filter((name) => !UNDERSTOOD_CRIT.includes(name)) : [];
    if (unknownCrit.length > 0) {
      throw new JwtError(
        'crit-unsupported',
        `The token requires header extensions this tool does not understand (crit: ${unknownCrit.map((name) => JSON.stringify(name)).join(', ')}), so its signature cannot be accepted`,
      );
    }
    const input = readKey(key);
    const compact = token.trim();
    if (input.type === 'jwks') await verifyWithJwks(compact, input.keys, alg, header.kid);
    else await verifyWith(compact, await verificationKey(input, alg), input.type === 'secret' ? secretHint(key) : '');
    return { valid: true, alg };
  } catch (error) {
    return { valid: false, alg, error: explain(error) };
  }
}

/** The key to hand jose: the secret's bytes or a public JWK, after checking it fits `alg`. */
async function verificationKey(input: Exclude<KeyInput, { type: 'jwks' }>, alg: string): Promise<Uint8Array | JWK> {
  const usage = `the token is signed with ${alg}`;
  if (input.type === 'secret') {
    const problem = keyProblem({ kty: 'oct' }, alg, usage);
    if (problem) throw new JwtError('key-alg-mismatch', problem);
    if (input.bytes.length === 0) throw new JwtError('key-format', 'The shared secret is empty');
    return input.bytes;
  }
  const jwk = publicJwk(input.type === 'pem' ? await pemToJwk(input) : input.jwk);
  const problem = keyProblem(jwk, alg, usage);
  if (problem) throw new JwtError('key-alg-mismatch', problem);
  return jwk;
}

/** Secrets are used byte for byte, so surrounding whitespace is a likely reason for a mismatch. */
function secretHint(key: unknown): string {
  return typeof key === 'string' && key !== key.trim() ? ' (the secret starts or ends with whitespace, which counts)' : '';
}

async function verifyWith(compact: string, key: Parameters<typeof compactVerify>[1], hint = ''): Promise<void> {
  try {
    await compactVerify(compact, key);
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) throw new JwtError('signature-invalid', MISMATCH + hint);
    throw error;
  }
}

async function verifyWithJwks(compact: string, keys: JWK[], alg: string, kid: unknown): Promise<void> {
  if (keyNeed(alg).kty === 'oct') {
    throw new JwtError('key-alg-mismatch', `The token is signed with ${alg}, which needs a shared secret, not a JWKS; give the secret or its oct JWK`);
  }
  const jwks = createLocalJWKSet({ keys: keys.map((jwk) => (jwk.kty === 'oct' ? jwk : publicJwk(jwk))) });
  try {
    await verifyWith(compact, jwks);
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey) throw noMatchingKey(keys, alg, kid);
    if (!(error instanceof errors.JWKSMultipleMatchingKeys)) throw error;
    let tried = 0;
    for await (const candidate of error) {
      tried++;
      try {
        await compactVerify(compact, candidate);
        return;
      } catch {
        // try the next candidate
      }
    }
    throw new JwtError('signature-invalid', `The signature does not match any of the ${tried} keys in the JWKS that fit ${alg}: wrong key set or the token was altered`);
  }
}

/** Why no key in the set fits: an unknown kid, the one key with that kid not fitting, or none fitting alg. */
function noMatchingKey(keys: JWK[], alg: string, kid: unknown): JwtError {
  const list = (items: string[]): string =>
    items.length > LISTED_KEYS ? `${items.slice(0, LISTED_KEYS).join(', ')} and ${items.length - LISTED_KEYS} more` : items.join(', ');
  const kidText = (jwk: JWK): string => (jwk.kid === undefined ? 'no kid' : `kid ${JSON.stringify(jwk.kid)}`);
  if (typeof kid === 'string') {
    const same = keys.filter((jwk) => jwk.kid === kid);
    if (same.length === 0) {
      const kids = keys.filter((jwk) => jwk.kid !== undefined).map((jwk) => JSON.stringify(jwk.kid));
      const known = kids.length > 0 ? `kids: ${list(kids)}` : keys.length > 0 ? 'its keys have no kid' : 'the set is empty';
      return new JwtError('kid-not-found', `No key in the JWKS has kid ${JSON.stringify(kid)} (${known})`);
    }
    const problem = same.length === 1 ? keyProblem(same[0]!, alg, `the token is signed with ${alg}`, `The key with kid ${JSON.stringify(kid)}`) : undefined;
    if (problem) return new JwtError('key-alg-mismatch', problem);
  }
  const held = keys.length === 0 ? 'the set is empty' : `the set holds ${list(keys.map((jwk) => `${describeKey(jwk)} (${kidText(jwk)})`))}`;
  const withKid = typeof kid === 'string' ? ` with kid ${JSON.stringify(kid)}` : '';
  return new JwtError('no-matching-key', `No key in the JWKS fits ${alg}${withKid}: it needs ${keyNeed(alg).text}, and ${held}`);
}

/**
 * A sentence for any failure. Decoding has already vetted the token, so what else fails is the key
 * being imported; jose's and WebCrypto's messages name formats and sizes, never key contents.
 */
function explain(error: unknown): string {
  if (error instanceof JwtError) return error.message;
  return `The key could not be used: ${error instanceof Error ? error.message : String(error)}`;
}
