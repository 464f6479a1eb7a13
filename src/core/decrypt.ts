import * as l10n from '@vscode/l10n';
import type { JWK } from 'jose';
import { decodeToken } from './decode';
import { JwtError } from './errors';
import { loadJose } from './jose';
import { describeKey, pemToJwk, readKey, type KeyInput } from './key';
import type { KeyFacts } from './keyFacts';

/** A decrypted JWE: its plaintext as text and its protected header. */
export interface DecryptResult {
  plaintext: string;
  header: Record<string, unknown>;
}

/** Content encryption algorithms and their key sizes in bits (a "dir" key is the content key itself). */
const ENC_BITS: Readonly<Record<string, number>> = {
  A128GCM: 128,
  A192GCM: 192,
  A256GCM: 256,
  'A128CBC-HS256': 256,
  'A192CBC-HS384': 384,
  'A256CBC-HS512': 512,
};
const WRAP_BITS: Readonly<Record<string, number>> = {
  A128KW: 128,
  A192KW: 192,
  A256KW: 256,
  A128GCMKW: 128,
  A192GCMKW: 192,
  A256GCMKW: 256,
};
const RSA_ALGS = ['RSA-OAEP', 'RSA-OAEP-256', 'RSA-OAEP-384', 'RSA-OAEP-512'];
const ECDH_ALGS = ['ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW', 'ECDH-ES+A256KW'];
const ECDH_CURVES = ['P-256', 'P-384', 'P-521', 'X25519'];
/** A "zip": "DEF" plaintext inflates to at most this many bytes (jose's default is 250 000). */
const MAX_INFLATED_BYTES = 1024 * 1024;
/** The members jose needs to import a private JWK; alg, use and key_ops are checked here, not passed on. */
const KEY_MEMBERS = ['kty', 'crv', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi', 'x', 'y'];

type DecryptNeed = { kty: 'oct'; bits: number; text: string } | { kty: 'RSA' | 'EC/OKP'; text: string };

/**
 * Decrypts a compact JWE with a shared key (dir, A*KW, A*GCMKW: a secret's UTF-8 bytes or an oct
 * JWK) or a private key (RSA-OAEP*: RSA; ECDH-ES*: EC P-256/384/521 or X25519) as PKCS#8 PEM or JWK,
 * object or JSON text.
 *
 * @throws {JwtError} `not-encrypted`, `unsupported-alg`, `key-format`, `key-alg-mismatch`, `key-public`,
 *   `decryption-failed`, `decompressed-too-large` (a "zip" plaintext past 1 MiB), `utf8`, or a decoding code;
 *   messages never contain key material
 * @example
 * const { plaintext, header } = await decryptToken(jwe, { kty: 'oct', k: '…' })
 * JSON.parse(plaintext).sub // "user-1"; header.enc // "A256GCM"
 */
export async function decryptToken(token: string, key: string | object): Promise<DecryptResult> {
  const { kind, header } = decodeToken(token);
  if (kind !== 'jwe') {
    throw new JwtError(
      'not-encrypted',
      l10n.t(
        'The token is not an encrypted JWE (it has 3 segments, not 5), so there is nothing to decrypt; its payload is readable as it is',
      ),
    );
  }
  const alg = header.alg as string;
  const enc = header.enc as string;
  const need = decryptNeed(alg, enc);
  const cryptoKey = await decryptionKey(readKey(key), alg, need);
  const { compactDecrypt, errors } = await loadJose();
  let decrypted: Awaited<ReturnType<typeof compactDecrypt>>;
  try {
    // A "zip": "DEF" plaintext is inflated by jose, which stops at maxDecompressedLength (a DEFLATE bomb).
    decrypted = await compactDecrypt(token.trim(), cryptoKey, {
      keyManagementAlgorithms: [alg],
      contentEncryptionAlgorithms: [enc],
      maxDecompressedLength: MAX_INFLATED_BYTES,
    });
  } catch (error) {
    if (header.zip === 'DEF' && error instanceof errors.JWEInvalid && /exceeded/.test(error.message)) {
      throw new JwtError(
        'decompressed-too-large',
        l10n.t(
          'The token decrypted, but its compressed content ("zip": "DEF") expands to more than {0} bytes; it was not decompressed further',
          MAX_INFLATED_BYTES,
        ),
      );
    }
    if (error instanceof errors.JWEDecryptionFailed) {
      throw new JwtError(
        'decryption-failed',
        l10n.t(
          'The token could not be decrypted with this key: wrong key (the token needs {0}), or the token was altered',
          need.text,
        ),
      );
    }
    // jose's and WebCrypto's messages name formats and sizes, never key contents.
    throw new JwtError(
      'decryption-failed',
      l10n.t('The token could not be decrypted: {0}', error instanceof Error ? error.message : String(error)),
    );
  }
  let plaintext: string;
  try {
    plaintext = new TextDecoder('utf-8', { fatal: true }).decode(decrypted.plaintext);
  } catch {
    throw new JwtError(
      'utf8',
      l10n.t(
        'The token decrypted, but its content ({0} bytes) is not UTF-8 text, so it is neither claims nor a token',
        decrypted.plaintext.length,
      ),
    );
  }
  return { plaintext, header: decrypted.protectedHeader as Record<string, unknown> };
}

/**
 * Whether a saved key, known by its facts, can be offered for decrypting a JWE with `alg` and `enc`:
 * a shared secret for dir and AES key wrapping (its size is checked on use), else a private key of
 * the right type and curve.
 */
export function keyCanDecrypt(facts: Pick<KeyFacts, 'type' | 'crv' | 'private'>, alg: string, enc: string): boolean {
  let need: DecryptNeed;
  try {
    need = decryptNeed(alg, enc);
  } catch {
    return false;
  }
  if (need.kty === 'oct') return facts.type === 'secret';
  const fits =
    need.kty === 'RSA'
      ? facts.type === 'RSA'
      : (facts.type === 'EC' || facts.type === 'OKP') && ECDH_CURVES.includes(facts.crv ?? '');
  return fits && facts.private;
}

/** The key `alg` (with `enc`, for dir) needs. @throws {JwtError} `unsupported-alg` */
function decryptNeed(alg: string, enc: string): DecryptNeed {
  if (!Object.hasOwn(ENC_BITS, enc)) {
    throw new JwtError(
      'unsupported-alg',
      l10n.t(
        'The content encryption {0} is not supported; supported are {1}',
        JSON.stringify(enc),
        Object.keys(ENC_BITS).join(', '),
      ),
    );
  }
  const bits = alg === 'dir' ? ENC_BITS[enc] : Object.hasOwn(WRAP_BITS, alg) ? WRAP_BITS[alg] : undefined;
  if (bits !== undefined) return { kty: 'oct', bits, text: l10n.t('a {0}-bit ({1}-byte) shared key', bits, bits / 8) };
  if (RSA_ALGS.includes(alg)) return { kty: 'RSA', text: l10n.t('an RSA private key') };
  if (ECDH_ALGS.includes(alg))
    return { kty: 'EC/OKP', text: l10n.t('an EC or X25519 private key ({0})', ECDH_CURVES.join(', ')) };
  throw new JwtError(
    'unsupported-alg',
    l10n.t(
      'The key management algorithm {0} is not supported; supported are {1}',
      JSON.stringify(alg),
      ['dir', ...Object.keys(WRAP_BITS), ...RSA_ALGS, ...ECDH_ALGS].join(', '),
    ),
  );
}

/** The key to hand jose, after checking it fits: the secret's bytes or the private JWK's key members. */
async function decryptionKey(input: KeyInput, alg: string, need: DecryptNeed): Promise<Uint8Array | JWK> {
  if (input.type === 'jwks')
    throw new JwtError(
      'key-format',
      l10n.t('A JWKS cannot decrypt: choose the one private key the token was encrypted for'),
    );
  if (input.type === 'secret') {
    if (need.kty !== 'oct') {
      throw new JwtError(
        'key-alg-mismatch',
        l10n.t('The key is a shared secret but the token is encrypted with {0}, which needs {1}', alg, need.text),
      );
    }
    if (input.bytes.length * 8 !== need.bits) {
      throw new JwtError(
        'key-alg-mismatch',
        l10n.t(
          'The key is {0} bytes long but the token is encrypted with {1}, which needs {2}',
          input.bytes.length,
          alg,
          need.text,
        ),
      );
    }
    return input.bytes;
  }
  if (input.type === 'pem' && input.label !== 'PRIVATE KEY') {
    throw new JwtError(
      'key-public',
      l10n.t('The key is a public key (PEM "{0}"); decrypting needs the private key', input.label),
    );
  }
  const jwk = input.type === 'pem' ? await pemToJwk(input) : input.jwk;
  const fits =
    need.kty === 'EC/OKP'
      ? (jwk.kty === 'EC' || jwk.kty === 'OKP') && ECDH_CURVES.includes(jwk.crv ?? '')
      : jwk.kty === need.kty;
  if (!fits) {
    throw new JwtError(
      'key-alg-mismatch',
      l10n.t('The key is {0} but the token is encrypted with {1}, which needs {2}', describeKey(jwk), alg, need.text),
    );
  }
  if (typeof jwk.d !== 'string')
    throw new JwtError(
      'key-public',
      l10n.t('The key is {0}; decrypting needs the private key', describeKey(jwk, 'public')),
    );
  if (jwk.alg !== undefined && jwk.alg !== alg) {
    throw new JwtError(
      'key-alg-mismatch',
      l10n.t('The key is meant for {0} (its "alg") but the token is encrypted with {1}', jwk.alg, alg),
    );
  }
  if (jwk.use !== undefined && jwk.use !== 'enc') {
    throw new JwtError(
      'key-alg-mismatch',
      l10n.t('The key is marked "use": {0}, not "enc", so it is not for encryption', JSON.stringify(jwk.use)),
    );
  }
  const source: Record<string, unknown> = jwk;
  return Object.fromEntries(
    KEY_MEMBERS.filter((name) => source[name] !== undefined).map((name) => [name, source[name]]),
  ) as JWK;
}
