// First smoke suite inside a real extension host: the extension activates, contributes its commands,
// and its hover provider decodes a token in a file of the samples workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { VALID } from '../harness/sample-tokens';
import { EXTENSION_ID, eventually, hoverText } from './util';

describe('smoke', () => {
  let extension: vscode.Extension<unknown>;

  before(async function () {
    this.timeout(60000);
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not loaded`);
    extension = found;
    await extension.activate();
  });

  it('activates', () => {
    assert.equal(extension.isActive, true);
  });

  it('registers every command it contributes, JWT: Decode among them', async () => {
    const commands = await vscode.commands.getCommands(true);
    const manifest = extension.packageJSON as {
      contributes?: { commands?: Array<{ command: string; title: string; category?: string }> };
    };
    const contributed = manifest.contributes?.commands?.map((c) => c.command) ?? [];
    assert.deepEqual(
      contributed.filter((id) => !commands.includes(id)),
      [],
      'contributed but not registered',
    );
    const decode = manifest.contributes?.commands?.find((c) => c.command === 'jwt.decode');
    assert.ok(decode, 'jwt.decode is not in contributes.commands');
    assert.equal(`${decode.category}: ${decode.title}`, 'JWT: Decode');
  });

  it('hovering a token in a .env file shows its claims', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open (expected the samples)');
    const uri = vscode.Uri.joinPath(folder.uri, '.env');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const offset = document.getText().indexOf(VALID);
    assert.ok(offset >= 0, 'the sample token is not in samples/.env');
    const position = document.positionAt(offset + 40);

    const text = await eventually(
      () => hoverText(uri, position),
      (t) => t.includes('Ada Lovelace'),
    );
    assert.ok(text.includes('Ada Lovelace'), `hover lacks the name claim:\n${text}`);
    assert.ok(text.includes('user-1234'), `hover lacks the sub claim:\n${text}`);
  });

  it('gives no JWT hover away from a token', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'plaintext',
      content: 'no tokens here, just text\n',
    });
    const text = await hoverText(document.uri, new vscode.Position(0, 5));
    assert.ok(!/Ada Lovelace|"alg"/.test(text), `unexpected hover:\n${text}`);
  });
});
