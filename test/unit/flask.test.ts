// Flask session cookies. Two independent sources of truth (flask-vectors.ts): cookies Flask 3 /
// itsdangerous 2.2 made, and a signer written from the format's specification with Node's crypto and zlib.
import assert from 'node:assert/strict';
import { JwtError } from '../../src/core/errors';
import { decodeFlaskSession, findSessionCookies, flaskSessionAt, verifyFlaskSession } from '../../src/core/flask';
import { findTokens } from '../../src/core/scan';
import { FLASK, sign } from './flask-vectors';

describe('Flask session cookies', () => {
  describe('decodeFlaskSession', () => {
    it('reads a cookie Flask made: payload, signing time, not compressed', async () => {
      const session = await decodeFlaskSession(FLASK.small);
      assert.deepEqual(session.payload, { user_id: 42, name: 'Ada' });
      assert.deepEqual(session.timestamp, FLASK.signedAt);
      assert.equal(session.compressed, false);
      assert.equal(
        session.legacyTimestamp.toISOString(),
        '2067-01-01T00:00:00.000Z',
        'the same number counted from 2011 (itsdangerous < 1.0)',
      );
    });

    it('inflates a compressed cookie', async () => {
      const session = await decodeFlaskSession(FLASK.big);
      assert.equal(session.compressed, true);
      assert.deepEqual(session.payload, { cart: Array.from({ length: 40 }, (_, i) => `item-${i}`), user: 'Grace' });
    });

    it("makes Flask's tagged values readable: tuple, bytes, datetime, UUID, Markup, escaped dict", async () => {
      const { payload } = await decodeFlaskSession(FLASK.tagged);
      assert.deepEqual(payload, {
        t: [1, 'two'],
        b: "b'\\x00hi\\xff'",
        d: '2026-01-02T03:04:05.000Z',
        u: '12345678-1234-5678-1234-567812345678', // Flask stores the 32 hex digits; Python shows str(uuid)
        m: '<b>x</b>',
        di: { ' t': 'not a tuple' },
        nested: [{ x: [1] }],
      });
    });

    it('shows tagged UUIDs as Python does, however UUID() would have read them', async () => {
      const uuid = 'a8098c1a-f86e-11da-bd1a-00112444be1e';
      for (const stored of [
        'a8098c1af86e11dabd1a00112444be1e',
        'A8098C1AF86E11DABD1A00112444BE1E',
        uuid,
        `{${uuid}}`,
        `urn:uuid:${uuid}`,
      ]) {
        const cookie = sign(JSON.stringify({ id: { ' u': stored }, ids: [{ ' u': stored }] }), 'k', 1767225600);
        assert.deepEqual((await decodeFlaskSession(cookie)).payload, { id: uuid, ids: [uuid] }, stored);
      }
      const odd = sign(JSON.stringify({ id: { ' u': 'not-a-uuid' } }), 'k', 1767225600);
      assert.deepEqual((await decodeFlaskSession(odd)).payload, { id: 'not-a-uuid' });
    });

    describe('hostile cookies', () => {
      /** Asserts that decoding fails with `code`, without overflowing the stack (mocha's timeout guards a hang). */
      async function assertRefused(cookie: string, code: string, message: RegExp): Promise<void> {
        const error = await decodeFlaskSession(cookie).then(
          () => undefined,
          (e: unknown) => e,
        );
        assert.ok(error instanceof JwtError, `expected a JwtError, got ${String(error)}`);
        assert.equal(error.code, code);
        assert.match(error.message, message);
      }

      it('stops inflating a zlib bomb at 1 MiB (13 KB of cookie that would be 9.5 MB of "[")', async () => {
        const cookie = sign('['.repeat(9_500_000), 'k', 1767225600, { compress: true });
        assert.ok(cookie.length < 20_000, `the bomb is ${cookie.length} characters`);
        await assertRefused(cookie, 'decompressed-too-large', /expands to more than 1048576 bytes/);
        // Tens of megabytes of whitespace after a valid object.
        await assertRefused(
          sign(`{}${' '.repeat(30_000_000)}`, 'k', 1767225600, { compress: true }),
          'decompressed-too-large',
          /1048576/,
        );
      });

      it('refuses deep nesting under the size cap, compressed or not, before parsing it', async () => {
        for (const compress of [true, false]) {
          await assertRefused(
            sign(`${'['.repeat(300_000)}${']'.repeat(300_000)}`, 'k', 1767225600, { compress }),
            'too-deep',
            /more than 100 levels/,
          );
          await assertRefused(
            sign('['.repeat(500_000), 'k', 1767225600, { compress }),
            'too-deep',
            /more than 100 levels/,
          );
          // Tagged values nest too: a tuple in a tuple in a tuple…
          await assertRefused(
            sign(`${'{" t":['.repeat(5000)}1${']}'.repeat(5000)}`, 'k', 1767225600, { compress }),
            'too-deep',
            /more than 100 levels/,
          );
        }
      });

      it('finds a huge uncompressed cookie without parsing it (the scanner runs on every edit)', () => {
        for (const tail of ['', 'ab']) {
          const cookie = sign(`{"a":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}${tail}`, 'k', 1767225600);
          const found = findSessionCookies(`session=${cookie}; Path=/`);
          assert.equal(found.length, tail === '' ? 1 : 0, JSON.stringify(tail));
        }
      });

      it('decodes a large but shallow payload, and cuts what a hover shows', async () => {
        const items = Array.from({ length: 20_000 }, (_, i) => `item-${i}`);
        const session = await decodeFlaskSession(sign(JSON.stringify({ items }), 'k', 1767225600, { compress: true }));
        assert.equal((session.payload as { items: string[] }).items.length, 20_000);
        assert.ok(session.text.length < 21_000, `the text is ${session.text.length} characters`);
        assert.match(session.text, /… \d+ more characters not shown$/);
        const small = await decodeFlaskSession(FLASK.small);
        assert.equal(small.text, JSON.stringify({ user_id: 42, name: 'Ada' }, null, 2));
      });
    });

    it('says what is wrong with a broken cookie', async () => {
      await assert.rejects(decodeFlaskSession('eyJ4IjoxfQ.aVW5AA'), /three dot-separated parts/);
      await assert.rejects(
        decodeFlaskSession('bm90IGpzb24.aVW5AA.7FS7rsrw-G_WruhkPkMSsuZ8te8'),
        /payload \(part 1\) is not JSON/,
      );
      await assert.rejects(
        decodeFlaskSession('.bm90IHpsaWI.aVW5AA.7FS7rsrw-G_WruhkPkMSsuZ8te8'),
        /not valid zlib data/,
      );
    });
  });

  describe('verifyFlaskSession', () => {
    const now = new Date(FLASK.signedAt.getTime() + 3600_000);

    it("accepts Flask's cookies with the app's SECRET_KEY, and gives their age", async () => {
      for (const cookie of [FLASK.small, FLASK.tagged, FLASK.big]) {
        assert.deepEqual(await verifyFlaskSession(cookie, FLASK.secret, { now }), { valid: true, age: 3600 });
      }
    });

    it('rejects a wrong key, an altered payload and another salt', async () => {
      const wrong = await verifyFlaskSession(FLASK.small, 'another-key', { now });
      assert.equal(wrong.valid, false);
      assert.match(wrong.error!, /signature does not match: a different SECRET_KEY/);
      const altered = FLASK.small.replace('eyJ1c2VyX2lkIjo0', 'eyJ1c2VyX2lkIjo5');
      assert.equal((await verifyFlaskSession(altered, FLASK.secret, { now })).valid, false);
      assert.equal((await verifyFlaskSession(FLASK.small, FLASK.secret, { now, salt: 'other' })).valid, false);
    });

    it('rejects a session older than its lifetime, and one signed in the future', async () => {
      const old = await verifyFlaskSession(FLASK.small, FLASK.secret, { now, maxAgeSeconds: 1800 });
      assert.deepEqual(old.valid, false);
      assert.equal(old.age, 3600);
      assert.match(
        old.error!,
        /3600 seconds old, more than its lifetime of 1800 seconds \(PERMANENT_SESSION_LIFETIME\)/,
      );
      assert.equal((await verifyFlaskSession(FLASK.small, FLASK.secret, { now, maxAgeSeconds: 7200 })).valid, true);
      const future = await verifyFlaskSession(FLASK.small, FLASK.secret, {
        now: new Date(FLASK.signedAt.getTime() - 60_000),
      });
      assert.match(future.error!, /60 seconds in the future/);
    });

    it('round-trips cookies from the specification signer: plain, compressed, both key derivations', async () => {
      const seconds = 1700000000;
      const json = JSON.stringify({ user: 'ünïcode ✓', roles: ['a', 'b'], n: 1.5, deep: { list: [{ ' t': [1, 2] }] } });
      for (const compress of [false, true]) {
        for (const derivation of ['hmac', 'django-concat'] as const) {
          const cookie = sign(json, 's3cret', seconds, { compress, derivation });
          const session = await decodeFlaskSession(cookie);
          assert.deepEqual(session.payload, { user: 'ünïcode ✓', roles: ['a', 'b'], n: 1.5, deep: { list: [[1, 2]] } });
          assert.equal(session.timestamp.getTime(), seconds * 1000);
          assert.equal(session.compressed, compress);
          const now = new Date((seconds + 5) * 1000);
          assert.deepEqual(
            await verifyFlaskSession(cookie, 's3cret', { now, keyDerivation: derivation }),
            { valid: true, age: 5 },
            `${derivation}, compressed ${compress}`,
          );
          const other = derivation === 'hmac' ? 'django-concat' : 'hmac';
          assert.equal((await verifyFlaskSession(cookie, 's3cret', { now, keyDerivation: other })).valid, false);
        }
      }
    });

    it('agrees with the specification signer on the Flask vector', () => {
      assert.equal(sign('{"user_id":42,"name":"Ada"}', FLASK.secret, 1767225600), FLASK.small);
    });
  });

  describe('findSessionCookies', () => {
    it('finds cookies in headers and logs, compressed or not, at their exact offsets', () => {
      const text = `Cookie: session=${FLASK.small}; theme=dark\nSet-Cookie: session=${FLASK.big}; HttpOnly; Path=/\n`;
      const found = findSessionCookies(text);
      assert.deepEqual(
        found.map((m) => [m.cookie, m.compressed]),
        [
          [FLASK.small, false],
          [FLASK.big, true],
        ],
      );
      assert.equal(text.slice(found[0]!.start, found[0]!.end), FLASK.small);
      assert.equal(flaskSessionAt(text, text.indexOf(FLASK.big) + 30)?.cookie, FLASK.big);
      assert.equal(flaskSessionAt(text, 3), undefined);
    });

    it('leaves JWTs, versions, domains and other dotted base64 alone, and findTokens leaves cookies alone', () => {
      const jwt =
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
      const decoys = [
        jwt,
        'www.example.com',
        'v1.2.3',
        'bm90IGpzb24.aVW5AA.7FS7rsrw-G_WruhkPkMSsuZ8te8',
        `x${FLASK.small}.more`,
      ];
      assert.deepEqual(findSessionCookies(decoys.join(' ')), []);
      assert.deepEqual(findTokens(`${FLASK.small} ${FLASK.big}`), []);
    });
  });
});
