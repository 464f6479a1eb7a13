// "JWT: Manage Keys" in the real extension host, driven by its arguments: add, generate, list,
// rename, pin, export the public half, remove; and proof that key material reaches neither
// settings.json, the configuration, the key list, nor anything the panel is sent.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { VALID } from '../harness/sample-tokens';
import { api, manageKeys, manageOk, uniqueName, verify } from './signing-helpers';
import { base64url, useExtension } from './util';

const SECRET = 'keys-suite-secret-value-0123456789-abcdefghijklmnopqrstuvwxyz';

describe('JWT: Manage Keys', () => {
  useExtension();

  it('adds, lists, renames and removes keys; the list holds facts, not material', async () => {
    const name = uniqueName('keys-secret');
    const renamed = `${name}-renamed`;
    const added = await manageOk({ action: 'add', name, secret: SECRET });
    const entry = added.keys.find((k) => k.name === name);
    assert.deepEqual(entry, { name, type: 'secret', private: true, description: 'a shared secret' });
    assert.ok(!JSON.stringify(added).includes(SECRET));

    const duplicate = await manageKeys({ action: 'add', name, secret: 'other' });
    assert.deepEqual(duplicate, { error: `A key named "${name}" exists already` });

    const afterRename = await manageOk({ action: 'rename', name, newName: renamed });
    assert.ok(afterRename.keys.some((k) => k.name === renamed) && !afterRename.keys.some((k) => k.name === name));
    assert.equal((await verify({ token: VALID, key: renamed })).verdict, 'invalid', 'the material moved with the name');
    const removed = await manageOk({ action: 'remove', name: renamed });
    assert.ok(!removed.keys.some((k) => k.name === renamed));
    assert.deepEqual(await manageKeys({ action: 'remove', name: renamed }), {
      error: `There is no saved key named "${renamed}"`,
    });
  });

  it('explains a key that cannot be read', async () => {
    const outcome = await manageKeys({
      action: 'add',
      name: uniqueName('bad'),
      secret: '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----',
    });
    assert.ok('error' in outcome && /PKCS#1/.test(outcome.error), JSON.stringify(outcome));
    assert.ok(!outcome.error.includes('MIIB'));
  });

  it('generates key pairs and exports only their public half, as PEM or JWK', async () => {
    const name = uniqueName('keys-rsa');
    const generated = await manageOk({ action: 'generate', name, alg: 'RS256' });
    const entry = generated.keys.find((k) => k.name === name)!;
    assert.equal(entry.description, 'an RSA private key');
    assert.match(entry.thumbprint ?? '', /^[\w-]{43}$/);
    try {
      const pem = await manageOk({ action: 'export', name, format: 'pem' });
      assert.match(pem.exported!, /^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n?$/);
      assert.equal(await vscode.env.clipboard.readText(), pem.exported);
      const jwk = await manageOk({ action: 'export', name, format: 'jwk', to: 'document' });
      const exported = JSON.parse(jwk.exported!) as Record<string, unknown>;
      assert.deepEqual(Object.keys(exported).sort(), ['alg', 'e', 'kid', 'kty', 'n']);
      assert.equal(vscode.window.activeTextEditor?.document.getText(), jwk.exported, 'opened in a new editor');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await manageOk({ action: 'remove', name });
    }
    const secretName = uniqueName('keys-hs');
    await manageOk({ action: 'generate', name: secretName, alg: 'HS256' });
    const refused = await manageKeys({ action: 'export', name: secretName, format: 'pem' });
    assert.deepEqual(refused, {
      error: 'A shared secret has no public half to export: anyone who can verify with it can also sign',
    });
    await manageOk({ action: 'remove', name: secretName });
  });

  it('pins a key to the workspace and unpins it', async () => {
    const name = uniqueName('keys-pin');
    await manageOk({ action: 'add', name, secret: SECRET });
    assert.equal((await manageOk({ action: 'pin', name })).pinned, name);
    assert.equal((await manageOk({ action: 'unpin' })).pinned, undefined);
    await manageOk({ action: 'pin', name });
    assert.equal((await manageOk({ action: 'remove', name })).pinned, undefined, 'removing a pinned key unpins it');
  });

  it('keeps key material out of settings, configuration and every panel message', async () => {
    const name = uniqueName('keys-leak');
    const pasted = 'pasted-secret-that-must-never-be-echoed-0123456789';
    await manageOk({ action: 'add', name, secret: SECRET });
    try {
      await verify({ token: VALID, key: name });
      const panel = await api();
      const replies = [
        ...(await panel.panelMessage({ type: 'verify', key: { kind: 'saved', name }, expected: {} })),
        ...(await panel.panelMessage({ type: 'verify', key: { kind: 'text', text: pasted }, expected: {} })),
        ...(await panel.panelMessage({
          type: 'sign',
          payload: '{"sub":"x"}',
          alg: 'HS256',
          key: { kind: 'text', text: pasted },
        })),
      ];
      assert.deepEqual(
        replies.map((r) => r.type),
        ['verified', 'verified', 'signed'],
      );
      const sent = JSON.stringify(replies);
      for (const secret of [SECRET, pasted, base64url(SECRET), base64url(pasted)]) {
        assert.ok(!sent.includes(secret), 'a panel message holds key material');
      }

      const config = JSON.stringify(vscode.workspace.getConfiguration('jwt'));
      assert.ok(!config.includes(SECRET) && !config.includes(name), 'the jwt configuration mentions the key');
      await vscode.commands.executeCommand('workbench.action.openSettingsJson');
      const settings = await waitForSettingsEditor();
      assert.ok(
        !settings.includes(SECRET) && !settings.includes(pasted) && !settings.includes(name),
        'settings.json mentions the key',
      );
    } finally {
      await manageOk({ action: 'remove', name });
    }
  });
});

async function waitForSettingsEditor(): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const document = vscode.window.activeTextEditor?.document;
    if (document?.uri.path.endsWith('settings.json')) return document.getText();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail('settings.json did not open');
}
