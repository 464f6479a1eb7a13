/**
 * What a candidate header segment says, for the scanner: whether its base64url decodes to a JSON
 * object with a string "alg" (alg "none", a string "enc"). Run once per distinct header the scanner
 * meets, so built for speed: no allocation, and a reader of plain JSON that leaves TextDecoder and
 * JSON.parse to the rare header it cannot read. Editor-free and environment-free, like the scanner.
 */

/** Longest header segment decoded: 16 KB of base64url, room for an x5c certificate chain. */
export const MAX_HEADER_LENGTH = 16 * 1024;

/** Header flags: a string "alg", alg "none", a string "enc"; 0 for no JOSE header at all. */
export const ALG = 1;
export const NONE = 2;
export const ENC = 4;

/** base64url value of each ASCII code, -1 for everything else. */
export const B64 = new Int8Array(128).fill(-1);
for (const [i, ch] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'].entries()) {
  B64[ch.charCodeAt(0)] = i;
}

export const isJsonSpace = (byte: number): boolean => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

const DOT = 0x2e;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
/** Deeper values go to JSON.parse: the reader recurses, and real headers nest two or three levels. */
const MAX_PLAIN_DEPTH = 16;

/** Reused for every header decode: one allocation, not one per candidate; room for a 0 after the longest. */
const HEADER_BYTES = new Uint8Array((MAX_HEADER_LENGTH * 3) / 4 + 1);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes the header segment [start, end) of `text` (all base64url, its length not 4n+1) and
 * classifies it. Invalid UTF-8 makes it no header, as it does for jose.
 */
export function headerFlags(text: string, start: number, end: number): number {
  const value = (i: number): number => B64[text.charCodeAt(i)];
  let length = 0;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const v = (value(i) << 18) | (value(i + 1) << 12) | (value(i + 2) << 6) | value(i + 3);
    HEADER_BYTES[length++] = v >> 16;
    HEADER_BYTES[length++] = v >> 8;
    HEADER_BYTES[length++] = v;
  }
  if (end - i >= 2) {
    const v = (value(i) << 18) | (value(i + 1) << 12) | (end - i === 3 ? value(i + 2) << 6 : 0);
    HEADER_BYTES[length++] = v >> 16;
    if (end - i === 3) HEADER_BYTES[length++] = v >> 8;
  }
  // A 0 ends the bytes: the plain reader never reads what an earlier header left.
  HEADER_BYTES[length] = 0;
  const plain = plainHeaderFlags(length);
  if (plain >= 0) return plain;
  let header: unknown;
  try {
    header = JSON.parse(utf8.decode(HEADER_BYTES.subarray(0, length)));
  } catch {
    return 0;
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return 0;
  const { alg, enc } = header as Record<string, unknown>;
  if (typeof alg !== 'string') return 0;
  return ALG | (alg === 'none' ? NONE : 0) | (typeof enc === 'string' ? ENC : 0);
}

/**
 * How many bytes of HEADER_BYTES the plain reader reads. Its parts are module functions over this
 * state, not closures: closures made per header cost a third of its time.
 */
let plainLength = 0;

/**
 * The flags of HEADER_BYTES[0, length) when it is a plain JSON object: ASCII, no escapes, values
 * nested at most MAX_PLAIN_DEPTH deep — what nearly every real header is, and what a Flask
 * cookie's session (a JSON object too, and no header) mostly is. Read here in a fraction of what
 * TextDecoder and JSON.parse take (a log's headers with per-token kids are mostly new ones); -1 for
 * anything else (escapes, non-ASCII, deeper nesting, bad JSON), and then JSON.parse decides. As
 * JSON.parse does, the last of duplicate members counts.
 */
function plainHeaderFlags(length: number): number {
  const bytes = HEADER_BYTES;
  plainLength = length;
  let flags = 0;
  let enc = 0;
  let i = space(0);
  if (bytes[i] !== 0x7b /* { */) return -1;
  i = space(i + 1);
  if (bytes[i] === 0x7d /* } */) return space(i + 1) === length ? 0 : -1;
  // The top-level members, read here rather than by `value` (measurably faster): "alg" and "enc" count.
  for (;;) {
    if (bytes[i] !== QUOTE) return -1;
    const keyEnd = string(i);
    if (keyEnd < 0) return -1;
    const key = keyEnd - i === 5 && is(i, '"alg"') ? 'alg' : keyEnd - i === 5 && is(i, '"enc"') ? 'enc' : '';
    i = space(keyEnd);
    if (bytes[i] !== COLON) return -1;
    i = space(i + 1);
    const valueStart = i;
    const isString = bytes[i] === QUOTE;
    i = value(i, 0);
    if (i < 0) return -1;
    if (key === 'alg') flags = isString ? ALG | (i - valueStart === 6 && is(valueStart, '"none"') ? NONE : 0) : 0;
    else if (key === 'enc') enc = isString ? ENC : 0;
    i = space(i);
    if (bytes[i] === COMMA) {
      i = space(i + 1);
      continue;
    }
    if (bytes[i] !== 0x7d) return -1;
    if (space(i + 1) !== length) return -1;
    return flags === 0 ? 0 : flags | enc;
  }
}

/** Where the plain JSON value at `i` ends, or -1; arrays and objects nest up to MAX_PLAIN_DEPTH. */
function value(i: number, depth: number): number {
  const bytes = HEADER_BYTES;
  const byte = bytes[i];
  if (byte === QUOTE) return string(i);
  if (byte === 0x74 /* t */) return is(i, 'true') ? i + 4 : -1;
  if (byte === 0x66 /* f */) return is(i, 'false') ? i + 5 : -1;
  if (byte === 0x6e /* n */) return is(i, 'null') ? i + 4 : -1;
  if (byte !== 0x5b /* [ */ && byte !== 0x7b /* { */) return number(i);
  if (depth === MAX_PLAIN_DEPTH) return -1;
  const close = byte + 2; // ] and }
  i = space(i + 1);
  if (bytes[i] === close) return i + 1;
  for (;;) {
    if (close === 0x7d) {
      if (bytes[i] !== QUOTE) return -1;
      i = string(i);
      if (i < 0) return -1;
      i = space(i);
      if (bytes[i] !== COLON) return -1;
      i = space(i + 1);
    }
    i = value(i, depth + 1);
    if (i < 0) return -1;
    i = space(i);
    if (bytes[i] === COMMA) i = space(i + 1);
    else return bytes[i] === close ? i + 1 : -1;
  }
}

function space(i: number): number {
  while (i < plainLength && isJsonSpace(HEADER_BYTES[i]!)) i++;
  return i;
}

/** Where the plain string that opens at `i` ends (after its closing quote), or -1. */
function string(i: number): number {
  for (i++; i < plainLength; i++) {
    const byte = HEADER_BYTES[i]!;
    if (byte === QUOTE) return i + 1;
    if (byte < 0x20 || byte === BACKSLASH || byte >= 0x80) return -1;
  }
  return -1;
}

function digits(i: number): number {
  while (i < plainLength && HEADER_BYTES[i]! >= 0x30 && HEADER_BYTES[i]! <= 0x39) i++;
  return i;
}

/** Where the JSON number that starts at `i` ends, or -1. */
function number(i: number): number {
  const bytes = HEADER_BYTES;
  if (bytes[i] === 0x2d /* - */) i++;
  if (bytes[i] === 0x30 /* 0 */) i++;
  else if (digits(i) === i) return -1;
  else i = digits(i);
  if (bytes[i] === DOT) {
    if (digits(i + 1) === i + 1) return -1;
    i = digits(i + 1);
  }
  if ((bytes[i]! | 0x20) === 0x65 /* e, E */) {
    i++;
    if (bytes[i] === 0x2b /* + */ || bytes[i] === 0x2d) i++;
    if (digits(i) === i) return -1;
    i = digits(i);
  }
  return i;
}

/** Whether `word` is at `i` (it holds no 0, so it never matches past the bytes' end). */
function is(i: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (HEADER_BYTES[i + k] !== word.charCodeAt(k)) return false;
  return true;
}
