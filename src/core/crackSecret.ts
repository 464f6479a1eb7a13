import * as l10n from '@vscode/l10n';
import { decodeBase64url } from './base64url';
import { decodeHeaderObject, splitToken } from './decode';
import { JwtError } from './errors';
import { type CrackJob, nativeSecretMatcher, webCryptoSecretMatcher } from './secretMatcher';

export interface CrackOptions {
  /** Stops the search before the next batch of words: the promise then rejects with a JwtError whose code is `cancelled`. */
  signal?: AbortSignal;
  /** Called with the number of words tried so far, every {@link CRACK_BATCH} words and once at the end. */
  onProgress?: (tried: number) => void;
}

/** Words tested at once: enough to keep WebCrypto's thread pool busy, few enough to stop soon when cancelled. */
const CRACK_BATCH = 256;
/** The longest the native matcher runs before it lets the thread's other work (a cancel) in. */
const SLICE_MS = 50;
const HASHES: Readonly<Record<string, CrackJob['hash']>> = { HS256: 'SHA-256', HS384: 'SHA-384', HS512: 'SHA-512' };

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
  const job = crackJob(token);
  const { signal, onProgress } = options;
  const cancelled = (): JwtError =>
    new JwtError('cancelled', l10n.t('The search for the secret was cancelled'), { segment: 'signature' });
  if (signal?.aborted) throw cancelled();
  if (!job) return undefined;
  const matcher = nativeSecretMatcher(job);
  const test = matcher ?? webCryptoSecretMatcher(job);
  let sliceStarted = Date.now();

  let tried = 0;
  let batch: string[] = [];
  const flush = async (): Promise<string | undefined> => {
    if (signal?.aborted) throw cancelled();
    if (matcher && Date.now() - sliceStarted > SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (signal?.aborted) throw cancelled();
      sliceStarted = Date.now();
    }
    const found = batch[await test(batch)];
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

/**
 * What testing secrets against `token` needs, or undefined for a token whose signature has the wrong
 * length for its alg (no secret can sign it).
 * @throws {JwtError} `unsupported-alg` for anything but HS256/384/512; decoding codes for text that is
 *   not a JWS
 */
export function crackJob(token: string): CrackJob | undefined {
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
  let expected: Uint8Array;
  try {
    expected = decodeBase64url(signature!.text);
  } catch {
    return undefined;
  }
  if (expected.length !== Number(hash.slice(4)) / 8) return undefined;
  return {
    hash,
    input: new TextEncoder().encode(`${header!.text}.${payload!.text}`),
    signature: new Uint8Array(expected),
  };
}
