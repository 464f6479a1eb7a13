// Shared by the scanner's tests: token builders, a slow reference scanner written straight from
// the rules, and the invariants every match must satisfy.
import assert from 'node:assert/strict';
import { base64url, decodeProtectedHeader } from 'jose';
import { MAX_DISCLOSURES, MAX_HEADER_LENGTH, MAX_FOUND_TOKEN_LENGTH, findTokens, tokenAt } from '../../src/core/scan';
import type { TokenKind, TokenMatch } from '../../src/core/types';

/** base64url of a JSON value, or of a string taken as raw text. */
export const b64 = (value: unknown): string =>
  base64url.encode(typeof value === 'string' ? value : JSON.stringify(value));

export const HS256 = { alg: 'HS256', typ: 'JWT' };
export const CLAIMS = { sub: '1234567890', name: 'John Doe', iat: 1516239022 };
export const SIG = 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

/** A JWS-shaped token with a fake signature. */
export const jws = (header: unknown = HS256, payload: unknown = CLAIMS, signature = SIG): string =>
  `${b64(header)}.${b64(payload)}.${signature}`;

/** An unsecured JWT: alg "none", empty signature, so it ends with a dot. */
export const unsecured = (payload: unknown = CLAIMS): string => `${b64({ alg: 'none' })}.${b64(payload)}.`;

/** An SD-JWT disclosure: base64url of the JSON array [salt, name, value] or [salt, value]. */
export const disclosure = (...parts: unknown[]): string => b64(parts);

/** An SD-JWT: a JWS, `~`, each disclosure followed by `~`, then the key-binding JWT if any. */
export const sdJwt = (disclosures: string[] = [disclosure('salt', 'name', 'Ada')], keyBinding = ''): string =>
  `${jws({ alg: 'ES256', typ: 'dc+sd-jwt' })}~${disclosures.map((d) => `${d}~`).join('')}${keyBinding}`;

/** A key-binding JWT's shape (the signature is made up). */
export const kbJwt = (): string =>
  jws({ alg: 'ES256', typ: 'kb+jwt' }, { nonce: 'n-0S6_WzA2Mj', aud: 'https://verifier.example', iat: 1748537244 });

/** A JWE-shaped token with made-up key, iv, ciphertext and tag. */
export const jwe = (header: unknown = { alg: 'dir', enc: 'A256GCM' }, key = ''): string =>
  `${b64(header)}.${key}.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ`;

const URL_ESCAPE = /^[0-9A-Fa-f]{2}/;
const BACKSLASH_ESCAPES: [RegExp, number][] = [
  [/^u[0-9A-Fa-f]{4}/, 5],
  [/^x[0-9A-Fa-f]{2}/, 3],
  [/^[nrtbf]/, 1],
];

/**
 * The rules of scan.ts restated as plainly as possible, with jose as the judge of headers: every
 * maximal run of base64url characters and dots, after an escape right before it, minus its trailing
 * dots, split at the dots. Slow and obviously right, for comparing with findTokens.
 */
export function referenceTokens(text: string): TokenMatch[] {
  const found: TokenMatch[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9_.-]+/g)) {
    let start = m.index;
    let run = m[0];
    const before = text[start - 1];
    const skip =
      before === '%'
        ? URL_ESCAPE.test(run)
          ? 2
          : 0
        : before === '\\'
          ? (BACKSLASH_ESCAPES.find(([re]) => re.test(run))?.[1] ?? 0)
          : 0;
    start += skip;
    run = run.slice(skip);
    if (run.length > MAX_FOUND_TOKEN_LENGTH) continue;
    const core = run.replace(/\.+$/, '');
    const parts = core.split('.');
    if (parts[0]!.length > MAX_HEADER_LENGTH) continue;
    let kind: TokenKind;
    if (parts.length === 3) kind = 'jws';
    else if (parts.length === 5 && parts[2] && parts[3]) kind = 'jwe';
    else if (parts.length === 2 && core.length < run.length) kind = 'unsecured';
    else continue;
    const token = kind === 'unsecured' ? `${core}.` : core;
    let header: Record<string, unknown>;
    try {
      header = decodeProtectedHeader(token) as Record<string, unknown>;
    } catch {
      continue;
    }
    // jose lets TextDecoder drop a byte order mark; JSON itself does not allow one.
    if (!/^[ \t\r\n]*\{/.test(new TextDecoder('utf-8', { ignoreBOM: true }).decode(base64url.decode(parts[0]!))))
      continue;
    if (typeof header.alg !== 'string') continue;
    if (kind === 'jwe' && typeof header.enc !== 'string') continue;
    if (kind === 'unsecured' && header.alg !== 'none') continue;
    found.push({ start, end: start + token.length, token, kind });
  }
  return upgradeSdJwts(text, found);
}

/**
 * SD-JWTs, straight from their rule in scan.ts: a JWS right before a `~` starts one when its whole
 * run of base64url, dots and tildes (at most the cap long), minus trailing dots, is
 * `<jws>~(<disclosure>~)*[<kb-jwt>]` with a disclosure or a key-binding JWT; the key-binding JWT's
 * own match goes into it.
 */
function upgradeSdJwts(text: string, plain: TokenMatch[]): TokenMatch[] {
  const found: TokenMatch[] = [];
  let swallowedTo = -1;
  for (const m of plain) {
    if (m.start < swallowedTo) continue;
    if (m.kind !== 'jws' || text[m.end] !== '~') {
      found.push(m);
      continue;
    }
    const run = /[A-Za-z0-9_.~-]*/y;
    run.lastIndex = m.start;
    const whole = run.exec(text)![0];
    const core = whole.replace(/\.+$/, '');
    const [, ...rest] = core.split('~');
    const last = rest.pop()!;
    const ok =
      whole.length <= MAX_FOUND_TOKEN_LENGTH &&
      rest.length <= MAX_DISCLOSURES &&
      (rest.length > 0 || last !== '') &&
      rest.every(isReferenceDisclosure) &&
      (last === '' || isReferenceJws(last));
    if (!ok) {
      found.push(m);
      continue;
    }
    found.push({ start: m.start, end: m.start + core.length, token: core, kind: 'sd-jwt' });
    swallowedTo = m.start + core.length;
  }
  return found;
}

/** A disclosure's shape: base64url of `[…]`, JSON whitespace aside; what is inside is decodeSdJwt's business. */
function isReferenceDisclosure(piece: string): boolean {
  if (!/^[A-Za-z0-9_-]+$/.test(piece) || piece.length % 4 === 1) return false;
  const text = new TextDecoder('latin1').decode(base64url.decode(piece));
  return /^[ \t\r\n]*\[[\s\S]*\][ \t\r\n]*$/.test(text);
}

function isReferenceJws(piece: string): boolean {
  const parts = piece.split('.');
  if (parts.length !== 3 || parts[2] === '' || parts[0]!.length > MAX_HEADER_LENGTH) return false;
  try {
    const header = decodeProtectedHeader(piece);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(base64url.decode(parts[0]!));
    return /^[ \t\r\n]*\{/.test(text) && typeof header.alg === 'string';
  } catch {
    return false;
  }
}

const RUN_CHAR = /[A-Za-z0-9_.-]/;

/** What must hold of any findTokens result, whatever the text. */
export function assertMatchInvariants(text: string, matches: TokenMatch[]): void {
  let previousEnd = -1;
  for (const m of matches) {
    assert.ok(m.start >= 0 && m.start < m.end && m.end <= text.length, `bounds ${m.start}..${m.end}`);
    assert.ok(m.start >= previousEnd, 'in order, not overlapping');
    previousEnd = m.end;
    assert.equal(text.slice(m.start, m.end), m.token);
    assert.ok(m.token.length <= MAX_FOUND_TOKEN_LENGTH);
    // Never part of a longer run: before it a boundary or an escape, after it no more base64url.
    const before = text.slice(Math.max(0, m.start - 6), m.start);
    assert.ok(!/[.]$/.test(before), `dot before ${JSON.stringify(before)}`);
    assert.ok(
      !RUN_CHAR.test(before.slice(-1)) ||
        /(%[0-9A-Fa-f]{2}|\\[nrtbf]|\\u[0-9A-Fa-f]{4}|\\x[0-9A-Fa-f]{2})$/.test(before),
      `boundary before ${JSON.stringify(before)}`,
    );
    const after = text.slice(m.end).match(/^\.*(.?)/)![1]!;
    assert.ok(
      !(m.kind === 'sd-jwt' ? /[A-Za-z0-9_~-]/ : /[A-Za-z0-9_-]/).test(after),
      `boundary after: ${JSON.stringify(text.slice(m.end, m.end + 6))}`,
    );
    if (m.kind === 'sd-jwt') {
      const pieces = m.token.split('~');
      assert.ok(pieces.length >= 2 && (pieces.length > 2 || pieces[1] !== ''), 'a disclosure or a key-binding JWT');
      for (const piece of [pieces[0]!, pieces.at(-1)!].filter(Boolean)) {
        assert.equal(piece.split('.').length, 3);
        assert.equal(typeof decodeProtectedHeader(piece).alg, 'string');
      }
      for (const piece of pieces.slice(1, -1)) assert.ok(isReferenceDisclosure(piece), piece);
      continue;
    }
    const segments = m.token.split('.');
    assert.equal(segments.length, m.kind === 'jwe' ? 5 : 3);
    if (m.kind === 'unsecured') assert.equal(segments[2], '');
    else assert.notEqual(segments.at(-1), '');
    const header = decodeProtectedHeader(m.token);
    assert.equal(typeof header.alg, 'string');
    if (m.kind === 'unsecured') assert.equal(header.alg, 'none');
    if (m.kind === 'jwe') assert.equal(typeof header.enc, 'string');
  }
}

/** The findTokens match covering `offset` (start <= offset <= end), which tokenAt must return. */
export function coveringMatch(matches: TokenMatch[], offset: number): TokenMatch | undefined {
  return matches.find((m) => m.start <= offset && offset <= m.end);
}

/** Checks findTokens against the expected tokens, the invariants, and tokenAt around each token. */
export function assertTokens(text: string, expected: string[]): TokenMatch[] {
  const matches = findTokens(text);
  assert.deepEqual(
    matches.map((m) => m.token),
    expected,
  );
  assertMatchInvariants(text, matches);
  assert.deepEqual(matches, referenceTokens(text));
  for (const m of matches) {
    for (const offset of [m.start, (m.start + m.end) >> 1, m.end])
      assert.deepEqual(tokenAt(text, offset), m, `tokenAt ${offset}`);
    if (m.start > 0) assert.deepEqual(tokenAt(text, m.start - 1), coveringMatch(matches, m.start - 1));
  }
  return matches;
}
