/**
 * Reading keys for verify.ts and sign.ts: what a key input is, which key an algorithm needs, and
 * why a key does not fit. Not part of the public API. Messages name key types, kids and PEM labels,
 * never key material.
 */
import * as l10n from '@vscode/l10n';
import type { JWK } from 'jose';
import { decodeBase64url } from './base64url';
import { JwtError } from './errors';
import { loadJose } from './jose';
import { isJsonObject, jsonType } from './json';
import { classifyKeyText, findKeyBytes, findKeyText, type KeyTextClass } from './keyText';

/** A key input, read but not imported yet. */
export type KeyInput =
  | { type: 'secret'; bytes: Uint8Array }
  | { type: 'pem'; label: PemLabel; pem: string }
  | { type: 'jwk'; jwk: JWK }
  | { type: 'jwks'; keys: JWK[] };

type PemLabel = 'PUBLIC KEY' | 'CERTIFICATE' | 'PRIVATE KEY';

/** The key an algorithm needs: its JWK kty and curve, and how messages name it. */
export interface KeyNeed {
  kty: 'oct' | 'RSA' | 'EC' | 'OKP';
  crv?: string;
  /** Translated when read (the table is built before translations are configured). */
  readonly text: string;
}

/** A KeyNeed whose text is {@link describeKey}'s, worded when a message is made. */
const needing = (kty: KeyNeed['kty'], crv?: string): KeyNeed => ({
  kty,
  ...(crv === undefined ? {} : { crv }),
  get text() {
    return describeKey({ kty, crv });
  },
});
const SECRET = needing('oct');
const RSA = needing('RSA');
const ED25519 = needing('OKP', 'Ed25519');

/** Every JWS algorithm the core signs and verifies. "Ed25519" is the fully-specified name of EdDSA over Ed25519. */
const NEEDS: Readonly<Record<string, KeyNeed>> = {
  HS256: SECRET,
  HS384: SECRET,
  HS512: SECRET,
  RS256: RSA,
  RS384: RSA,
  RS512: RSA,
  PS256: RSA,
  PS384: RSA,
  PS512: RSA,
  ES256: needing('EC', 'P-256'),
  ES384: needing('EC', 'P-384'),
  ES512: needing('EC', 'P-521'),
  EdDSA: ED25519,
  Ed25519: ED25519,
};

/** The key `alg` needs. @throws {JwtError} `unsupported-alg` */
export function keyNeed(alg: string): KeyNeed {
  const need = typeof alg === 'string' && Object.hasOwn(NEEDS, alg) ? NEEDS[alg] : undefined;
  if (!need) {
    throw new JwtError(
      'unsupported-alg',
      l10n.t(
        'The algorithm {0} is not supported; supported are {1}',
        JSON.stringify(alg),
        Object.keys(NEEDS).join(', '),
      ),
    );
  }
  return need;
}

/** The HMAC hash size in bits for HS256/384/512, else undefined. */
export function hmacBits(alg: string): number | undefined {
  return NEEDS[alg] === SECRET ? Number(alg.slice(2)) : undefined;
}

/** What the caller says a key text is; undefined lets the text say. */
export type KeyType = 'secret' | 'public';

/**
 * Reads a key input without importing it. A string is read by {@link findKeyText}: a PEM block
 * anywhere in it (the first one, so chains and `openssl x509 -text` output work), base64, hex or
 * raw DER of a key structure, an OpenSSH public key, or a JWK or JWKS however it is wrapped;
 * otherwise it is a shared secret, taken as its exact UTF-8 bytes (whitespace included). An oct
 * JWK also becomes a secret. Text holding public-key material never becomes a secret, except that
 * with `keyType: 'secret'` material only found inside other text is taken as the secret it was
 * said to be. Bytes (Uint8Array) are a key when they are DER or the text of one, else a secret.
 *
 * @throws {JwtError} `key-format`
 */
export function readKey(key: unknown, keyType?: KeyType): KeyInput {
  if (key instanceof Uint8Array || typeof key === 'string') {
    const found = typeof key === 'string' ? findKeyText(key) : findKeyBytes(key);
    if (found.class.kind === 'secret' || (keyType === 'secret' && !found.class.certain)) {
      if (keyType === 'public') throw notPublic();
      return { type: 'secret', bytes: typeof key === 'string' ? new TextEncoder().encode(key) : key };
    }
    if (found.problem) throw found.problem;
    if (found.pem) return { type: 'pem', ...found.pem };
    if (found.jwk) return { type: 'jwk', jwk: found.jwk };
    return readKeyObject(found.json!);
  }
  if (isJsonObject(key)) return readKeyObject(key);
  throw new JwtError(
    'key-format',
    l10n.t('The key must be a string (secret, PEM, JWK or JWKS JSON) or a JWK or JWKS object, not {0}', jsonType(key)),
  );
}

function notPublic(): JwtError {
  return new JwtError(
    'key-format',
    l10n.t(
      'The key was given as a public key, but it is not one in any form this tool reads (PEM, base64 or hex DER, OpenSSH, JWK or JWKS)',
    ),
  );
}

/**
 * What a key input is, for the key-confusion check: the class of a text, or of a JWK/JWKS object.
 * Undefined for inputs readKey refuses anyway.
 */
function classifyKey(key: unknown): KeyTextClass | undefined {
  if (typeof key === 'string') return classifyKeyText(key);
  if (key instanceof Uint8Array) return findKeyBytes(key).class;
  if (!isJsonObject(key)) return undefined;
  try {
    return classifyKeyText(JSON.stringify(key));
  } catch {
    return undefined; // not JSON (a cycle, a bigint): readKey refuses it
  }
}

/**
 * The refusal when `alg` is an HMAC algorithm and the key holds public-key material: an HS* token
 * checked with a public key as its secret is the RS256→HS256 key-confusion forgery, since anyone
 * who has the public key can compute that HMAC. Undefined when there is no such conflict.
 */
export function keyConfusion(
  key: unknown,
  alg: string,
  purpose: 'verify' | 'sign',
  keyType?: KeyType,
): JwtError | undefined {
  if (hmacBits(alg) === undefined) return undefined;
  const found = classifyKey(key);
  const material = keyType === 'public' || (!!found?.keyMaterial && (keyType !== 'secret' || found.certain));
  if (!material) return undefined;
  const what = found?.keyMaterial ? found.description : l10n.t('a public key (as you said)');
  return new JwtError(
    'key-confusion',
    purpose === 'verify'
      ? l10n.t(
          'This is {0}, but the token says {1}: verifying an HMAC token with a public key is the key-confusion forgery (RS256→HS256): anyone who has the public key can make such a token. The token is not trusted.',
          what,
          alg,
        )
      : l10n.t(
          'This is {0}; signing with {1} would use it as an HMAC secret, the key-confusion forgery (RS256→HS256): anyone who has the public key could make the same token. Pick the algorithm that fits the key, or use a real shared secret.',
          what,
          alg,
        ),
  );
}

function readKeyObject(key: Record<string, unknown>): KeyInput {
  if (Array.isArray(key.keys)) {
    const bad = key.keys.findIndex((entry) => !isJsonObject(entry) || typeof entry.kty !== 'string');
    if (bad !== -1)
      throw new JwtError('key-format', l10n.t('The JWKS entry {0} is not a JWK (it has no "kty")', bad + 1));
    return { type: 'jwks', keys: key.keys as JWK[] };
  }
  const jwk = key as JWK;
  switch (jwk.kty) {
    case 'oct': {
      const bytes = base64urlBytes(jwk.k);
      if (!bytes)
        throw new JwtError('key-format', l10n.t('The oct JWK has no valid "k" (the secret, base64url-encoded)'));
      return { type: 'secret', bytes };
    }
    case 'RSA':
    case 'EC':
    case 'OKP':
      return { type: 'jwk', jwk };
    case undefined:
      throw new JwtError(
        'key-format',
        l10n.t('The key object is neither a JWK (it has no "kty") nor a JWKS (it has no "keys" array)'),
      );
    default:
      throw new JwtError(
        'key-format',
        l10n.t('JWK key type {0} is not supported; supported are oct, RSA, EC and OKP', JSON.stringify(jwk.kty)),
      );
  }
}

/** One algorithm per key family; importing under each in turn reveals the key's type. */
const FAMILIES = ['RS256', 'PS256', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/**
 * The PEM's key as a JWK (private for "PRIVATE KEY", public otherwise).
 *
 * @throws {JwtError} `key-format` for key types jose cannot import
 */
export async function pemToJwk({ label, pem }: Extract<KeyInput, { type: 'pem' }>): Promise<JWK> {
  const { exportJWK, importPKCS8, importSPKI, importX509 } = await loadJose();
  const importer = { 'PUBLIC KEY': importSPKI, CERTIFICATE: importX509, 'PRIVATE KEY': importPKCS8 }[label];
  for (const alg of FAMILIES) {
    try {
      return await exportJWK(await importer(pem, alg, { extractable: true }));
    } catch {
      // not this family; try the next
    }
  }
  throw new JwtError(
    'key-format',
    l10n.t(
      'The PEM ("{0}") holds a key type that is not supported; supported are RSA, EC P-256, P-384, P-521 and Ed25519',
      label,
    ),
  );
}

const PUBLIC_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  RSA: ['n', 'e'],
  EC: ['crv', 'x', 'y'],
  OKP: ['crv', 'x'],
};

/**
 * The public half of an RSA, EC or OKP JWK: its public members plus kid, alg and use. Picking
 * rather than deleting keeps unknown private members out; key_ops goes too, since a private key's
 * ["sign"] would forbid verifying.
 */
export function publicJwk(jwk: JWK): JWK {
  const source: Record<string, unknown> = jwk;
  const members = ['kty', ...(PUBLIC_MEMBERS[jwk.kty ?? ''] ?? []), 'kid', 'alg', 'use'];
  return Object.fromEntries(
    members.filter((name) => source[name] !== undefined).map((name) => [name, source[name]]),
  ) as JWK;
}

/**
 * "an RSA key", "an EC P-384 key", "an Ed25519 key", "a shared secret"; with `half`, "an RSA public
 * key", "an EC P-256 private key" (a shared secret stays "a shared secret").
 */
export function describeKey(jwk: Pick<JWK, 'kty' | 'crv'>, half?: 'public' | 'private'): string {
  switch (jwk.kty) {
    case 'oct':
      return l10n.t('a shared secret');
    case 'RSA':
      return half === 'public'
        ? l10n.t('an RSA public key')
        : half === 'private'
          ? l10n.t('an RSA private key')
          : l10n.t('an RSA key');
    case 'EC': {
      const crv = jwk.crv ?? l10n.t('(no curve)');
      return half === 'public'
        ? l10n.t('an EC {0} public key', crv)
        : half === 'private'
          ? l10n.t('an EC {0} private key', crv)
          : l10n.t('an EC {0} key', crv);
    }
    default: {
      const name = String(jwk.crv ?? jwk.kty);
      return half === 'public'
        ? l10n.t('an {0} public key', name)
        : half === 'private'
          ? l10n.t('an {0} private key', name)
          : l10n.t('an {0} key', name);
    }
  }
}

/**
 * Why `jwk` cannot serve `alg`, or undefined if it can: the wrong type or curve, an RSA modulus under
 * 2048 bits (jose's minimum), an "alg" member naming another algorithm, or "use": "enc".
 * `usage` says what the key is being tried for, e.g. "the token is signed with ES256" ({@link signedWith}).
 */
export function keyProblem(jwk: JWK, alg: string, usage: string, subject = l10n.t('The key')): string | undefined {
  const need = keyNeed(alg);
  if (jwk.kty !== need.kty || (need.crv !== undefined && jwk.crv !== need.crv)) {
    return l10n.t('{0} is {1} but {2}, which needs {3}', subject, describeKey(jwk), usage, need.text);
  }
  if (jwk.alg !== undefined && jwk.alg !== alg)
    return l10n.t('{0} is meant for {1} (its "alg") but {2}', subject, jwk.alg, usage);
  if (jwk.use !== undefined && jwk.use !== 'sig')
    return l10n.t('{0} is marked "use": {1}, not "sig", so it is not for signatures', subject, JSON.stringify(jwk.use));
  const bits = jwk.kty === 'RSA' ? modulusBits(jwk.n) : undefined;
  if (bits !== undefined && bits < 2048)
    return l10n.t('{0} is a {1}-bit RSA key but {2}, which needs at least 2048 bits', subject, bits, usage);
  return undefined;
}

/** The `usage` of {@link keyProblem} when verifying. */
export function signedWith(alg: string): string {
  return l10n.t('the token is signed with {0}', alg);
}

/** The `usage` of {@link keyProblem} when signing. */
export function chosenFor(alg: string): string {
  return l10n.t('you chose {0}', alg);
}

function modulusBits(n: unknown): number | undefined {
  const bytes = base64urlBytes(n);
  if (!bytes) return undefined;
  const first = bytes.findIndex((byte) => byte !== 0);
  return first === -1 ? 0 : (bytes.length - first - 1) * 8 + bytes[first]!.toString(2).length;
}

/** The bytes of a base64url string, or undefined when it is not one. */
function base64urlBytes(text: unknown): Uint8Array | undefined {
  try {
    return typeof text === 'string' ? decodeBase64url(text) : undefined;
  } catch {
    return undefined;
  }
}
