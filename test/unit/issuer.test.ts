import assert from 'node:assert/strict';
import { IssuerCache, verifyWithIssuer } from '../../src/core/issuer';
import { startIssuerServer, type IssuerServer } from '../harness/issuer-server';
import { jwe, jws, unsecured } from './scan-helpers';

describe('verifyWithIssuer', () => {
  let server: IssuerServer;

  beforeEach(async () => (server = await startIssuerServer()));
  afterEach(() => server.close());

  it("verifies a token with the key its kid names in the issuer's published key set", async () => {
    const result = await verifyWithIssuer(await server.sign());
    assert.deepEqual(result, {
      valid: true,
      alg: 'ES256',
      kid: 'key-1',
      issuer: server.issuer,
      jwksUri: `${server.issuer}/jwks`,
    });
    assert.equal(server.hits.get('/.well-known/openid-configuration'), 1);
  });

  it('falls back to RFC 8414 authorization server metadata', async () => {
    server.mode = 'rfc8414';
    assert.equal((await verifyWithIssuer(await server.sign())).valid, true);
    assert.equal(server.hits.get('/.well-known/oauth-authorization-server'), 1);
  });

  it('says when the issuer publishes no metadata at all', async () => {
    const token = await server.sign({ iss: `${server.issuer}/tenant` });
    const { error } = await verifyWithIssuer(token);
    assert.match(
      error!,
      /publishes no discovery document \(HTTP 404 for .*\/tenant\/\.well-known\/openid-configuration and .*\/\.well-known\/oauth-authorization-server\/tenant\)/,
    );
  });

  it('rejects a discovery document that names another issuer', async () => {
    server.mode = 'wrong-issuer';
    const { valid, error } = await verifyWithIssuer(await server.sign());
    assert.equal(valid, false);
    assert.match(error!, /names the issuer "https:\/\/evil.example", not the token's iss/);
  });

  it('rejects a signature from another key, and an unknown kid', async () => {
    const forged = await verifyWithIssuer(await server.sign({}, { foreignKey: true }));
    assert.match(forged.error!, /signature does not match the issuer's key \(kid "key-1"\)/);
    const unknown = await verifyWithIssuer(await server.sign({}, { kid: 'key-9' }));
    assert.match(unknown.error!, /has no ES256 key with kid "key-9"/);
  });

  it('remembers discovery and keys across calls that share a cache', async () => {
    const cache = new IssuerCache();
    for (let i = 0; i < 3; i++)
      assert.equal((await verifyWithIssuer(await server.sign({ n: i }), { cache })).valid, true);
    assert.equal(server.hits.get('/.well-known/openid-configuration'), 1);
    assert.equal(server.hits.get('/jwks'), 1);
  });

  it('gives up after the timeout, in a sentence', async () => {
    server.mode = 'slow';
    const { error } = await verifyWithIssuer(await server.sign(), { timeoutMs: 300 });
    assert.match(error!, /openid-configuration did not answer within 0.3 seconds/);
  });

  it('fetches nothing for http issuers off this machine, tokens without iss, HMAC, unsigned or encrypted tokens', async () => {
    const cases: Array<[string, RegExp]> = [
      [await server.sign({ iss: 'http://issuer.example.com' }), /not an https URL; keys are fetched over https only/],
      [await server.sign({ iss: 'not a url' }), /"not a url" is not a URL/],
      [await server.sign({ iss: undefined }), /no "iss" \(issuer\) claim/],
      [jws(), /HS256 tokens are signed with a shared secret/],
      [unsecured({ iss: server.issuer }), /unsigned token \(alg "none"\) has no signature/],
      [jwe(), /encrypted token \(JWE\) has no signature/],
    ];
    for (const [token, message] of cases) assert.match((await verifyWithIssuer(token)).error!, message);
    assert.equal(server.hits.size, 0, 'no request was made');
  });
});
