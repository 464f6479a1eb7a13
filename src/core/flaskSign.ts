/**
 * Signing Flask session cookies, as Flask's SecureCookieSessionInterface does through itsdangerous'
 * URLSafeTimedSerializer (the format is described in flask.ts). Apart from flask.ts, which the
 * start-up file carries for its scanner: nothing here is needed until a cookie is made.
 */
import * as l10n from '@vscode/l10n';
import { encodeBase64url } from './base64url';
import { JwtError } from './errors';
import { signingKey } from './flask';
import { isJsonObject, jsonType } from './json';

export interface FlaskSignOptions {
  /** When it is signed (the cookie's timestamp). Default: now. */
  now?: Date;
  /** Flask's default "cookie-session". */
  salt?: string;
  /** Flask's default "hmac"; plain itsdangerous serializers default to "django-concat". */
  keyDerivation?: 'hmac' | 'django-concat';
  /**
   * "auto" (the default) compresses as itsdangerous does: when the zlib data is shorter than the JSON
   * by more than one byte. `true` and `false` force it.
   */
  compress?: boolean | 'auto';
}

/** Flask's tags (flask/json/tag.py): a one-key object with one of these keys is escaped as " di". */
const TAG_KEYS = new Set([' di', ' t', ' u', ' b', ' m', ' d']);
const text = new TextEncoder();

/**
 * A Flask session cookie holding `session`, signed with the app's SECRET_KEY: what Flask itself
 * would set, and accepts back. The JSON is compact and ASCII, as Python's json.dumps writes it with
 * Flask's separators, keys in the order given; a one-key object whose key is one of Flask's tags is
 * escaped as Flask's TaggedJSONSerializer escapes it.
 *
 * @throws {JwtError} `payload-not-object` when `session` is not an object; `key-format` for an empty key
 * @example await signFlaskSession({ user_id: 42 }, 'dev-secret-key') // 'eyJ1c2VyX2lkIjo0Mn0.aVW5AA.…'
 */
export async function signFlaskSession(
  session: Record<string, unknown>,
  secretKey: string | Uint8Array,
  options: FlaskSignOptions = {},
): Promise<string> {
  if (!isJsonObject(session))
    throw new JwtError('payload-not-object', l10n.t('A Flask session is an object, not {0}', jsonType(session)));
  const secret = typeof secretKey === 'string' ? text.encode(secretKey) : secretKey;
  if (secret.length === 0) throw new JwtError('key-format', l10n.t('The SECRET_KEY is empty'));
  const json = text.encode(pythonJson(tag(session)));
  const compress = options.compress ?? 'auto';
  let payload = encodeBase64url(json);
  if (compress !== false) {
    const zipped = await deflate(json);
    if (compress === true || zipped.length < json.length - 1) payload = `.${encodeBase64url(zipped)}`;
  }
  const seconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const timestamp = encodeBase64url(bigEndian(seconds));
  const key = await signingKey(secret, options.salt ?? 'cookie-session', options.keyDerivation ?? 'hmac', 'sign');
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, text.encode(`${payload}.${timestamp}`)));
  return `${payload}.${timestamp}.${encodeBase64url(signature)}`;
}

/** What TaggedJSONSerializer.tag does to plain JSON: only one-key objects named like a tag change. */
function tag(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tag);
  if (!isJsonObject(value)) return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && TAG_KEYS.has(entries[0]![0])) {
    const [key, inner] = entries[0]!;
    return { ' di': { [`${key}__`]: tag(inner) } };
  }
  return Object.fromEntries(entries.map(([key, inner]) => [key, tag(inner)]));
}

/** json.dumps(value, separators=(",", ":")) with ensure_ascii: everything outside printable ASCII as \\uXXXX. */
function pythonJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A non-negative integer as big-endian bytes without leading zeros (itsdangerous' int_to_bytes). */
function bigEndian(n: number): Uint8Array {
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return new Uint8Array(bytes);
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
