// Random and mutated inputs for the scanner: it must never throw, every match must hold up
// (against jose too), findTokens must equal the reference scanner written from the rules, and
// tokenAt must agree with findTokens at every offset tried. The inputs are far below the caps, so
// tokenAt's bounded look-around never makes a difference here (the caps have their own tests).
import assert from 'node:assert/strict';
import { CompactEncrypt, SignJWT, generateKeyPair, generateSecret } from 'jose';
import { findTokens, tokenAt } from '../../src/core/scan';
import type { TokenMatch } from '../../src/core/types';
import { prng } from '../../bench/prng.mjs';
import { PRESENTATION } from '../fixtures/rfc9901';
import {
  assertMatchInvariants,
  b64,
  coveringMatch,
  disclosure,
  jwe,
  jws,
  kbJwt,
  referenceTokens,
  sdJwt,
  unsecured,
} from './scan-helpers';

const SEED = 20240501;
const INPUTS = 100_000;
const random = prng(SEED);
const int = (n: number): number => Math.floor(random() * n);
const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;

/** Characters that matter to the scanner, weighted towards base64url and dots. */
const ALPHABET = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  ...'......',
  ...' "\'=%\\&;:,/\n\r\t{}+~~',
  'e',
  'y',
  'J',
  'n',
  'u',
  '😀',
  'é',
];
const FRAGMENTS = [
  'eyJ',
  'eyAi',
  'ewog',
  'e30',
  '%22',
  '%3D',
  '\\n',
  '\\t',
  '\\u0022',
  '\\x22',
  '..',
  'Bearer ',
  'token=',
  '~',
  '~~',
  '~/',
  'WzFd~',
  'WyJhIiwxXQ~',
];

function randomText(length: number): string {
  let s = '';
  while (s.length < length) s += random() < 0.1 ? pick(FRAGMENTS) : pick(ALPHABET);
  return s;
}

function mutate(token: string): string {
  let s = token;
  for (let n = 1 + int(3); n > 0; n--) {
    const at = int(s.length + 1);
    switch (int(5)) {
      case 0:
        s = s.slice(0, at) + pick(ALPHABET) + s.slice(at);
        break;
      case 1:
        s = s.slice(0, at) + s.slice(at + 1 + int(3));
        break;
      case 2:
        s = s.slice(0, at) + pick(ALPHABET) + s.slice(at + 1);
        break;
      case 3:
        s = `${s.slice(0, at)}.${s.slice(at)}`;
        break;
      default:
        s = s.slice(0, at) + pick(FRAGMENTS) + s.slice(at);
    }
  }
  return s;
}

const SEPARATORS = [
  ' ',
  '\n',
  '"',
  "'",
  '=',
  '.',
  '. ',
  '..',
  ',',
  '%22',
  '%2',
  '\\n',
  '\\u0022',
  '\\x22',
  '\\e',
  '',
  '-',
  'x',
  '&',
  '; ',
  '`',
  '😀',
  '~',
  '~/',
];

function randomInput(pool: string[]): string {
  const parts: string[] = [];
  for (let n = 1 + int(4); n > 0; n--) {
    const roll = random();
    if (roll < 0.3) parts.push(pick(pool));
    else if (roll < 0.6) parts.push(mutate(pick(pool)));
    else parts.push(randomText(int(40)));
    parts.push(pick(SEPARATORS));
  }
  if (random() < 0.5) parts.unshift(pick(SEPARATORS));
  return parts.join('');
}

describe('scan: fuzz', function () {
  this.timeout(60_000);
  let pool: string[];

  before(async () => {
    const secret = await generateSecret('HS256');
    const { privateKey } = await generateKeyPair('ES256');
    const key = await generateSecret('A128GCM');
    pool = [
      await new SignJWT({ sub: 'a' }).setProtectedHeader({ alg: 'HS256' }).sign(secret),
      await new SignJWT({ sub: 'b', n: 1 }).setProtectedHeader({ alg: 'ES256', kid: 'k' }).sign(privateKey),
      await new CompactEncrypt(new TextEncoder().encode('x'))
        .setProtectedHeader({ alg: 'dir', enc: 'A128GCM' })
        .encrypt(key),
      jws(),
      jws({ alg: 'none' }),
      jws('{ "alg": "RS256" }'),
      jws('{\n  "alg": "PS256"\n}', 'not json'),
      `${b64({ alg: 'HS256' })}..c2ln`,
      unsecured(),
      unsecured('x'),
      jwe(),
      jwe({ alg: 'A128KW', enc: 'A128GCM' }, 'a2V5'),
      jws({ foo: 1 }),
      jws({ alg: 1 }),
      `${b64({ alg: 'HS256' })}.${b64({ a: 1 })}.`,
      PRESENTATION,
      sdJwt(),
      sdJwt([disclosure('s', 'n', 1), disclosure('t', [1, 2])]),
      sdJwt([disclosure('s', 'a')], kbJwt()),
      sdJwt([], kbJwt()),
      sdJwt([]),
      `${sdJwt()}${unsecured()}`,
      disclosure('s', 'n', { a: 1 }),
    ];
  });

  it(`holds on ${INPUTS.toLocaleString('en-US')} random and mutated inputs (seed ${SEED})`, () => {
    let found = 0;
    let sdJwts = 0;
    let checkedOffsets = 0;
    for (let i = 0; i < INPUTS; i++) {
      const text = i % 5 === 0 ? randomText(int(120)) : randomInput(pool);
      let matches: TokenMatch[];
      try {
        matches = findTokens(text);
        assertMatchInvariants(text, matches);
        assert.deepEqual(matches, referenceTokens(text));
        // Every offset of one input in ten; around the matches and a few random ones otherwise.
        const offsets =
          i % 10 === 0
            ? Array.from({ length: text.length + 1 }, (_, o) => o)
            : [
                ...matches.flatMap((m) => [m.start - 1, m.start, m.end, m.end + 1]),
                int(text.length + 1),
                int(text.length + 1),
                text.length,
              ];
        for (const offset of offsets) {
          if (offset < 0 || offset > text.length) continue;
          assert.deepEqual(tokenAt(text, offset), coveringMatch(matches, offset), `tokenAt(${offset})`);
          checkedOffsets++;
        }
      } catch (error) {
        assert.fail(`input #${i} ${JSON.stringify(text)}: ${(error as Error).message}`);
      }
      found += matches.length;
      sdJwts += matches.filter((m) => m.kind === 'sd-jwt').length;
    }
    // The generator must actually produce tokens, or the comparisons above prove little.
    assert.ok(found > INPUTS / 4, `only ${found} tokens found`);
    assert.ok(sdJwts > INPUTS / 20, `only ${sdJwts} SD-JWTs found`);
    assert.ok(checkedOffsets > INPUTS * 5);
  });
});
