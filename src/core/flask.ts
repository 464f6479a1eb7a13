/**
 * Flask session cookies: itsdangerous' URLSafeTimedSerializer format `payload.timestamp.signature`,
 * as Flask's default SecureCookieSessionInterface writes it. Not JOSE, so not jose: WebCrypto does
 * the HMAC-SHA1 and DecompressionStream the zlib, both available in Node 18+, browsers and workers.
 *
 * - payload: base64url of compact JSON in Flask's tagged form; a leading "." means zlib-compressed.
 * - timestamp: base64url of a big-endian integer, seconds since the Unix epoch (itsdangerous 1.0+;
 *   before 1.0 it counted from 2011-01-01, see `legacyTimestamp`).
 * - signature: HMAC-SHA1 over "payload.timestamp", keyed with HMAC-SHA1(SECRET_KEY, salt)
 *   (key derivation "hmac", salt "cookie-session"); base64url.
 */
import * as l10n from '@vscode/l10n';
import { decodeBase64url } from './base64url';
import { JwtError } from './errors';
import { inflateCapped } from './inflate';
import { jsonDepth } from './json';

/** Where a session cookie sits in a text (`end` exclusive). */
export interface SessionCookieMatch {
  start: number;
  end: number;
  cookie: string;
  compressed: boolean;
}

export interface FlaskSession {
  /** The session's contents, tagged values made readable: tuples as arrays, bytes as b'…', datetimes as ISO strings. */
  payload: unknown;
  /** When it was signed, as itsdangerous 1.0 and later count. */
  timestamp: Date;
  /** The same timestamp as itsdangerous before 1.0 counted it (seconds since 2011-01-01). */
  legacyTimestamp: Date;
  compressed: boolean;
  /**
   * The payload as indented JSON for a hover or panel, cut at {@link MAX_SHOWN_CHARS} characters
   * with a note saying how much was left out.
   */
  text: string;
}

export interface FlaskVerifyOptions {
  /** PERMANENT_SESSION_LIFETIME in seconds: an older session is rejected, as Flask does. */
  maxAgeSeconds?: number;
  now?: Date;
  /** Flask's default "cookie-session". */
  salt?: string;
  /** Flask's default "hmac"; plain itsdangerous serializers default to "django-concat". */
  keyDerivation?: 'hmac' | 'django-concat';
}

export interface FlaskVerifyResult {
  valid: boolean;
  error?: string;
  /** Seconds since it was signed (negative: signed in the future). */
  age: number;
}

/** itsdangerous before 1.0 counted timestamps from here (2011-01-01T00:00:00Z). */
const LEGACY_EPOCH_SECONDS = 1293840000;
/** A payload, a timestamp, and an HMAC of SHA-1, SHA-256 or SHA-512 (27, 43, 86 base64url characters). */
const COOKIE = /(?<![\w.-])(\.?)([\w-]+)\.([\w-]{1,12})\.([\w-]{86}|[\w-]{43}|[\w-]{27})(?![\w.-])/g;
/** A hover looks this far around its offset: cookies stay under browsers' 4 KB limit. */
const LOOK_AROUND = 8192;
/** A real Flask cookie is under 4 KB; its payload, inflated, is capped at 1 MiB (inflate.ts's cap). */
const MAX_PAYLOAD_BYTES = 1024 * 1024;
/** Flask's sessions nest a few levels; deeper JSON is hostile (and would overflow the untagging). */
const MAX_DEPTH = 100;
/** What a hover shows of a payload at most. */
const MAX_SHOWN_CHARS = 20_000;
const text = new TextEncoder();
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Every session cookie in `text`, in order. The payload must open a JSON object, or be zlib data
 * when compressed; that keeps other dotted base64 out. JWTs are findTokens' business: a JWS
 * header is never a Flask payload (it would need a 6-character signature segment in the middle).
 * @example findSessionCookies('session=eyJ1c2VyX2lkIjo0Mn0.aVW5AA.7FS7rsrw-G_WruhkPkMSsuZ8te8')[0].start // 8
 */
export function findSessionCookies(input: string): SessionCookieMatch[] {
  const found: SessionCookieMatch[] = [];
  for (const m of input.matchAll(COOKIE)) {
    const compressed = m[1] === '.';
    if (!plausiblePayload(m[2]!, compressed)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, cookie: m[0], compressed });
  }
  return found;
}

/**
 * The session cookie covering `offset` (a cursor right after it counts), looking only near it.
 * @example flaskSessionAt(line, 12)?.cookie
 */
export function flaskSessionAt(input: string, offset: number): SessionCookieMatch | undefined {
  const from = Math.max(0, offset - LOOK_AROUND);
  return findSessionCookies(input.slice(from, offset + LOOK_AROUND))
    .map((m) => ({ ...m, start: m.start + from, end: m.end + from }))
    .find((m) => m.start <= offset && offset <= m.end);
}

function plausiblePayload(payload: string, compressed: boolean): boolean {
  try {
    const bytes = decodeBase64url(payload.slice(0, 8));
    // zlib: CMF 0x78 (deflate, 32 KB window) and a header checksum that is a multiple of 31.
    if (compressed) return bytes[0] === 0x78 && (bytes[0] * 256 + bytes[1]!) % 31 === 0;
    if (bytes[0] !== 0x7b) return false;
    // Parsing is the proof for cookie-sized payloads; a bigger one (hostile, or pasted) is only
    // checked for its closing brace, since JSON.parse of a megabyte of "[" blocks for seconds.
    if (payload.length > LOOK_AROUND)
      return decodeBase64url(payload.slice(payload.length - (payload.length % 4 || 4))).at(-1) === 0x7d;
    return JSON.parse(utf8.decode(decodeBase64url(payload))) !== null;
  } catch {
    return false;
  }
}

/** Splits from the right, as itsdangerous does: the payload itself may start with a dot. */
function split(cookie: string): { payload: string; timestamp: string; signature: string; compressed: boolean } {
  const parts = cookie.trim().split('.');
  const compressed = parts.length === 4 && parts[0] === '';
  if (compressed) parts.shift();
  if (parts.length !== 3 || parts.includes('')) {
    throw new Error(
      l10n.t(
        'A Flask session cookie has three dot-separated parts, payload.timestamp.signature, and a leading dot when compressed',
      ),
    );
  }
  const [payload, timestamp, signature] = parts as [string, string, string];
  return { payload: compressed ? `.${payload}` : payload, timestamp, signature, compressed };
}

/**
 * Reads a Flask session cookie without verifying it. Hostile cookies are refused before they cost
 * much: compressed data stops inflating at 1 MiB, and JSON nesting over 100 levels is not parsed.
 * @throws Error with a sentence naming the part at fault; JwtError `decompressed-too-large`,
 *   `too-large` or `too-deep` for hostile payloads
 * @example (await decodeFlaskSession(cookie)).payload // { user_id: 42 }
 */
export async function decodeFlaskSession(cookie: string): Promise<FlaskSession> {
  const { payload, timestamp, compressed } = split(cookie);
  const seconds = readTimestamp(timestamp);
  let bytes = decodePart(compressed ? payload.slice(1) : payload, 'payload');
  if (compressed) bytes = await inflate(bytes);
  else if (bytes.length > MAX_PAYLOAD_BYTES) {
    throw new JwtError(
      'too-large',
      l10n.t(
        'The payload is {0} bytes; Flask session payloads over {1} bytes are not decoded',
        bytes.length,
        MAX_PAYLOAD_BYTES,
      ),
    );
  }
  let source: string;
  try {
    source = utf8.decode(bytes);
  } catch {
    throw new Error(l10n.t('The payload (part 1) is not JSON text, so this is not a Flask session cookie'));
  }
  // Before parsing: untagging recurses, and "[[[[…" a million deep would overflow the stack.
  if (jsonDepth(source) > MAX_DEPTH) throw tooDeep();
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch {
    throw new Error(l10n.t('The payload (part 1) is not JSON text, so this is not a Flask session cookie'));
  }
  const value = untag(json, 0);
  return {
    payload: value,
    timestamp: new Date(seconds * 1000),
    legacyTimestamp: new Date((seconds + LEGACY_EPOCH_SECONDS) * 1000),
    compressed,
    text: shown(value),
  };
}

function tooDeep(): JwtError {
  return new JwtError(
    'too-deep',
    l10n.t('The payload nests more than {0} levels deep, which no Flask session does; it was not decoded', MAX_DEPTH),
  );
}

/** Indented JSON, cut for display. */
function shown(value: unknown): string {
  const full = JSON.stringify(value, null, 2) ?? String(value);
  if (full.length <= MAX_SHOWN_CHARS) return full;
  return `${full.slice(0, MAX_SHOWN_CHARS)}\n${l10n.t('… {0} more characters not shown', full.length - MAX_SHOWN_CHARS)}`;
}

/**
 * Checks the cookie's signature with the app's SECRET_KEY (text, or its bytes), then its age against `maxAgeSeconds`.
 * Never rejects: problems come back as `error`.
 * @example await verifyFlaskSession(cookie, 'dev-secret-key', { maxAgeSeconds: 31 * 86400 }) // { valid: true, age: 3600 }
 */
export async function verifyFlaskSession(
  cookie: string,
  secretKey: string | Uint8Array,
  options: FlaskVerifyOptions = {},
): Promise<FlaskVerifyResult> {
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  let age = NaN;
  try {
    const { payload, timestamp, signature } = split(cookie);
    age = nowSeconds - readTimestamp(timestamp);
    const key = await signingKey(secretKey, options.salt ?? 'cookie-session', options.keyDerivation ?? 'hmac');
    const signed = text.encode(`${payload}.${timestamp}`);
    if (!(await crypto.subtle.verify('HMAC', key, decodePart(signature, 'signature') as BufferSource, signed))) {
      return {
        valid: false,
        age,
        error: l10n.t('The signature does not match: a different SECRET_KEY (or salt), or the cookie was altered'),
      };
    }
    const max = options.maxAgeSeconds;
    if (max !== undefined && age > max) {
      return {
        valid: false,
        age,
        error: l10n.t(
          'The session is {0} seconds old, more than its lifetime of {1} seconds (PERMANENT_SESSION_LIFETIME): Flask rejects it',
          age,
          max,
        ),
      };
    }
    if (age < 0)
      return {
        valid: false,
        age,
        error: l10n.t("The cookie was signed {0} seconds in the future; the server's clock may be wrong", -age),
      };
    return { valid: true, age };
  } catch (error) {
    return { valid: false, age, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * itsdangerous' signing key for a SECRET_KEY and salt: HMAC-SHA1(secret, salt) ("hmac") or
 * SHA1(salt + "signer" + secret) ("django-concat"), as an HMAC-SHA1 key for `usage`. Not part of the
 * public API (flaskSign.ts uses it too).
 */
export async function signingKey(
  secretKey: string | Uint8Array,
  salt: string,
  derivation: 'hmac' | 'django-concat',
  usage: KeyUsage = 'verify',
): Promise<CryptoKey> {
  const secret = typeof secretKey === 'string' ? text.encode(secretKey) : secretKey;
  const hmacKey = (raw: BufferSource, use: KeyUsage) =>
    crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-1' }, false, [use]);
  const derived =
    derivation === 'hmac'
      ? await crypto.subtle.sign('HMAC', await hmacKey(secret as BufferSource, 'sign'), text.encode(salt))
      : await crypto.subtle.digest('SHA-1', new Uint8Array([...text.encode(`${salt}signer`), ...secret]));
  return hmacKey(derived, usage);
}

function decodePart(part: string, name: 'payload' | 'signature' | 'timestamp'): Uint8Array {
  try {
    return decodeBase64url(part);
  } catch {
    throw new Error(
      name === 'payload'
        ? l10n.t('The payload is not base64url')
        : name === 'signature'
          ? l10n.t('The signature is not base64url')
          : l10n.t('The timestamp is not base64url'),
    );
  }
}

function readTimestamp(part: string): number {
  const bytes = decodePart(part, 'timestamp');
  if (bytes.length === 0 || bytes.length > 6)
    throw new Error(l10n.t('The timestamp (part 2) is not a number of seconds'));
  return bytes.reduce((n, byte) => n * 256 + byte, 0);
}

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const inflated = await inflateCapped(bytes, 'deflate', MAX_PAYLOAD_BYTES);
  if (!inflated) throw new Error(l10n.t('The payload starts with "." (compressed) but is not valid zlib data'));
  return inflated;
}

/**
 * Flask's tagged JSON (flask/json/tag.py), made readable; a one-key object with a known tag is a
 * tagged value. `depth` bounds the recursion, whatever the caller checked before.
 */
function untag(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) throw tooDeep();
  if (Array.isArray(value)) return value.map((item) => untag(item, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([k, v]) => [k, untag(v, depth + 1)] as const);
  if (entries.length !== 1) return Object.fromEntries(entries);
  const [tag, inner] = entries[0]!;
  switch (tag) {
    case ' t': // tuple
    case ' m': // Markup: HTML as a string
      return inner;
    case ' u': // UUID: Flask stores its 32 hex digits; Python shows it as str(uuid) does
      return uuidText(inner);
    case ' b':
      return typeof inner === 'string'
        ? bytesRepr(decodeBase64url(inner.replace(/[+/=]/g, (c) => ({ '+': '-', '/': '_', '=': '' })[c]!)))
        : inner;
    case ' d': {
      const date = typeof inner === 'string' ? new Date(inner) : undefined;
      return date && !Number.isNaN(date.getTime()) ? date.toISOString() : inner;
    }
    case ' di': {
      // A dict whose only key looks like a tag was escaped by appending "__".
      const escaped = inner !== null && typeof inner === 'object' ? Object.entries(inner) : [];
      return escaped.length === 1 ? { [escaped[0]![0].replace(/__$/, '')]: escaped[0]![1] } : inner;
    }
    default:
      return Object.fromEntries(entries);
  }
}

/**
 * A UUID as Python's str(uuid.UUID(value)): lowercase, 8-4-4-4-12. UUID() also reads braces, a
 * "urn:uuid:" prefix and hyphens anywhere; anything else is shown as it is.
 */
function uuidText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const hex = value.replace(/^urn:uuid:/i, '').replace(/[{}-]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) return value;
  const h = hex.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Bytes as Python writes them: b'hi\x00'. */
function bytesRepr(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out +=
      byte >= 0x20 && byte < 0x7f && byte !== 0x27 && byte !== 0x5c
        ? String.fromCharCode(byte)
        : `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return `b'${out}'`;
}
