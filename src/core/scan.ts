/**
 * Where the tokens are in a text: JWS compact (`header.payload.signature`), unsecured JWTs
 * (`header.payload.`, alg "none"), JWE compact (five segments) and SD-JWTs (RFC 9901: a JWS, `~`,
 * disclosures each followed by `~`, and an optional key-binding JWT).
 *
 * A candidate counts only when its first segment is base64url of a JSON object with a string
 * "alg"; that one check is what keeps domains, versions, member chains and other base64 out.
 * Tokens need not start with "eyJ": `{ "alg"` encodes to "eyAi", a pretty-printed `{\n` to "ewog".
 *
 * Editor-free and environment-free (no Node API, no `atob`): it also runs in a web worker and in
 * the webview. Linear in the text and built for speed (see bench/run.mjs): the native indexOf finds
 * the dots, only segments long enough to be a header are walked back over, the native regex engine
 * walks a candidate's run, and a header is decoded only once the run has a token's shape, and only
 * as a rule once per distinct header in a text.
 */
import { ALG, B64, ENC, MAX_HEADER_LENGTH, NONE, headerFlags, isJsonSpace } from './headerFlags';
import type { MatchKind, TokenMatch } from './types';

export { MAX_HEADER_LENGTH };

/**
 * Longest token either function reports, and so how far `tokenAt` looks around its offset. Real
 * tokens stay far below it (servers cap a request header at 8 to 16 KB); it bounds `tokenAt` to
 * about a hundred microseconds in the worst case, a huge run of base64url.
 */
export const MAX_FOUND_TOKEN_LENGTH = 64 * 1024;
/** `{"alg":""}` is 10 bytes, 14 base64url characters: nothing shorter can be a header. */
const MIN_HEADER_LENGTH = 14;
/** The longest escape that may sit right before a token (`\u0022`, minus the backslash). */
const MAX_ESCAPE_LENGTH = 5;
/**
 * Most disclosures an SD-JWT may carry (decodeSdJwt refuses more): real credentials have tens. It
 * bounds the decoding one candidate costs, and so what a hover over a hostile line costs.
 */
export const MAX_DISCLOSURES = 1000;

const DOT = 0x2e;
const TILDE = 0x7e;
const PERCENT = 0x25;
const BACKSLASH = 0x5c;

const isB64 = (c: number): boolean => c < 128 && B64[c] >= 0;
const isRunChar = (c: number): boolean => c === DOT || isB64(c);
const isHex = (c: number): boolean => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);

/** The dots of the run being examined: a JWE has four; a fifth means no token. */
const DOTS = new Int32Array(4);
/** A run of base64url characters and dots (unbounded: a bounded repeat is much slower). */
const RUN = /[\w.-]+/y;
/** A run of base64url characters: a token's segment, or a piece of an SD-JWT up to its `~` or dot. */
const B64_RUN = /[\w-]+/y;

/**
 * Where the run that `run` matches from `from` in `text` ends; `from` if there is none. (`+`, not
 * `*`: the native regex engine walks a run about 10% faster.)
 */
function endOf(run: RegExp, text: string, from: number): number {
  run.lastIndex = from;
  return run.test(text) ? run.lastIndex : from;
}

/**
 * Every token in `text`, in order, non-overlapping.
 * @example findTokens('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln')
 *   // [{ start: 22, end: 51, token: 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln', kind: 'jws' }]
 */
export function findTokens(text: string): TokenMatch[] {
  const found: TokenMatch[] = [];
  let pos = 0;
  for (;;) {
    // Every token has a dot right after its header: let the native indexOf find the dots. A header
    // starts at `pos` at the earliest (right after the previous dot, or past a run already
    // examined, which ends before a character that is no base64url), so its dot is at least
    // MIN_HEADER_LENGTH further: the dots in between (versions, IPs, domains) cost no call at all.
    // A dot among the characters skipped stops the walk back below, as any non-base64url does.
    const dot = text.indexOf('.', pos + MIN_HEADER_LENGTH);
    if (dot < 0) {
      forgetHeaders();
      return found;
    }
    // The shortest header's worth of characters before the dot, right to left: most dots fail
    // within a few. (This loop stays small: the rest is in `candidate`.)
    const shortest = dot - MIN_HEADER_LENGTH;
    let i = dot - 1;
    while (i >= shortest && isB64(text.charCodeAt(i))) i--;
    pos = i >= shortest ? dot + 1 : candidate(text, pos, dot, found);
  }
}

/**
 * Where findTokens goes on after the dot at `dot`, which has MIN_HEADER_LENGTH base64url characters
 * before it and a header starting at `from` at the earliest; pushes the token it finds there.
 */
function candidate(text: string, from: number, dot: number, found: TokenMatch[]): number {
  // The walk back reads each character at most once: it stops at `from` at the latest.
  let runStart = dot - MIN_HEADER_LENGTH;
  const floor = Math.max(from, dot - MAX_HEADER_LENGTH - MAX_ESCAPE_LENGTH - 1);
  while (runStart > floor && isB64(text.charCodeAt(runStart - 1))) runStart--;
  // Stopped by `from` or the cap rather than by a boundary: inside a longer run or too long.
  if (runStart > 0 && isB64(text.charCodeAt(runStart - 1))) return dot + 1;
  const start = headerStart(text, runStart, dot);
  if (start < 0) return dot + 1;
  // Logs repeat the same few headers: each distinct one is decoded once per call.
  const result = tokenFrom(text, start, dot, true);
  // Not a token: the rest of that run cannot hold one either, its segments all follow a dot.
  if (typeof result === 'number') return result;
  found.push(result);
  return result.end;
}

/**
 * The token covering `offset` (`start <= offset <= end`: a cursor right after a token is on it),
 * or undefined. Looks only at the run of base64url characters and dots around `offset`, at most
 * about MAX_FOUND_TOKEN_LENGTH to either side, so it costs microseconds on any text. It agrees with
 * findTokens exactly: same tokens, same caps.
 * @example tokenAt('token=eyJhbGciOiJIUzI1NiJ9.e30.c2ln;', 10)?.kind // 'jws'
 */
export function tokenAt(text: string, offset: number): TokenMatch | undefined {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return undefined;
  // A token starts where its run of base64url and dots starts: find that run's start.
  const floor = Math.max(0, offset - MAX_FOUND_TOKEN_LENGTH - MAX_ESCAPE_LENGTH - 1);
  let runStart = offset;
  while (runStart > floor && isRunChar(text.charCodeAt(runStart - 1))) runStart--;
  // A run that starts further left makes any token covering offset longer than the cap.
  if (runStart === floor && runStart > 0 && isRunChar(text.charCodeAt(runStart - 1))) return undefined;
  // After a `~`: a disclosure or key-binding JWT of an SD-JWT that starts further left, perhaps.
  if (runStart > floor && text.charCodeAt(runStart - 1) === TILDE) {
    const sdJwt = sdJwtAround(text, runStart - 1, offset, floor);
    if (sdJwt) return sdJwt;
  }
  const headerLimit = Math.min(text.length, runStart + MAX_HEADER_LENGTH + MAX_ESCAPE_LENGTH + 1);
  let dot = runStart;
  while (dot < headerLimit && isB64(text.charCodeAt(dot))) dot++;
  if (dot === runStart || text.charCodeAt(dot) !== DOT) return undefined;
  const start = headerStart(text, runStart, dot);
  if (start < 0) return undefined;
  const match = tokenFrom(capped(text, start), start, dot);
  return typeof match !== 'number' && match.start <= offset && offset <= match.end ? match : undefined;
}

/**
 * The SD-JWT covering `offset` whose issuer JWS lies left of the `~` at `tilde`, if any. Its
 * disclosures hold no dots and its key-binding JWT ends it, so that JWS is the nearest piece to the
 * left with a dot in it; no token before that piece can reach past it (an SD-JWT runs to the end of
 * its run of base64url, dots and tildes), so findTokens would find the same SD-JWT. Looks no
 * further left than `floor`.
 */
function sdJwtAround(text: string, tilde: number, offset: number, floor: number): TokenMatch | undefined {
  for (let end = tilde; ; ) {
    let pieceStart = end;
    let dotted = false;
    while (pieceStart > floor && isRunChar(text.charCodeAt(pieceStart - 1))) {
      pieceStart--;
      if (text.charCodeAt(pieceStart) === DOT) dotted = true;
    }
    // A token starting at the floor or further left would be longer than the cap.
    if (pieceStart === floor && floor > 0) return undefined;
    if (dotted) {
      let dot = pieceStart;
      while (isB64(text.charCodeAt(dot))) dot++;
      const start = headerStart(text, pieceStart, dot);
      const match = start < 0 ? undefined : tokenFrom(capped(text, start), start, dot);
      return typeof match === 'object' && match.kind === 'sd-jwt' && offset <= match.end ? match : undefined;
    }
    if (text.charCodeAt(pieceStart - 1) !== TILDE) return undefined;
    end = pieceStart - 1;
  }
}

/**
 * Where the header starts if the base64url run [runStart, dot) can be a token's header; -1 if not.
 * Cheap checks only: no decoding beyond the first bytes.
 */
function headerStart(text: string, runStart: number, dot: number): number {
  // After a dot, the run would be a later segment of a longer dotted run (a.b.c.d, x.hdr.p.s).
  if (runStart > 0 && text.charCodeAt(runStart - 1) === DOT) return -1;
  const start = runStart + escapeLength(text, runStart);
  const length = dot - start;
  // A base64url length of 4n+1 decodes to nothing valid (jose rejects it too).
  if (length < MIN_HEADER_LENGTH || length > MAX_HEADER_LENGTH || length % 4 === 1) return -1;
  return opens(text, start, dot) ? start : -1;
}

/**
 * How many characters at `runStart` belong to an escape that begins just before it: the token in
 * `%22eyJ…` (URL-encoded) or `"\neyJ…"`, `\u0022eyJ…` (escaped JSON/JS/Python strings) starts after
 * the escape, whose tail is made of base64url characters. Read one way only: `%22eyJ` is always
 * an escape followed by the token, never a segment starting with "22".
 */
function escapeLength(text: string, runStart: number): number {
  if (runStart === 0) return 0;
  const before = text.charCodeAt(runStart - 1);
  const first = text.charCodeAt(runStart);
  if (before === PERCENT) {
    return isHex(first) && isHex(text.charCodeAt(runStart + 1)) ? 2 : 0;
  }
  if (before !== BACKSLASH) return 0;
  switch (first) {
    case 0x6e /* n */:
    case 0x72 /* r */:
    case 0x74 /* t */:
    case 0x62 /* b */:
    case 0x66 /* f */:
      return 1;
    case 0x75 /* u */:
      return hexRun(text, runStart + 1, 4) ? 5 : 0;
    case 0x78 /* x */:
      return hexRun(text, runStart + 1, 2) ? 3 : 0;
    default:
      return 0;
  }
}

function hexRun(text: string, from: number, count: number): boolean {
  for (let i = from; i < from + count; i++) if (!isHex(text.charCodeAt(i))) return false;
  return true;
}

/** Whether the base64url in [start, end) decodes to JSON whitespace then `open` (`{` or `[`): the prefilter. */
function opens(text: string, start: number, end: number, open = 0x7b): boolean {
  let acc = 0;
  let bits = 0;
  for (let i = start; i < end; i++) {
    acc = ((acc << 6) | B64[text.charCodeAt(i)]) & 0x3fff;
    bits += 6;
    if (bits < 8) continue;
    bits -= 8;
    const byte = (acc >> bits) & 0xff;
    if (byte === open) return true;
    if (!isJsonSpace(byte)) return false;
  }
  return false;
}

/**
 * The token whose header is [start, dot), or where the run of base64url and dots that starts there
 * ends (for findTokens to resume). The shape is checked before the header is decoded, so most
 * decoys cost no decoding. The run minus its trailing dots (`… eyJ…sig.` ends a sentence) is
 * split at every dot:
 * - 3 segments: 'jws', whatever the alg ("none" included). The payload may be empty: detached
 *   content (RFC 7515 appendix F); the validated header makes that safe enough. A JWS followed
 *   right away by `~` may be the start of an SD-JWT (see sdJwtEnd).
 * - 2 segments and a trailing dot: 'unsecured', only with alg "none" (the dot is the empty
 *   signature, part of the token).
 * - 5 segments, iv and ciphertext non-empty (the encrypted key is empty for alg "dir"), a header
 *   with a string "enc": 'jwe'.
 * - Anything else (`a.b.c.d`, `hdr.p.s..x`, `hdr..`) is no token. Nor is a run that goes on past
 *   MAX_FOUND_TOKEN_LENGTH from the start.
 * Payload and signature are not decoded: a token with a broken payload is still shown, as broken.
 * findTokens passes its whole text, and a run too long for a token is walked once, then skipped;
 * tokenAt passes the text `capped` at the longest token that starts at `start`.
 */
function tokenFrom(text: string, start: number, dot: number, cacheHeaders = false): TokenMatch | number {
  // Segment by segment, the native regex engine (faster than a charCodeAt loop) walks the run of
  // base64url characters and dots that follows, noting its dots; after a fifth, it walks to the end.
  let dots = 0;
  let fifthDot = -1;
  let runEnd: number;
  for (let q = dot; ; ) {
    if (dots === DOTS.length) {
      fifthDot = q;
      runEnd = endOf(RUN, text, q);
      break;
    }
    DOTS[dots++] = q;
    q = endOf(B64_RUN, text, q + 1);
    if (text.charCodeAt(q) !== DOT) {
      runEnd = q;
      break;
    }
  }
  if (runEnd - start > MAX_FOUND_TOKEN_LENGTH) return runEnd;
  let coreEnd = runEnd;
  while (text.charCodeAt(coreEnd - 1) === DOT) coreEnd--;
  if (coreEnd === dot || (fifthDot >= 0 && fifthDot < coreEnd)) return runEnd;
  // Trailing dots end no segment.
  while (DOTS[dots - 1]! >= coreEnd) dots--;
  let kind: MatchKind;
  let end = coreEnd;
  let needs = ALG;
  if (dots === 2) {
    kind = 'jws';
  } else if (dots === 4 && DOTS[2] > DOTS[1] + 1 && DOTS[3] > DOTS[2] + 1) {
    kind = 'jwe';
    needs |= ENC;
  } else if (dots === 1 && runEnd > coreEnd) {
    kind = 'unsecured';
    end++;
    needs |= NONE;
  } else {
    return runEnd;
  }
  if ((flagsOf(text, start, dot, cacheHeaders) & needs) !== needs) return runEnd;
  if (kind === 'jws' && end === runEnd && text.charCodeAt(end) === TILDE) {
    const sdEnd = sdJwtEnd(text, start, end + 1, cacheHeaders);
    if (sdEnd > 0) return { start, end: sdEnd, token: text.slice(start, sdEnd), kind: 'sd-jwt' };
  }
  return { start, end, token: text.slice(start, end), kind };
}

/**
 * Where the SD-JWT whose issuer JWS ends right before `from - 1` (a `~`) ends, or -1 when what
 * follows the `~` is not one. The rule, all or nothing: the run of base64url, dots and tildes from
 * the JWS on, minus trailing dots, must be
 * `<jws>~<disclosure>~…~<disclosure>~[<kb-jwt>]` with at least one disclosure or the key-binding
 * JWT, where a disclosure is base64url of `[…]` (see isDisclosure; at most MAX_DISCLOSURES) and the
 * key-binding JWT is a JWS by this scanner's rules. (As for the other kinds, the run counts its
 * trailing dots towards the cap.) Otherwise the JWS is reported alone: `<jws>~`
 * with nothing after it discloses nothing, and `<jws>~/path`, `<jws>~~`, `<jws>~word~` are text.
 * Disclosures and key-binding JWTs hold no escapes, since a `~` comes right before each.
 */
function sdJwtEnd(text: string, start: number, from: number, cacheHeaders: boolean): number {
  // Within the cap; the native regex engine walks each piece, and the first piece that does not fit
  // ends the walk, so no piece is looked at for two candidates.
  const window = capped(text, start);
  // A piece that reaches the end of a full window makes the SD-JWT longer than the cap.
  const cut = window.length - start > MAX_FOUND_TOKEN_LENGTH;
  for (let piece = from, disclosures = 0; ; disclosures++) {
    const end = endOf(B64_RUN, window, piece);
    if (cut && end === window.length) return -1;
    const next = window.charCodeAt(end);
    if (next === TILDE) {
      if (disclosures === MAX_DISCLOSURES || !isDisclosure(text, piece, end)) return -1;
      piece = end + 1;
      continue;
    }
    if (next !== DOT) {
      // The run ends here (or at the cap): the last piece must be empty, after at least one disclosure.
      return end === piece && disclosures > 0 ? end : -1;
    }
    // A dot: the key-binding JWT, the end of the run; or trailing dots after the last `~`.
    const runEnd = endOf(RUN, window, end);
    if ((cut && runEnd === window.length) || window.charCodeAt(runEnd) === TILDE) return -1;
    let last = runEnd;
    while (text.charCodeAt(last - 1) === DOT) last--;
    if (last === piece) return disclosures > 0 ? piece : -1;
    // Exactly two dots, a non-empty signature, a JWS header (after a `~`, headerStart skips no escape).
    const second = window.indexOf('.', end + 1);
    if (second === -1 || second >= last - 1) return -1;
    const third = window.indexOf('.', second + 1);
    if (third !== -1 && third < last) return -1;
    return headerStart(text, piece, end) === piece && flagsOf(text, piece, end, cacheHeaders) & ALG ? last : -1;
  }
}

/**
 * Whether [start, end) has the shape of an SD-JWT disclosure: base64url of something that opens
 * with `[` and closes with `]`, JSON whitespace aside. Only the two ends are decoded: a disclosure
 * broken in the middle still belongs to its SD-JWT, and decodeSdJwt says what is wrong with it.
 */
function isDisclosure(text: string, start: number, end: number): boolean {
  const length = end - start;
  return length > 1 && length % 4 !== 1 && opens(text, start, end, 0x5b) && closesArray(text, start, end);
}

/** Whether the base64url [start, end) (not 4n+1 long) decodes to `]` then JSON whitespace. */
function closesArray(text: string, start: number, end: number): boolean {
  // Group by group from the end; the last group holds 2, 3 or 4 characters (1, 2 or 3 bytes).
  for (let groupEnd = end, chars = (end - start) % 4 || 4; groupEnd - chars >= start; groupEnd -= chars, chars = 4) {
    let acc = 0;
    for (let i = groupEnd - chars; i < groupEnd; i++) acc = (acc << 6) | B64[text.charCodeAt(i)];
    // Drop the bits past the last byte: 0 of 24, 2 of 18, 4 of 12.
    acc >>= (4 - chars) * 2;
    for (let byte = 0; byte < chars - 1; byte++) {
      const value = (acc >> (8 * byte)) & 0xff;
      if (value === 0x5d) return true;
      if (!isJsonSpace(value)) return false;
    }
  }
  return false;
}

/** The text up to where a token starting at `start` would be longer than the cap: tokenAt looks no further. */
const capped = (text: string, start: number): string =>
  text.slice(0, Math.min(text.length, start + MAX_FOUND_TOKEN_LENGTH + 1));

const CACHE_BITS = 12;
/**
 * The headers findTokens decoded, by a hash of a few of their characters (faster than a Map, which
 * hashes them all): a direct-mapped table, newest wins, emptied at the end of each call since its
 * keys are slices that keep the text alive.
 */
const cachedHeaders = new Array<string | undefined>(1 << CACHE_BITS).fill(undefined);
const cachedFlags = new Uint8Array(1 << CACHE_BITS);
const filledSlots: number[] = [];

function forgetHeaders(): void {
  for (const slot of filledSlots) cachedHeaders[slot] = undefined;
  filledSlots.length = 0;
}

function flagsOf(text: string, start: number, dot: number, cache: boolean): number {
  if (!cache) return headerFlags(text, start, dot);
  // FNV-1a-style over eight characters where a log's headers tell each other apart: the alg's
  // value (after `{"alg":"`, 11 characters of base64url), and the end, where a kid mostly is.
  // Equality decides.
  const length = dot - start;
  let hash = length;
  for (let k = 11; k <= 14; k++) hash = Math.imul(hash ^ text.charCodeAt(start + k), 0x01000193);
  for (let k = 2; k <= 14; k += 4) hash = Math.imul(hash ^ text.charCodeAt(dot - k), 0x01000193);
  const slot = (hash ^ (hash >>> 15)) & ((1 << CACHE_BITS) - 1);
  const key = text.slice(start, dot);
  const previous = cachedHeaders[slot];
  if (previous === key) return cachedFlags[slot]!;
  const flags = headerFlags(text, start, dot);
  if (previous === undefined) filledSlots.push(slot);
  cachedHeaders[slot] = key;
  cachedFlags[slot] = flags;
  return flags;
}
