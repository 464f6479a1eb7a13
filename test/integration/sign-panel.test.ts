// The panel's Edit & re-sign, through the panel's host side (the extension's API handles each message
// exactly as the panel sends it): payload errors at line/column, re-signing, copying, writing the new
// token back over the original in the editor, and refusing when there is no original to replace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { decodeToken, verifyToken } from '../../src/core';
import { SAMPLE_SECRET, VALID } from '../harness/sample-tokens';
import { api, select } from './signing-helpers';
import { eventually, openText, panelTabs, useExtension } from './util';

const NEW_SECRET = 'a-new-secret-for-re-signing-in-the-panel-0123456789';

describe('panel: edit & re-sign', () => {
  useExtension();

  async function decodeFromEditor(): Promise<vscode.TextEditor> {
    const editor = await openText(`# tokens\nTOKEN="${VALID}" # keep\n`, 'properties');
    select(editor, VALID);
    await vscode.commands.executeCommand('jwt.decode');
    await eventually(
      () => panelTabs().map((t) => t.label),
      (labels) => labels.includes('JWT · user-1234'),
    );
    return editor;
  }

  it('re-signs the edited payload and writes it back over the original token', async () => {
    const editor = await decodeFromEditor();
    const panel = await api();
    const [signed] = await panel.panelMessage({
      type: 'sign',
      payload: "{ sub: 'user-1234', role: 'auditor', }",
      alg: 'HS512',
      key: { kind: 'text', text: NEW_SECRET },
    });
    assert.ok(signed?.type === 'signed', JSON.stringify(signed));
    assert.deepEqual(decodeToken(signed.token).payload, { sub: 'user-1234', role: 'auditor' });
    assert.deepEqual(await verifyToken(signed.token, NEW_SECRET), { valid: true, alg: 'HS512' });
    assert.deepEqual(signed.warnings, [
      'The secret is 51 bytes; HS512 needs at least 64 bytes (512 bits) to be as strong as its hash (RFC 7518 section 3.2), so use a longer random secret',
    ]);

    await panel.panelMessage({ type: 'copy', text: signed.token, label: 'the new token' });
    assert.equal(await vscode.env.clipboard.readText(), signed.token);

    const [written] = await panel.panelMessage({ type: 'writeBack', newToken: signed.token });
    assert.equal(written?.type, 'notice', JSON.stringify(written));
    assert.equal(editor.document.getText(), `# tokens\nTOKEN="${signed.token}" # keep\n`);
    // The panel now shows the new token, so a second write-back replaces that one.
    const [again] = await panel.panelMessage({
      type: 'sign',
      payload: '{"sub":"second"}',
      alg: 'HS256',
      key: { kind: 'text', text: SAMPLE_SECRET },
    });
    assert.ok(again?.type === 'signed');
    await panel.panelMessage({ type: 'writeBack', newToken: again.token });
    assert.equal(editor.document.getText(), `# tokens\nTOKEN="${again.token}" # keep\n`);
  });

  it('reports payload errors with line and column, and keys that do not fit', async () => {
    await decodeFromEditor();
    const panel = await api();
    assert.deepEqual(
      await panel.panelMessage({
        type: 'sign',
        payload: '{\n  "sub": "x",\n  "n": 1 2\n}',
        alg: 'HS256',
        key: { kind: 'text', text: NEW_SECRET },
      }),
      [
        {
          type: 'failed',
          action: 'sign',
          message: "The payload is not a JSON object: invalid character '2' at line 3, column 10",
          about: VALID,
        },
      ],
    );
    assert.deepEqual(
      await panel.panelMessage({ type: 'sign', payload: '{}', alg: 'ES256', key: { kind: 'text', text: NEW_SECRET } }),
      [
        {
          type: 'failed',
          action: 'sign',
          message:
            'Cannot sign with the entered key: The key is a shared secret but you chose ES256, which needs an EC P-256 key',
          about: VALID,
        },
      ],
    );
  });

  it('will not write back when the original changed or did not come from an editor', async () => {
    const editor = await decodeFromEditor();
    const panel = await api();
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 7), 'x'));
    const changed = await panel.panelMessage({ type: 'writeBack', newToken: VALID });
    assert.equal(changed[0]?.type, 'failed');
    assert.match(
      (changed[0] as { message: string }).message,
      /.*:2 was edited after the token was decoded, so nothing was written/,
    );

    await vscode.commands.executeCommand('jwt.decode', VALID);
    const [refused] = await panel.panelMessage({ type: 'writeBack', newToken: VALID });
    assert.deepEqual(refused, {
      type: 'failed',
      action: 'writeBack',
      message:
        'This token was passed to the command, not found in an editor, so there is no place to write a new one back to',
      about: VALID,
    });
  });
});
