import assert from 'node:assert/strict';
import { CompactEncrypt, base64url, exportJWK, generateSecret, type JWK } from 'jose';
import { signPayload, SIGNING_ALGORITHMS } from '../../src/core/sign';
import { verifyToken } from '../../src/core/verify';
import { RFC7515, assertRejectsJwtError, hasOpenssl, keysFor, makeCertificate, makeToken, openssl } from './helpers';

const ALGORITHMS = [...SIGNING_ALGORITHMS, 'Ed25519'];
const SECRET = 'a-shared-secret-that-is-long-enough-for-hs512-because-it-is-sixty-four-bytes!!';
const PAYLOAD = { sub: 'alice', exp: 1 }; // long expired: verification ignores times

/** Signs PAYLOAD with `alg` and the generated private JWK (or the secret for HS*). */
async function sign(alg: string, header: object = {}): Promise<string> {
  const key = alg.startsWith('HS') ? SECRET : (await keysFor(alg)).privateJwk;
  return signPayload(PAYLOAD, { alg, key, header });
}

async function assertInvalid(token: string, key: string | object, error: string | RegExp): Promise<void> {
  const result = await verifyToken(token, key);
  assert.equal(result.valid, false, 'expected an invalid result');
  if (typeof error === 'string') assert.equal(result.error, error);
  else assert.match(result.error ?? '', error);
}

describe('verifyToken', function () {
  this.timeout(20000); // RSA key generation

  describe('RFC 7515 Appendix A', () => {
    it('A.1 HS256 with its oct JWK, as object and as JSON text', async () => {
      assert.deepEqual(await verifyToken(RFC7515.A1.token, RFC7515.A1.jwk), { valid: true, alg: 'HS256' });
      assert.deepEqual(await verifyToken(RFC7515.A1.token, JSON.stringify(RFC7515.A1.jwk)), {
        valid: true,
        alg: 'HS256',
      });
    });

    it('A.2 RS256 with its public JWK', async () => {
      assert.deepEqual(await verifyToken(RFC7515.A2.token, RFC7515.A2.jwk), { valid: true, alg: 'RS256' });
    });

    it('A.3 ES256 and A.4 ES512 with their public JWKs', async () => {
      assert.deepEqual(await verifyToken(RFC7515.A3.token, RFC7515.A3.jwk), { valid: true, alg: 'ES256' });
      assert.deepEqual(await verifyToken(RFC7515.A4.token, RFC7515.A4.jwk), { valid: true, alg: 'ES512' });
    });

    it('A.5 unsecured has nothing to verify', async () => {
      assert.deepEqual(await verifyToken(RFC7515.A5.token, 'x'), {
        valid: false,
        alg: 'none',
        error: 'Unsecured tokens (alg "none") have no signature to verify',
        code: 'alg-none',
      });
    });

    it('a changed payload fails', async () => {
      const [header, , signature] = RFC7515.A1.token.split('.');
      const altered = `${header}.${base64url.encode('{"iss":"joe","exp":1300819380,"http://example.com/is_root":false}')}.${signature}`;
      await assertInvalid(altered, RFC7515.A1.jwk, 'The signature does not match: wrong key or the token was altered');
    });
  });

  describe('round trips over every algorithm', () => {
    for (const alg of ALGORITHMS) {
      it(alg, async () => {
        const token = await sign(alg);
        const ok = { valid: true, alg };
        if (alg.startsWith('HS')) {
          assert.deepEqual(await verifyToken(token, SECRET), ok);
          assert.deepEqual(await verifyToken(token, { kty: 'oct', k: base64url.encode(SECRET) }), ok);
          await assertInvalid(token, `${SECRET}x`, 'The signature does not match: wrong key or the token was altered');
          return;
        }
        const keys = await keysFor(alg);
        for (const key of [
          keys.spki,
          keys.pkcs8,
          keys.publicJwk,
          keys.privateJwk,
          JSON.stringify(keys.publicJwk),
          JSON.stringify(keys.privateJwk),
        ]) {
          assert.deepEqual(await verifyToken(token, key), ok);
        }
        const reversed = token.split('.')[2]!.split('').reverse().join('');
        await assertInvalid(
          `${token.slice(0, token.lastIndexOf('.'))}.${reversed}`,
          keys.publicJwk,
          'The signature does not match: wrong key or the token was altered',
        );
      });
    }
  });

  describe('X.509 certificates (made with openssl)', function () {
    before(function () {
      assert.ok(hasOpenssl(), 'the openssl command is needed to make test certificates (apt-get install openssl)');
    });
    for (const [alg, ...keyArgs] of [
      ['RS256', 'rsa:2048'],
      ['ES256', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'],
      ['EdDSA', 'ed25519'],
    ] as const) {
      it(`verifies ${alg} with the certificate and refuses to sign with it`, async () => {
        const { cert, key } = makeCertificate(...keyArgs);
        const token = await signPayload(PAYLOAD, { alg, key });
        assert.deepEqual(await verifyToken(token, cert), { valid: true, alg });
        assert.deepEqual(
          await verifyToken(token, `Subject: CN=test\n${cert}\n${cert}`),
          { valid: true, alg },
          'text around the block and a chain are fine',
        );
        await assertRejectsJwtError(
          () => signPayload(PAYLOAD, { alg, key: cert }),
          'key-public',
          'This PEM ("CERTIFICATE") holds a public key; signing needs the private key',
        );
      });
    }
  });

  describe('JWKS', () => {
    let jwks: { keys: JWK[] };
    before(async () => {
      jwks = {
        keys: [
          { ...(await keysFor('ES256')).publicJwk, kid: 'ec-1' },
          { ...(await keysFor('RS256')).publicJwk, kid: 'rsa-1', use: 'sig' },
          { ...(await keysFor('EdDSA')).privateJwk, kid: 'ed-1' }, // a private member: its public half is used
        ],
      };
    });

    it('picks the key by kid, as object or JSON text', async () => {
      for (const [alg, kid] of [
        ['ES256', 'ec-1'],
        ['RS256', 'rsa-1'],
        ['PS512', 'rsa-1'],
        ['EdDSA', 'ed-1'],
      ] as const) {
        const token = await sign(alg, { kid });
        assert.deepEqual(await verifyToken(token, jwks), { valid: true, alg }, alg);
        assert.deepEqual(await verifyToken(token, JSON.stringify(jwks)), { valid: true, alg }, alg);
      }
    });

    it('picks the key by alg when the token has no kid', async () => {
      assert.deepEqual(await verifyToken(await sign('ES256'), jwks), { valid: true, alg: 'ES256' });
    });

    it('tries every key that fits when several do', async () => {
      const rsa = (await keysFor('RS256')).publicJwk;
      const { publicKey } = await import('jose').then((jose) => jose.generateKeyPair('RS256', { extractable: true }));
      const stranger = await exportJWK(publicKey);
      const token = await sign('RS256');
      assert.deepEqual(await verifyToken(token, { keys: [stranger, rsa] }), { valid: true, alg: 'RS256' });
      await assertInvalid(
        token,
        { keys: [stranger, stranger] },
        'The signature does not match any of the 2 keys in the JWKS that fit RS256: wrong key set or the token was altered',
      );
    });

    it('names the kids when none matches', async () => {
      await assertInvalid(
        await sign('ES256', { kid: 'gone' }),
        jwks,
        'No key in the JWKS has kid "gone" (kids: "ec-1", "rsa-1", "ed-1")',
      );
    });

    it('explains why the key with that kid does not fit', async () => {
      await assertInvalid(
        await sign('ES256', { kid: 'rsa-1' }),
        jwks,
        'The key with kid "rsa-1" is an RSA key but the token is signed with ES256, which needs an EC P-256 key',
      );
    });

    it('lists what the set holds when nothing fits', async () => {
      await assertInvalid(
        await sign('ES384'),
        jwks,
        'No key in the JWKS fits ES384: it needs an EC P-384 key, and the set holds an EC P-256 key (kid "ec-1"), an RSA key (kid "rsa-1"), an Ed25519 key (kid "ed-1")',
      );
    });

    it('is not for HMAC tokens', async () => {
      await assertInvalid(
        await sign('HS256'),
        jwks,
        /^This is a JWKS \(a set of public keys\), but the token says HS256: .*key-confusion forgery/,
      );
      await assertInvalid(
        await sign('HS256'),
        { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] },
        /signed with HS256, which needs a shared secret, not a JWKS/,
      );
    });
  });

  describe('key and algorithm mismatches', () => {
    it('names both sides', async () => {
      const es256 = await sign('ES256');
      await assertInvalid(
        es256,
        (await keysFor('RS256')).spki,
        'The key is an RSA key but the token is signed with ES256, which needs an EC P-256 key',
      );
      await assertInvalid(
        es256,
        (await keysFor('ES384')).publicJwk,
        'The key is an EC P-384 key but the token is signed with ES256, which needs an EC P-256 key',
      );
      await assertInvalid(
        es256,
        SECRET,
        'The key is a shared secret but the token is signed with ES256, which needs an EC P-256 key',
      );
      await assertInvalid(
        await sign('HS256'),
        (await keysFor('EdDSA')).spki,
        'This is an Ed25519 public key (PEM), but the token says HS256: verifying an HMAC token with a public key is the key-confusion forgery (RS256→HS256): anyone who has the public key can make such a token. The token is not trusted.',
      );
    });

    it('respects the JWK alg and use members', async () => {
      const jwk = (await keysFor('RS256')).publicJwk;
      await assertInvalid(
        await sign('RS512'),
        { ...jwk, alg: 'RS256' },
        'The key is meant for RS256 (its "alg") but the token is signed with RS512',
      );
      await assertInvalid(
        await sign('RS256'),
        { ...jwk, use: 'enc' },
        'The key is marked "use": "enc", not "sig", so it is not for signatures',
      );
    });

    it('refuses RSA keys under 2048 bits', async () => {
      const pair = (await crypto.subtle.generateKey(
        { name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
        true,
        ['sign', 'verify'],
      )) as CryptoKeyPair;
      const jwk = await exportJWK(pair.publicKey);
      await assertInvalid(
        await sign('RS256'),
        jwk,
        'The key is a 1024-bit RSA key but the token is signed with RS256, which needs at least 2048 bits',
      );
    });

    it('refuses an empty secret', async () => {
      await assertInvalid(await sign('HS256'), '', 'The shared secret is empty');
    });
  });

  describe('key formats', () => {
    const pem = (label: string, body = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'): string =>
      `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;

    it('explains PKCS#1 private, SEC1, encrypted and OpenSSH keys with the command that converts them', async () => {
      const token = await sign('RS256');
      // PKCS#1 public keys are read (key-confusion.test.ts); this one is cut short.
      await assertInvalid(token, pem('RSA PUBLIC KEY'), /^Malformed PEM: the key data is incomplete or damaged/);
      await assertInvalid(
        token,
        pem('RSA PRIVATE KEY'),
        /PKCS#1 RSA private key; convert it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt/,
      );
      await assertInvalid(
        token,
        pem('EC PRIVATE KEY'),
        /SEC1 EC private key; convert it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt/,
      );
      await assertInvalid(
        token,
        pem('ENCRYPTED PRIVATE KEY'),
        /passphrase-protected key; decrypt it with: openssl pkcs8/,
      );
      await assertInvalid(
        token,
        pem('OPENSSH PRIVATE KEY'),
        /OpenSSH key; convert a copy to PKCS#8 with: ssh-keygen -p -m PKCS8/,
      );
      await assertInvalid(
        token,
        pem('DSA PARAMETERS'),
        'PEM "DSA PARAMETERS" is not a supported key format; use PUBLIC KEY, CERTIFICATE or PRIVATE KEY',
      );
    });

    it('reports malformed PEM', async () => {
      const token = await sign('RS256');
      const spki = (await keysFor('RS256')).spki;
      await assertInvalid(
        token,
        spki.slice(0, 200),
        'Malformed PEM: there is no "-----END PUBLIC KEY-----" line (was it cut short?)',
      );
      await assertInvalid(
        token,
        spki.replace(/\n(.{20})/, '\n$1%'),
        'Malformed PEM: the text between the BEGIN and END lines is not base64',
      );
      const lines = spki.split('\n');
      await assertInvalid(
        token,
        [...lines.slice(0, 3), ...lines.slice(-3)].join('\n'),
        /^Malformed PEM: the key data is incomplete or damaged/,
      );
      await assertInvalid(token, '-----BEGIN public key-----', /^Malformed PEM: the first line should look like/);
    });

    it('reports key types jose cannot use', async function () {
      assert.ok(hasOpenssl(), 'the openssl command is needed to make test certificates (apt-get install openssl)');
      const { 'ed448.pem': ed448 } = openssl([['genpkey', '-algorithm', 'ed448', '-out', 'ed448.pem']], ['ed448.pem']);
      await assertInvalid(
        await sign('EdDSA'),
        ed448!,
        'The PEM ("PRIVATE KEY") holds a key type that is not supported; supported are RSA, EC P-256, P-384, P-521 and Ed25519',
      );
    });

    it('reports JWK problems', async () => {
      const token = await sign('RS256');
      await assertInvalid(
        token,
        '{"kty": "RSA", "n": "abc",, }',
        'The key looks like a JWK or JWKS but is not valid JSON: the syntax breaks at line 1, column 27',
      );
      await assertInvalid(
        token,
        { kty: 'AKP' },
        'JWK key type "AKP" is not supported; supported are oct, RSA, EC and OKP',
      );
      await assertInvalid(
        token,
        { n: 'abc' },
        'The key object is neither a JWK (it has no "kty") nor a JWKS (it has no "keys" array)',
      );
      await assertInvalid(token, { keys: [{ kty: 'RSA' }, 'x'] }, 'The JWKS entry 2 is not a JWK (it has no "kty")');
      await assertInvalid(
        token,
        null as unknown as object,
        'The key must be a string (secret, PEM, JWK or JWKS JSON) or a JWK or JWKS object, not null',
      );
      await assertInvalid(
        await sign('HS256'),
        { kty: 'oct', k: 'a+b' },
        'The oct JWK has no valid "k" (the secret, base64url-encoded)',
      );
    });

    it('treats JSON without kty or keys, and anything else, as a secret', async () => {
      for (const secret of ['{"not":"a key"}', '{oops', '-----not a pem', '  padded  ']) {
        const token = await signPayload(PAYLOAD, { alg: 'HS256', key: secret });
        assert.deepEqual(await verifyToken(token, secret), { valid: true, alg: 'HS256' }, secret);
      }
      const token = await signPayload(PAYLOAD, { alg: 'HS256', key: 'trimmed' });
      await assertInvalid(
        token,
        'trimmed\n',
        'The signature does not match: wrong key or the token was altered (the secret starts or ends with whitespace, which counts)',
      );
    });
  });

  describe('tokens that cannot be verified', () => {
    it('passes decoding errors on', async () => {
      assert.deepEqual(await verifyToken('abc.def', SECRET), {
        valid: false,
        alg: '',
        error: 'Not enough segments: a JWT has 3 dot-separated parts (header.payload.signature), this has 2',
        code: 'segments',
      });
    });

    it('refuses JWE', async () => {
      const jwe = await new CompactEncrypt(new TextEncoder().encode('{}'))
        .setProtectedHeader({ alg: 'dir', enc: 'A128GCM' })
        .encrypt(await generateSecret('A128GCM'));
      assert.deepEqual(await verifyToken(jwe, SECRET), {
        valid: false,
        alg: 'dir',
        error: 'JWE tokens are encrypted, not signed; decrypt them instead',
        code: 'encrypted',
      });
    });

    it('refuses unsupported algorithms and critical extensions it does not know', async () => {
      await assertInvalid(
        makeToken({ alg: 'ES256K' }),
        SECRET,
        /^The algorithm "ES256K" is not supported; supported are HS256, /,
      );
      await assertInvalid(
        makeToken({ alg: 'HS256', crit: ['exp'], exp: 1 }),
        SECRET,
        'The token requires header extensions this tool does not understand (crit: "exp"), so its signature cannot be accepted',
      );
    });

    it("ignores options.now: times are decodeToken's job", async () => {
      assert.deepEqual(await verifyToken(RFC7515.A1.token, RFC7515.A1.jwk, { now: new Date(0) }), {
        valid: true,
        alg: 'HS256',
      });
    });
  });

  it('never puts key material in its errors', async () => {
    const rsa = await keysFor('RS256');
    const ec = await keysFor('ES256');
    const secretJwk = { kty: 'oct', k: base64url.encode(SECRET) };
    const tokens = [
      await sign('HS256'),
      await sign('ES384'),
      await sign('RS256', { kid: 'nope' }),
      'x.y',
      makeToken({ alg: 'HS256' }),
    ];
    const keys: (string | object)[] = [
      SECRET,
      `${SECRET} `,
      secretJwk,
      JSON.stringify(secretJwk),
      rsa.pkcs8,
      rsa.pkcs8.replace('PRIVATE KEY', 'RSA PRIVATE KEY'),
      rsa.pkcs8.slice(0, 300),
      rsa.privateJwk,
      JSON.stringify(rsa.privateJwk).slice(0, -3),
      { keys: [rsa.privateJwk, ec.privateJwk] },
      ec.privateJwk,
      { ...ec.privateJwk, crv: 'P-384' },
      { ...rsa.privateJwk, n: 'AQAB' },
    ];
    const secrets = [
      SECRET,
      secretJwk.k,
      rsa.privateJwk.d!,
      rsa.privateJwk.p!,
      ec.privateJwk.d!,
      ...rsa.pkcs8.split('\n').slice(1, -2),
    ];
    let failures = 0;
    for (const token of tokens) {
      for (const key of keys) {
        const { valid, error = '' } = await verifyToken(token, key);
        if (valid) continue;
        failures++;
        for (const secret of secrets) {
          for (let i = 0; i + 12 <= secret.length; i += 6)
            assert.ok(!error.includes(secret.slice(i, i + 12)), `key material in: ${error}`);
        }
      }
    }
    assert.ok(failures > 50);
  });
});
