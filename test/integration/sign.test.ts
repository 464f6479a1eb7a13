// "JWT: Sign JSON Selection" in the real extension host, driven by its arguments: where the token
// goes, object literals, expiry presets, saved / typed / file keys, and every kind of bad input.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { exportPKCS8, generateKeyPair } from 'jose';
import { decodeToken, verifyToken } from '../../src/core';
import { manageOk, select, sign, uniqueName } from './signing-helpers';
import { openText, useExtension, writeWorkspaceFile } from './util';

const SECRET = 'an-integration-test-secret-that-is-long-enough-for-hs256';

describe('JWT: Sign JSON Selection', () => {
  useExtension();

  it('replaces the selected JSON with the token, undoable in one step', async () => {
    const json = '{\n  "sub": "alice",\n  "admin": true\n}';
    const original = `const payload = ${json};\n`;
    const editor = await openText(original, 'javascript');
    select(editor, json);
    const outcome = await sign({ alg: 'HS256', secret: SECRET, expiresIn: 'keep' });
    assert.ok(outcome && 'token' in outcome, JSON.stringify(outcome));
    assert.equal(editor.document.getText(), `const payload = ${outcome.token};\n`);
    assert.deepEqual(decodeToken(outcome.token).payload, { sub: 'alice', admin: true });
    assert.deepEqual(await verifyToken(outcome.token, SECRET), { valid: true, alg: 'HS256' });
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  it('accepts a JavaScript object literal and sets iat/exp from a preset', async () => {
    const literal = "{ sub: 'bob', roles: ['reader',], // trailing comma\n}";
    const editor = await openText(`const claims = ${literal};\n`, 'typescript');
    select(editor, literal);
    const before = Math.floor(Date.now() / 1000);
    const outcome = await sign({ alg: 'HS384', secret: SECRET + SECRET, expiresIn: '1h' });
    assert.ok(outcome && 'token' in outcome);
    const payload = decodeToken(outcome.token).payload as Record<string, number>;
    assert.equal(payload.sub, 'bob');
    assert.deepEqual(payload.roles, ['reader']);
    assert.ok(payload.iat! >= before && payload.iat! <= before + 5);
    assert.equal(payload.exp! - payload.iat!, 3600);
    assert.deepEqual(decodeToken(outcome.token, {}).header, { typ: 'JWT', alg: 'HS384' });
  });

  it('takes a number of seconds as expiry', async () => {
    const outcome = await sign({ payload: { sub: 'x' }, alg: 'HS256', secret: SECRET, expiresIn: 90, output: 'copy' });
    assert.ok(outcome && 'token' in outcome);
    const payload = decodeToken(outcome.token).payload as Record<string, number>;
    assert.equal(payload.exp! - payload.iat!, 90);
  });

  it('inserts after the selection or copies, per argument or setting', async () => {
    const editor = await openText('{"sub":"c"}\n');
    select(editor, '{"sub":"c"}');
    const after = await sign({ alg: 'HS256', secret: SECRET, expiresIn: 'keep', output: 'insertAfter' });
    assert.ok(after && 'token' in after);
    assert.equal(editor.document.getText(), `{"sub":"c"}\n${after.token}\n`);

    const config = vscode.workspace.getConfiguration('jwt.sign');
    await config.update('output', 'copy', vscode.ConfigurationTarget.Global);
    try {
      select(editor, '{"sub":"c"}');
      const copied = await sign({ alg: 'HS256', secret: SECRET, expiresIn: 'keep' });
      assert.ok(copied && 'token' in copied);
      assert.equal(copied.output, 'copy');
      assert.equal(await vscode.env.clipboard.readText(), copied.token);
      assert.equal(editor.document.getText(), `{"sub":"c"}\n${after.token}\n`, 'the document is unchanged');
    } finally {
      await config.update('output', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('points at the line and column of the document where the selection is broken', async () => {
    const text = '// line 1\n// line 2\nconst a = {\n  sub: "x",\n  name: ?\n};\n';
    const editor = await openText(text, 'javascript');
    select(editor, '{\n  sub: "x",\n  name: ?\n}');
    const outcome = await sign({ alg: 'HS256', secret: SECRET, expiresIn: 'keep' });
    assert.deepEqual(outcome, {
      error: "The selection is not a JSON object: invalid character '?' at line 5, column 9.",
    });
    assert.equal(editor.document.getText(), text);
  });

  it('refuses a selection that is not an object, and an empty selection', async () => {
    const editor = await openText('[1, 2, 3]\n');
    select(editor, '[1, 2, 3]');
    const outcome = await sign({ alg: 'HS256', secret: SECRET, expiresIn: 'keep' });
    assert.deepEqual(outcome, {
      error:
        'The selection is not a JSON object: expected an object of claims in braces, found an array at line 1, column 1.',
    });
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const empty = await sign({ alg: 'HS256', secret: SECRET });
    assert.deepEqual(empty, {
      error: 'Select a JSON object (or a JavaScript object literal) of claims to sign first.',
    });
    assert.equal(editor.document.getText(), '[1, 2, 3]\n');
  });

  it('refuses keys that do not fit the algorithm, and unknown algorithms', async () => {
    const editor = await openText('{"sub":"d"}');
    select(editor, '{"sub":"d"}');
    const mismatch = await sign({ alg: 'RS256', secret: SECRET, expiresIn: 'keep' });
    assert.deepEqual(mismatch, {
      error: 'Cannot sign with the entered key: The key is a shared secret but you chose RS256, which needs an RSA key',
    });
    const none = await sign({ alg: 'none', secret: SECRET, expiresIn: 'keep' });
    assert.ok(none && 'error' in none && /Cannot sign with "none"/.test(none.error));
    const badExpiry = await sign({ alg: 'HS256', secret: SECRET, expiresIn: 'soon' as never });
    assert.ok(badExpiry && 'error' in badExpiry && /not a duration/.test(badExpiry.error));
    assert.equal(editor.document.getText(), '{"sub":"d"}');
  });

  it('signs with a saved key pair; the token names its kid', async () => {
    const name = uniqueName('sign-es256');
    await manageOk({ action: 'generate', name, alg: 'ES256' });
    try {
      const outcome = await sign({
        payload: '{"sub":"e"}',
        alg: 'ES256',
        key: name,
        expiresIn: 'keep',
        output: 'copy',
      });
      assert.ok(outcome && 'token' in outcome, JSON.stringify(outcome));
      const { exported } = await manageOk({ action: 'export', name, format: 'pem' });
      assert.deepEqual(await verifyToken(outcome.token, exported!), { valid: true, alg: 'ES256' });
      const listed = (await manageOk({ action: 'list' })).keys.find((k) => k.name === name);
      assert.equal(decodeToken(outcome.token).header.kid, listed?.thumbprint);
      const wrongAlg = await sign({ payload: '{}', alg: 'RS256', key: name, expiresIn: 'keep', output: 'copy' });
      assert.ok(
        wrongAlg &&
          'error' in wrongAlg &&
          wrongAlg.error.startsWith(`Cannot sign with key "${name}": The key is an EC P-256 key`),
      );
    } finally {
      await manageOk({ action: 'remove', name });
    }
    const gone = await sign({ payload: '{}', alg: 'ES256', key: name, expiresIn: 'keep', output: 'copy' });
    assert.deepEqual(gone, { error: `There is no saved key named "${name}"; see JWT: Manage Keys` });
  });

  it('signs with a PEM file and explains unreadable or malformed key files', async () => {
    const { privateKey } = await generateKeyPair('PS256', { extractable: true });
    const pemFile = (await writeWorkspaceFile(await exportPKCS8(privateKey), 'private.pem')).fsPath;
    const good = await sign({
      payload: { sub: 'f' },
      alg: 'PS256',
      keyFile: pemFile,
      expiresIn: 'keep',
      output: 'copy',
    });
    assert.ok(good && 'token' in good, JSON.stringify(good));
    assert.equal(decodeToken(good.token).header.alg, 'PS256');

    const missing = await sign({
      payload: { sub: 'f' },
      alg: 'PS256',
      keyFile: pemFile.replace(/private\.pem$/, 'nope.pem'),
      expiresIn: 'keep',
      output: 'copy',
    });
    assert.ok(
      missing && 'error' in missing && /key file .*nope\.pem cannot be used: it does not exist/.test(missing.error),
      JSON.stringify(missing),
    );
    const broken = (await writeWorkspaceFile('-----BEGIN PRIVATE KEY-----\nMIIB\n', 'broken.pem')).fsPath;
    const malformed = await sign({
      payload: { sub: 'f' },
      alg: 'PS256',
      keyFile: broken,
      expiresIn: 'keep',
      output: 'copy',
    });
    assert.ok(
      malformed && 'error' in malformed && /broken\.pem: Malformed PEM/.test(malformed.error),
      JSON.stringify(malformed),
    );
  });
});
