// "JWT: Verify with Issuer's Keys" in the real extension host, against a discovery + JWKS server the
// test starts on 127.0.0.1: the command fetches, verifies, returns the outcome and shows it.
// @node-only: the issuer is a loopback HTTP server (node:http) that the test starts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startIssuerServer, type IssuerServer } from '../harness/issuer-server';
import type { IssuerVerifyResult } from '../../src/core';
import { openText, useExtension } from './util';

const run = (...args: unknown[]) =>
  vscode.commands.executeCommand<IssuerVerifyResult | undefined>('jwt.verifyWithIssuer', ...args);

describe("verify with the issuer's keys", () => {
  let server: IssuerServer;

  useExtension();
  beforeEach(async () => (server = await startIssuerServer()));
  afterEach(async () => {
    await server.close();
  });

  it('verifies the token under the cursor with the key its issuer publishes, fetching each document once per session', async () => {
    const token = await server.sign({ name: 'Loopback User' });
    const editor = await openText(`id_token=${token}\n`);
    editor.selection = new vscode.Selection(0, 20, 0, 20);
    const result = await run();
    assert.deepEqual(result, {
      valid: true,
      alg: 'ES256',
      kid: 'key-1',
      issuer: server.issuer,
      host: new URL(server.issuer).host,
      jwksUri: `${server.issuer}/jwks`,
    });
    assert.equal((await run(await server.sign({ name: 'Again' })))?.valid, true);
    assert.equal(server.hits.get('/.well-known/openid-configuration'), 1, 'discovery is cached for the session');
    assert.equal(server.hits.get('/jwks'), 1, 'the key set is cached for the session');
  });

  it('explains a forged signature', async () => {
    const forged = await run(await server.sign({}, { foreignKey: true }));
    assert.equal(forged?.valid, false);
    assert.match(forged!.error!, /signature does not match the issuer's key/);
  });

  it('explains an issuer mismatch', async () => {
    // Each test's server has its own port, so its issuer is not in the session cache yet.
    server.mode = 'wrong-issuer';
    const mismatch = await run(await server.sign());
    assert.match(mismatch!.error!, /names the issuer "https:\/\/evil.example", not the token's iss/);
  });

  it('refuses plain http to other machines without making a request', async () => {
    const result = await run(await server.sign({ iss: 'http://issuer.example.com' }));
    assert.match(result!.error!, /not an https URL/);
    assert.equal(server.hits.size, 0);
  });
});
