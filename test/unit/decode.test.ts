import assert from 'node:assert/strict';
import { CompactEncrypt, base64url, generateSecret } from 'jose';
import { MAX_JSON_DEPTH, MAX_DECODE_LENGTH, decodeToken, splitToken } from '../../src/core/decode';
import { RFC7515, assertJwtError, makeToken } from './helpers';

const NOW = new Date('2024-01-01T00:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const HS = { alg: 'HS256', typ: 'JWT' };

/** Decodes a token built from a header and payload, at NOW. */
function decode(header: unknown, payload: unknown = {}, signature?: string) {
  return decodeToken(makeToken(header, payload, signature), { now: NOW });
}

function hasWarning(warnings: string[], pattern: RegExp): boolean {
  return warnings.some((warning) => pattern.test(warning));
}

describe('decodeToken', () => {
  describe('RFC examples', () => {
    it('decodes the RFC 7519 section 3.1 / RFC 7515 A.1 token', () => {
      const decoded = decodeToken(RFC7515.A1.token, { now: NOW });
      assert.equal(decoded.kind, 'jws');
      assert.deepEqual(decoded.header, { typ: 'JWT', alg: 'HS256' });
      assert.deepEqual(decoded.payload, { iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true });
      assert.deepEqual(decoded.times.exp, {
        seconds: 1300819380,
        date: '2011-03-22T18:43:00.000Z',
        relative: '12 years ago',
      });
      assert.equal(decoded.status, 'expired');
      assert.deepEqual(decoded.warnings, []);
    });

    it('reports the same token as valid before its exp', () => {
      assert.equal(decodeToken(RFC7515.A1.token, { now: new Date('2011-03-22T18:42:59Z') }).status, 'valid');
      assert.equal(decodeToken(RFC7515.A1.token, { now: new Date('2011-03-22T18:43:00Z') }).status, 'expired');
    });

    it('decodes the A.5 unsecured token, with a warning', () => {
      const decoded = decodeToken(RFC7515.A5.token, { now: NOW });
      assert.equal(decoded.kind, 'unsecured');
      assert.deepEqual(decoded.header, { alg: 'none' });
      assert.equal((decoded.payload as Record<string, unknown>).iss, 'joe');
      assert.equal(decoded.warnings.length, 1);
      assert.match(decoded.warnings[0]!, /unsecured \(alg "none"\).*anyone can create or change it/);
    });

    it('shows the A.4 payload, which is not JSON, as text', () => {
      const decoded = decodeToken(RFC7515.A4.token, { now: NOW });
      assert.equal(decoded.payload, 'Payload');
      assert.equal(decoded.status, 'no-expiry');
      assert.ok(
        hasWarning(
          decoded.warnings,
          /^The payload is not JSON, so it is shown as text \(expected a value, found 'P' \(line 1, column 1\)\)$/,
        ),
      );
    });
  });

  describe('structure errors', () => {
    it('refuses what is not a string', () => {
      assertJwtError(
        () => decodeToken(42 as unknown as string),
        'not-a-string',
        'Expected the token as a string, got a number',
      );
      assertJwtError(() => decodeToken(null as unknown as string), 'not-a-string', /got null/);
    });

    it('refuses empty input and blank input', () => {
      assertJwtError(() => decodeToken(''), 'empty', 'The token is empty');
      assertJwtError(() => decodeToken(' \n\t'), 'empty', 'The token is only whitespace');
    });

    it('ignores surrounding whitespace', () => {
      assert.equal(decodeToken(`\n  ${RFC7515.A1.token}\r\n`).kind, 'jws');
    });

    it('explains a "Bearer " prefix', () => {
      assertJwtError(
        () => decodeToken(`Bearer ${RFC7515.A1.token}`),
        'bearer-prefix',
        /starts with "Bearer ".*not part of the token/,
      );
      assertJwtError(() => decodeToken(`bearer\t${RFC7515.A1.token}`), 'bearer-prefix');
    });

    it('points at whitespace inside the token', () => {
      const [head, rest] = [RFC7515.A1.token.slice(0, 10), RFC7515.A1.token.slice(10)];
      const error = assertJwtError(
        () => decodeToken(`${head}\n${rest}`),
        'whitespace',
        /contains a line break at position 11; a JWT is one line/,
      );
      assert.equal(error.position, 10);
      assertJwtError(() => decodeToken(` ${head} ${rest}`), 'whitespace', /a space at position 12/);
      assertJwtError(() => decodeToken(`${head}\u00a0${rest}`), 'whitespace', /character U\+00A0 at position 11/);
    });

    it('counts segments', () => {
      assertJwtError(
        () => decodeToken('abc'),
        'segments',
        'Not enough segments: a JWT has 3 dot-separated parts (header.payload.signature), this has 1',
      );
      assertJwtError(() => decodeToken('abc.def'), 'segments', /Not enough segments.*this has 2$/);
      assertJwtError(
        () => decodeToken('a.b.c.d'),
        'segments',
        'Wrong number of segments: a JWS has 3 dot-separated parts and a JWE has 5, this has 4',
      );
      assertJwtError(() => decodeToken('a.b.c.d.e.f'), 'segments', /^Too many segments: .* this has 6$/);
    });

    it('refuses tokens over the size limit without looking further', () => {
      assertJwtError(() => decodeToken('a'.repeat(MAX_DECODE_LENGTH + 1)), 'too-large', /1048577 characters long/);
    });
  });

  describe('base64url errors', () => {
    const payload = base64url.encode('{}');
    it('names the segment, character and position', () => {
      const error = assertJwtError(
        () => decodeToken(`eyJhbGciOiJI+zI1NiJ9.${payload}.sig`),
        'base64url',
        "The header (segment 1) is not base64url: '+' at position 13 is not allowed (base64url uses - and _ instead of + and /; this looks like standard base64)",
      );
      assert.equal(error.segment, 'header');
      assert.equal(error.position, 12);
    });

    it('explains padding', () => {
      const header = base64url.encode(JSON.stringify({ alg: 'HS256' }));
      assertJwtError(
        () => decodeToken(`${header}.${payload}==.sig`),
        'base64url',
        /payload \(segment 2\) is not base64url: it ends in '=' padding.*remove the '=' characters/,
      );
    });

    it('reports other characters in the payload and signature with token positions', () => {
      const header = base64url.encode(JSON.stringify({ alg: 'HS256' }));
      const error = assertJwtError(
        () => decodeToken(`${header}.${payload}.ab%cd`),
        'base64url',
        /signature \(segment 3\) is not base64url: '%' at position/,
      );
      assert.equal(error.position, header.length + payload.length + 4);
      assertJwtError(() => decodeToken(`${header}.e3=0.sig`), 'base64url', /'=' at position \d+ is not allowed$/);
    });

    it('refuses a length no bytes encode to', () => {
      assertJwtError(
        () => decodeToken(`eyJhbGciOiJIUzI1NiJ9a.${payload}.sig`),
        'base64url',
        /length \(21\) is one more than a multiple of 4/,
      );
    });

    it('checks every JWE segment', () => {
      const header = base64url.encode(JSON.stringify({ alg: 'dir', enc: 'A256GCM' }));
      assertJwtError(() => decodeToken(`${header}..iv.cipher/text.tag`), 'base64url', /ciphertext \(segment 4\)/);
    });
  });

  describe('header errors', () => {
    it('refuses an empty header', () => {
      assertJwtError(() => decodeToken('.e30.sig'), 'json', 'The header (segment 1) is empty');
    });

    it('refuses a header that is not UTF-8', () => {
      assertJwtError(
        () => decodeToken(`${base64url.encode(new Uint8Array([0xff, 0xfe, 0x7b]))}.e30.sig`),
        'utf8',
        /not decode to UTF-8 text/,
      );
    });

    it('locates JSON syntax errors', () => {
      assertJwtError(
        () => decode('{"alg":"HS256",}'),
        'json',
        `The header (segment 1) is not valid JSON: expected a property name in double quotes, found '}' (line 1, column 16)`,
      );
      assertJwtError(
        () => decode('{"alg":\n"HS256"'),
        'json',
        /expected ',' or '}', found the end of the text \(line 2, column 8\)/,
      );
    });

    it('refuses a header that is not an object', () => {
      assertJwtError(
        () => decode([1]),
        'header-not-object',
        'The header (segment 1) is JSON but not an object: it is an array',
      );
      assertJwtError(() => decode('"HS256"'), 'header-not-object', /it is a string$/);
      assertJwtError(() => decode(null), 'header-not-object', /it is null$/);
    });

    it('requires a string alg', () => {
      assertJwtError(
        () => decode({ typ: 'JWT' }),
        'header-alg',
        'The header has no "alg" (algorithm) parameter; every JWS and JWE header needs one',
      );
      assertJwtError(
        () => decode({ alg: 256 }),
        'header-alg',
        `The header's "alg" must be a non-empty string, but it is a number`,
      );
      assertJwtError(() => decode({ alg: '' }), 'header-alg');
    });

    it('requires an empty signature only for alg none', () => {
      const error = assertJwtError(
        () => decode(HS, {}, ''),
        'signature-empty',
        'The signature (segment 3) is empty but alg is HS256',
      );
      assert.equal(error.segment, 'signature');
    });
  });

  describe('JWE', () => {
    it('decodes the header of a real JWE and leaves the payload encrypted', async () => {
      const key = await generateSecret('A256GCM');
      const jwe = await new CompactEncrypt(new TextEncoder().encode('{"secret":true}'))
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'k1' })
        .encrypt(key);
      const decoded = decodeToken(jwe, { now: NOW });
      assert.equal(decoded.kind, 'jwe');
      assert.deepEqual(decoded.header, { alg: 'dir', enc: 'A256GCM', kid: 'k1' });
      assert.equal(decoded.payload, undefined);
      assert.equal(decoded.status, 'encrypted');
      assert.deepEqual(decoded.times, {});
      assert.deepEqual(decoded.warnings, []);
    });

    it('requires enc in a 5-segment token', () => {
      const header = base64url.encode(JSON.stringify({ alg: 'RSA-OAEP' }));
      assertJwtError(
        () => decodeToken(`${header}.a.b.c.d`),
        'header-enc',
        /5 segments, so it is an encrypted JWE, but its header has no "enc"/,
      );
    });
  });

  describe('payload', () => {
    it('shows JSON that is not an object as text', () => {
      for (const [payload, type] of [
        ['[1,2]', 'an array'],
        ['42', 'a number'],
        ['"hi"', 'a string'],
        ['null', 'null'],
      ] as const) {
        const decoded = decode(HS, payload);
        assert.equal(decoded.payload, payload);
        assert.deepEqual(decoded.warnings, [
          `The payload is JSON but not an object (it is ${type}); JWT claims must be a JSON object`,
        ]);
      }
    });

    it('shows binary payloads as hex', () => {
      const bytes = new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x00, 0xff]);
      const decoded = decodeToken(`${base64url.encode('{"alg":"HS256"}')}.${base64url.encode(bytes)}.sig`);
      assert.equal(decoded.payload, 'deadbeef00ff');
      assert.deepEqual(decoded.warnings, ['The payload is not UTF-8 text; it is shown as hex (6 bytes)']);
    });

    it('shows only the start of a large binary payload', () => {
      const decoded = decodeToken(
        `${base64url.encode('{"alg":"HS256"}')}.${base64url.encode(new Uint8Array(5000).fill(0xff))}.sig`,
      );
      assert.equal(decoded.payload, 'ff'.repeat(4096));
      assert.deepEqual(decoded.warnings, [
        'The payload is not UTF-8 text; it is shown as hex (the first 4096 of 5000 bytes)',
      ]);
    });

    it('notes an empty payload', () => {
      const decoded = decodeToken(`${base64url.encode('{"alg":"HS256"}')}..sig`);
      assert.equal(decoded.payload, '');
      assert.deepEqual(decoded.warnings, ['The payload is empty']);
    });

    it('recognizes a nested token', () => {
      const decoded = decode({ alg: 'HS256', cty: 'JWT' }, RFC7515.A1.token);
      assert.equal(decoded.payload, RFC7515.A1.token);
      assert.deepEqual(decoded.warnings, ['The payload is a nested token (cty "JWT"): the JWT panel shows each layer']);
    });

    it('keeps JSON nested deeper than MAX_JSON_DEPTH as text, so consumers cannot overflow the stack', () => {
      const deep = `${'{"a":'.repeat(MAX_JSON_DEPTH)}1${'}'.repeat(MAX_JSON_DEPTH)}`;
      assert.equal(typeof decode(HS, deep).payload, 'object', 'the limit itself is fine');
      const deeper = `{"s":"[[[[",${deep.slice(1)}`.replace('1}', '[1]}');
      const decoded = decode(HS, deeper);
      assert.equal(decoded.payload, deeper);
      assert.deepEqual(decoded.warnings, [
        `The payload nests brackets more than ${MAX_JSON_DEPTH} levels deep, so it is shown as text`,
      ]);
      assertJwtError(
        () => decode(`{"alg":"HS256","x":${'['.repeat(5000)}${']'.repeat(5000)}}`),
        'json',
        /nests brackets more than 100 levels deep/,
      );
    });

    it('reads an unencoded payload (RFC 7797, b64 false) as is', () => {
      const header = base64url.encode(JSON.stringify({ alg: 'HS256', b64: false, crit: ['b64'] }));
      const decoded = decodeToken(`${header}.$_payload_$.sig`);
      assert.equal(decoded.payload, '$_payload_$');
    });
  });

  describe('times and status', () => {
    it('builds TimeClaims and the status from exp, nbf, iat', () => {
      const decoded = decode(HS, { iat: NOW_S - 3600, nbf: NOW_S - 3600, exp: NOW_S + 7200 });
      assert.equal(decoded.status, 'valid');
      assert.deepEqual(decoded.times.exp, {
        seconds: NOW_S + 7200,
        date: '2024-01-01T02:00:00.000Z',
        relative: 'in 2 hours',
      });
      assert.equal(decoded.times.iat?.relative, '1 hour ago');
      assert.equal(decoded.times.nbf?.date, '2023-12-31T23:00:00.000Z');
      assert.deepEqual(decoded.warnings, []);
    });

    it('has no status leeway', () => {
      assert.equal(decode(HS, { exp: NOW_S }).status, 'expired');
      assert.equal(decode(HS, { exp: NOW_S + 1 }).status, 'valid');
      assert.equal(decode(HS, { nbf: NOW_S + 1, exp: NOW_S + 60 }).status, 'not-yet-valid');
      assert.equal(decode(HS, { nbf: NOW_S }).status, 'no-expiry');
    });

    it('reports a missing exp by status, not by warning', () => {
      const decoded = decode(HS, { sub: 'x' });
      assert.equal(decoded.status, 'no-expiry');
      assert.deepEqual(decoded.warnings, []);
    });

    it('warns about times that are not numbers', () => {
      const decoded = decode(HS, { exp: '1700000000', nbf: null, iat: [1] });
      assert.deepEqual(decoded.times, {});
      assert.equal(decoded.status, 'no-expiry');
      assert.deepEqual(decoded.warnings, [
        'exp is a string ("1700000000"), not a NumericDate (a number of seconds since 1970); most libraries will reject this token',
        'nbf is null, not a NumericDate (a number of seconds since 1970); most libraries will reject this token',
        'iat is an array, not a NumericDate (a number of seconds since 1970); most libraries will reject this token',
      ]);
    });

    it('never throws on huge or infinite times', () => {
      const huge = decode(HS, '{"exp":1e20}');
      assert.equal(huge.times.exp, undefined);
      assert.equal(huge.status, 'valid');
      assert.ok(hasWarning(huge.warnings, /exp \(100000000000000000000\) looks like milliseconds/));
      const infinite = decode(HS, '{"exp":1e400}');
      assert.equal(infinite.status, 'no-expiry');
      assert.ok(hasWarning(infinite.warnings, /^exp is too large, not a NumericDate/));
      const past = decode(HS, '{"nbf":-9e12}');
      assert.deepEqual(past.warnings, ['nbf (-9000000000000) is too far from 1970 to be a date']);
    });

    it('spots milliseconds but leaves year-9999 sentinels alone', () => {
      assert.ok(
        hasWarning(
          decode(HS, { exp: NOW.getTime() }).warnings,
          /exp \(1704067200000\) looks like milliseconds; a NumericDate counts seconds/,
        ),
      );
      assert.deepEqual(decode(HS, { exp: 253402300799 }).warnings, []);
    });

    it('warns about inconsistent times', () => {
      assert.deepEqual(decode(HS, { iat: NOW_S + 3600 }).warnings, [
        `iat is in the future (in 1 hour); the issuer's clock may be wrong`,
      ]);
      assert.deepEqual(decode(HS, { iat: NOW_S + 30 }).warnings, [], 'a little clock skew is normal');
      assert.ok(
        hasWarning(
          decode(HS, { nbf: NOW_S + 100, exp: NOW_S + 50 }).warnings,
          /^nbf is after exp, so the token is never valid$/,
        ),
      );
      assert.deepEqual(decode(HS, { iat: NOW_S, exp: NOW_S - 10 }).warnings, [
        'exp is before iat, so the token expired before it was issued',
      ]);
      assert.deepEqual(decode(HS, { iat: NOW_S, exp: NOW_S + 2 * 365 * 86400 }).warnings, [
        'The token is valid for 2 years (iat to exp); a long-lived token stays dangerous that long if it leaks',
      ]);
      assert.deepEqual(decode(HS, { iat: NOW_S, exp: NOW_S + 364 * 86400 }).warnings, []);
    });
  });

  describe('header warnings', () => {
    it('accepts JWT-family typ values quietly', () => {
      for (const typ of [
        'JWT',
        'jwt',
        'at+jwt',
        'application/jwt',
        'application/secevent+jwt',
        'dpop+jwt',
        'logout+JWT',
        'dc+sd-jwt', // SD-JWT (RFC 9901), and its key-binding JWT
        'example+sd-jwt',
        'kb+jwt',
      ]) {
        assert.deepEqual(decode({ alg: 'HS256', typ }).warnings, [], typ);
      }
    });

    it('warns about other typ values', () => {
      assert.deepEqual(decode({ alg: 'HS256', typ: 'JOSE' }).warnings, [
        'typ is "JOSE", not JWT: this may be another kind of token, and libraries that check typ will reject it',
      ]);
      assert.deepEqual(decode({ alg: 'HS256', typ: 7 }).warnings, ['typ should be a string, but it is a number']);
    });

    it('warns about crit and token-chosen keys', () => {
      const decoded = decode({
        alg: 'RS256',
        crit: ['exp'],
        exp: 1,
        jku: 'https://evil.example/jwks',
        jwk: { kty: 'RSA' },
      });
      assert.deepEqual(decoded.warnings, [
        'The header marks extensions as critical (crit: "exp"); a verifier that does not understand them must reject the token',
        'The header tells verifiers where to get the key (jku, jwk); a verifier that trusts a key the token chooses accepts forgeries, so keys should come from configuration',
      ]);
      assert.ok(hasWarning(decode({ alg: 'RS256', x5u: 'https://x' }).warnings, /\(x5u\)/));
    });

    it('treats any spelling of none as unsecured, and says so', () => {
      const decoded = decode({ alg: 'NONE' }, {}, '');
      assert.equal(decoded.kind, 'unsecured');
      assert.match(decoded.warnings[0]!, /spelling it "NONE" is a known trick/);
    });

    it('keeps alg none unsecured when a signature is present', () => {
      const decoded = decode({ alg: 'none' }, {}, 'c2ln');
      assert.equal(decoded.kind, 'unsecured');
      assert.ok(hasWarning(decoded.warnings, /alg "none" but carries a signature \(segment 3\)/));
    });
  });
});

describe('splitToken', () => {
  it('gives each segment with offsets into the input, counting surrounding whitespace', () => {
    const token = RFC7515.A1.token;
    const [header, payload, signature] = token.split('.');
    const split = splitToken(`  ${token}\n`);
    assert.equal(split.kind, 'jws');
    assert.deepEqual(split.segments, [
      { name: 'header', text: header, start: 2, end: 2 + header!.length },
      { name: 'payload', text: payload, start: 3 + header!.length, end: 3 + header!.length + payload!.length },
      { name: 'signature', text: signature, start: token.length + 2 - signature!.length, end: token.length + 2 },
    ]);
  });

  it('names JWE segments and tells kinds apart by shape', () => {
    assert.deepEqual(
      splitToken('h.k.i.c.t').segments.map((s) => s.name),
      ['header', 'encrypted_key', 'iv', 'ciphertext', 'tag'],
    );
    assert.equal(splitToken('h.k.i.c.t').kind, 'jwe');
    assert.equal(splitToken(RFC7515.A5.token).kind, 'unsecured');
    assert.deepEqual(
      splitToken('a..').segments.map((s) => [s.start, s.end]),
      [
        [0, 1],
        [2, 2],
        [3, 3],
      ],
    );
  });

  it('does not validate contents but does check the shape', () => {
    assert.equal(splitToken('not.json.here').segments.length, 3);
    assertJwtError(() => splitToken('a.b'), 'segments');
    assertJwtError(() => splitToken('a.b c.d'), 'whitespace');
  });
});
