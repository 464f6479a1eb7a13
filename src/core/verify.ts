import * as l10n from '@vscode/l10n';
import type { JWK } from 'jose';
import { decodeToken } from './decode';
import { JwtError } from './errors';
import { loadJose, type Jose } from './jose';
import { checkKeyBinding } from './keyBinding';
import {
  describeKey,
  keyConfusion,
  keyNeed,
  keyProblem,
  pemToJwk,
  publicJwk,
  readKey,
  signedWith,
  type KeyInput,
  type KeyType,
} from './key';
import type { VerifyResult } from './types';

export interface VerifyOptions {
  /**
   * Accepted for symmetry with decodeToken and passed on to it; verification checks the signature
   * only, so the time never changes the result. Use decodeToken's `status` for exp and nbf.
   */
  now?: Date;
  /**
   * What the key text is, when the caller knows (e.g. asked the user; see classifyKeyText):
   * 'secret' takes text that merely contains something key-like as a shared secret, 'public'
   * requires a public key. Unambiguous public-key material never verifies an HS* token either way.
   */
  keyType?: KeyType;
}

/** Header extensions jose understands; any other name in crit makes the token unverifiable. */
const UNDERSTOOD_CRIT = ['b64'];
const LISTED_KEYS = 10;

/**
 * Checks a compact JWS's signature (not its times: an expired token with the right key is valid).
 * `key` is a shared secret, a PEM (SPKI public key, X.509 certificate, or PKCS#8 private key, of
 * which the public half is used), or a JWK or JWKS as an object or JSON text. A string is read
 * by readKey: public-key material in any common wrapping (PEM anywhere in the text, base64 or hex
 * DER, OpenSSH, JWK or JWKS also inside a string literal) is that key, anything else a secret taken
 * byte for byte. Public-key material never serves as an HMAC secret: an HS* token with such a key
 * fails with code `key-confusion` (the RS256→HS256 forgery). A JWKS picks its key by the token's
 * kid and alg; when several fit, each is tried.
 *
 * An SD-JWT (RFC 9901) is verified by its issuer-signed JWT's signature; when that is valid and
 * the SD-JWT comes with a key-binding JWT, `keyBinding` says whether that one holds up too (signed
 * with the holder key in cnf.jwk, typ kb+jwt, sd_hash matching: see checkKeyBinding).
 *
 * Never rejects: a bad token, key or signature gives `valid: false` with a sentence in `error`
 * that names no key material.
 *
 * @example
 * await verifyToken(token, 'my-secret') // { valid: true, alg: 'HS256' }
 * await verifyToken(token, jwks) // { valid: false, alg: 'RS256', error: 'No key in the JWKS has kid "k2" (kids: "k1")' }
 */
export async function verifyToken(
  token: string,
  key: string | object,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  let alg = '';
  try {
    const { kind, header } = decodeToken(token, options);
    const sdJwt = token.includes('~');
    alg = header.alg as string;
    if (kind === 'jwe')
      throw new JwtError('encrypted', l10n.t('JWE tokens are encrypted, not signed; decrypt them instead'));
    if (kind === 'unsecured')
      throw new JwtError('alg-none', l10n.t('Unsecured tokens (alg "{0}") have no signature to verify', alg));
    keyNeed(alg);
    const unknownCrit = Array.isArray(header.crit) ? header.crit.filter((name) => !UNDERSTOOD_CRIT.includes(name)) : [];
    if (unknownCrit.length > 0) {
      throw new JwtError(
        'crit-unsupported',
        l10n.t(
          'The token requires header extensions this tool does not understand (crit: {0}), so its signature cannot be accepted',
          unknownCrit.map((name) => JSON.stringify(name)).join(', '),
        ),
      );
    }
    const confusion = keyConfusion(key, alg, 'verify', options.keyType);
    if (confusion) throw confusion;
    const input = readKey(key, options.keyType);
    // An SD-JWT's signature is its issuer-signed JWT's, the part before the first ~.
    const compact = token.trim().split('~', 1)[0]!;
    const jose = await loadJose();
    if (input.type === 'jwks') await verifyWithJwks(jose, compact, input.keys, alg, header.kid);
    else
      await verifyWith(
        jose,
        compact,
        await verificationKey(input, alg),
        input.type === 'secret' && secretHasSpace(key),
      );
    const keyBinding = sdJwt ? await checkKeyBinding(token, options) : undefined;
    return keyBinding ? { valid: true, alg, keyBinding } : { valid: true, alg };
  } catch (error) {
    return { valid: false, alg, error: explain(error), code: error instanceof JwtError ? error.code : 'key-unusable' };
  }
}

/** The key to hand jose: the secret's bytes or a public JWK, after checking it fits `alg`. */
async function verificationKey(input: Exclude<KeyInput, { type: 'jwks' }>, alg: string): Promise<Uint8Array | JWK> {
  const usage = signedWith(alg);
  if (input.type === 'secret') {
    const problem = keyProblem({ kty: 'oct' }, alg, usage);
    if (problem) throw new JwtError('key-alg-mismatch', problem);
    if (input.bytes.length === 0) throw new JwtError('key-format', l10n.t('The shared secret is empty'));
    return input.bytes;
  }
  const jwk = publicJwk(input.type === 'pem' ? await pemToJwk(input) : input.jwk);
  const problem = keyProblem(jwk, alg, usage);
  if (problem) throw new JwtError('key-alg-mismatch', problem);
  return jwk;
}

/** Secrets are used byte for byte, so surrounding whitespace is a likely reason for a mismatch. */
function secretHasSpace(key: unknown): boolean {
  return typeof key === 'string' && key !== key.trim();
}

async function verifyWith(
  { compactVerify, errors }: Jose,
  compact: string,
  key: Parameters<Jose['compactVerify']>[1],
  secretSpace = false,
): Promise<void> {
  try {
    await compactVerify(compact, key);
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      throw new JwtError(
        'signature-invalid',
        secretSpace
          ? l10n.t(
              'The signature does not match: wrong key or the token was altered (the secret starts or ends with whitespace, which counts)',
            )
          : l10n.t('The signature does not match: wrong key or the token was altered'),
      );
    }
    throw error;
  }
}

async function verifyWithJwks(jose: Jose, compact: string, keys: JWK[], alg: string, kid: unknown): Promise<void> {
  const { compactVerify, createLocalJWKSet, errors } = jose;
  if (keyNeed(alg).kty === 'oct') {
    throw new JwtError(
      'key-alg-mismatch',
      l10n.t(
        'The token is signed with {0}, which needs a shared secret, not a JWKS; give the secret or its oct JWK',
        alg,
      ),
    );
  }
  const jwks = createLocalJWKSet({ keys: keys.map((jwk) => (jwk.kty === 'oct' ? jwk : publicJwk(jwk))) });
  try {
    await verifyWith(jose, compact, jwks);
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
    throw new JwtError(
      'signature-invalid',
      l10n.t(
        'The signature does not match any of the {0} keys in the JWKS that fit {1}: wrong key set or the token was altered',
        tried,
        alg,
      ),
    );
  }
}

/** Why no key in the set fits: an unknown kid, the one key with that kid not fitting, or none fitting alg. */
function noMatchingKey(keys: JWK[], alg: string, kid: unknown): JwtError {
  const list = (items: string[]): string =>
    items.length > LISTED_KEYS
      ? l10n.t('{0} and {1} more', items.slice(0, LISTED_KEYS).join(', '), items.length - LISTED_KEYS)
      : items.join(', ');
  const keyText = (jwk: JWK): string =>
    jwk.kid === undefined
      ? l10n.t('{0} (no kid)', describeKey(jwk))
      : l10n.t('{0} (kid {1})', describeKey(jwk), JSON.stringify(jwk.kid));
  if (typeof kid === 'string') {
    const same = keys.filter((jwk) => jwk.kid === kid);
    if (same.length === 0) {
      const kids = keys.filter((jwk) => jwk.kid !== undefined).map((jwk) => JSON.stringify(jwk.kid));
      const shown = JSON.stringify(kid);
      return new JwtError(
        'kid-not-found',
        kids.length > 0
          ? l10n.t('No key in the JWKS has kid {0} (kids: {1})', shown, list(kids))
          : keys.length > 0
            ? l10n.t('No key in the JWKS has kid {0} (its keys have no kid)', shown)
            : l10n.t('No key in the JWKS has kid {0} (the set is empty)', shown),
      );
    }
    const problem =
      same.length === 1
        ? keyProblem(same[0]!, alg, signedWith(alg), l10n.t('The key with kid {0}', JSON.stringify(kid)))
        : undefined;
    if (problem) return new JwtError('key-alg-mismatch', problem);
  }
  const need = keyNeed(alg).text;
  const held = list(keys.map(keyText));
  let message: string;
  if (typeof kid === 'string') {
    const shown = JSON.stringify(kid);
    message =
      keys.length === 0
        ? l10n.t('No key in the JWKS fits {0} with kid {1}: it needs {2}, and the set is empty', alg, shown, need)
        : l10n.t(
            'No key in the JWKS fits {0} with kid {1}: it needs {2}, and the set holds {3}',
            alg,
            shown,
            need,
            held,
          );
  } else {
    message =
      keys.length === 0
        ? l10n.t('No key in the JWKS fits {0}: it needs {1}, and the set is empty', alg, need)
        : l10n.t('No key in the JWKS fits {0}: it needs {1}, and the set holds {2}', alg, need, held);
  }
  return new JwtError('no-matching-key', message);
}

/**
 * A sentence for any failure. Decoding has already vetted the token, so what else fails is the key
 * being imported; jose's and WebCrypto's messages name formats and sizes, never key contents.
 */
function explain(error: unknown): string {
  if (error instanceof JwtError) return error.message;
  return l10n.t('The key could not be used: {0}', error instanceof Error ? error.message : String(error));
}
