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
import { findJsonError, isJsonObject, jsonType } from './json';

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

/** For a PEM label that needs converting first: what it holds and the command that converts it. */
function conversion(label: string): string | undefined {
  switch (label) {
    case 'RSA PUBLIC KEY':
      return l10n.t(
        'This PEM ("{0}") is a PKCS#1 RSA public key; convert it to SPKI with: {1}',
        label,
        'openssl rsa -RSAPublicKey_in -in key.pem -pubout -out public.pem',
      );
    case 'RSA PRIVATE KEY':
      return l10n.t(
        'This PEM ("{0}") is a PKCS#1 RSA private key; convert it to PKCS#8 with: {1}',
        label,
        'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem',
      );
    case 'EC PRIVATE KEY':
      return l10n.t(
        'This PEM ("{0}") is a SEC1 EC private key; convert it to PKCS#8 with: {1}',
        label,
        'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem',
      );
    case 'ENCRYPTED PRIVATE KEY':
      return l10n.t(
        'This PEM ("{0}") is a passphrase-protected key; decrypt it with: {1}',
        label,
        'openssl pkcs8 -in key.pem -out key-plain.pem',
      );
    case 'OPENSSH PRIVATE KEY':
      return l10n.t(
        'This PEM ("{0}") is an OpenSSH key; convert a copy to PKCS#8 with: {1}',
        label,
        'ssh-keygen -p -m PKCS8 -f copy-of-key',
      );
    default:
      return undefined;
  }
}

/**
 * Reads a key input without importing it. A string is a PEM when a line starts with "-----BEGIN "
 * (the first block is used, so `openssl x509 -text` output and chains work); a JWK or JWKS when
 * it is a JSON object with "kty" or a "keys" array; otherwise a shared secret, taken as its exact
 * UTF-8 bytes (whitespace included). An oct JWK also becomes a secret.
 *
 * @throws {JwtError} `key-format`
 */
export function readKey(key: unknown): KeyInput {
  if (typeof key === 'string') {
    const text = key.trim();
    const pem = text.search(/^-----BEGIN /m);
    if (pem !== -1) return readPem(text.slice(pem));
    if (text.startsWith('{')) {
      const parsed = parseKeyJson(text);
      if (isJsonObject(parsed) && (typeof parsed.kty === 'string' || Array.isArray(parsed.keys)))
        return readKeyObject(parsed);
    }
    return { type: 'secret', bytes: new TextEncoder().encode(key) };
  }
  if (isJsonObject(key)) return readKeyObject(key);
  throw new JwtError(
    'key-format',
    l10n.t('The key must be a string (secret, PEM, JWK or JWKS JSON) or a JWK or JWKS object, not {0}', jsonType(key)),
  );
}

/** Parsed JSON, or undefined for text that is not JSON and does not look like a JWK either. */
function parseKeyJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    if (!/"(?:kty|keys)"/.test(text)) return undefined;
    // Position only: the reason would quote a character of the key.
    const error = findJsonError(text);
    throw new JwtError(
      'key-format',
      error
        ? l10n.t(
            'The key looks like a JWK or JWKS but is not valid JSON: the syntax breaks at line {0}, column {1}',
            error.line,
            error.column,
          )
        : l10n.t('The key looks like a JWK or JWKS but is not valid JSON: the syntax breaks'),
    );
  }
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

function readPem(text: string): KeyInput {
  const label = /^-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1];
  if (!label)
    throw new JwtError(
      'key-format',
      l10n.t('Malformed PEM: the first line should look like "-----BEGIN PUBLIC KEY-----"'),
    );
  const convert = conversion(label);
  if (convert) throw new JwtError('key-format', convert);
  if (label !== 'PUBLIC KEY' && label !== 'CERTIFICATE' && label !== 'PRIVATE KEY') {
    throw new JwtError(
      'key-format',
      l10n.t('PEM "{0}" is not a supported key format; use PUBLIC KEY, CERTIFICATE or PRIVATE KEY', label),
    );
  }
  const begin = `-----BEGIN ${label}-----`;
  const end = text.indexOf(`-----END ${label}-----`);
  if (end === -1)
    throw new JwtError(
      'key-format',
      l10n.t('Malformed PEM: there is no "-----END {0}-----" line (was it cut short?)', label),
    );
  const body = text.slice(begin.length, end).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) {
    throw new JwtError('key-format', l10n.t('Malformed PEM: the text between the BEGIN and END lines is not base64'));
  }
  const der = decodeBase64url(body.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
  if (!isCompleteDer(der)) {
    throw new JwtError(
      'key-format',
      l10n.t('Malformed PEM: the key data is incomplete or damaged (was part of it lost when copying?)'),
    );
  }
  // jose wants the block alone, from its BEGIN line: drop anything around it, such as further certificates of a chain.
  return { type: 'pem', label, pem: `${begin}\n${body}\n-----END ${label}-----` };
}

/** True when the DER is one SEQUENCE whose encoded length matches the bytes present. */
function isCompleteDer(der: Uint8Array): boolean {
  if (der[0] !== 0x30 || der.length < 2) return false;
  let length = der[1]!;
  let offset = 2;
  if (length & 0x80) {
    const size = length & 0x7f;
    if (size < 1 || size > 4 || der.length < offset + size) return false;
    length = 0;
    for (let i = 0; i < size; i++) length = length * 256 + der[offset + i]!;
    offset += size;
  }
  return offset + length === der.length;
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
