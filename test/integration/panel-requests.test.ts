// A reply belongs to the request that asked for it: a request about a token the panel no longer shows
// is dropped, so is the reply to one that was still running when another token was shown; write-back
// and Sign JSON Selection check the document is as it was before they change it; the host checks every
// message from the webview before acting on it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SignJWT } from 'jose';
import type { HostToPanel } from '../../src/protocol';
import { SAMPLE_SECRET, SERVICE, VALID } from '../harness/sample-tokens';
import { api, select, sign } from './signing-helpers';
import { eventually, openText, panelTabs, useExtension } from './util';

const verifyRequest = { type: 'verify', key: { kind: 'text', text: SAMPLE_SECRET }, expected: {} } as const;

async function decode(token: string): Promise<void> {
  await vscode.commands.executeCommand('jwt.decode', token);
}

describe('panel: requests and replies', () => {
  useExtension();

  it('drops a request about a token the panel no longer shows', async () => {
    const panel = await api();
    await decode(VALID);
    await decode(SERVICE);
    assert.deepEqual(await panel.panelMessage({ ...verifyRequest, about: VALID }), []);
    assert.deepEqual(await panel.panelMessage({ type: 'writeBack', newToken: SERVICE, about: VALID }), []);
    const [verified] = await panel.panelMessage(verifyRequest);
    assert.ok(verified?.type === 'verified', JSON.stringify(verified));
    assert.equal(verified.about, SERVICE);
    assert.equal(verified.outcome.verdict, 'valid');
  });

  it('never keeps a verdict that arrives after another token is shown: the new token shows none, even after a reload', async () => {
    const panel = await api();
    await decode(VALID);
    // The verification is under way (WebCrypto answers asynchronously) when the next Decode shows SERVICE.
    const pending = panel.panelMessage(verifyRequest);
    await decode(SERVICE);
    const replies = await pending;
    for (const reply of replies) assert.equal((reply as { about?: string }).about, VALID);
    const replayed = await panel.panelMessage({ type: 'ready' });
    assert.equal(replayed[0]?.type, 'show');
    const verdicts = replayed.filter((m) => m.type === 'verified');
    assert.deepEqual(verdicts, [], 'a reloaded panel showing SERVICE got a verdict');
    for (const m of replayed) if ('about' in m) assert.equal(m.about, SERVICE, `${m.type} is about another token`);
  });

  it('writes back only over an unchanged document, even when the token itself is still in place', async () => {
    const editor = await openText(`# tokens\nTOKEN="${VALID}"\n`, 'properties');
    select(editor, VALID);
    await vscode.commands.executeCommand('jwt.decode');
    await eventually(
      () => panelTabs().map((t) => t.label),
      (labels) => labels.includes('JWT · user-1234'),
    );
    // An edit elsewhere: the token is untouched at its place, but the document is not the one it was found in.
    await editor.edit((edit) => edit.insert(new vscode.Position(2, 0), 'OTHER=1\n'));
    const [refused] = await (await api()).panelMessage({ type: 'writeBack', newToken: SERVICE });
    assert.equal(refused?.type, 'failed');
    assert.match(
      (refused as { message: string }).message,
      /was edited after the token was decoded, so nothing was written/,
    );
    assert.ok(editor.document.getText().includes(VALID) && !editor.document.getText().includes(SERVICE));
  });

  it('uses pasted text with a key inside it as a shared secret only when the user says it is one', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the samples workspace is not open');
    const pem = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, 'keys', 'es256-public.pem')),
    );
    // A passphrase that happens to hold a public key's base64 among its words: a key, or a secret?
    const text = `my passphrase is ${pem.replace(/-----[^-]+-----|\s/g, '')} and more words`;
    const token = await new SignJWT({ sub: 'ambiguous' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(text));
    await decode(token);
    const panel = await api();
    const ask = async (keyType?: 'secret' | 'public') => {
      const [reply] = await panel.panelMessage({
        type: 'verify',
        key: { kind: 'text', text, ...(keyType ? { keyType } : {}) },
        expected: {},
      });
      assert.ok(reply?.type === 'verified', JSON.stringify(reply));
      return reply.outcome;
    };
    assert.equal((await ask()).verdict, 'invalid', 'by itself the text is taken for the key inside it');
    assert.match((await ask()).error ?? '', /key-confusion/);
    assert.equal((await ask('secret')).verdict, 'valid', 'the user said it is a shared secret');
  });

  it('checks every message from the webview before acting on it', async () => {
    const panel = await api();
    await decode(VALID);
    const malformed: unknown[] = [
      null,
      'verify',
      { type: 'verify', key: { kind: 'saved', name: 5 }, expected: {} },
      { type: 'verify', key: { kind: 'text', text: SAMPLE_SECRET }, expected: { clockTolerance: 'all' } },
      { type: 'verify', key: { kind: 'cloud', url: 'https://example.com' }, expected: {} },
      { type: 'sign', payload: { sub: 'x' }, alg: 'HS256', key: { kind: 'text', text: SAMPLE_SECRET } },
      { type: 'decrypt', key: 'secret' },
      { type: 'writeBack', newToken: 42 },
      { type: 'chooseKeyFile', purpose: 'exfiltrate' },
      { type: 'copy', text: { toString: 'x' }, label: 'x' },
      { type: 'saveKey' },
      { type: 'unknown' },
    ];
    for (const message of malformed) {
      assert.deepEqual(
        await panel.panelMessage(message as never),
        [] as HostToPanel[],
        `acted on ${JSON.stringify(message)}`,
      );
    }
  });

  it('Sign JSON Selection replaces nothing when the document changed while its prompts were open', async () => {
    const claims = '{ "sub": "prompted" }';
    const editor = await openText(`const claims = ${claims};\n`, 'javascript');
    select(editor, claims);
    // The algorithm is asked for; the document changes while the quick pick is open.
    const pending = sign({ secret: SAMPLE_SECRET, expiresIn: 'keep', output: 'replace' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// edited meanwhile\n'));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const outcome = await pending;
    assert.ok(outcome && 'error' in outcome, JSON.stringify(outcome));
    assert.match(outcome.error, /The document changed while you were choosing, so the selection was not replaced/);
    assert.equal(editor.document.getText(), `// edited meanwhile\nconst claims = ${claims};\n`);
  });
});
