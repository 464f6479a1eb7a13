import * as l10n from '@vscode/l10n';
import { decodeBase64url } from './base64url';
import { decodeHeaderObject, splitToken } from './decode';
import { JwtError } from './errors';

export interface CrackOptions {
  /** Stops the search before the next batch of words: the promise then rejects with a JwtError whose code is `cancelled`. */
  signal?: AbortSignal;
  /** Called with the number of words tried so far, every {@link CRACK_BATCH} words and once at the end. */
  onProgress?: (tried: number) => void;
}

/** Words signed at once: enough to keep WebCrypto's thread pool busy, few enough to stop soon when cancelled. */
const CRACK_BATCH = 256;
const HASHES: Readonly<Record<string, string>> = { HS256: 'SHA-256', HS384: 'SHA-384', HS512: 'SHA-512' };
const encoder = new TextEncoder();
// HMAC pads a short key with zero bytes (RFC 2104), so the empty key signs as one zero byte does;
// WebCrypto refuses zero-length keys.
const EMPTY_KEY = new Uint8Array(1);

/**
 * Tries each word as the HMAC secret of an HS256/384/512 token, offline, and resolves to the first
 * that verifies its signature, or undefined when none does. Words are UTF-8 encoded, as
 * verifyToken reads a secret given as text. A token whose signature has the wrong length for its
 * alg resolves to undefined without trying any word.
 *
 * @throws {JwtError} `unsupported-alg` for any other alg; decoding codes (`segments`, `json`, …)
 *   for text that is not a JWS; rejects with `cancelled` when `options.signal` aborts
 * @example
 * await crackSecret(jwtIoExample, ['secret', 'your-256-bit-secret']) // 'your-256-bit-secret'
 */
export async function crackSecret(
  token: string,
  words: Iterable<string> | AsyncIterable<string>,
  options: CrackOptions = {},
): Promise<string | undefined> {
  const { segments } = splitToken(token);
  const [header, payload, signature] = segments;
  const alg = decodeHeaderObject(header!).alg;
  const hash = typeof alg === 'string' && Object.hasOwn(HASHES, alg) ? HASHES[alg]! : undefined;
  if (segments.length !== 3 || hash === undefined) {
    throw new JwtError(
      'unsupported-alg',
      l10n.t(
        'Only tokens signed with a shared secret (HS256, HS384, HS512) can be checked against a word list; this one has alg {0}',
        JSON.stringify(alg ?? null),
      ),
    );
  }
  const { signal, onProgress } = options;
  const cancelled = (): JwtError =>
    new JwtError('cancelled', l10n.t('The search for the secret was cancelled'), { segment: 'signature' });
  if (signal?.aborted) throw cancelled();
  let expected: Uint8Array;
  try {
    expected = decodeBase64url(signature!.text);
  } catch {
    return undefined;
  }
  if (expected.length !== Number(hash.slice(4)) / 8) return undefined;

  // The signing input never changes: encode it once; only the key does, per word.
  const input = encoder.encode(`${header!.text}.${payload!.text}`);
  const subtle = globalThis.crypto.subtle;
  const algorithm = { name: 'HMAC', hash };
  const signs = async (word: string): Promise<boolean> => {
    const bytes = word === '' ? EMPTY_KEY : encoder.encode(word);
    const key = await subtle.importKey('raw', bytes, algorithm, false, ['sign']);
    return sameBytes(new Uint8Array(await subtle.sign('HMAC', key, input)), expected);
  };

  let tried = 0;
  let batch: string[] = [];
  const flush = async (): Promise<string | undefined> => {
    if (signal?.aborted) throw cancelled();
    const results = await Promise.all(batch.map(signs));
    const found = batch[results.indexOf(true)];
    tried += batch.length;
    batch = [];
    onProgress?.(tried);
    return found;
  };
  // A sync iterable is read without `for await`, which would cost a microtask per word.
  if (typeof (words as Partial<AsyncIterable<string>>)[Symbol.asyncIterator] === 'function') {
    for await (const word of words as AsyncIterable<string>) {
      if (batch.push(word) === CRACK_BATCH) {
        const found = await flush();
        if (found !== undefined) return found;
      }
    }
  } else {
    for (const word of words as Iterable<string>) {
      if (batch.push(word) === CRACK_BATCH) {
        const found = await flush();
        if (found !== undefined) return found;
      }
    }
  }
  return batch.length > 0 || tried === 0 ? flush() : undefined;
}

/** Equal length and bytes; timing does not matter here, the attacker is the user. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
