import * as l10n from '@vscode/l10n';
import type { JWK } from 'jose';
import { JwtError } from './errors';
import { loadJose } from './jose';
import { describeJsonError, findJsonError, isJsonObject, jsonType } from './json';
import {
  chosenFor,
  hmacBits,
  keyConfusion,
  keyNeed,
  keyProblem,
  pemToJwk,
  readKey,
  type KeyInput,
  type KeyType,
} from './key';

/**
 * The algorithms a user can pick to sign with, in menu order. signPayload (and verifyToken) also
 * accept "Ed25519", the fully-specified name of EdDSA over Ed25519.
 */
export const SIGNING_ALGORITHMS = [
  'HS256',
  'HS384',
  'HS512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

export interface SignOptions {
  alg: string;
  /** A shared secret (HS*), a PKCS#8 PEM ("PRIVATE KEY"), or a private JWK as an object or JSON text. */
  key: string | object;
  /** Extra protected header parameters; `typ: "JWT"` is the default, and `alg` must agree with `options.alg` if given. */
  header?: object;
  /** What the key text is, when the caller knows; as for verifyToken, public-key material is never an HMAC secret. */
  keyType?: KeyType;
}

/**
 * Signs a JSON object payload into a compact JWS. The payload is serialized with JSON.stringify,
 * so JSON text is re-serialized compactly.
 *
 * @throws {JwtError} `alg-none`, `unsupported-alg`, `payload-json` (with line and column),
 * `payload-not-object`, `header-not-object`, `header-alg`, `key-format`, `key-public`,
 * `key-alg-mismatch`, `key-confusion` (HS* with public-key material), `key-unusable`
 * @example
 * await signPayload({ sub: 'alice' }, { alg: 'HS256', key: secret }) // "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.…"
 */
export async function signPayload(payload: object | string, options: SignOptions): Promise<string> {
  const { alg, key, header = {} } = options;
  if (typeof alg === 'string' && alg.toLowerCase() === 'none') {
    throw new JwtError(
      'alg-none',
      l10n.t(
        'Refusing to sign with alg "none": an unsecured token has no signature, so anyone could forge it; pick a real algorithm',
      ),
    );
  }
  keyNeed(alg);
  const claims = JSON.stringify(readPayload(payload));
  if (!isJsonObject(header))
    throw new JwtError('header-not-object', l10n.t('The header must be an object, not {0}', jsonType(header)));
  if (header.alg !== undefined && header.alg !== alg) {
    throw new JwtError(
      'header-alg',
      l10n.t(
        'The header says alg {0} but the token is to be signed with {1}; leave alg out of the header or make them match',
        JSON.stringify(header.alg),
        alg,
      ),
    );
  }
  const confusion = keyConfusion(key, alg, 'sign', options.keyType);
  if (confusion) throw confusion;
  const signingKey = await privateKey(readKey(key, options.keyType), alg);
  const { CompactSign } = await loadJose();
  try {
    return await new CompactSign(new TextEncoder().encode(claims))
      .setProtectedHeader({ typ: 'JWT', ...header, alg })
      .sign(signingKey);
  } catch (error) {
    throw new JwtError(
      'key-unusable',
      l10n.t('Signing with {0} failed: {1}', alg, error instanceof Error ? error.message : String(error)),
    );
  }
}

/** The payload as a JSON object, from an object or JSON text. */
function readPayload(payload: unknown): Record<string, unknown> {
  let parsed: unknown = payload;
  if (typeof payload === 'string') {
    try {
      parsed = JSON.parse(payload);
    } catch {
      throw new JwtError('payload-json', l10n.t('The payload is not valid JSON: {0}', describeJsonError(payload)), {
        position: findJsonError(payload)?.offset,
      });
    }
  }
  if (!isJsonObject(parsed))
    throw new JwtError(
      'payload-not-object',
      l10n.t('The payload must be a JSON object of claims, not {0}', jsonType(parsed)),
    );
  return parsed;
}

/** The key to hand jose: the secret's bytes or a private JWK, after checking it fits `alg`. */
async function privateKey(input: KeyInput, alg: string): Promise<Uint8Array | JWK> {
  const usage = chosenFor(alg);
  switch (input.type) {
    case 'jwks':
      throw new JwtError(
        'key-format',
        l10n.t(
          'A JWKS is a set of keys, usually public ones; signing needs one private key: give a private JWK or a PKCS#8 PEM',
        ),
      );
    case 'secret': {
      const problem = keyProblem({ kty: 'oct' }, alg, usage);
      if (problem) throw new JwtError('key-alg-mismatch', problem);
      if (input.bytes.length === 0) throw new JwtError('key-format', l10n.t('The shared secret is empty'));
      return input.bytes;
    }
    case 'pem':
    case 'jwk': {
      const jwk = input.type === 'pem' ? await pemToJwk(input) : input.jwk;
      const problem = keyProblem(jwk, alg, usage);
      if (problem) throw new JwtError('key-alg-mismatch', problem);
      if (typeof jwk.d !== 'string') {
        throw new JwtError(
          'key-public',
          input.type === 'pem'
            ? l10n.t('This PEM ("{0}") holds a public key; signing needs the private key', input.label)
            : l10n.t('This JWK is a public key (it has no "d"); signing needs the private key'),
        );
      }
      return jwk;
    }
  }
}

/**
 * Advice that does not stop signing: an HMAC secret shorter than its hash output (32, 48 or 64
 * bytes for HS256, HS384, HS512, counted in UTF-8 bytes; RFC 7518 section 3.2). Keys it cannot read
 * give no advice; signPayload reports those.
 *
 * @example
 * signingWarnings('HS256', 'secret') // ["The secret is 6 bytes; HS256 needs at least 32 …"]
 */
export function signingWarnings(alg: string, key: string | object): string[] {
  const bits = hmacBits(alg);
  if (bits === undefined) return [];
  let input: KeyInput;
  try {
    input = readKey(key);
  } catch {
    return [];
  }
  const needed = bits / 8;
  if (input.type !== 'secret' || input.bytes.length >= needed) return [];
  return [
    l10n.t(
      'The secret is {0} bytes; {1} needs at least {2} bytes ({3} bits) to be as strong as its hash (RFC 7518 section 3.2), so use a longer random secret',
      input.bytes.length,
      alg,
      needed,
      bits,
    ),
  ];
}
