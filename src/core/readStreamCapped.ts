/**
 * A stream read to its end, or cancelled as soon as it passes `maxBytes`, so a hostile source (a
 * zip bomb, an endless HTTP body) never makes us hold more than the cap: `tooLarge()` is thrown then.
 * A failed read goes to `readFailed`, which returns what to end with or throws. Not part of the public API.
 * @example await readStreamCapped(body.getReader(), 1 << 20, () => new Error('too big'), () => undefined)
 */
export async function readStreamCapped<T>(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  maxBytes: number,
  tooLarge: () => Error,
  readFailed: (error: unknown) => T,
): Promise<Uint8Array | T> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch (error) {
      return readFailed(error);
    }
    if (step.done) break;
    length += step.value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(step.value);
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
