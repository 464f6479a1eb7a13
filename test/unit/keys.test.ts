import assert from 'node:assert/strict';
import { exportSPKI, generateKeyPair } from 'jose';
import { exportPublicKey } from '../../src/core/exportKey';
import { keyDescription, keyMisfit, readKeyFacts } from '../../src/core/keyFacts';
import { generateSigningKey } from '../../src/core/keygen';
import { signPayload } from '../../src/core/sign';
import { verifyToken } from '../../src/core/verify';

describe('key tools', function () {
  this.timeout(30000); // RSA key generation

  it('generates a signing key for every algorithm, with a kid for key pairs', async () => {
    for (const alg of ['HS256', 'HS512', 'RS256', 'PS384', 'ES256', 'ES512', 'EdDSA']) {
      const jwk = await generateSigningKey(alg);
      assert.equal(jwk.alg, alg);
      const token = await signPayload({ sub: alg }, { alg, key: jwk });
      assert.deepEqual(
        await verifyToken(token, jwk.kty === 'oct' ? jwk : await exportPublicKey(jwk, 'jwk')),
        { valid: true, alg },
        alg,
      );
      if (jwk.kty !== 'oct') assert.match(jwk.kid ?? '', /^[\w-]{43}$/);
    }
    assert.equal((await generateSigningKey('HS384')).k?.length, 64, '48 random bytes');
  });

  it('describes a secret without a thumbprint and stores it as an oct JWK', async () => {
    const facts = await readKeyFacts('my secret');
    assert.deepEqual(facts, {
      material: '{"kty":"oct","k":"bXkgc2VjcmV0"}',
      type: 'secret',
      kid: undefined,
      private: true,
      description: 'a shared secret',
    });
    const withKid = await readKeyFacts('{"kty":"oct","k":"bXkgc2VjcmV0","kid":"k1"}');
    assert.equal(withKid.kid, 'k1');
    assert.equal(withKid.material, '{"kty":"oct","k":"bXkgc2VjcmV0","kid":"k1"}');
  });

  it('describes key pairs by type, privacy and thumbprint; the PEM becomes a JWK', async () => {
    const jwk = await generateSigningKey('ES256');
    const facts = await readKeyFacts(jwk);
    assert.equal(facts.description, 'an EC P-256 private key');
    assert.equal(facts.thumbprint, jwk.kid);
    assert.equal(facts.private, true);
    const pem = await exportPublicKey(jwk, 'pem');
    assert.match(pem, /^-----BEGIN PUBLIC KEY-----\n/);
    const fromPem = await readKeyFacts(pem);
    assert.equal(fromPem.description, 'an EC P-256 public key');
    assert.equal(fromPem.thumbprint, jwk.kid);
    assert.equal(JSON.parse(fromPem.material).d, undefined);
    const { publicKey } = await generateKeyPair('RS256', { extractable: true });
    assert.equal((await readKeyFacts(await exportSPKI(publicKey))).description, 'an RSA public key');
  });

  it('keeps the facts that describe a JWKS, and describes any key again from its facts alone', async () => {
    const [a, b] = await Promise.all([generateSigningKey('ES256'), generateSigningKey('RS256')]);
    const { material, description, ...facts } = await readKeyFacts({ keys: [a, b, { ...b, kid: undefined }] });
    assert.equal(description, `a JWKS of 3 keys (kids: ${a.kid}, ${b.kid})`);
    assert.deepEqual(facts, { type: 'JWKS', private: false, keyCount: 3, kids: [a.kid, b.kid] });
    assert.equal(keyDescription(facts), description);
    for (const key of ['my secret', a, await exportPublicKey(b, 'pem')]) {
      const { description: said, ...rest } = await readKeyFacts(key);
      assert.equal(keyDescription(rest), said);
    }
    assert.ok(!material.includes('"d"'), 'a JWKS keeps public halves only');
  });

  it('exports only public halves', async () => {
    const jwk = await generateSigningKey('RS256');
    const exported = JSON.parse(await exportPublicKey(jwk, 'jwk'));
    assert.deepEqual(Object.keys(exported).sort(), ['alg', 'e', 'kid', 'kty', 'n']);
    await assert.rejects(() => exportPublicKey('secret', 'pem'), /A shared secret has no public half/);
    const jwks = JSON.parse(await exportPublicKey({ keys: [jwk] }, 'jwk'));
    assert.equal(jwks.keys[0].d, undefined);
  });

  it('says why a key does not fit an algorithm', async () => {
    const secret = await readKeyFacts('s');
    assert.equal(keyMisfit(secret, 'HS256', 'sign'), undefined);
    assert.equal(
      keyMisfit(secret, 'RS256', 'sign'),
      'The key is a shared secret but you chose RS256, which needs an RSA key',
    );
    const pub = await readKeyFacts(await exportPublicKey(await generateSigningKey('ES256'), 'pem'));
    assert.equal(keyMisfit(pub, 'ES256', 'verify'), undefined);
    assert.equal(keyMisfit(pub, 'ES256', 'sign'), 'The key is a public key; signing needs the private key');
    assert.equal(
      keyMisfit(pub, 'ES384', 'verify'),
      'The key is an EC P-256 key but the token is signed with ES384, which needs an EC P-384 key',
    );
    assert.equal(keyMisfit({ type: 'JWKS', private: false }, 'RS256', 'verify'), undefined);
    assert.match(keyMisfit(secret, 'none', 'verify') ?? '', /none/);
  });
});
