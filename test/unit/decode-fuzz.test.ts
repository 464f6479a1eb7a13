// decodeToken on hostile input: it may only return a well-formed DecodedToken or throw a JwtError,
// never a TypeError/RangeError, and never slowly. Seeded, so a failure reproduces.
import assert from 'node:assert/strict';
import { base64url } from 'jose';
import { decodeToken } from '../../src/core/decode';
import { JwtError } from '../../src/core/errors';
import { findJsonError } from '../../src/core/json';
import type { DecodedToken } from '../../src/core/types';
import { RFC7515, makeToken } from './helpers';
import { prng } from '../../bench/prng.mjs';

const NOW = new Date('2024-01-01T00:00:00Z');

const rand = prng(0x5eed);
const int = (n: number): number => Math.floor(rand() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// Characters that exercise every error path: separators, padding, base64 (not url), whitespace,
// JSON punctuation, non-ASCII, an emoji, a lone surrogate, NUL, BOM.
const NASTY = [
  '.',
  '=',
  '+',
  '/',
  ' ',
  '\n',
  '\t',
  '\u00a0',
  '{',
  '}',
  '"',
  '\\',
  '%',
  'é',
  '\u{1F600}',
  '\ud800',
  '\u0000',
  '\ufeff',
];
const char = (): string => (rand() < 0.7 ? B64URL[int(64)]! : pick(NASTY));
const text = (length: number): string => Array.from({ length }, char).join('');
const bytes = (length: number): Uint8Array => Uint8Array.from({ length }, () => int(256));

const VALUES: readonly unknown[] = [
  'HS256',
  'RS256',
  'none',
  'NONE',
  'A256GCM',
  'JWT',
  'at+jwt',
  'JOSE',
  '',
  'x'.repeat(50),
  0,
  -1,
  1.5,
  1e20,
  1704067200,
  1704067200000,
  253402300799,
  null,
  true,
  [],
  ['b64'],
  {},
  { nested: [1, { a: null }] },
];
const NAMES = [
  'alg',
  'typ',
  'enc',
  'kid',
  'crit',
  'cty',
  'b64',
  'jku',
  'jwk',
  'x5u',
  'exp',
  'nbf',
  'iat',
  'sub',
  '__proto__',
  'constructor',
];
const object = (): Record<string, unknown> =>
  Object.fromEntries(Array.from({ length: int(6) }, () => [pick(NAMES), pick(VALUES)]));

/** A JSON-ish segment: an object, a broken or non-object JSON text, or raw bytes. */
function segmentSource(): unknown {
  const roll = rand();
  if (roll < 0.5) return object();
  if (roll < 0.7) return JSON.stringify(object()).slice(0, int(40));
  if (roll < 0.8)
    return pick(['[1]', '42', '"x"', 'null', '{"exp":1e400}', `${'['.repeat(200)}${']'.repeat(200)}`, '{"a":1,}']);
  return base64url.decode(base64url.encode(bytes(int(40))));
}

function structured(): string {
  const encode = (value: unknown): string =>
    value instanceof Uint8Array
      ? base64url.encode(value)
      : base64url.encode(typeof value === 'string' ? value : JSON.stringify(value));
  const header = encode(rand() < 0.7 ? { alg: pick(VALUES), ...object() } : segmentSource());
  const parts =
    rand() < 0.15
      ? [header, text(int(8)), text(int(16)), text(int(40)), text(int(22))]
      : [header, encode(segmentSource()), rand() < 0.2 ? '' : text(int(60))];
  return parts.join('.');
}

const SEEDS = [
  RFC7515.A1.token,
  RFC7515.A2.token,
  RFC7515.A3.token,
  RFC7515.A4.token,
  RFC7515.A5.token,
  makeToken({ alg: 'HS256', typ: 'JWT' }, { sub: 'x', exp: 1704070800, iat: 1704067200, nbf: 1704067200 }),
  makeToken({ alg: 'dir', enc: 'A256GCM' }).replace(/\..*$/, '..aXY.Y2lwaGVy.dGFn'),
];

function mutate(token: string): string {
  let result = token;
  for (let n = 1 + int(4); n > 0; n--) {
    const at = int(result.length + 1);
    const parts = result.split('.');
    switch (int(9)) {
      case 0:
        result = result.slice(0, at) + char() + result.slice(at + 1);
        break;
      case 1:
        result = result.slice(0, at) + char() + result.slice(at);
        break;
      case 2:
        result = result.slice(0, at) + result.slice(at + 1 + int(4));
        break;
      case 3:
        result = result.slice(0, at);
        break;
      case 4:
        result = [...parts, pick(parts)].join('.');
        break;
      case 5:
        result = parts.filter((_, i) => i !== int(parts.length)).join('.');
        break;
      case 6:
        result = parts.reverse().join('.');
        break;
      case 7:
        result = `${pick([' ', '\n', 'Bearer ', '\ufeff'])}${result}${pick(['', ' ', '\r\n'])}`;
        break;
      default:
        result = parts.map((part) => (rand() < 0.3 ? structured().split('.')[0]! : part)).join('.');
    }
  }
  return result;
}

const KINDS = new Set(['jws', 'jwe', 'unsecured']);
const STATUSES = new Set(['valid', 'expired', 'not-yet-valid', 'no-expiry', 'encrypted']);
const ISO = /^-?\+?\d{4,6}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function assertWellFormed(decoded: DecodedToken): void {
  assert.ok(KINDS.has(decoded.kind) && STATUSES.has(decoded.status));
  assert.ok(typeof decoded.header === 'object' && typeof decoded.header.alg === 'string');
  assert.ok(decoded.kind === 'jwe' ? decoded.payload === undefined : decoded.payload !== undefined);
  assert.ok(decoded.warnings.every((warning) => typeof warning === 'string' && warning.length > 0));
  for (const time of Object.values(decoded.times))
    assert.ok(Number.isFinite(time.seconds) && ISO.test(time.date) && time.relative.length > 0);
  JSON.stringify(decoded); // consumers serialize it (postMessage, hovers)
}

/** Decodes, asserting the only failure is a JwtError; returns how long it took in ms. */
function attempt(input: string): number {
  const start = performance.now();
  try {
    assertWellFormed(decodeToken(input, { now: NOW }));
  } catch (error) {
    if (!(error instanceof JwtError)) {
      assert.fail(
        `${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n  for input ${JSON.stringify(input.slice(0, 300))}`,
      );
    }
  }
  return performance.now() - start;
}

describe('decodeToken fuzzing', function () {
  this.timeout(30000);

  it('throws only JwtError on 100,000 random, structured and mutated tokens', () => {
    const generators = [() => text(int(120)), structured, () => mutate(pick(SEEDS)), () => mutate(structured())];
    let slowest = 0;
    for (let i = 0; i < 100_000; i++) slowest = Math.max(slowest, attempt(generators[i % generators.length]!()));
    // A hang guard, not a speed test (npm run bench measures speed): quadratic work would take seconds.
    assert.ok(slowest < 1000, `slowest decode took ${slowest.toFixed(1)} ms`);
  });

  it('locates a JSON error exactly when JSON.parse fails, on 20,000 near-JSON texts', () => {
    const NEAR_JSON = [
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"',
      '\\',
      'u',
      '0',
      '1',
      '-',
      '.',
      'e',
      '+',
      'true',
      'null',
      ' ',
      '\n',
      '\u0001',
      'é',
    ];
    const texts = [
      ...Array.from({ length: 10_000 }, () => JSON.stringify(object())),
      ...Array.from({ length: 10_000 }, () => Array.from({ length: int(12) }, () => pick(NEAR_JSON)).join('')),
    ];
    for (const original of texts) {
      const candidate = rand() < 0.5 ? original : mutate(original);
      let parses = true;
      try {
        JSON.parse(candidate);
      } catch {
        parses = false;
      }
      const error = findJsonError(candidate);
      assert.equal(error === undefined, parses, `${JSON.stringify(candidate)}: ${error?.reason}`);
      if (error)
        assert.ok(error.offset >= 0 && error.offset <= candidate.length && error.line >= 1 && error.column >= 1);
    }
  });

  describe('rejects or decodes 1 MB inputs without hanging', () => {
    const MB = 1_000_000;
    const header = base64url.encode('{"alg":"HS256"}');
    const b64 = (length: number): string => base64url.encode(bytes(Math.floor((length * 3) / 4)));
    const cases: [name: string, input: () => string][] = [
      ['one long segment', () => 'a'.repeat(MB)],
      ['only dots', () => '.'.repeat(MB)],
      ['many segments', () => 'ab.'.repeat(MB / 3)],
      ['only whitespace', () => ' \n'.repeat(MB / 2)],
      ['whitespace at the end', () => `${RFC7515.A1.token}${' '.repeat(MB)}x`],
      ['non-ASCII', () => 'é'.repeat(MB)],
      ['padding', () => `${header}.${'='.repeat(MB)}.sig`],
      ['base64url junk', () => `${b64(MB - 10)}.e30.sig`],
      ['deeply nested header', () => `${base64url.encode('['.repeat((MB * 3) / 4 - 4))}.e30.sig`],
      [
        'deeply nested payload',
        () => `${header}.${base64url.encode(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`)}.sig`,
      ],
      ['unterminated header string', () => `${base64url.encode(`{"alg":"${'a'.repeat(700_000)}`)}.e30.sig`],
      ['binary payload', () => `${header}.${b64(MB - 100)}.sig`],
      ['huge claim', () => `${header}.${base64url.encode(JSON.stringify({ data: 'x'.repeat(700_000), exp: 1 }))}.sig`],
      [
        'JWE with a huge ciphertext',
        () => `${base64url.encode('{"alg":"dir","enc":"A256GCM"}')}..aXY.${b64(MB - 100)}.dGFn`,
      ],
      ['over the size limit', () => 'a'.repeat(3 * MB)],
    ];
    for (const [name, make] of cases) {
      it(name, () => {
        const input = make();
        // A hang guard (linear work takes a few ms; npm run bench reports the figures): best of three,
        // so a garbage-collection pause or a busy machine does not fail the run.
        const best = Math.min(...Array.from({ length: 3 }, () => attempt(input)));
        assert.ok(best < 1000, `${name}: ${best.toFixed(1)} ms`);
      });
    }
  });
});
