// Inline expiry hints in the real extension host. Decorations cannot be read back through the API, so
// the test runs its own ExpiryHints (the same class the extension registers) beside the
// extension's and reads what it drew; the extension's instance runs through the same events.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DocumentTokens } from '../../src/problems/documentTokens';
import { ExpiryHints } from '../../src/problems/expiryHints';
import { ALG_NONE, EXPIRED, JWE, NO_EXPIRY, VALID } from '../harness/sample-tokens';
import { eventually, openText, useExtension, writeWorkspaceFile } from './util';

const CONTENT = `valid=${VALID}\nexpired: ${EXPIRED}\n\nnone "${ALG_NONE}"\njwe ${JWE} tail\nforever ${NO_EXPIRY}\n`;

describe('inline hints', () => {
  let tokens: DocumentTokens;
  let hints: ExpiryHints;

  useExtension();
  beforeEach(() => {
    tokens = new DocumentTokens();
    hints = new ExpiryHints(tokens);
  });
  afterEach(async () => {
    hints.dispose();
    tokens.dispose();
  });

  const shown = (editor: vscode.TextEditor) =>
    hints.hintsShown(editor).map(({ line, column, hint }) => `${line}:${column} ${hint.tone} ${hint.text}`);

  it('shows when each token expires, or why it has no expiry, after the token (and its closing quote)', async () => {
    const editor = await openText(CONTENT, 'properties');
    const lines = await eventually(
      () => shown(editor),
      (l) => l.length === 5,
    );
    assert.equal(lines.length, 5, `hints: ${lines.join(' | ')}`);
    assert.match(lines[0]!, new RegExp(`^0:${'valid='.length + VALID.length} ok expires in \\d+ y$`));
    assert.match(lines[1]!, new RegExp(`^1:${'expired: '.length + EXPIRED.length} problem expired \\d+ (y|mo) ago$`));
    assert.equal(lines[2], `3:${'none "'.length + ALG_NONE.length + '"'.length} problem unsigned`);
    assert.equal(lines[3], `4:${'jwe '.length + JWE.length} ok encrypted`);
    assert.equal(lines[4], `5:${'forever '.length + NO_EXPIRY.length} ok no expiry`);
  });

  it('follows edits: inserted lines move hints, a deleted token loses its hint, a typed one gains one', async () => {
    const editor = await openText(CONTENT, 'plaintext');
    await eventually(
      () => shown(editor),
      (l) => l.length === 5,
    );
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'one\ntwo\n'));
    assert.deepEqual(
      hints.hintsShown(editor).map((h) => h.line),
      [2, 3, 5, 6, 7],
    );
    await editor.edit((e) => e.delete(new vscode.Range(3, 0, 4, 0)));
    assert.deepEqual(
      hints
        .hintsShown(editor)
        .map((h) => [h.line, h.hint.text])
        .slice(1),
      [
        [4, 'unsigned'],
        [5, 'encrypted'],
        [6, 'no expiry'],
      ],
    );
    assert.equal(hints.hintsShown(editor)[0]!.line, 2);
    await editor.edit((e) => e.insert(new vscode.Position(0, 3), ` ${EXPIRED}`));
    assert.match(shown(editor)[0]!, new RegExp(`^0:${4 + EXPIRED.length} problem expired \\d+ (y|mo) ago$`));
  });

  it('turns off with jwt.hints.enabled and back on', async () => {
    const editor = await openText(CONTENT, 'plaintext');
    await eventually(
      () => shown(editor),
      (l) => l.length === 5,
    );
    const config = vscode.workspace.getConfiguration('jwt.hints');
    await config.update('enabled', false, vscode.ConfigurationTarget.Global);
    try {
      assert.deepEqual(
        await eventually(
          () => shown(editor),
          (l) => l.length === 0,
        ),
        [],
      );
    } finally {
      await config.update('enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(
      (
        await eventually(
          () => shown(editor),
          (l) => l.length === 5,
        )
      ).length,
      5,
    );
  });

  it('turns off for one language with a language-specific jwt.hints.enabled', async () => {
    const markdownConfig = vscode.workspace.getConfiguration('jwt.hints', { languageId: 'markdown' });
    await markdownConfig.update('enabled', false, vscode.ConfigurationTarget.Global, true);
    try {
      const markdown = await openText(CONTENT, 'markdown');
      const plain = await vscode.window.showTextDocument(
        await vscode.workspace.openTextDocument(await writeWorkspaceFile(CONTENT, 'plain.txt')),
        vscode.ViewColumn.Beside,
      );
      // A change of visible editors redraws them all: once the plain text has its hints, the Markdown
      // has been drawn too, without any.
      await eventually(
        () => shown(plain),
        (l) => l.length === 5,
      );
      assert.deepEqual(shown(markdown), []);
      await markdownConfig.update('enabled', undefined, vscode.ConfigurationTarget.Global, true);
      await eventually(
        () => shown(markdown),
        (l) => l.length === 5,
      );
    } finally {
      await markdownConfig.update('enabled', undefined, vscode.ConfigurationTarget.Global, true);
    }
  });

  it('hints only the visible part of a long document, and the rest as it scrolls into view', async () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `line ${i}`);
    filler[5] = `top ${EXPIRED}`;
    filler[2900] = `bottom ${VALID}`;
    const editor = await openText(filler.join('\n'), 'log');
    await eventually(
      () => shown(editor),
      (l) => l.length === 1,
    );
    assert.deepEqual(
      hints.hintsShown(editor).map((h) => h.line),
      [5],
    );
    editor.revealRange(new vscode.Range(2900, 0, 2900, 0), vscode.TextEditorRevealType.InCenter);
    const lines = await eventually(
      () => hints.hintsShown(editor).map((h) => h.line),
      (l) => l.includes(2900),
    );
    assert.deepEqual(lines, [2900]);
  });
});
