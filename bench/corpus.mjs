// Deterministic test texts for the benchmark: a 16 MB log with a known set of planted tokens,
// and a 4 MB single line for tokenAt. Same seed, same bytes, on every machine.
import { deflateSync } from 'node:zlib';
import { prng } from './prng.mjs';

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function makeHelpers(random) {
  const int = (n) => Math.floor(random() * n);
  const pick = (list) => list[int(list.length)];
  const chars = (n, alphabet = B64URL) => {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[int(alphabet.length)];
    return s;
  };
  const word = () => chars(3 + int(7), 'abcdefghijklmnopqrstuvwxyz');
  /** base64url of `n` random bytes: what a signature, key, iv or ciphertext looks like. */
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => int(256))).toString('base64url');
  return { int, pick, chars, word, bytes };
}

/** Token makers, each returning a compact token; the kind is what findTokens must report. */
function tokenMakers({ int, pick, chars, word, bytes }) {
  const kids = Array.from({ length: 40 }, () => chars(16));
  const claims = () => ({
    iss: `https://${word()}.example.com/`,
    sub: `user-${int(1e6)}`,
    aud: pick(['api', 'web', 'mobile']),
    iat: 1700000000 + int(1e7),
    exp: 1710000000 + int(1e7),
    ...(int(2) ? { name: `${word()} ${word()}`, scope: 'openid profile email' } : {}),
  });
  const sig = (alg) => bytes({ HS256: 32, RS256: 256, ES256: 64, EdDSA: 64 }[alg]);
  // A fresh kid now and then so headers are not all alike, as in real multi-issuer logs.
  const kid = () => (int(4) === 0 ? chars(20) : pick(kids));
  return [
    {
      kind: 'jws',
      make: () => {
        const alg = pick(['HS256', 'RS256', 'ES256', 'EdDSA']);
        return `${b64url({ alg, typ: 'JWT', kid: kid() })}.${b64url(claims())}.${sig(alg)}`;
      },
    },
    {
      kind: 'jws',
      make: () => `${b64url(`{ "alg": "RS256", "kid": "${kid()}" }`)}.${b64url(claims())}.${sig('RS256')}`,
    },
    {
      kind: 'jws',
      make: () =>
        `${b64url(`{\n  "alg": "ES256",\n  "typ": "JWT"\n}`)}.${b64url(JSON.stringify(claims(), null, 2))}.${sig('ES256')}`,
    },
    { kind: 'unsecured', make: () => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims())}.` },
    {
      // An SD-JWT (RFC 9901) as issued or presented: disclosures, and a key-binding JWT half the time.
      kind: 'sd-jwt',
      make: () => {
        const alg = pick(['ES256', 'EdDSA']);
        const value = () => pick([word(), int(1e6), { locality: word(), country: 'DE' }, [word(), word()]]);
        const disclosures = Array.from({ length: 1 + int(8) }, () =>
          b64url(int(4) ? [bytes(16), word(), value()] : [bytes(16), value()]),
        );
        const payload = { ...claims(), _sd: disclosures.map(() => bytes(32)), _sd_alg: 'sha-256' };
        const keyBinding = int(2)
          ? `${b64url({ alg, typ: 'kb+jwt' })}.${b64url({ nonce: bytes(12), aud: 'https://verifier.example', iat: 1700000000 + int(1e7), sd_hash: bytes(32) })}.${sig(alg)}`
          : '';
        return `${b64url({ alg, typ: 'dc+sd-jwt', kid: kid() })}.${b64url(payload)}.${sig(alg)}~${disclosures.join('~')}~${keyBinding}`;
      },
    },
    {
      kind: 'jwe',
      make: () =>
        `${b64url({ alg: 'dir', enc: 'A256GCM', kid: kid() })}..${bytes(12)}.${bytes(30 + int(220))}.${bytes(16)}`,
    },
    {
      kind: 'jwe',
      make: () =>
        `${b64url({ alg: 'RSA-OAEP-256', enc: 'A128CBC-HS256' })}.${bytes(256)}.${bytes(16)}.${bytes(16 * (3 + int(14)))}.${bytes(16)}`,
    },
  ];
}

/** Where a token sits in a log line: [before, after]. */
const TOKEN_CONTEXTS = [
  ['Authorization: Bearer ', ''],
  ['Cookie: session=', '; theme=dark; lang=en'],
  ['Set-Cookie: jwt=', '; Path=/; HttpOnly; Secure'],
  ['GET /callback?id_token=', '&state=af0ifjsldkj HTTP/1.1'],
  ['redirect to https://app.example.com/cb#access_token=', '&token_type=Bearer&expires_in=3600'],
  ['{"event":"login","token":"', '","user":"u123"}'],
  ['env TOKEN=', ''],
  ['state=%7B%22t%22%3A%22', '%22%7D'],
  ["python: b'", "'"],
  ['<div data-token="', '"></div>'],
  ['token issued: `', '` (see docs).'],
];

/** Dotted text that must not be taken for a token. */
function decoyMakers({ int, pick, chars, word }) {
  const fakeHeaders = [
    b64url({ foo: 1 }),
    b64url([1, 2]),
    b64url('hello world'),
    b64url({ alg: 1 }),
    b64url({ typ: 'JWT' }),
  ];
  const header = b64url({ alg: 'HS256', typ: 'JWT' });
  return [
    () => `connecting to www.${word()}.com:443 via proxy.${word()}.net`,
    () => `loaded com.google.android.${word()} and org.apache.commons.${word()}.${word()}`,
    () => `version ${int(20)}.${int(50)}.${int(100)} (v${int(20)}.${int(30)}.${int(40)}-beta.${int(9)})`,
    () =>
      `client ${int(256)}.${int(256)}.${int(256)}.${int(256)} forwarded for ${int(256)}.${int(256)}.${int(256)}.${int(256)}`,
    () => `at this.props.${word()}.${word()} (src/app/${word()}.module.ts:${int(900)}:${int(80)})`,
    () => `mail from ${word()}.${word()}@${word()}.example.org to ${word()}@mail.${word()}.io`,
    () => `payload ${pick(fakeHeaders)}.${chars(20 + int(40))}.${chars(20 + int(40))}`,
    () => `four segments ${header}.${chars(30)}.${chars(43)}.${chars(10)} rejected`,
    () => `empty signature ${header}.${chars(30)}. is not a token`,
    () => `sha512=${chars(86)} etag="${chars(27)}" id=${chars(8, '0123456789abcdef')}-${chars(4, '0123456789abcdef')}`,
    () => `elapsed ${int(1000)}.${int(1000)}ms rate=${int(100)}.${int(100)}% file ${word()}.tar.gz`,
    () => `cp ~/.config/${word()}.json ~${word()}/ and ~~${word()}~ at ~${int(100)}.${int(10)} ms`,
    () => `payload ${pick(fakeHeaders)}.${chars(30)}.${chars(43)}~${b64url([chars(22), word(), int(100)])}~`,
  ];
}

/**
 * A Flask session cookie (itsdangerous): the session's JSON, a timestamp, an HMAC-SHA1. Compressed
 * (`.eJ…`) when zlib makes it shorter, as Flask does. Not a token: findTokens must leave it alone.
 */
function flaskCookie({ int, chars, word, bytes }) {
  const hex = '0123456789abcdef';
  const session = int(2)
    ? { _fresh: true, _id: chars(128, hex), _user_id: String(int(1e5)), csrf_token: chars(40, hex) }
    : { user: word(), cart: Array.from({ length: int(4) }, () => int(1000)) };
  const json = JSON.stringify(session);
  const zipped = deflateSync(json);
  const payload = zipped.length < json.length ? `.${zipped.toString('base64url')}` : b64url(json);
  return `${payload}.${bytes(4)}.${bytes(20)}`;
}

/**
 * The log: a token on every `tokenEvery`th line, a Flask session cookie on every 16th, decoys on the
 * others, until it has `size` characters or `lines` lines.
 * @returns {{ text: string, planted: { start: number, end: number, token: string, kind: string }[],
 *   cookies: { start: number, end: number, cookie: string }[] }}
 */
export function makeLog(size = 16 * 1024 * 1024, seed = 1, { tokenEvery = 4, lines = Infinity } = {}) {
  const random = prng(seed);
  const helpers = makeHelpers(random);
  const { int, pick } = helpers;
  const tokens = tokenMakers(helpers);
  const decoys = decoyMakers(helpers);
  const parts = [];
  const planted = [];
  const cookies = [];
  let length = 0;
  for (let line = 0; length < size && line < lines; line++) {
    const stamp = `2024-05-${String(1 + int(28)).padStart(2, '0')}T${String(int(24)).padStart(2, '0')}:${String(int(60)).padStart(2, '0')}:${String(int(60)).padStart(2, '0')}.${String(int(1000)).padStart(3, '0')}Z ${pick(['INFO', 'DEBUG', 'WARN'])} [${helpers.word()}.service] `;
    let text;
    if (line % tokenEvery === tokenEvery - 1) {
      const maker = pick(tokens);
      const token = maker.make();
      const [before, after] = pick(TOKEN_CONTEXTS);
      // Now and then a JWS with a ~ after it that starts no SD-JWT: it stays a JWS.
      const tilde = maker.kind === 'jws' && int(8) === 0 ? pick(['~', '~~', '~/.cache/jwt']) : '';
      const start = length + stamp.length + before.length;
      planted.push({ start, end: start + token.length, token, kind: maker.kind });
      text = `${stamp}${before}${token}${tilde}${after}\n`;
    } else if (line % 16 === 5) {
      const cookie = flaskCookie(helpers);
      const before = pick(['Cookie: session=', 'Set-Cookie: session=']);
      const start = length + stamp.length + before.length;
      cookies.push({ start, end: start + cookie.length, cookie });
      text = `${stamp}${before}${cookie}; HttpOnly; Path=/\n`;
    } else {
      text = `${stamp}${pick(decoys)()} ${pick(decoys)()}\n`;
    }
    parts.push(text);
    length += text.length;
  }
  return { text: parts.join(''), planted, cookies };
}

/**
 * One line of about `size` characters, prose and dotted decoys, with a single token in the
 * middle and, before it, a 512 KB base64 run without dots: the worst case for looking around an
 * offset, since everything up to the cap looks like it could belong to a token.
 * @returns {{ text: string, token: { start: number, end: number, token: string }, blob: { start: number, end: number } }}
 */
export function makeLongLine(size = 4 * 1024 * 1024, seed = 2) {
  const random = prng(seed);
  const helpers = makeHelpers(random);
  const decoys = decoyMakers(helpers);
  const filler = (n) => {
    const parts = [];
    let length = 0;
    while (length < n) {
      const piece = helpers.pick(decoys)();
      parts.push(piece, ' ');
      length += piece.length + 1;
    }
    return parts.join('');
  };
  const token = tokenMakers(helpers)[0].make();
  const blob = helpers.chars(512 * 1024);
  const left = `${filler(size / 2 - blob.length)}blob=${blob} `;
  const start = left.length + 'token='.length;
  return {
    // Joined, not concatenated: a flat string, as an editor's text is.
    text: [left, 'token=', token, '; ', filler(size / 2)].join(''),
    token: { start, end: start + token.length, token },
    blob: { start: left.length - 1 - blob.length, end: left.length - 1 },
  };
}

/**
 * A dense log: one short token a line (HS256, RS256 and unsecured ones, all different, a third of the
 * signed ones expired), `count` lines, about 10 MB for 150,000: the Problems benchmark's worst case.
 */
export function makeDenseLog(count = 150_000, seed = 3) {
  const random = prng(seed);
  const { int, bytes } = makeHelpers(random);
  const headers = [b64url({ alg: 'HS256' }), b64url({ alg: 'RS256', kid: 'k1' }), b64url({ alg: 'none' })];
  const parts = [];
  for (let i = 0; i < count; i++) {
    const kind = int(3);
    // Told apart by their signatures (the unsecured ones by a jti).
    const claims = b64url(kind === 2 ? { jti: i, exp: 4102444800 } : { exp: int(3) === 0 ? 1600000000 : 4102444800 });
    const signature = kind === 2 ? '' : bytes(kind === 0 ? 32 : 12);
    parts.push(`t=${headers[kind]}.${claims}.${signature}\n`);
  }
  return parts.join('');
}
