import assert from 'node:assert/strict';
import {
  CompactEncrypt,
  CompactSign,
  base64url,
  exportJWK,
  exportPKCS8,
  exportSPKI,
  generateKeyPair,
  generateSecret,
  type JWK,
} from 'jose';
import { decodePlaintext } from '../../src/core/decode';
import { decryptToken } from '../../src/core/decrypt';
import { innerToken } from '../../src/core/nested';
import { assertRejectsJwtError } from './helpers';

const CLAIMS = { sub: 'user-1', exp: 4102444800 };
const encoder = new TextEncoder();

async function encrypt(
  plaintext: string,
  alg: string,
  enc: string,
  key: Parameters<CompactEncrypt['encrypt']>[0],
  header: object = {},
): Promise<string> {
  return new CompactEncrypt(encoder.encode(plaintext)).setProtectedHeader({ alg, enc, ...header }).encrypt(key);
}

async function secretJwk(bits: number): Promise<JWK> {
  return exportJWK(await generateSecret(`A${bits}GCM`, { extractable: true }));
}

/** Asserts that no reply, message or result contains the key's secret parts. */
function assertNoKeyMaterial(text: string, jwk: JWK): void {
  for (const part of [jwk.k, jwk.d, jwk.p, jwk.q].filter((v): v is string => typeof v === 'string'))
    assert.ok(!text.includes(part), 'key material leaked');
}

describe('decryptToken', function () {
  this.timeout(20000); // RSA key generation

  it('round-trips dir + A256GCM with an oct JWK, as object and JSON text, and with the secret as text', async () => {
    const jwk = await secretJwk(256);
    const token = await encrypt(JSON.stringify(CLAIMS), 'dir', 'A256GCM', base64url.decode(jwk.k!), {
      kid: 'k1',
      cty: 'json',
    });
    const result = await decryptToken(token, jwk);
    assert.deepEqual(JSON.parse(result.plaintext), CLAIMS);
    assert.deepEqual(result.header, { alg: 'dir', enc: 'A256GCM', kid: 'k1', cty: 'json' });
    assert.equal((await decryptToken(`  ${token}\n`, JSON.stringify(jwk))).plaintext, result.plaintext);
    const text = 'exactly-thirty-two-bytes-long!!!';
    assert.equal(
      (await decryptToken(await encrypt('hi', 'dir', 'A256GCM', encoder.encode(text)), text)).plaintext,
      'hi',
    );
  });

  it('round-trips A256KW and A128GCMKW', async () => {
    for (const [alg, bits] of [
      ['A256KW', 256],
      ['A128GCMKW', 128],
    ] as const) {
      const jwk = await secretJwk(bits);
      const token = await encrypt(JSON.stringify(CLAIMS), alg, 'A128CBC-HS256', base64url.decode(jwk.k!));
      assert.deepEqual(JSON.parse((await decryptToken(token, jwk)).plaintext), CLAIMS, alg);
    }
  });

  it('round-trips RSA-OAEP-256 with a PKCS#8 PEM and a private JWK', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true });
    const token = await encrypt(JSON.stringify(CLAIMS), 'RSA-OAEP-256', 'A256GCM', publicKey);
    assert.deepEqual(JSON.parse((await decryptToken(token, await exportPKCS8(privateKey))).plaintext), CLAIMS);
    // A JWK marked for this alg and use, with key_ops that WebCrypto would otherwise enforce.
    const jwk = { ...(await exportJWK(privateKey)), alg: 'RSA-OAEP-256', use: 'enc', key_ops: ['unwrapKey'] };
    assert.deepEqual(JSON.parse((await decryptToken(token, jwk)).plaintext), CLAIMS);
    await assertRejectsJwtError(
      async () => decryptToken(token, await exportSPKI(publicKey)),
      'key-public',
      'The key is a public key (PEM "PUBLIC KEY"); decrypting needs the private key',
    );
  });

  it('round-trips ECDH-ES+A128KW (P-256) and ECDH-ES (X25519)', async () => {
    for (const [alg, crv] of [
      ['ECDH-ES+A128KW', 'P-256'],
      ['ECDH-ES', 'X25519'],
    ] as const) {
      const { publicKey, privateKey } = await generateKeyPair(alg, { crv, extractable: true });
      const token = await encrypt(JSON.stringify(CLAIMS), alg, 'A256GCM', publicKey);
      assert.deepEqual(JSON.parse((await decryptToken(token, await exportJWK(privateKey))).plaintext), CLAIMS, alg);
    }
  });

  it('says a wrong key is wrong, without echoing it', async () => {
    const jwk = await secretJwk(256);
    const other = await secretJwk(256);
    const token = await encrypt('{}', 'A256KW', 'A256GCM', base64url.decode(jwk.k!));
    const error = await assertRejectsJwtError(
      () => decryptToken(token, other),
      'decryption-failed',
      'The token could not be decrypted with this key: wrong key (the token needs a 256-bit (32-byte) shared key), or the token was altered',
    );
    assertNoKeyMaterial(error.message, other);

    const { publicKey } = await generateKeyPair('RSA-OAEP-256');
    const rsaToken = await encrypt('{}', 'RSA-OAEP-256', 'A256GCM', publicKey);
    const wrongRsa = await exportJWK((await generateKeyPair('RSA-OAEP-256', { extractable: true })).privateKey);
    assertNoKeyMaterial(
      (await assertRejectsJwtError(() => decryptToken(rsaToken, wrongRsa), 'decryption-failed')).message,
      wrongRsa,
    );
  });

  it('says when the key does not fit the algorithm', async () => {
    const jwk = await secretJwk(128);
    const token = await encrypt('{}', 'dir', 'A256GCM', base64url.decode((await secretJwk(256)).k!));
    await assertRejectsJwtError(
      () => decryptToken(token, jwk),
      'key-alg-mismatch',
      'The key is 16 bytes long but the token is encrypted with dir, which needs a 256-bit (32-byte) shared key',
    );
    const { publicKey, privateKey } = await generateKeyPair('ECDH-ES', { extractable: true });
    const ecToken = await encrypt('{}', 'ECDH-ES', 'A256GCM', publicKey);
    await assertRejectsJwtError(
      () => decryptToken(ecToken, jwk),
      'key-alg-mismatch',
      'The key is a shared secret but the token is encrypted with ECDH-ES, which needs an EC or X25519 private key (P-256, P-384, P-521, X25519)',
    );
    await assertRejectsJwtError(
      async () => decryptToken(ecToken, { ...(await exportJWK(privateKey)), use: 'sig' }),
      'key-alg-mismatch',
      /marked "use": "sig", not "enc"/,
    );
    const { d: _d, ...publicJwk } = await exportJWK(privateKey);
    await assertRejectsJwtError(
      () => decryptToken(ecToken, publicJwk),
      'key-public',
      'The key is an EC P-256 public key; decrypting needs the private key',
    );
    await assertRejectsJwtError(
      () => decryptToken(ecToken, { keys: [publicJwk] }),
      'key-format',
      /A JWKS cannot decrypt/,
    );
  });

  it('refuses what is not a JWE, and algorithms it does not know', async () => {
    const jws = await new CompactSign(encoder.encode('{}'))
      .setProtectedHeader({ alg: 'HS256' })
      .sign(encoder.encode('k'.repeat(32)));
    await assertRejectsJwtError(() => decryptToken(jws, 'secret'), 'not-encrypted', /not an encrypted JWE/);
    await assertRejectsJwtError(() => decryptToken('not a token', 'secret'), 'whitespace');
    const header = base64url.encode(JSON.stringify({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }));
    await assertRejectsJwtError(
      () => decryptToken(`${header}.AA.AA.AA.AA`, 'secret'),
      'unsupported-alg',
      /key management algorithm "PBES2-HS256\+A128KW" is not supported/,
    );
  });

  it('decrypts a nested JWS (cty "JWT") whose plaintext is the inner token', async () => {
    const signingKey = encoder.encode('s'.repeat(32));
    const jws = await new CompactSign(encoder.encode(JSON.stringify(CLAIMS)))
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(signingKey);
    const jwk = await secretJwk(256);
    const token = await encrypt(jws, 'A256KW', 'A256GCM', base64url.decode(jwk.k!), { cty: 'JWT' });
    const { plaintext, header } = await decryptToken(token, jwk);
    assert.equal(plaintext, jws);
    const decoded = decodePlaintext(plaintext, header);
    assert.equal(decoded.payload, jws);
    assert.equal(innerToken(decoded), jws);
  });
});

describe('decodePlaintext', () => {
  it('reads claims, times and status as a JWS payload would be read', () => {
    const now = new Date(1_700_000_000_000);
    const decoded = decodePlaintext(
      JSON.stringify({ sub: 'a', exp: 1_600_000_000 }),
      { alg: 'dir', enc: 'A256GCM' },
      { now },
    );
    assert.equal(decoded.kind, 'jwe');
    assert.deepEqual(decoded.payload, { sub: 'a', exp: 1_600_000_000 });
    assert.equal(decoded.status, 'expired');
    assert.equal(decoded.times.exp?.seconds, 1_600_000_000);
    assert.equal(decodePlaintext('plain text', { alg: 'dir', enc: 'A256GCM' }).payload, 'plain text');
  });
});

describe('decryptToken with "zip": "DEF"', () => {
  it('inflates a compressed plaintext, and stops a DEFLATE bomb at 1 MiB with a specific error', async () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const small = await encrypt(JSON.stringify(CLAIMS), 'dir', 'A256GCM', key, { zip: 'DEF' });
    assert.deepEqual(
      JSON.parse((await decryptToken(small, { kty: 'oct', k: base64url.encode(key) })).plaintext),
      CLAIMS,
    );
    const bomb = await encrypt('['.repeat(20_000_000), 'dir', 'A256GCM', key, { zip: 'DEF' });
    assert.ok(bomb.length < 100_000, `the bomb is ${bomb.length} characters`);
    await assertRejectsJwtError(
      () => decryptToken(bomb, { kty: 'oct', k: base64url.encode(key) }),
      'decompressed-too-large',
      /expands to more than 1048576 bytes/,
    );
  });
});
