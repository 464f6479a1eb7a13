// "JWT: Decode" and "JWT: Copy Decoded JSON" in the real extension host: where the token comes from,
// and one panel that opens and then updates.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPIRED, SERVICE, VALID } from '../harness/sample-tokens';
import { eventually, openText, panelTabs, useExtension } from './util';

/** The panel tab's title once it names `sub`. */
async function panelTitleFor(sub: string): Promise<string> {
  const titles = await eventually(
    () => panelTabs().map((t) => t.label),
    (labels) => labels.some((l) => l.includes(sub)),
  );
  assert.equal(titles.length, 1, `expected one JWT panel, found ${titles.length}: ${titles.join(', ')}`);
  assert.ok(titles[0].includes(sub), `panel title "${titles[0]}" does not name ${sub}`);
  return titles[0];
}

describe('JWT: Decode', () => {
  useExtension();
  beforeEach(async () => {
    await vscode.env.clipboard.writeText('');
  });

  it('decodes the selection, stripping "Bearer " and quotes', async () => {
    const editor = await openText(`headers = { "Authorization": "Bearer ${VALID}" }\n`, 'python');
    const start = editor.document.getText().indexOf('"Bearer');
    const end = editor.document.getText().indexOf('" }');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(end + 1));
    await vscode.commands.executeCommand('jwt.decode');
    assert.match(await panelTitleFor('user-1234'), /^JWT · user-1234$/);
  });

  it('decodes the token under the cursor', async () => {
    const editor = await openText(`TOKEN=${SERVICE}\n`, 'plaintext');
    editor.selection = new vscode.Selection(0, 30, 0, 30);
    await vscode.commands.executeCommand('jwt.decode');
    await panelTitleFor('service-account-42');
  });

  it('decodes a token on the clipboard when the editor has none', async () => {
    await openText('nothing to see here\n', 'plaintext');
    await vscode.env.clipboard.writeText(`  Bearer ${EXPIRED}\n`);
    await vscode.commands.executeCommand('jwt.decode');
    await panelTitleFor('user-5678');
  });

  it('opens one panel and updates it on the next Decode', async () => {
    await vscode.commands.executeCommand('jwt.decode', VALID);
    await panelTitleFor('user-1234');
    await vscode.commands.executeCommand('jwt.decode', EXPIRED);
    await panelTitleFor('user-5678');
    await vscode.commands.executeCommand('jwt.decode', SERVICE);
    await panelTitleFor('service-account-42');
    assert.equal(panelTabs().length, 1);
  });

  it('shows a broken selected token in the panel with its error', async () => {
    const broken = VALID.replace(/\.[^.]+\./, '.not+base64url.');
    const editor = await openText(`${broken}\n`, 'plaintext');
    editor.selection = new vscode.Selection(0, 0, 0, broken.length);
    await vscode.commands.executeCommand('jwt.decode');
    // The header still decodes, so the title names its algorithm.
    await panelTitleFor('HS256');
  });

  it('copies the decoded header and payload as JSON', async () => {
    await vscode.commands.executeCommand('jwt.copyDecoded', VALID);
    const copied = await eventually(
      () => vscode.env.clipboard.readText(),
      (t) => t.includes('user-1234'),
    );
    const json = JSON.parse(copied) as { header: { alg: string }; payload: { sub: string; name: string } };
    assert.equal(json.header.alg, 'HS256');
    assert.equal(json.payload.sub, 'user-1234');
    assert.equal(json.payload.name, 'Ada Lovelace');
  });
});
