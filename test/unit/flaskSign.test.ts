// Signing Flask session cookies: byte for byte what Flask made (flask-vectors.ts), and accepted by the
// specification signer and by our own verifier.
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { JwtError } from '../../src/core/errors';
import { decodeFlaskSession, verifyFlaskSession } from '../../src/core/flask';
import { signFlaskSession } from '../../src/core/flaskSign';
import { FLASK, sign } from './flask-vectors';

/** The JSON inside a cookie, inflated when compressed. */
function cookieJson(cookie: string): string {
  const compressed = cookie.startsWith('.');
  const payload = Buffer.from(cookie.split('.')[compressed ? 1 : 0]!, 'base64url');
  return (compressed ? inflateSync(payload) : payload).toString('utf8');
}

describe('signFlaskSession', () => {
  const now = FLASK.signedAt;

  it('makes the cookie Flask made, uncompressed', async () => {
    assert.equal(await signFlaskSession({ user_id: 42, name: 'Ada' }, FLASK.secret, { now }), FLASK.small);
  });

  it('makes the cookie Flask made, compressed (zlib shorter than the JSON)', async () => {
    const session = JSON.parse(cookieJson(FLASK.big)) as Record<string, unknown>;
    assert.equal(await signFlaskSession(session, FLASK.secret, { now }), FLASK.big);
  });

  it('agrees with the specification signer: both key derivations, a salt, forced compression, a byte key', async () => {
    const session = { user: 'ünïcode ✓ 🎉', roles: ['a', 'b'], n: 1.5, nested: { ok: true, none: null } };
    // Python's json.dumps(ensure_ascii=True): every character outside printable ASCII as \uXXXX.
    const json =
      '{"user":"\\u00fcn\\u00efcode \\u2713 \\ud83c\\udf89","roles":["a","b"],"n":1.5,"nested":{"ok":true,"none":null}}';
    for (const keyDerivation of ['hmac', 'django-concat'] as const) {
      const expected = sign(json, 's3cret', 1700000000, { derivation: keyDerivation, salt: 'other-salt' });
      const made = await signFlaskSession(session, 's3cret', {
        now: new Date(1700000000 * 1000),
        keyDerivation,
        salt: 'other-salt',
        compress: false,
      });
      assert.equal(made, expected, keyDerivation);
    }
    const forced = await signFlaskSession({ a: 1 }, new TextEncoder().encode('s3cret'), { now, compress: true });
    assert.ok(forced.startsWith('.'), 'compressed even though it is longer');
    assert.equal(cookieJson(forced), '{"a":1}');
    assert.deepEqual(await verifyFlaskSession(forced, 's3cret', { now }), { valid: true, age: 0 });
    const plain = await signFlaskSession(JSON.parse(cookieJson(FLASK.big)), FLASK.secret, { now, compress: false });
    assert.ok(!plain.startsWith('.'));
    assert.deepEqual(await verifyFlaskSession(plain, FLASK.secret, { now }), { valid: true, age: 0 });
  });

  it('escapes a one-key object named like one of Flask’s tags, as TaggedJSONSerializer does', async () => {
    const cookie = await signFlaskSession({ x: { ' t': 'not a tuple' }, list: [{ ' u': 1 }] }, 'k', { now });
    assert.equal(cookieJson(cookie), '{"x":{" di":{" t__":"not a tuple"}},"list":[{" di":{" u__":1}}]}');
    assert.deepEqual((await decodeFlaskSession(cookie)).payload, { x: { ' t': 'not a tuple' }, list: [{ ' u': 1 }] });
  });

  it('says what is wrong: not an object, an empty SECRET_KEY', async () => {
    await assert.rejects(
      signFlaskSession([1] as never, 'k'),
      (e: unknown) => e instanceof JwtError && e.code === 'payload-not-object' && /not an array/.test(e.message),
    );
    await assert.rejects(
      signFlaskSession({}, ''),
      (e: unknown) => e instanceof JwtError && e.code === 'key-format' && /SECRET_KEY is empty/.test(e.message),
    );
  });
});
