import assert from 'node:assert/strict';
import { base64url, decodeProtectedHeader } from 'jose';
import { decodeToken } from '../../src/core/decode';
import { SIGNING_ALGORITHMS, signPayload, signingWarnings } from '../../src/core/sign';
import { verifyToken } from '../../src/core/verify';
import { assertRejectsJwtError, keysFor } from './helpers';

const SECRET = 'a-shared-secret-of-at-least-sixty-four-bytes-so-no-warning-appears-ok';

describe('signPayload', function () {
  this.timeout(20000); // RSA key generation

  it('offers the JWS algorithms in menu order', () => {
    assert.deepEqual(SIGNING_ALGORITHMS, [
      'HS256',
      'HS384',
      'HS512',
      'RS256',
      'RS384',
      'RS512',
      'PS256',
      'PS384',
      'PS512',
      'ES256',
      'ES384',
      'ES512',
      'EdDSA',
    ]);
  });

  it('signs exactly the payload, with typ JWT and alg in the header', async () => {
    const token = await signPayload({ sub: 'alice', n: 1.5, nested: { a: [1, 'x'] } }, { alg: 'HS256', key: SECRET });
    const decoded = decodeToken(token);
    assert.deepEqual(decoded.header, { typ: 'JWT', alg: 'HS256' });
    assert.equal(
      new TextDecoder().decode(base64url.decode(token.split('.')[1]!)),
      '{"sub":"alice","n":1.5,"nested":{"a":[1,"x"]}}',
    );
    assert.deepEqual(await verifyToken(token, SECRET), { valid: true, alg: 'HS256' });
  });

  it('accepts JSON text and re-serializes it compactly', async () => {
    const token = await signPayload('{\n  "sub": "alice",\n  "admin": true\n}', { alg: 'HS256', key: SECRET });
    assert.equal(new TextDecoder().decode(base64url.decode(token.split('.')[1]!)), '{"sub":"alice","admin":true}');
  });

  it('merges the header; typ can be changed or dropped, alg must agree', async () => {
    const sign = (header: object) => signPayload({}, { alg: 'HS256', key: SECRET, header });
    assert.deepEqual(decodeProtectedHeader(await sign({ kid: 'k1' })), { typ: 'JWT', kid: 'k1', alg: 'HS256' });
    assert.deepEqual(decodeProtectedHeader(await sign({ typ: 'at+jwt', alg: 'HS256' })), {
      typ: 'at+jwt',
      alg: 'HS256',
    });
    assert.deepEqual(decodeProtectedHeader(await sign({ typ: undefined })), { alg: 'HS256' });
    await assertRejectsJwtError(
      () => sign({ alg: 'RS256' }),
      'header-alg',
      'The header says alg "RS256" but the token is to be signed with HS256; leave alg out of the header or make them match',
    );
    await assertRejectsJwtError(
      () => signPayload({}, { alg: 'HS256', key: SECRET, header: [] }),
      'header-not-object',
      'The header must be an object, not an array',
    );
  });

  it('signs with every kind of private key', async () => {
    for (const alg of [...SIGNING_ALGORITHMS, 'Ed25519']) {
      if (alg.startsWith('HS')) continue;
      const keys = await keysFor(alg);
      for (const key of [keys.pkcs8, keys.privateJwk, JSON.stringify(keys.privateJwk)]) {
        assert.deepEqual(await verifyToken(await signPayload({ alg }, { alg, key }), keys.spki), { valid: true, alg });
      }
    }
    const k = base64url.encode(SECRET);
    assert.deepEqual(await verifyToken(await signPayload({}, { alg: 'HS512', key: { kty: 'oct', k } }), SECRET), {
      valid: true,
      alg: 'HS512',
    });
  });

  describe('payload errors', () => {
    const sign = (payload: object | string) => signPayload(payload, { alg: 'HS256', key: SECRET });

    it('points at the line and column of a JSON syntax error', async () => {
      const error = await assertRejectsJwtError(
        () => sign('{\n  "sub": "alice",\n  "admin": tru\n}'),
        'payload-json',
        "The payload is not valid JSON: expected a value, found 't' (line 3, column 12)",
      );
      assert.equal(error.position, 31);
      await assertRejectsJwtError(
        () => sign('{"a": 1,}'),
        'payload-json',
        "The payload is not valid JSON: expected a property name in double quotes, found '}' (line 1, column 9)",
      );
      await assertRejectsJwtError(
        () => sign('{"a": "b\nc"}'),
        'payload-json',
        /a line break inside a string must be escaped \(line 1, column 9\)/,
      );
      await assertRejectsJwtError(
        () => sign('{"a": 1} x'),
        'payload-json',
        /unexpected 'x' after the end of the JSON value \(line 1, column 10\)/,
      );
      await assertRejectsJwtError(
        () => sign(''),
        'payload-json',
        'The payload is not valid JSON: expected a value, found the end of the text (line 1, column 1)',
      );
      await assertRejectsJwtError(() => sign('{"a": [1, 2}'), 'payload-json', /expected ',' or '\]', found '}'/);
      await assertRejectsJwtError(() => sign('{"a": 01}'), 'payload-json', /expected a value, found '0'/);
      await assertRejectsJwtError(() => sign('{"a": "\\x"}'), 'payload-json', /invalid escape sequence/);
    });

    it('requires a JSON object', async () => {
      await assertRejectsJwtError(
        () => sign('[1, 2]'),
        'payload-not-object',
        'The payload must be a JSON object of claims, not an array',
      );
      await assertRejectsJwtError(() => sign('42'), 'payload-not-object', /not a number$/);
      await assertRejectsJwtError(() => sign([] as object), 'payload-not-object');
    });
  });

  describe('algorithm and key errors', () => {
    it('refuses alg none in any spelling, and unknown algorithms', async () => {
      for (const alg of ['none', 'None']) {
        await assertRejectsJwtError(
          () => signPayload({}, { alg, key: SECRET }),
          'alg-none',
          /^Refusing to sign with alg "none": an unsecured token has no signature/,
        );
      }
      await assertRejectsJwtError(
        () => signPayload({}, { alg: 'HS1024', key: SECRET }),
        'unsupported-alg',
        /^The algorithm "HS1024" is not supported; supported are HS256, HS384/,
      );
    });

    it('names both sides of a key/alg mismatch', async () => {
      const sign = async (alg: string, key: string | object) => signPayload({}, { alg, key });
      await assertRejectsJwtError(
        async () => sign('ES256', (await keysFor('RS256')).pkcs8),
        'key-alg-mismatch',
        'The key is an RSA key but you chose ES256, which needs an EC P-256 key',
      );
      await assertRejectsJwtError(
        async () => sign('ES256', (await keysFor('ES384')).privateJwk),
        'key-alg-mismatch',
        /is an EC P-384 key but you chose ES256/,
      );
      await assertRejectsJwtError(
        () => sign('RS256', SECRET),
        'key-alg-mismatch',
        'The key is a shared secret but you chose RS256, which needs an RSA key',
      );
      // A key pair's material is never an HMAC secret: that is the key-confusion forgery.
      await assertRejectsJwtError(
        async () => sign('HS256', (await keysFor('EdDSA')).pkcs8),
        'key-confusion',
        /^This is an Ed25519 private key \(PEM\); signing with HS256 would use it as an HMAC secret, the key-confusion forgery/,
      );
    });

    it('explains that public keys cannot sign', async () => {
      const keys = await keysFor('ES256');
      await assertRejectsJwtError(
        () => signPayload({}, { alg: 'ES256', key: keys.spki }),
        'key-public',
        'This PEM ("PUBLIC KEY") holds a public key; signing needs the private key',
      );
      await assertRejectsJwtError(
        () => signPayload({}, { alg: 'ES256', key: keys.publicJwk }),
        'key-public',
        'This JWK is a public key (it has no "d"); signing needs the private key',
      );
    });

    it('refuses key sets, empty secrets and unconvertible PEM', async () => {
      const keys = await keysFor('ES256');
      await assertRejectsJwtError(
        () => signPayload({}, { alg: 'ES256', key: { keys: [keys.privateJwk] } }),
        'key-format',
        /^A JWKS is a set of keys/,
      );
      await assertRejectsJwtError(
        () => signPayload({}, { alg: 'HS256', key: '' }),
        'key-format',
        'The shared secret is empty',
      );
      await assertRejectsJwtError(
        () =>
          signPayload(
            {},
            { alg: 'RS256', key: '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----' },
          ),
        'key-format',
        /convert it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem$/,
      );
    });

    it('wraps what jose itself refuses', async () => {
      await assertRejectsJwtError(
        () => signPayload({}, { alg: 'HS256', key: SECRET, header: { crit: ['x'], x: 1 } }),
        'key-unusable',
        /^Signing with HS256 failed: /,
      );
    });
  });
});

describe('signingWarnings', () => {
  it('warns when an HMAC secret is shorter than the hash, counting UTF-8 bytes', () => {
    assert.deepEqual(signingWarnings('HS256', 'secret'), [
      'The secret is 6 bytes; HS256 needs at least 32 bytes (256 bits) to be as strong as its hash (RFC 7518 section 3.2), so use a longer random secret',
    ]);
    assert.deepEqual(signingWarnings('HS256', 'é'.repeat(16)), [], '16 characters, 32 bytes');
    assert.equal(signingWarnings('HS256', `${'é'.repeat(15)}a`).length, 1, '31 bytes');
    assert.equal(signingWarnings('HS384', 'x'.repeat(47)).length, 1);
    assert.deepEqual(signingWarnings('HS384', 'x'.repeat(48)), []);
    assert.match(
      signingWarnings('HS512', 'x'.repeat(63))[0]!,
      /^The secret is 63 bytes; HS512 needs at least 64 bytes \(512 bits\)/,
    );
  });

  it('measures oct JWKs by their decoded bytes', () => {
    assert.equal(signingWarnings('HS256', { kty: 'oct', k: base64url.encode(new Uint8Array(31)) }).length, 1);
    assert.deepEqual(
      signingWarnings('HS256', JSON.stringify({ kty: 'oct', k: base64url.encode(new Uint8Array(32)) })),
      [],
    );
  });

  it('has nothing to say about other algorithms or unreadable keys', async () => {
    assert.deepEqual(signingWarnings('RS256', (await keysFor('RS256')).pkcs8), []);
    assert.deepEqual(signingWarnings('HS256', { kty: 'oct' }), []);
    assert.deepEqual(signingWarnings('none', 'x'), []);
  });
});
