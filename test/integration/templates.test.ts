// "JWT: New Token from Template…" in the real extension host: the built-in templates signed with saved
// keys, into a new editor or the clipboard; every prompt answered as a user accepting the defaults would;
// the workspace's own .vscode/jwt-templates.json, its ${env:…} and the JSON schema VS Code checks it with.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { decodeFlaskSession, decodeToken, verifyFlaskSession, verifyToken } from '../../src/core';
import type { NewTokenArgs, NewTokenOutcome } from '../../src/templates/newTokenFromTemplateCommand';
import { acceptPrompts } from './prompts';
import { api, manageOk, uniqueName } from './signing-helpers';
import { eventually, useExtension } from './util';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SECRET = 'an-integration-test-secret-that-is-long-enough-for-hs256';
const inWebWorker = typeof (globalThis as { importScripts?: unknown }).importScripts === 'function';

async function newToken(args?: NewTokenArgs): Promise<NewTokenOutcome | undefined> {
  if (args?.key) await (await api()).allowKeyUse(args.key);
  return vscode.commands.executeCommand<NewTokenOutcome | undefined>('jwt.newTokenFromTemplate', args);
}

function made(outcome: NewTokenOutcome | undefined): Extract<NewTokenOutcome, { token: string }> {
  assert.ok(outcome && 'token' in outcome, JSON.stringify(outcome));
  return outcome;
}

/** A new saved key for `alg` and its public JWK. */
async function savedKey(alg: string): Promise<{ name: string; publicJwk: string }> {
  const name = uniqueName(`template-${alg}`);
  await manageOk({ action: 'generate', name, alg });
  const exported = await manageOk({ action: 'export', name, format: 'jwk', to: 'clipboard' });
  assert.ok(exported.exported, 'the public key was not exported');
  return { name, publicJwk: exported.exported };
}

/** The token in the new (untitled, unsaved) editor, which is then closed unsaved: closing it as it is would ask. */
async function tokenInNewEditor(): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  assert.equal(editor?.document.isUntitled, true, 'the token is in a new untitled editor');
  const text = editor?.document.getText();
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return text;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

describe('JWT: New Token from Template', () => {
  useExtension();
  let rsa: { name: string; publicJwk: string };

  before(async function () {
    this.timeout(60000);
    rsa = await savedKey('RS256');
  });

  it('makes an RFC 9068 access token from given answers, signed with a saved key, in a new editor', async () => {
    const before = nowSeconds();
    const outcome = made(
      await newToken({
        template: 'access-token',
        values: {
          issuer: 'https://login.example.org',
          subject: 'alice',
          audience: 'https://orders.example.org',
          client_id: 'shop-web',
          scope: 'orders:read orders:write',
        },
        alg: 'RS256',
        key: rsa.name,
        output: 'editor',
      }),
    );
    assert.equal(outcome.output, 'editor');
    assert.equal(await tokenInNewEditor(), outcome.token);
    const { header, payload } = decodeToken(outcome.token);
    assert.equal(header.typ, 'at+jwt');
    assert.equal(header.alg, 'RS256');
    assert.equal(typeof header.kid, 'string', 'the saved key names itself');
    const claims = payload as Record<string, unknown>;
    assert.deepEqual(Object.keys(claims), ['iss', 'sub', 'aud', 'exp', 'iat', 'jti', 'client_id', 'scope']);
    assert.equal(claims.iss, 'https://login.example.org');
    assert.equal(claims.sub, 'alice');
    assert.equal(claims.aud, 'https://orders.example.org');
    assert.equal(claims.client_id, 'shop-web');
    assert.equal(claims.scope, 'orders:read orders:write');
    assert.match(String(claims.jti), UUID);
    const iat = Number(claims.iat);
    assert.ok(iat >= before && iat <= nowSeconds(), `iat ${iat} is now`);
    assert.equal(Number(claims.exp) - iat, 3600);
    assert.deepEqual(await verifyToken(outcome.token, rsa.publicJwk), { valid: true, alg: 'RS256' });
  });

  it('asks for everything else: accepting each prompt as it comes makes an OpenID Connect ID token', async () => {
    // The template (the first is the ID token), its four inputs, the algorithm (RS256 first), where to put it.
    const outcome = made(await acceptPrompts(newToken({ key: rsa.name })));
    assert.equal(outcome.template, 'oidc-id-token');
    assert.equal(outcome.output, 'editor');
    assert.equal(await tokenInNewEditor(), outcome.token);
    const claims = decodeToken(outcome.token).payload as Record<string, unknown>;
    assert.deepEqual(
      { iss: claims.iss, sub: claims.sub, aud: claims.aud },
      { iss: 'https://auth.example.com', sub: 'user-1234', aud: 'my-client' },
    );
    assert.equal(claims.auth_time, claims.iat);
    assert.equal(Number(claims.exp) - Number(claims.iat), 3600);
    assert.ok(!('nonce' in claims), 'an optional input left empty leaves its claim out');
    assert.deepEqual(await verifyToken(outcome.token, rsa.publicJwk), { valid: true, alg: 'RS256' });
  });

  it('makes a private_key_jwt client assertion with an EC key, to the clipboard', async () => {
    const ec = await savedKey('ES256');
    await vscode.env.clipboard.writeText('');
    const outcome = made(
      await newToken({
        template: 'client-assertion',
        values: { client_id: 'svc-7', token_endpoint: 'https://login.example.org/oauth2/token' },
        alg: 'ES256',
        key: ec.name,
        output: 'clipboard',
      }),
    );
    assert.equal(await vscode.env.clipboard.readText(), outcome.token);
    const { header, payload } = decodeToken(outcome.token);
    assert.equal(header.alg, 'ES256');
    const claims = payload as Record<string, unknown>;
    assert.equal(claims.iss, 'svc-7');
    assert.equal(claims.sub, 'svc-7');
    assert.equal(claims.aud, 'https://login.example.org/oauth2/token');
    assert.match(String(claims.jti), UUID);
    assert.equal(Number(claims.exp) - Number(claims.iat), 300);
    assert.deepEqual(await verifyToken(outcome.token, ec.publicJwk), { valid: true, alg: 'ES256' });
  });

  it('refuses what the template does not allow, and answers that fail their checks, making nothing', async () => {
    const hs = await newToken({ template: 'client-assertion', values: {}, alg: 'HS256', secret: SECRET });
    assert.ok(hs && 'error' in hs);
    assert.match(hs.error, /cannot be signed with HS256; use RS256, .*EdDSA\./);
    const url = await newToken({
      template: 'client-assertion',
      values: { client_id: 'svc-7', token_endpoint: 'login.example.org/token' },
      alg: 'ES256',
      secret: SECRET,
    });
    assert.ok(url && 'error' in url);
    assert.match(url.error, /The input "token_endpoint": Enter an absolute URL/);
    const missing = await newToken({ template: 'no-such-template' });
    assert.ok(missing && 'error' in missing);
    assert.match(
      missing.error,
      /There is no template "no-such-template"; the templates are: oidc-id-token, access-token/,
    );
  });

  it('signs a Flask session with the SECRET_KEY, saved or typed, as Flask accepts it', async () => {
    const name = uniqueName('flask-secret');
    await manageOk({ action: 'add', name, secret: 'dev-secret-key' });
    for (const key of [{ key: name }, { secret: 'dev-secret-key' }]) {
      const outcome = made(
        await newToken({ template: 'flask-session', values: { user_id: '42' }, ...key, output: 'clipboard' }),
      );
      const session = await decodeFlaskSession(outcome.token);
      assert.deepEqual(session.payload, { _user_id: '42', _fresh: true });
      assert.ok(Math.abs(session.timestamp.getTime() / 1000 - nowSeconds()) <= 5);
      assert.equal((await verifyFlaskSession(outcome.token, 'dev-secret-key')).valid, true);
      assert.equal((await verifyFlaskSession(outcome.token, 'another-key')).valid, false);
    }
  });

  describe('the workspace’s .vscode/jwt-templates.json', () => {
    let file: vscode.Uri;
    before(async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder);
      file = vscode.Uri.joinPath(folder.uri, '.vscode', 'jwt-templates.json');
      const templates = {
        templates: [
          {
            name: 'Staging service token',
            description: 'for the orders API',
            alg: 'HS256',
            header: { kid: '${input:kid}' },
            payload: {
              sub: 'svc-${input:n}',
              n: '${input:n}',
              aud: ['orders', '${input:extra}'],
              exp: '${now+15m}',
              jti: '${uuid}',
            },
            inputs: [
              { id: 'kid', default: 'staging-1' },
              { id: 'n', type: 'number', default: '7' },
              { id: 'extra', optional: true },
            ],
          },
          { name: 'Environment', alg: 'HS256', payload: { home: '${env:HOME}' } },
          { name: 'Broken', payload: { sub: '${input:who}' } },
        ],
      };
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(templates, null, 2)));
    });
    after(async () => {
      await vscode.workspace.fs.delete(file);
    });

    it('makes a token from a template of the workspace, its defaults accepted as they come', async () => {
      const outcome = made(
        await acceptPrompts(newToken({ template: 'Staging service token', secret: SECRET, output: 'clipboard' })),
      );
      const { header, payload } = decodeToken(outcome.token);
      assert.deepEqual(header, { alg: 'HS256', kid: 'staging-1', typ: 'JWT' });
      const claims = payload as Record<string, unknown>;
      assert.equal(claims.sub, 'svc-7');
      assert.equal(claims.n, 7, 'a number input alone is a number');
      assert.deepEqual(claims.aud, ['orders'], 'an empty optional input leaves the list');
      assert.equal(Number(claims.exp) - nowSeconds() <= 900, true);
      assert.match(String(claims.jti), UUID);
      assert.deepEqual(await verifyToken(outcome.token, SECRET), { valid: true, alg: 'HS256' });
    });

    it('leaves out a template with a mistake (and says why), keeping the others', async () => {
      const outcome = await newToken({ template: 'Broken', secret: SECRET });
      assert.ok(outcome && 'error' in outcome);
      assert.match(outcome.error, /There is no template "Broken"; .*Staging service token, Environment\./);
    });

    it('fills ${env:NAME} from the extension host’s environment, and says so where there is none', async () => {
      const outcome = await newToken({ template: 'Environment', secret: SECRET, output: 'clipboard' });
      if (inWebWorker) {
        // VS Code for the Web: the extension runs in a browser's worker, which has no environment.
        assert.ok(outcome && 'error' in outcome, JSON.stringify(outcome));
        assert.match(
          outcome.error,
          /\$\{env:HOME\} in payload\.home cannot be filled in: environment variables are not available here/,
        );
      } else {
        const home = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.HOME;
        assert.ok(home, 'the Node extension host has HOME');
        assert.deepEqual(decodeToken(made(outcome).token).payload, { home });
      }
    });

    it('gets the JSON schema: VS Code completes its properties and flags what is wrong', async () => {
      const document = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(document);
      // In the template that has only a name and a payload, where a property name goes.
      const text = document.getText();
      const at = document.positionAt(text.indexOf('"payload"', text.indexOf('"name": "Broken"')));
      const completions = await eventually(
        () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', file, at),
        (list) =>
          list.items.some((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'kind'),
        20000,
      );
      const labels = completions.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      for (const property of ['kind', 'alg', 'header', 'inputs', 'description'])
        assert.ok(labels.includes(property), labels.join(', '));
      const edit = new vscode.WorkspaceEdit();
      const alg = document.getText().indexOf('"HS256"');
      edit.replace(file, new vscode.Range(document.positionAt(alg), document.positionAt(alg + 7)), '"HS999"');
      await vscode.workspace.applyEdit(edit);
      const problems = await eventually(
        () => vscode.languages.getDiagnostics(file),
        (found) => found.length > 0,
        20000,
      );
      assert.match(problems.map((d) => d.message).join('\n'), /HS256|not accepted|enum|oneOf|match/i);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  });
});
