import * as l10n from '@vscode/l10n';
import { decodeBase64url } from './base64url';
import { formatDuration, formatRelative, formatTimeClaim } from './claims';
import { JwtError, quoteChar } from './errors';
import { describeJsonError, isJsonObject, jsonDepth, jsonType } from './json';
import { MAX_DISCLOSURES } from './scan';
import type { DecodedToken, SegmentName, TimeClaim, TokenKind, TokenStatus } from './types';

export type { SegmentName } from './types';

/** The parts of a compact token, in order: JWS (RFC 7515) then JWE (RFC 7516). */

/** One dot-separated part of a token; `start`/`end` are offsets into the string given, `end` exclusive. */
export interface TokenSegment {
  name: SegmentName;
  text: string;
  start: number;
  end: number;
}

/** A piece of an SD-JWT after its issuer-signed JWT; `start`/`end` are offsets into the string given. */
interface SdJwtPiece {
  text: string;
  start: number;
  end: number;
}

/** A token cut into its segments. */
export interface SplitToken {
  /** By shape alone: 5 parts are 'jwe', 3 with an empty signature 'unsecured', else 'jws'. */
  kind: TokenKind;
  /** The token's segments; an SD-JWT's are those of its issuer-signed JWT. */
  segments: TokenSegment[];
  /**
   * An SD-JWT's pieces after its issuer-signed JWT (RFC 9901): the disclosures, and the key-binding
   * JWT, whose text is empty when there is none (the SD-JWT then ends with `~`).
   */
  sdJwt?: { disclosures: SdJwtPiece[]; keyBinding: SdJwtPiece };
}

export interface DecodeOptions {
  /** The time that `status` and relative times are measured against; defaults to the current time. */
  now?: Date;
}

/** Longer inputs are refused outright (1 MiB of UTF-16 code units); real tokens are a few KB. */
export const MAX_DECODE_LENGTH = 1024 * 1024;
/**
 * Deeper JSON is not parsed: V8's JSON.parse takes ~250 ms on a megabyte of "[", and JSON.stringify,
 * structured cloning (postMessage to the panel) and recursive renderers overflow the stack a few
 * thousand levels down. Real headers and claims nest a handful of levels.
 */
export const MAX_JSON_DEPTH = 100;

const JWS_SEGMENTS: readonly SegmentName[] = ['header', 'payload', 'signature'];
const JWE_SEGMENTS: readonly SegmentName[] = ['header', 'encrypted_key', 'iv', 'ciphertext', 'tag'];

/** How messages and the panel's legend name a segment, translated when used. */
export function segmentLabel(name: SegmentName): string {
  switch (name) {
    case 'header':
      return l10n.t('header');
    case 'payload':
      return l10n.t('payload');
    case 'signature':
      return l10n.t('signature');
    case 'encrypted_key':
      return l10n.t('encrypted key');
    case 'iv':
      return l10n.t('initialization vector');
    case 'ciphertext':
      return l10n.t('ciphertext');
    case 'tag':
      return l10n.t('authentication tag');
  }
}

/**
 * Cuts a token into its segments with their offsets, for colour-coding. Surrounding whitespace is
 * ignored (offsets still count it). Checks the shape only, not the contents.
 *
 * @throws {JwtError} `not-a-string`, `too-large`, `empty`, `bearer-prefix`, `whitespace`, `segments`
 * @example
 * splitToken('eyJhbGciOiJub25lIn0.e30.')
 * // { kind: 'unsecured', segments: [{ name: 'header', text: 'eyJhbGciOiJub25lIn0', start: 0, end: 19 }, …] }
 */
export function splitToken(token: string): SplitToken {
  if (typeof token !== 'string') {
    throw new JwtError('not-a-string', l10n.t('Expected the token as a string, got {0}', jsonType(token)));
  }
  if (token.length > MAX_DECODE_LENGTH) {
    throw new JwtError(
      'too-large',
      l10n.t(
        'The token is {0} characters long; tokens over {1} characters are not decoded',
        token.length,
        MAX_DECODE_LENGTH,
      ),
    );
  }
  const offset = token.length - token.trimStart().length;
  const text = token.trim();
  if (text === '')
    throw new JwtError('empty', token === '' ? l10n.t('The token is empty') : l10n.t('The token is only whitespace'));
  if (/^bearer\s/i.test(text)) {
    throw new JwtError(
      'bearer-prefix',
      l10n.t(
        'The text starts with "Bearer ", the HTTP Authorization scheme, which is not part of the token; decode what follows it',
      ),
      { position: offset },
    );
  }
  const space = text.search(/\s/);
  if (space !== -1) {
    throw new JwtError(
      'whitespace',
      l10n.t(
        'The token contains {0} at position {1}; a JWT is one line without spaces (was it wrapped when copied?)',
        quoteChar(text[space]!),
        offset + space + 1,
      ),
      { position: offset + space },
    );
  }

  // An SD-JWT (RFC 9901): the issuer-signed JWT, then `~`-separated disclosures and key-binding JWT.
  const tilde = text.indexOf('~');
  const jwt = tilde === -1 ? text : text.slice(0, tilde);
  // One pass with charCodeAt: indexOf in a loop or split() takes ~100 ms on a megabyte of dots.
  const dots: number[] = [];
  let count = 1;
  for (let i = 0; i < jwt.length; i++) {
    if (jwt.charCodeAt(i) === 0x2e && count++ < 5) dots.push(i);
  }
  if (tilde !== -1 && count !== 3) {
    throw new JwtError(
      'segments',
      l10n.t(
        'The text has a ~, so it would be an SD-JWT, but an SD-JWT starts with its issuer-signed JWT, a JWS of 3 dot-separated parts, and this one has {0}',
        count,
      ),
    );
  }
  if (count !== 3 && count !== 5) {
    const message =
      count < 3
        ? l10n.t('Not enough segments: a JWT has 3 dot-separated parts (header.payload.signature), this has {0}', count)
        : count === 4
          ? l10n.t('Wrong number of segments: a JWS has 3 dot-separated parts and a JWE has 5, this has {0}', count)
          : l10n.t('Too many segments: a JWS has 3 dot-separated parts and a JWE has 5, this has {0}', count);
    throw new JwtError('segments', message);
  }
  const names = count === 5 ? JWE_SEGMENTS : JWS_SEGMENTS;
  const bounds = [-1, ...dots, jwt.length];
  const segments = names.map((name, i) => {
    const start = bounds[i]! + 1;
    const end = bounds[i + 1]!;
    return { name, text: text.slice(start, end), start: offset + start, end: offset + end };
  });
  const kind = count === 5 ? 'jwe' : segments[2]!.text === '' ? 'unsecured' : 'jws';
  return tilde === -1 ? { kind, segments } : { kind, segments, sdJwt: sdJwtPieces(text, tilde, offset) };
}

/** An SD-JWT's pieces after the `~` at `tilde`: at most MAX_DISCLOSURES disclosures, then the key-binding JWT. */
function sdJwtPieces(text: string, tilde: number, offset: number): NonNullable<SplitToken['sdJwt']> {
  const pieces: SdJwtPiece[] = [];
  for (let start = tilde + 1; ; ) {
    const end = text.indexOf('~', start);
    if (end === -1) {
      const keyBinding = { text: text.slice(start), start: offset + start, end: offset + text.length };
      return { disclosures: pieces, keyBinding };
    }
    if (pieces.length === MAX_DISCLOSURES) {
      throw new JwtError(
        'too-large',
        l10n.t('The SD-JWT has more than {0} disclosures; real ones have tens, so it is not decoded', MAX_DISCLOSURES),
      );
    }
    pieces.push({ text: text.slice(start, end), start: offset + start, end: offset + end });
    start = end + 1;
  }
}

/**
 * Decodes a compact JWS or JWE without verifying it: header, payload (JWS only), time claims,
 * status against `now` (no leeway), and warnings worth a reader's attention:
 * - alg "none" in any spelling (and a signature present despite it);
 * - typ present but not of the JWT family (JWT, application/jwt, anything ending in +jwt);
 * - crit present; jku, x5u or jwk in the header (the token choosing its own key);
 * - exp, nbf or iat that is not a finite number, looks like milliseconds, or is no representable date;
 * - iat more than a minute in the future, nbf after exp, exp before iat, exp more than a year after iat;
 * - a payload that is empty, not UTF-8 (shown as hex), not JSON, or JSON but not an object.
 * A missing exp is reported by `status: 'no-expiry'`, not as a warning.
 *
 * @throws {JwtError} with a message naming the segment and position at fault
 * @example
 * const { header, payload, status } = decodeToken(token)
 * header.alg // "HS256"; status // "expired"
 */
export function decodeToken(token: string, options: DecodeOptions = {}): DecodedToken {
  const now = options.now ?? new Date();
  const { segments } = splitToken(token);
  const [headerSegment, second, third] = segments as [TokenSegment, TokenSegment, TokenSegment];
  const header = decodeHeader(headerSegment);
  const warnings = headerWarnings(header);

  if (segments.length === 5) {
    if (typeof header.enc !== 'string' || header.enc === '') {
      throw new JwtError(
        'header-enc',
        l10n.t(
          'The token has 5 segments, so it is an encrypted JWE, but its header has no "enc" (content encryption) parameter',
        ),
        { segment: 'header', position: headerSegment.start },
      );
    }
    segments.slice(1).forEach(checkBase64url);
    return { kind: 'jwe', header, payload: undefined, times: {}, status: 'encrypted', warnings };
  }

  const alg = header.alg as string;
  const unsecured = alg.toLowerCase() === 'none';
  const payload = decodePayload(second, header, warnings);
  checkBase64url(third);
  if (unsecured) {
    warnings.unshift(
      alg === 'none'
        ? l10n.t('The token is unsecured (alg "{0}"): it has no signature, so anyone can create or change it', alg)
        : l10n.t(
            'The token is unsecured (alg "{0}"): it has no signature, so anyone can create or change it; spelling it "{0}" is a known trick to get past case-sensitive checks for "none"',
            alg,
          ),
    );
    if (third.text !== '')
      warnings.push(
        l10n.t(
          'The token has alg "{0}" but carries a signature (segment 3), which unsecured tokens must leave empty',
          alg,
        ),
      );
  } else if (third.text === '') {
    throw new JwtError('signature-empty', l10n.t('The signature (segment 3) is empty but alg is {0}', alg), {
      segment: 'signature',
      position: third.start,
    });
  }

  const times: DecodedToken['times'] = {};
  const status = typeof payload === 'object' ? readTimes(payload, now, times, warnings) : 'no-expiry';
  return { kind: unsecured ? 'unsecured' : 'jws', header, payload, times, status, warnings };
}

/**
 * A JWE's decrypted plaintext decoded as a JWS payload is: claims (or text), times, status and
 * warnings, with the JWE's protected header. `kind` stays 'jwe'.
 *
 * @example decodePlaintext('{"sub":"a"}', { alg: 'dir', enc: 'A256GCM' }).payload // { sub: 'a' }
 */
export function decodePlaintext(
  plaintext: string,
  header: Record<string, unknown>,
  options: DecodeOptions = {},
): DecodedToken {
  const warnings = headerWarnings(header);
  const payload = parsePayloadText(plaintext, header, warnings);
  const times: DecodedToken['times'] = {};
  const status =
    typeof payload === 'object' ? readTimes(payload, options.now ?? new Date(), times, warnings) : 'no-expiry';
  return { kind: 'jwe', header, payload, times, status, warnings };
}

/** "payload (segment 2)": names are unique across both layouts except header, which is first in both. */
function label({ name }: TokenSegment): string {
  const index = Math.max(JWS_SEGMENTS.indexOf(name), JWE_SEGMENTS.indexOf(name));
  return l10n.t('{0} (segment {1})', segmentLabel(name), index + 1);
}

/** Throws unless the segment is unpadded base64url that some byte sequence encodes to. */
function checkBase64url(segment: TokenSegment): void {
  const bad = segment.text.search(/[^A-Za-z0-9_-]/);
  if (bad !== -1) {
    const c = String.fromCodePoint(segment.text.codePointAt(bad)!);
    const position = segment.start + bad;
    const message =
      c === '=' && /^=+$/.test(segment.text.slice(bad))
        ? l10n.t(
            "The {0} is not base64url: it ends in '=' padding, which base64url in JWTs leaves out; remove the '=' characters",
            label(segment),
          )
        : c === '+' || c === '/'
          ? l10n.t(
              'The {0} is not base64url: {1} at position {2} is not allowed (base64url uses - and _ instead of + and /; this looks like standard base64)',
              label(segment),
              quoteChar(c),
              position + 1,
            )
          : l10n.t(
              'The {0} is not base64url: {1} at position {2} is not allowed',
              label(segment),
              quoteChar(c),
              position + 1,
            );
    throw new JwtError('base64url', message, { segment: segment.name, position });
  }
  if (segment.text.length % 4 === 1) {
    throw new JwtError(
      'base64url',
      l10n.t(
        'The {0} is not valid base64url: its length ({1}) is one more than a multiple of 4, which no bytes encode to; was a character added or the token cut short?',
        label(segment),
        segment.text.length,
      ),
      { segment: segment.name, position: segment.end },
    );
  }
}

/** The segment's bytes, after checking them with messages that name the segment and position. */
function decodeBytes(segment: TokenSegment): Uint8Array {
  checkBase64url(segment);
  return decodeBase64url(segment.text);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The header segment as a JSON object, whatever its members: inspectToken shows it even when the
 * rest of the token does not decode.
 *
 * @throws {JwtError} `json`, `utf8`, `base64url`, `header-not-object`
 */
export function decodeHeaderObject(segment: TokenSegment): Record<string, unknown> {
  const where = { segment: segment.name, position: segment.start };
  if (segment.text === '') throw new JwtError('json', l10n.t('The header (segment 1) is empty'), where);
  let text: string;
  try {
    text = utf8.decode(decodeBytes(segment));
  } catch (error) {
    if (error instanceof JwtError) throw error;
    throw new JwtError(
      'utf8',
      l10n.t('The header (segment 1) does not decode to UTF-8 text, so it is not a JOSE header'),
      where,
    );
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw new JwtError(
      'json',
      l10n.t(
        'The header (segment 1) nests brackets more than {0} levels deep, which no real header does',
        MAX_JSON_DEPTH,
      ),
      where,
    );
  }
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch {
    throw new JwtError('json', l10n.t('The header (segment 1) is not valid JSON: {0}', describeJsonError(text)), where);
  }
  if (!isJsonObject(header)) {
    throw new JwtError(
      'header-not-object',
      l10n.t('The header (segment 1) is JSON but not an object: it is {0}', jsonType(header)),
      where,
    );
  }
  return header;
}

/** The header as a JOSE header: a JSON object with a non-empty string alg. */
function decodeHeader(segment: TokenSegment): Record<string, unknown> {
  const header = decodeHeaderObject(segment);
  const where = { segment: segment.name, position: segment.start };
  if (!Object.hasOwn(header, 'alg')) {
    throw new JwtError(
      'header-alg',
      l10n.t('The header has no "alg" (algorithm) parameter; every JWS and JWE header needs one'),
      where,
    );
  }
  if (typeof header.alg !== 'string' || header.alg === '') {
    throw new JwtError(
      'header-alg',
      l10n.t('The header\'s "alg" must be a non-empty string, but it is {0}', jsonType(header.alg)),
      where,
    );
  }
  return header;
}

/** A JSON object: the payload. Anything else: the payload as text (hex if not UTF-8), with a warning. */
function decodePayload(
  segment: TokenSegment,
  header: Record<string, unknown>,
  warnings: string[],
): Record<string, unknown> | string {
  let text: string;
  if (header.b64 === false) {
    text = segment.text; // RFC 7797: the payload is used as is
  } else {
    const bytes = decodeBytes(segment);
    try {
      text = utf8.decode(bytes);
    } catch {
      warnings.push(
        bytes.length > MAX_HEX_BYTES
          ? l10n.t(
              'The payload is not UTF-8 text; it is shown as hex (the first {0} of {1} bytes)',
              MAX_HEX_BYTES,
              bytes.length,
            )
          : l10n.t('The payload is not UTF-8 text; it is shown as hex ({0} bytes)', bytes.length),
      );
      return toHex(bytes.subarray(0, MAX_HEX_BYTES));
    }
  }
  return parsePayloadText(text, header, warnings);
}

/** The payload's text as claims when it is a JSON object, else as text with a warning saying why. */
function parsePayloadText(
  text: string,
  header: Record<string, unknown>,
  warnings: string[],
): Record<string, unknown> | string {
  if (text === '') {
    warnings.push(l10n.t('The payload is empty'));
    return text;
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    warnings.push(
      l10n.t('The payload nests brackets more than {0} levels deep, so it is shown as text', MAX_JSON_DEPTH),
    );
    return text;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    warnings.push(
      typeof header.cty === 'string' && header.cty.toUpperCase() === 'JWT'
        ? l10n.t('The payload is a nested token (cty "JWT"): the JWT panel shows each layer')
        : l10n.t('The payload is not JSON, so it is shown as text ({0})', describeJsonError(text)),
    );
    return text;
  }
  if (isJsonObject(payload)) return payload;
  warnings.push(
    l10n.t('The payload is JSON but not an object (it is {0}); JWT claims must be a JSON object', jsonType(payload)),
  );
  return text;
}

/** Hex doubles the size and nobody reads a megabyte of it; the panel gets the start. */
const MAX_HEX_BYTES = 4096;
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += HEX[byte];
  return hex;
}

// typ values of the JWT family: "JWT", "application/jwt", structured suffixes such as "at+jwt", and
// SD-JWTs' "+sd-jwt" (RFC 9901: "dc+sd-jwt", "example+sd-jwt").
const JWT_TYP = /^(?:application\/)?(?:[\w.-]+\+)?(?:sd-)?jwt$/i;
const KEY_SOURCES = ['jku', 'x5u', 'jwk'];

/** Header warnings shared by JWS and JWE: an odd typ, crit, and keys the token picks for itself. */
function headerWarnings(header: Record<string, unknown>): string[] {
  const warnings: string[] = [];
  const { typ, crit } = header;
  if (typ !== undefined && !(typeof typ === 'string' && JWT_TYP.test(typ))) {
    warnings.push(
      typeof typ === 'string'
        ? l10n.t(
            'typ is "{0}", not JWT: this may be another kind of token, and libraries that check typ will reject it',
            typ,
          )
        : l10n.t('typ should be a string, but it is {0}', jsonType(typ)),
    );
  }
  if (crit !== undefined) {
    const names = Array.isArray(crit) ? crit.map((name) => JSON.stringify(name)).join(', ') : jsonType(crit);
    warnings.push(
      l10n.t(
        'The header marks extensions as critical (crit: {0}); a verifier that does not understand them must reject the token',
        names,
      ),
    );
  }
  const sources = KEY_SOURCES.filter((name) => Object.hasOwn(header, name));
  if (sources.length > 0) {
    warnings.push(
      l10n.t(
        'The header tells verifiers where to get the key ({0}); a verifier that trusts a key the token chooses accepts forgeries, so keys should come from configuration',
        sources.join(', '),
      ),
    );
  }
  return warnings;
}

const TIME_CLAIMS = ['exp', 'nbf', 'iat'] as const;
/** NumericDates above this (year 33658) are almost certainly milliseconds; "forever" sentinels such as year 9999 stay below. */
const MILLISECONDS_THRESHOLD = 1e12;
/** iat may run this far ahead of `now` before we blame the issuer's clock. */
const CLOCK_SKEW_SECONDS = 60;
const LONG_LIVED_SECONDS = 365 * 86400;

/** Fills `times`, pushes time warnings and returns the status. */
function readTimes(
  payload: Record<string, unknown>,
  now: Date,
  times: Partial<Record<(typeof TIME_CLAIMS)[number], TimeClaim>>,
  warnings: string[],
): TokenStatus {
  const values: Partial<Record<(typeof TIME_CLAIMS)[number], number>> = {};
  for (const name of TIME_CLAIMS) {
    if (!Object.hasOwn(payload, name)) continue;
    const value = payload[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      const shown =
        typeof value === 'string'
          ? l10n.t('a string ({0})', JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value))
          : jsonType(value);
      warnings.push(
        typeof value === 'number'
          ? l10n.t(
              '{0} is too large, not a NumericDate (a number of seconds since 1970); most libraries will reject this token',
              name,
            )
          : l10n.t(
              '{0} is {1}, not a NumericDate (a number of seconds since 1970); most libraries will reject this token',
              name,
              shown,
            ),
      );
      continue;
    }
    values[name] = value;
    const claim = formatTimeClaim(value, now);
    if (claim) times[name] = claim;
    if (value > MILLISECONDS_THRESHOLD) {
      warnings.push(l10n.t('{0} ({1}) looks like milliseconds; a NumericDate counts seconds since 1970', name, value));
    } else if (!claim) {
      warnings.push(l10n.t('{0} ({1}) is too far from 1970 to be a date', name, value));
    }
  }

  const { exp, nbf, iat } = values;
  const nowSeconds = now.getTime() / 1000;
  if (iat !== undefined && iat > nowSeconds + CLOCK_SKEW_SECONDS) {
    warnings.push(l10n.t("iat is in the future ({0}); the issuer's clock may be wrong", formatRelative(iat, now)));
  }
  if (exp !== undefined && nbf !== undefined && nbf > exp)
    warnings.push(l10n.t('nbf is after exp, so the token is never valid'));
  if (exp !== undefined && iat !== undefined) {
    if (exp < iat) warnings.push(l10n.t('exp is before iat, so the token expired before it was issued'));
    else if (exp - iat > LONG_LIVED_SECONDS) {
      warnings.push(
        l10n.t(
          'The token is valid for {0} (iat to exp); a long-lived token stays dangerous that long if it leaks',
          formatDuration(exp - iat),
        ),
      );
    }
  }

  if (exp !== undefined && nowSeconds >= exp) return 'expired';
  if (nbf !== undefined && nowSeconds < nbf) return 'not-yet-valid';
  return exp !== undefined ? 'valid' : 'no-expiry';
}
