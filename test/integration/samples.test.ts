// JWT: Open Sample Tokens, the walkthrough's first step: tokens made when the command runs, that the
// core finds and decodes as the walkthrough describes them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { decodeToken, findTokens, verifyToken } from '../../src/core';
import { activateExtension, closeAllEditors } from './util';

describe('Sample tokens (walkthrough)', () => {
  before(async function () {
    this.timeout(60000);
    await activateExtension();
  });
  after(async () => {
    // The untitled document is dirty: revert it so closing it does not ask to save.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closeAllEditors();
  });

  it('opens a Markdown document with a valid, an expired and an unsigned token', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('jwt.openSamples');
    assert.equal(document.languageId, 'markdown');
    assert.equal(vscode.window.activeTextEditor?.document, document);
    const decoded = findTokens(document.getText()).map((match) => decodeToken(match.token));
    assert.deepEqual(
      decoded.map((token) => [token.kind, token.status]),
      [
        ['jws', 'valid'],
        ['jws', 'expired'],
        ['unsecured', 'no-expiry'],
      ],
    );
    const [valid] = findTokens(document.getText());
    assert.equal(
      (await verifyToken(valid!.token, 'walkthrough-demo-secret')).valid,
      true,
      'signed with the secret the document names',
    );
  });
});
