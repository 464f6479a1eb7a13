/**
 * Decompression with a cap on the output. A few kilobytes of deflate can expand to gigabytes (a
 * 13 KB cookie to 9.5 MB of "["), so output is read chunk by chunk and the stream is cancelled as
 * soon as it passes the cap, before the rest is ever produced. DecompressionStream exists in Node
 * 18+, browsers and workers alike. No module-level values: flask.ts is in the start-up file, and
 * only what it calls should come along. Not part of the public API.
 */
import * as l10n from '@vscode/l10n';
import { JwtError } from './errors';
import { readStreamCapped } from './readStreamCapped';

/**
 * The decompressed bytes of `bytes` (zlib for "deflate", raw DEFLATE for "deflate-raw"), or
 * undefined when they are not valid data of that format (the caller says what they were meant to be).
 * @throws {JwtError} `decompressed-too-large` past `maxBytes`
 */
export async function inflateCapped(
  bytes: Uint8Array,
  format: 'deflate' | 'deflate-raw',
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream(format)).getReader();
  return readStreamCapped(
    reader,
    maxBytes,
    () =>
      new JwtError(
        'decompressed-too-large',
        l10n.t(
          'The compressed data expands to more than {0} bytes, far beyond any real content; it was not decompressed further',
          maxBytes,
        ),
      ),
    () => undefined,
  );
}
