import assert from 'node:assert/strict';
import {
  CompactEncrypt,
  CompactSign,
  SignJWT,
  UnsecuredJWT,
  decodeProtectedHeader,
  generateKeyPair,
  generateSecret,
} from 'jose';
import { prng } from '../../bench/prng.mjs';
import { MAX_DISCLOSURES, MAX_HEADER_LENGTH, MAX_FOUND_TOKEN_LENGTH, findTokens, tokenAt } from '../../src/core/scan';
import { COMPLEX_STRUCTURED, ISSUED, PRESENTATION, SIMPLE_STRUCTURED } from '../fixtures/rfc9901';
import {
  CLAIMS,
  HS256,
  SIG,
  assertTokens,
  b64,
  disclosure,
  jwe,
  jws,
  kbJwt,
  referenceTokens,
  sdJwt,
  unsecured,
} from './scan-helpers';

/** RFC 7519 section 3.1, also RFC 7515 A.1: the header has a CRLF in it. */
const RFC7519 =
  'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_PAYLOAD = RFC7519.split('.')[1];
/** RFC 7515 A.3 (ES256), A.4 (ES512 over "Payload", not JSON) and A.5 (unsecured). */
const RFC7515_A3 = `eyJhbGciOiJFUzI1NiJ9.${RFC_PAYLOAD}.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q`;
const RFC7515_A4 =
  'eyJhbGciOiJFUzUxMiJ9.UGF5bG9hZA.AdwMgeerwtHoh-l192l60hp9wAHZFVJbLfD_UxMi70cwnZOYaRI1bKPWROc-mZZqwqT2SI-KGDKB34XO0aw_7XdtAG8GaSwFKdCAPZgoXD2YBJZCPEX3xKpRwcdOO8KpEHwJjyqOgzDO7iKvU8vcnwNrmxYbSW9ERBXukOXolLzeO_Jn';
const RFC7515_A5 = `eyJhbGciOiJub25lIn0.${RFC_PAYLOAD}.`;

const T = jws();

describe('scan: findTokens', () => {
  describe('the RFC examples and real tokens', () => {
    it('finds the RFC 7519 example token', () => {
      const [m] = assertTokens(RFC7519, [RFC7519]);
      assert.equal(m!.kind, 'jws');
    });

    it('finds RFC 7515 A.3, A.4 (non-JSON payload) and A.5 (unsecured, with its trailing dot)', () => {
      const matches = assertTokens(`${RFC7515_A3}\n${RFC7515_A4}\n${RFC7515_A5}\n`, [
        RFC7515_A3,
        RFC7515_A4,
        RFC7515_A5,
      ]);
      assert.deepEqual(
        matches.map((m) => m.kind),
        ['jws', 'jws', 'unsecured'],
      );
    });

    it('finds tokens made by jose: HS256, RS256, ES256, EdDSA, unsecured, detached', async () => {
      const secret = await generateSecret('HS256');
      const tokens = [await new SignJWT(CLAIMS).setProtectedHeader({ alg: 'HS256' }).sign(secret)];
      for (const alg of ['RS256', 'ES256', 'EdDSA']) {
        const { privateKey } = await generateKeyPair(alg);
        tokens.push(await new SignJWT(CLAIMS).setProtectedHeader({ alg, kid: 'key-1' }).setIssuedAt().sign(privateKey));
      }
      tokens.push(new UnsecuredJWT(CLAIMS).encode());
      const detached = await new CompactSign(new TextEncoder().encode('detached'))
        .setProtectedHeader({ alg: 'HS256' })
        .sign(secret);
      const [h, , s] = detached.split('.');
      tokens.push(`${h}..${s}`);
      const matches = assertTokens(tokens.map((t) => `token: ${t}`).join('\n'), tokens);
      assert.deepEqual(
        matches.map((m) => m.kind),
        ['jws', 'jws', 'jws', 'jws', 'unsecured', 'jws'],
      );
    });

    it('finds JWEs made by jose, with an encrypted key (RSA-OAEP) and without one (dir)', async () => {
      const { publicKey } = await generateKeyPair('RSA-OAEP-256');
      const rsa = await new CompactEncrypt(new TextEncoder().encode('secret'))
        .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
        .encrypt(publicKey);
      const key = await generateSecret('A128CBC-HS256');
      const dir = await new CompactEncrypt(new TextEncoder().encode('secret'))
        .setProtectedHeader({ alg: 'dir', enc: 'A128CBC-HS256' })
        .encrypt(key);
      assert.equal(dir.split('.')[1], '');
      const matches = assertTokens(`"${rsa}", "${dir}"`, [rsa, dir]);
      assert.deepEqual(
        matches.map((m) => m.kind),
        ['jwe', 'jwe'],
      );
    });
  });

  describe('headers that do not start with eyJ', () => {
    const cases: [string, string, string][] = [
      ['spaced', '{ "alg": "HS256" }', 'eyAi'],
      ['pretty-printed', '{\n  "alg": "RS256",\n  "typ": "JWT"\n}', 'ewog'],
      ['CRLF', '{\r\n"alg":"ES256"}', 'ew0K'],
      ['tab', '{\t"alg":"HS256"}', 'ewki'],
      ['leading space', ' {"alg":"HS256"}', 'IHsi'],
      ['leading newlines', '\n\n{"alg":"HS256"}', 'Cgp7'],
      ['trailing whitespace', '{"alg":"HS256"}\n  ', 'eyJh'],
    ];
    for (const [name, header, prefix] of cases) {
      it(`finds a token whose header is ${name} (${prefix}…)`, () => {
        const token = jws(header);
        assert.ok(token.startsWith(prefix));
        assertTokens(`Bearer ${token}`, [token]);
      });
    }

    it('finds headers of every length modulo 4 (2, 3 and 0 characters in the last group)', () => {
      for (const alg of ['HS256', 'HS2566', 'HS25666', 'HS256666']) {
        const token = jws({ alg });
        assertTokens(`x ${token} x`, [token]);
      }
    });

    it('finds a header with non-ASCII text in it', () => {
      const token = jws({ alg: 'HS256', kid: 'clé-🔑' });
      assertTokens(token, [token]);
    });
  });

  describe('kinds', () => {
    it('alg "none" with a non-empty signature is a JWS', () => {
      const token = jws({ alg: 'none' });
      assert.equal(assertTokens(token, [token])[0]!.kind, 'jws');
    });

    it('an empty signature is a token only with alg "none" (unsecured), and includes the dot', () => {
      const token = unsecured();
      assert.equal(assertTokens(`${token} next`, [token])[0]!.kind, 'unsecured');
      assertTokens(`${b64(HS256)}.${b64(CLAIMS)}. next`, []);
    });

    it('an unsecured token needs a payload: hdr.. is no token', () => {
      assertTokens(`${b64({ alg: 'none' })}.. next`, []);
    });

    it('an empty payload with a signature is a detached JWS', () => {
      const token = `${b64(HS256)}..${SIG}`;
      assert.equal(assertTokens(`(${token})`, [token])[0]!.kind, 'jws');
    });

    it('a payload that is not JSON, or not even valid base64url, still makes a token', () => {
      for (const payload of ['UGF5bG9hZA', 'a', '-_-_-']) {
        const token = `${b64(HS256)}.${payload}.${SIG}`;
        assertTokens(token, [token]);
      }
    });

    it('a JWE needs "enc", an iv, a ciphertext and a tag; the encrypted key may be empty', () => {
      assert.equal(assertTokens(jwe(), [jwe()])[0]!.kind, 'jwe');
      const withKey = jwe(
        { alg: 'RSA-OAEP', enc: 'A256GCM' },
        'OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGeipsEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9jwQRb23nfa6c9d-StnImGyFDbSv04uVuxIp5Zms1gNxKKK2Da14B8S4rzVRltdYwam_lDp5XnZAYpQdb76FdIKLaVmqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0je81860ppamavo35UgoRdbYaBcoh9QcfylQr66oc6vFWXRcZ_ZT2LawVCWTIy3brGPi6UklfCpIMfIjf7iGdXKHzg',
      );
      assertTokens(withKey, [withKey]);
      const iv = '48V1_ALb6US04U3b';
      assertTokens(`${b64({ alg: 'dir' })}..${iv}.Y2lwaGVy.dGFn`, []); // no enc
      assertTokens(`${b64({ alg: 'dir', enc: 1 })}..${iv}.Y2lwaGVy.dGFn`, []); // enc not a string
      assertTokens(`${b64({ alg: 'dir', enc: 'A256GCM' })}...Y2lwaGVy.dGFn`, []); // no iv
      assertTokens(`${b64({ alg: 'dir', enc: 'A256GCM' })}..${iv}..dGFn`, []); // no ciphertext
    });

    it('a JWE-style header on three segments is a JWS: the shape decides', () => {
      const token = jws({ alg: 'dir', enc: 'A256GCM' });
      assert.equal(assertTokens(token, [token])[0]!.kind, 'jws');
    });
  });

  describe('contexts', () => {
    const u = unsecured();
    const e = jwe();
    const cases: [string, string, string[]][] = [
      ['double quotes', `"${T}"`, [T]],
      ['single quotes', `'${T}'`, [T]],
      ['backticks', `\`${T}\``, [T]],
      ['a JSON document', JSON.stringify({ access_token: T, id_token: u, enc: e }, null, 2), [T, u, e]],
      ['YAML', `auth:\n  token: ${T}\n  other: ${u}\n`, [T, u]],
      ['.env', `TOKEN=${T}\nOTHER=${e}\n`, [T, e]],
      ['a query string', `https://app.example.com/cb?id_token=${T}&state=x`, [T]],
      ['a fragment', `https://app.example.com/cb#access_token=${T}&token_type=Bearer`, [T]],
      ['an Authorization header', `Authorization: Bearer ${T}\r\n`, [T]],
      ['a Cookie header', `Cookie: session=${T}; other=1`, [T]],
      ['a Set-Cookie header', `Set-Cookie: jwt=${T}; Path=/; HttpOnly`, [T]],
      ['a log line', `2024-05-01T12:00:00.123Z INFO [auth.service] issued token=${T} to 10.0.0.1`, [T]],
      ['an HTML attribute', `<div data-token="${T}" class="a.b.c"></div>`, [T]],
      ['CRLF text', `first\r\n${T}\r\n${u}\r\n`, [T, u]],
      ['an .http file', `GET https://api.example.com/v1/me HTTP/1.1\nAuthorization: Bearer ${T}\n\n###\n`, [T]],
      ['URL-encoded JSON', `state=%7B%22t%22%3A%22${T}%22%7D`, [T]],
      ['a URL-encoded parameter', `redirect=https%3A%2F%2Fx.io%2F%3Ftoken%3D${T}%26a%3Db`, [T]],
      ['a markdown code span', `Use \`${T}\` here.`, [T]],
      ['a Python bytes literal', `token = b'${T}'`, [T]],
      ['a JSON string after \\n', `"line\\n${T}\\n"`, [T]],
      ['a JSON string after \\u0022', `"\\u0022${T}\\u0022"`, [T]],
      ['a C string after \\x22', `"\\x22${T}\\x22"`, [T]],
      ['a sentence, before its full stop', `See ${T}.`, [T]],
      ['a sentence, before an ellipsis', `See ${T}... and more`, [T]],
      ['an unsecured token before a full stop', `See ${u}.`, [u]],
      ['a list', `${T},${u}, ${e};${T}`, [T, u, e, T]],
      ['brackets', `[${T}](${T}) <${T}> {${T}}`, [T, T, T, T]],
      ['padding-like = after the token', `${T}==`, [T]],
      ['a text that is just the token', T, [T]],
    ];
    for (const [name, text, expected] of cases) {
      it(`finds tokens in ${name}`, () => {
        assertTokens(text, expected);
      });
    }
  });

  describe('boundaries', () => {
    it('a token is never part of a longer base64url run', () => {
      assertTokens(`x${T}`, []);
      assertTokens(`-${T}`, []);
      assertTokens(`_${T}`, []);
      assertTokens(`${T}x`, [`${T}x`]); // the signature is just longer
    });

    it('more segments make no token: a.b.c.d, hdr.p.s.x, x.hdr.p.s, six segments', () => {
      assertTokens(`${T}.x`, []);
      assertTokens(`x.${T}`, []);
      assertTokens(`.${T}`, []);
      assertTokens(`${T}..x`, []);
      assertTokens(`${jwe()}.x`, []);
      assertTokens(`${T}.${T}`, []);
    });

    it('two segments make no token', () => {
      assertTokens(`${b64(HS256)}.${b64(CLAIMS)} and ${b64(HS256)}. and ${b64(HS256)}`, []);
    });

    it('adjacent tokens need a separator', () => {
      assertTokens(`${T} ${T}\n${T}`, [T, T, T]);
    });

    it('a backslash that starts no escape is a plain boundary', () => {
      assertTokens(`\\${T}`, [T]); // "\e" is no escape
    });

    it('an escape is read one way only, even when its tail eats the header', () => {
      assertTokens(`%2${T}`, []); // "%2e" is an escaped dot, leaving "yJ…" as the header
    });
  });

  describe('SD-JWT (RFC 9901)', () => {
    const D1 = disclosure('_26bc4LT-ac6q2KI6cBW5es', 'family_name', 'Möbius');
    const D2 = disclosure('lklxF5jMYlGTPUovMNIvCA', 'FR');
    const issuer = (token: string): string => token.slice(0, token.indexOf('~'));

    it('finds the RFC examples whole: issued, presented with key binding, structured, recursive', () => {
      const examples = [ISSUED, PRESENTATION, SIMPLE_STRUCTURED, COMPLEX_STRUCTURED];
      const matches = assertTokens(examples.map((t) => `token: ${t}`).join('\n'), examples);
      assert.deepEqual(
        matches.map((m) => m.kind),
        ['sd-jwt', 'sd-jwt', 'sd-jwt', 'sd-jwt'],
      );
    });

    it('takes disclosures and the key-binding JWT in every combination the RFC allows', () => {
      for (const token of [sdJwt([D1]), sdJwt([D1, D2]), sdJwt([D1], kbJwt()), sdJwt([], kbJwt())]) {
        const [m] = assertTokens(`"${token}"`, [token]);
        assert.equal(m!.kind, 'sd-jwt');
      }
    });

    it('takes a disclosure by its shape, base64url of [ … ]: in any JSON spelling, and broken inside', () => {
      const spaced = b64('[ "salt" , "n" , 1 ]');
      const lines = b64('\r\n[\n"salt",\n"n",\n1\n]\n ');
      const broken = b64('["salt", "n", oops]');
      assertTokens(sdJwt([spaced, lines, broken]), [sdJwt([spaced, lines, broken])]);
      for (const notArray of [b64('["s", "n"'), b64('"s", "n"]'), b64('[')]) {
        const token = sdJwt([notArray]);
        assertTokens(token, [issuer(token)]);
      }
      const token = sdJwt([b64({ salt: 's' })]);
      assertTokens(token, [issuer(token)]);
      const bom = sdJwt([b64('\uFEFF["s","n",1]')]);
      assertTokens(bom, [issuer(bom)]);
    });

    it('leaves a JWS with only a ~ after it as a JWS: it discloses nothing', () => {
      const token = sdJwt([]);
      const [m] = assertTokens(`${token} and ${token}\n`, [issuer(token), issuer(token)]);
      assert.equal(m!.kind, 'jws');
    });

    it('never takes ~ in other contexts for an SD-JWT: a path, words, empty pieces, a cut-off presentation', () => {
      const jwsPart = issuer(sdJwt());
      for (const tail of [
        '~/path/to/file',
        '~~',
        `~${D1}~~`,
        '~hello~',
        '~hello',
        `~${D1}`, // the last piece must be empty or a key-binding JWT
        `~${D1}~${D2}`,
        `~${D1}~garbage`,
        `~${D1}~${D1.slice(1)}~`, // no longer base64url of an array
        `~${D1}A~`, // 4n+1 characters
        `~${D1}~${kbJwt()}~`,
        `~${D1}~${kbJwt()}x.y`,
        `~${D1}.${D2}~`,
      ]) {
        const text = `x ${jwsPart}${tail} y`;
        assertTokens(text, [jwsPart, ...findTokens(tail).map((m) => m.token)]);
        assert.equal(findTokens(text)[0]!.kind, 'jws', tail);
      }
    });

    it('reports a key-binding JWT that cannot end an SD-JWT on its own', () => {
      const jwsPart = issuer(sdJwt());
      // An unsecured JWT is no key-binding JWT: the JWS and it are two tokens.
      assertTokens(`${jwsPart}~${D1}~${unsecured()}`, [jwsPart, unsecured()]);
      assertTokens(`${jwsPart}~${D1}~${jws()}~`, [jwsPart, jws()]);
    });

    it('ends before the full stop that ends a sentence, and at quotes, commas and spaces', () => {
      const token = sdJwt([D1, D2]);
      assertTokens(`It was ${token}. Then ${sdJwt([D1], kbJwt())}.`, [token, sdJwt([D1], kbJwt())]);
      assertTokens(`["${token}", '${token}'] token=${token}&x=1`, [token, token, token]);
      const hostile = `${token}..${D1}`;
      assertTokens(hostile, [issuer(token)]);
    });

    it('finds SD-JWTs in text next to other tokens', () => {
      const presented = sdJwt([D1], kbJwt());
      const text = `a=${T} b=${presented}\nc=${jwe()}; d=${sdJwt([D2])} e=${unsecured()}`;
      const matches = assertTokens(text, [T, presented, jwe(), sdJwt([D2]), unsecured()]);
      assert.deepEqual(
        matches.map((m) => m.kind),
        ['jws', 'sd-jwt', 'jwe', 'sd-jwt', 'unsecured'],
      );
    });

    it(`takes up to ${MAX_DISCLOSURES} disclosures, and no SD-JWT longer than ${MAX_FOUND_TOKEN_LENGTH} characters`, () => {
      const most = sdJwt(Array.from({ length: MAX_DISCLOSURES }, () => 'WzFd'));
      assertTokens(most, [most]);
      const tooMany = sdJwt(Array.from({ length: MAX_DISCLOSURES + 1 }, () => 'WzFd'));
      assertTokens(tooMany, [issuer(tooMany)]);
      // The key-binding JWT's signature is not decoded, so its length sets the SD-JWT's.
      const sized = (length: number): string => {
        const head = `${issuer(sdJwt())}~${D1}~${kbJwt().slice(0, kbJwt().lastIndexOf('.') + 1)}`;
        return `${head}${'s'.repeat(length - head.length)}`;
      };
      const longest = sized(MAX_FOUND_TOKEN_LENGTH);
      assertTokens(`x ${longest} x`, [longest]);
      const tooLong = sized(MAX_FOUND_TOKEN_LENGTH + 1);
      // Its key-binding JWT alone is short enough to be a token of its own.
      assertTokens(`x ${tooLong} x`, [issuer(tooLong), tooLong.slice(tooLong.lastIndexOf('~') + 1)]);
      assert.equal(tokenAt(`x ${tooLong} x`, issuer(tooLong).length + 10), undefined);
    });

    it('takes no SD-JWT past the cap where the text ends right after its last ~', () => {
      // Two disclosures of `[`, spaces and `1]`, spaced to make the SD-JWT `length` characters long.
      const ending = (length: number): string => {
        const head = `${issuer(sdJwt())}~`;
        const piece = (spaces: number) => `${Buffer.from(`[${' '.repeat(spaces)}1]`).toString('base64url')}~`;
        // base64url of n bytes is ceil(4n / 3) characters, then the `~`.
        const pieceLength = (spaces: number) => Math.ceil(((spaces + 3) * 4) / 3) + 1;
        for (let a = Math.floor(((length - head.length) * 3) / 4) - 12; ; a++)
          for (let b = 0; b < 4; b++)
            if (head.length + pieceLength(a) + pieceLength(b) === length) return head + piece(a) + piece(b);
      };
      const longest = ending(MAX_FOUND_TOKEN_LENGTH);
      assertTokens(`x ${longest}`, [longest]);
      const tooLong = ending(MAX_FOUND_TOKEN_LENGTH + 1);
      assertTokens(`x ${tooLong}`, [issuer(tooLong)]);
      assert.equal(tokenAt(`x ${tooLong}`, tooLong.length), undefined);
    });
  });

  describe('no false positives', () => {
    const decoys = [
      'www.example.com and https://sub.domain.example.co.uk/path.html',
      'com.google.android.gms and org.apache.commons.lang3.StringUtils',
      'versions 1.2.3, v10.20.30-beta.1, 2.0.0-rc.1+build.5',
      'hosts 192.168.0.1 and 2001:db8::1 and 10.0.0.255',
      'this.props.value, foo.bar.baz.qux, window.location.href.length',
      'src/app.module.ts and ./lib/index.d.ts and archive.tar.gz',
      'john.doe@example.com, first.last+tag@mail.example.org',
      `${b64({ foo: 1 })}.${b64(CLAIMS)}.${SIG}`,
      `${b64([1, 2])}.${b64(CLAIMS)}.${SIG}`,
      `${b64('hello world, hello')}.${b64(CLAIMS)}.${SIG}`,
      `${b64({ alg: 1 })}.${b64(CLAIMS)}.${SIG}`,
      `${b64({ alg: null, typ: 'JWT' })}.${b64(CLAIMS)}.${SIG}`,
      `${b64({ alg: ['HS256'] })}.${b64(CLAIMS)}.${SIG}`,
      `${b64('{"alg":"HS256"')}.${b64(CLAIMS)}.${SIG}`, // truncated JSON
      `${b64('{"alg":"HS256"}x')}.${b64(CLAIMS)}.${SIG}`, // trailing garbage
      `${b64('\uFEFF{"alg":"HS256"}')}.${b64(CLAIMS)}.${SIG}`, // byte order mark: not JSON
      `${base64urlOfBytes([0x7b, 0x22, 0x61, 0x6c, 0x67, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])}.${b64(CLAIMS)}.${SIG}`, // invalid UTF-8
      `${b64(HS256)}A.${b64(CLAIMS)}.${SIG}`, // 4n+1 characters: not base64url
      `e30.${b64(CLAIMS)}.${SIG}`, // {} without alg
      `${'A'.repeat(5000)}.${'B'.repeat(5000)}.${'C'.repeat(5000)}`,
      '123e4567-e89b-12d3-a456-426614174000.json',
      'a.b.c a..b ...',
    ];
    for (const text of decoys) {
      it(`finds nothing in ${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)}`, () => {
        assertTokens(text, []);
      });
    }

    it('finds nothing in a text of decoys around a token but the token', () => {
      assertTokens(`${decoys.join('\n')}\nBearer ${T}\n${decoys.join(' ')}`, [T]);
    });
  });

  describe('offsets', () => {
    it('are JavaScript string offsets, right after astral-plane characters', () => {
      const text = `🔑🔑 ${T} 😀 ${unsecured()} 𝄞`;
      const matches = assertTokens(text, [T, unsecured()]);
      assert.equal(matches[0]!.start, text.indexOf(T));
      assert.equal(matches[1]!.start, text.indexOf(unsecured()));
    });

    it('come in order and do not overlap, over many tokens with more distinct headers than are cached', () => {
      const tokens = Array.from({ length: 1500 }, (_, i) =>
        i % 3 === 2 ? jwe({ alg: 'dir', enc: 'A256GCM', kid: `k${i}` }) : jws({ alg: 'HS256', kid: `k${i}` }),
      );
      assertTokens(tokens.join('\n'), tokens);
    });

    it('judges a header by the shape it opens, even when the same header was seen in another shape', () => {
      const header = b64({ alg: 'none' });
      const text = `${header}.${b64(CLAIMS)}. ${header}..iv.ct.tag ${header}.${b64(CLAIMS)}.${SIG} ${header}..iv.ct.tag`;
      const matches = assertTokens(text, [`${header}.${b64(CLAIMS)}.`, `${header}.${b64(CLAIMS)}.${SIG}`]);
      assert.deepEqual(
        matches.map((m) => m.kind),
        ['unsecured', 'jws'],
      );
    });
  });

  describe('header JSON, as jose reads it', () => {
    /** Members of every kind the plain-header reader takes or hands on to JSON.parse; the first 14 are plain and valid. */
    const MEMBERS = [
      '"alg":"HS256"',
      '"alg":"none"',
      '"alg":"None"',
      '"alg":""',
      '"alg":1',
      '"alg":null',
      '"alg":true',
      '"enc":"A128GCM"',
      '"enc":false',
      '"typ":"JWT"',
      '"kid":"k-1"',
      '"n":-0',
      '"n":-1.5e+3',
      '"n":2E-7',
      '"alg":["HS256"]',
      '"alg":{"x":"HS256"}',
      '"a\\u006cg":"HS256"',
      '"alg":"n\\u006fne"',
      '"alg":"HS256é"',
      '"enc":"A256\\"GCM"',
      '"kid":"ünï"',
      '"n":01',
      '"n":1.',
      '"n":.5',
      '"n":-',
      '"n":1e',
      '"n":+1',
      '"x":nul',
      '"x":truth',
      '"x5c":["MIIB"]',
      '"crit":["b64"]',
      '"tab":"a\tb"',
      '"alg" "HS256"',
      '"alg":"HS256" "typ":"JWT"',
      '"x":[]',
      '"x":{ }',
      '"x":[1, "a", [true, null], {"alg":"none"}]',
      '"jwk":{"kty":"EC","crv":"P-256","x":"f83O","y":"x_FE"}',
      '"x":[1,]',
      '"x":[,1]',
      '"x":[1 2]',
      '"x":{"a"}',
      '"x":{"a":}',
      '"x":{"a":1,}',
      '"x":{1:2}',
      '"x":[01]',
      '"x":{"a":[}',
      '"x":["a\\"b"]',
      `"x":${'['.repeat(15)}${']'.repeat(15)}`,
      `"x":${'['.repeat(16)}${']'.repeat(16)}`,
      `"x":${'['.repeat(17)}1${']'.repeat(17)}`,
    ];
    const SPACES = ['', ' ', '\n  ', '\t', '\r\n'];

    /** What jose makes of the header: whether a JWS, an unsecured JWT or a JWE could carry it. */
    function joseKinds(json: string): string[] {
      let header: Record<string, unknown>;
      try {
        header = decodeProtectedHeader(`${b64(json)}.e30.c2ln`) as Record<string, unknown>;
      } catch {
        return [];
      }
      if (typeof header.alg !== 'string') return [];
      const kinds = ['jws'];
      if (header.alg === 'none') kinds.push('unsecured');
      if (typeof header.enc === 'string') kinds.push('jwe');
      return kinds;
    }

    it('reads every header as jose does: plain, nested, escaped, non-ASCII, duplicate members and broken JSON', () => {
      const random = prng(7);
      const int = (n: number): number => Math.floor(random() * n);
      const space = (): string => SPACES[int(SPACES.length)]!;
      // Half of the members plain and valid, so that many headers are valid.
      const member = (): string => MEMBERS[int(2) ? int(14) : int(MEMBERS.length)]!;
      const headers = [
        '{}',
        ' {}',
        '{ }',
        '{"alg":"HS256"}x',
        '{"alg":"HS256"},',
        '{"alg":"HS256",}',
        '{,"alg":"HS256"}',
      ];
      for (let i = 0; i < 3000; i++) {
        const members = Array.from({ length: 1 + int(4) }, () => member().replace(':', `${space()}:${space()}`));
        headers.push(`${space()}{${space()}${members.join(`${space()},${space()}`)}${space()}}${space()}`);
      }
      let plain = 0;
      for (const json of headers) {
        const expected = joseKinds(json);
        if (expected.length > 0 && !/[\\\u0080-\uffff{[]/.test(json.trim().slice(1, -1))) plain++;
        const shapes: Record<string, string> = {
          jws: `${b64(json)}.e30.c2ln`,
          unsecured: `${b64(json)}.e30.`,
          jwe: `${b64(json)}..aXY.Y3Q.dGFn`,
        };
        for (const [kind, token] of Object.entries(shapes)) {
          const found = findTokens(`x ${token} y`).map((m) => m.kind);
          assert.deepEqual(found, expected.includes(kind) ? [kind] : [], `${kind} with header ${JSON.stringify(json)}`);
        }
      }
      // The input must reach the plain-header reader, not only JSON.parse: enough valid plain headers.
      assert.ok(plain > 300, `${plain} plain headers`);
    });
  });

  describe('caps', () => {
    /** A token of exactly `length` characters, its header `headerLength` long. */
    const sized = (headerLength: number, length: number): string => {
      const header = headerOfLength(headerLength);
      return `${header}.${'p'.repeat(length - header.length - 2 - SIG.length)}.${SIG}`;
    };

    it(`takes headers up to ${MAX_HEADER_LENGTH} characters`, () => {
      assertTokens(sized(MAX_HEADER_LENGTH, MAX_HEADER_LENGTH + 100), [
        sized(MAX_HEADER_LENGTH, MAX_HEADER_LENGTH + 100),
      ]);
      assertTokens(sized(MAX_HEADER_LENGTH + 2, MAX_HEADER_LENGTH + 100), []);
    });

    it(`takes tokens up to ${MAX_FOUND_TOKEN_LENGTH} characters, in findTokens and tokenAt alike`, () => {
      const longest = sized(100, MAX_FOUND_TOKEN_LENGTH);
      assertTokens(`x ${longest} x`, [longest]);
      const tooLong = sized(100, MAX_FOUND_TOKEN_LENGTH + 1);
      assertTokens(`x ${tooLong} x`, []);
      for (const offset of [2, 1000, tooLong.length]) assert.equal(tokenAt(`x ${tooLong} x`, offset), undefined);
    });
  });

  describe('pathological input', () => {
    const inputs: [string, string][] = [
      ['1 MB of dots', '.'.repeat(1 << 20)],
      ['a. a million times', 'a.'.repeat(1 << 20)],
      ['4 MB of base64url', 'eyJh'.repeat(1 << 20)],
      ['4 MB of base64url with a dot every 20 KB', `${'eyJhbGciOiJIUzI1NiJ9'.repeat(1000)}.`.repeat(200)],
      ['a header then dots, repeated', `${b64(HS256)}.`.repeat(50_000)],
      ['a header on every segment', `${b64(HS256)}.${b64(HS256)} `.repeat(50_000)],
      ['fake headers that pass the prefilter', `${b64({ foo: 'x'.repeat(100) })}.a.b `.repeat(20_000)],
      ['a token then a million dots', `${T}${'.'.repeat(1 << 20)}`],
    ];
    for (const [name, text] of inputs) {
      it(`is fast on ${name}`, () => {
        const t0 = performance.now();
        const matches = findTokens(text);
        const ms = performance.now() - t0;
        assert.ok(ms < 1000, `${ms} ms`);
        // A run that has not ended within MAX_FOUND_TOKEN_LENGTH is no token, trailing dots included.
        assert.deepEqual(matches, []);
        for (const offset of [0, text.length >> 1, text.length]) tokenAt(text, offset);
      });
    }
  });
});

describe('scan: SD-JWT on hostile input', () => {
  const jwsPart = jws({ alg: 'ES256', typ: 'dc+sd-jwt' });
  const inputs: [string, string, string[]][] = [
    ['a million tildes', '~'.repeat(1 << 20), []],
    ['a JWS then a million tildes', `${jwsPart}${'~'.repeat(1 << 20)}`, [jwsPart]],
    [
      `a JWS, ${MAX_DISCLOSURES} disclosures, then garbage`,
      `${jwsPart}~${'WzFd~'.repeat(MAX_DISCLOSURES)}x!`,
      [jwsPart],
    ],
    [
      'a JWS then disclosures until the cap, a hundred times',
      `${jwsPart}~${'WzFd~'.repeat(MAX_DISCLOSURES)}x `.repeat(100),
      Array.from({ length: 100 }, () => jwsPart),
    ],
    ['JWSs joined by tildes', `${jwsPart}~`.repeat(20_000), Array.from({ length: 20_000 }, () => jwsPart)],
  ];
  for (const [name, text, expected] of inputs) {
    it(`is fast on ${name}`, () => {
      const t0 = performance.now();
      const matches = findTokens(text);
      for (const offset of [0, 1000, text.length >> 1, text.length - 1000, text.length]) tokenAt(text, offset);
      const ms = performance.now() - t0;
      assert.ok(ms < 1000, `${ms} ms`);
      assert.deepEqual(
        matches.map((m) => m.token),
        expected,
      );
    });
  }
});

describe('scan: tokenAt', () => {
  const text = `a ${T} b ${unsecured()}. ${jwe()}`;
  const matches = findTokens(text);

  it('finds the token from its first character to right after its last', () => {
    for (const m of matches) {
      for (let offset = m.start; offset <= m.end; offset++) assert.deepEqual(tokenAt(text, offset), m);
    }
  });

  it('finds nothing just outside a token, nor out of range', () => {
    assert.equal(tokenAt(text, matches[0]!.start - 1), undefined);
    assert.equal(tokenAt(text, matches[1]!.end + 1), undefined); // after the full stop
    for (const offset of [-1, text.length + 1, Number.NaN, 1.5, Infinity])
      assert.equal(tokenAt(text, offset), undefined);
  });

  it('finds a token that ends the text, with the offset at the end of the text', () => {
    assert.deepEqual(tokenAt(text, text.length), matches[2]);
    assert.equal(tokenAt('', 0), undefined);
  });

  it('finds nothing on an escape before a token', () => {
    const escaped = `t=%22${T}%22`;
    assert.equal(tokenAt(escaped, 3), undefined);
    assert.equal(tokenAt(escaped, 4), undefined);
    assert.equal(tokenAt(escaped, 5)?.token, T);
  });

  it('agrees with findTokens on every offset of a mixed text', () => {
    const mixed = `${RFC7519}.x ${T} ${T}.${T} %22${T}%22 a.b.c ${unsecured()}.. ${jwe()}.`;
    const all = findTokens(mixed);
    assert.deepEqual(all, referenceTokens(mixed));
    for (let offset = 0; offset <= mixed.length; offset++) {
      assert.deepEqual(
        tokenAt(mixed, offset),
        all.find((m) => m.start <= offset && offset <= m.end),
        `offset ${offset}`,
      );
    }
  });

  it('agrees with findTokens on every offset of a text with SD-JWTs', () => {
    const d = disclosure('salt', 'name', 'value');
    const presented = sdJwt([d, d], kbJwt());
    const mixed = [
      `${PRESENTATION}. ${T}~${d}~x ${sdJwt([d])}~${presented}`,
      `${T}~${T}~${d}~ %22${sdJwt([], kbJwt())}%22 ${sdJwt([d])}.. ~${d}~${kbJwt()}`,
      `${T}~~${d}~ ${unsecured()}~${d}~ ${T}~${d}~${unsecured()} ${jwe()}~${d}~`,
    ].join('\n');
    const all = findTokens(mixed);
    assert.deepEqual(all, referenceTokens(mixed));
    assert.equal(all.filter((m) => m.kind === 'sd-jwt').length, 5);
    for (let offset = 0; offset <= mixed.length; offset++) {
      assert.deepEqual(
        tokenAt(mixed, offset),
        all.find((m) => m.start <= offset && offset <= m.end),
        `offset ${offset}`,
      );
    }
  });

  // How fast it is on a 4 MB line is npm run bench's job; here, that it answers right there.
  it('finds the token in the middle of a 4 MB line of base64url', () => {
    const blob = 'eyJh'.repeat(1 << 20);
    const line = `${blob} ${T} ${blob}`;
    assert.equal(tokenAt(line, blob.length + 10)?.token, T);
    for (const offset of [0, blob.length >> 1, line.length - 5]) assert.equal(tokenAt(line, offset), undefined);
  });
});

function base64urlOfBytes(bytes: number[]): string {
  return Buffer.from(bytes).toString('base64url');
}

/** A header of exactly `length` base64url characters (not 4n+1) with a string alg. */
function headerOfLength(length: number): string {
  const bytes = Math.floor(length / 4) * 3 + [0, 0, 1, 2][length % 4]!;
  const json = `{"alg":"HS256","x":"${'x'.repeat(bytes - 22)}"}`;
  const header = b64(json);
  assert.equal(header.length, length);
  return header;
}
