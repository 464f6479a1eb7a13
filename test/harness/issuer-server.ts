// A tiny OpenID provider on 127.0.0.1 for the issuer-keys tests (unit and integration): a discovery
// document, a JWKS with one ES256 key, and routes that misbehave on purpose. It signs tokens with its key.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

export interface IssuerServer {
  /** http://127.0.0.1:PORT — the issuer of the tokens it signs. */
  issuer: string;
  /** Requests by path, to check what was fetched and how often. */
  hits: Map<string, number>;
  /** Signs claims (iss defaults to the server's issuer) with the published key, or with another one. */
  sign(claims?: Record<string, unknown>, options?: { kid?: string; foreignKey?: boolean }): Promise<string>;
  /** Changes the discovery document: 'oidc' (default), 'rfc8414' (only the OAuth metadata), 'wrong-issuer', 'slow'. */
  mode: 'oidc' | 'rfc8414' | 'wrong-issuer' | 'slow';
  close(): Promise<void>;
}

export async function startIssuerServer(): Promise<IssuerServer> {
  const [{ privateKey, publicKey }, foreign] = await Promise.all([generateKeyPair('ES256'), generateKeyPair('ES256')]);
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'ES256', use: 'sig' }] };
  const hits = new Map<string, number>();
  const pending: ServerResponse[] = [];
  const state: IssuerServer = {} as IssuerServer;

  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = request.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const json = (body: unknown) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const metadata = {
      issuer: state.mode === 'wrong-issuer' ? 'https://evil.example' : state.issuer,
      jwks_uri: `${state.issuer}/jwks`,
    };
    if (state.mode === 'slow') pending.push(response);
    else if (path === '/.well-known/openid-configuration' && state.mode !== 'rfc8414') json(metadata);
    else if (path === '/.well-known/oauth-authorization-server' && state.mode === 'rfc8414') json(metadata);
    else if (path === '/jwks') json(jwks);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(state, {
    issuer: `http://127.0.0.1:${port}`,
    hits,
    mode: 'oidc' as const,
    sign: (claims: Record<string, unknown> = {}, options: { kid?: string; foreignKey?: boolean } = {}) =>
      new SignJWT({ iss: state.issuer, sub: 'user-1', ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? 'key-1' })
        .sign(options.foreignKey ? foreign.privateKey : privateKey),
    close: () => {
      for (const r of pending) r.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
