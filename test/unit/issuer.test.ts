import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
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
      host: new URL(server.issuer).host,
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

describe('verifyWithIssuer against hostile servers', () => {
  const ISSUER = 'https://issuer.example';
  let signing: { sign(claims?: Record<string, unknown>): Promise<string>; jwks: object };

  before(async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] };
    signing = {
      jwks,
      sign: (claims = {}) =>
        new SignJWT({ iss: ISSUER, sub: 'u', ...claims })
          .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
          .sign(privateKey),
    };
  });

  /** A body that never ends: `chunk` again and again, counting what was pulled; it errors when the request is aborted. */
  function endless(
    chunk: string,
    signal?: AbortSignal | null,
  ): { body: ReadableStream<Uint8Array>; pulled: () => number } {
    const bytes = new TextEncoder().encode(chunk);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        signal?.addEventListener('abort', () => controller.error(signal.reason));
      },
      pull(controller) {
        pulled += bytes.length;
        controller.enqueue(bytes);
      },
    });
    return { body, pulled: () => pulled };
  }

  /** A fetch that answers discovery with `discovery` and the key set with `jwks` (functions get the request's signal). */
  function fakeFetch(
    routes: Record<string, (signal?: AbortSignal | null) => Response>,
    seen: string[] = [],
  ): typeof fetch {
    return (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      seen.push(url);
      const route = Object.entries(routes).find(([suffix]) => url.endsWith(suffix));
      return route ? route[1](init?.signal) : new Response('', { status: 404 });
    }) as typeof fetch;
  }
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  const discovery =
    (jwksUri = `${ISSUER}/jwks`) =>
    () =>
      json({ issuer: ISSUER, jwks_uri: jwksUri });

  it('works through an injected fetch', async () => {
    const result = await verifyWithIssuer(await signing.sign(), {
      fetch: fakeFetch({ '/openid-configuration': discovery(), '/jwks': () => json(signing.jwks) }),
    });
    assert.equal(result.valid, true, result.error);
    assert.equal(result.host, 'issuer.example');
  });

  it('stops reading a discovery document or key set past 1 MiB, streamed or announced', async () => {
    let stream: ReturnType<typeof endless> | undefined;
    const huge = await verifyWithIssuer(await signing.sign(), {
      fetch: fakeFetch({
        '/openid-configuration': (signal) => {
          stream = endless(`{"a":"${'x'.repeat(65_000)}",`, signal);
          return new Response(stream.body, { status: 200 });
        },
      }),
    });
    assert.match(
      huge.error!,
      /^https:\/\/issuer\.example\/\.well-known\/openid-configuration sent more than 1048576 bytes, far more than any discovery document/,
    );
    assert.ok(stream!.pulled() < 2 * 1024 * 1024, `read ${stream!.pulled()} bytes`);

    const announced = await verifyWithIssuer(await signing.sign(), {
      fetch: fakeFetch({
        '/openid-configuration': () =>
          new Response('{}', { status: 200, headers: { 'content-length': String(50 * 1024 * 1024) } }),
      }),
    });
    assert.match(announced.error!, /sent more than 1048576 bytes/);

    const keySet = await verifyWithIssuer(await signing.sign(), {
      fetch: fakeFetch({
        '/openid-configuration': discovery(),
        '/jwks': (signal) => new Response(endless('{"keys":[', signal).body, { status: 200 }),
      }),
    });
    assert.match(keySet.error!, /^The key set at https:\/\/issuer\.example\/jwks is larger than 1048576 bytes/);
  });

  it('reports a server that stops sending as a timeout, not as bad JSON', async () => {
    /** Headers at once, then `first` (maybe nothing) and silence until the request is aborted. */
    const stalling = (first: string) => (signal?: AbortSignal | null) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          if (first) controller.enqueue(new TextEncoder().encode(first));
          signal?.addEventListener('abort', () => controller.error(signal.reason));
        },
      });
      return new Response(body, { status: 200 });
    };
    const stalled = stalling('{"issuer":');
    for (const first of ['', '{"issuer":']) {
      const { error } = await verifyWithIssuer(await signing.sign(), {
        timeoutMs: 300,
        fetch: fakeFetch({ '/openid-configuration': stalling(first) }),
      });
      assert.match(error!, /openid-configuration did not answer within 0.3 seconds/, JSON.stringify(first));
    }
    const jwks = await verifyWithIssuer(await signing.sign(), {
      timeoutMs: 300,
      fetch: fakeFetch({ '/openid-configuration': discovery(), '/jwks': stalled }),
    });
    assert.match(jwks.error!, /^The key set at https:\/\/issuer\.example\/jwks did not answer within 0.3 seconds/);
  });

  it('reports a real server that sends headers and then stalls as a timeout', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"issuer":');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { error } = await verifyWithIssuer(await signing.sign({ iss: issuer }), { timeoutMs: 300 });
      assert.match(
        error!,
        new RegExp(
          `^${issuer.replace(/\./g, '\\.')}/\\.well-known/openid-configuration did not answer within 0.3 seconds`,
        ),
      );
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('names the host it contacted in punycode, so a look-alike issuer shows what it is', async () => {
    const seen: string[] = [];
    const lookalike = 'https://аccounts.google.com'; // Cyrillic "а"
    const result = await verifyWithIssuer(await signing.sign({ iss: lookalike }), {
      fetch: fakeFetch({ '/openid-configuration': () => new Response('', { status: 500 }) }, seen),
    });
    assert.equal(result.host, 'xn--ccounts-1fg.google.com');
    assert.match(
      result.error!,
      /^https:\/\/xn--ccounts-1fg\.google\.com\/\.well-known\/openid-configuration answered HTTP 500$/,
    );
    assert.ok(seen.every((url) => url.startsWith('https://xn--ccounts-1fg.google.com/')));
    const idn = await verifyWithIssuer(await signing.sign({ iss: 'https://bücher.example' }), { fetch: fakeFetch({}) });
    assert.match(
      idn.error!,
      /xn--bcher-kva\.example\/\.well-known\/openid-configuration and https:\/\/xn--bcher-kva\.example\/\.well-known\/oauth-authorization-server/,
    );
  });

  it('holds jwks_uri to the issuer rule: https, or http on this machine only for an issuer on it', async () => {
    const cases: Array<[string, RegExp]> = [
      ['http://keys.example/jwks', /The jwks_uri "http:\/\/keys\.example\/jwks" is not an https URL/],
      [
        'http://127.0.0.1:9/jwks',
        /The issuer at issuer\.example names a key set on this machine \(http:\/\/127\.0\.0\.1:9\/jwks\)/,
      ],
      ['https://localhost/jwks', /names a key set on this machine/],
      ['ftp://keys.example/jwks', /is not an https URL/],
      ['not a url', /The jwks_uri "not a url" is not a URL/],
    ];
    for (const [jwksUri, message] of cases) {
      const seen: string[] = [];
      const { valid, error } = await verifyWithIssuer(await signing.sign(), {
        fetch: fakeFetch({ '/openid-configuration': discovery(jwksUri), '/jwks': () => json(signing.jwks) }, seen),
      });
      assert.equal(valid, false);
      assert.match(error!, message);
      assert.deepEqual(seen, [`${ISSUER}/.well-known/openid-configuration`], 'the key set was not fetched');
    }
  });
});
