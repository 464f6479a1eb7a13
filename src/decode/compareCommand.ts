import * as vscode from 'vscode';
import { findTokens } from '../core';
import { DECODED_SCHEME } from '../contributions';
import { cleanTokenText, validateToken } from './tokenSource';

/**
 * "JWT: Compare Tokens": two tokens' decoded header and payload side by side in the diff editor.
 * Tokens come from the arguments, else the selection (its first two), then the clipboard, then
 * input boxes for whatever is still missing.
 */
export async function compareCommand(a?: unknown, b?: unknown): Promise<void> {
  let tokens = [a, b].filter((t): t is string => typeof t === 'string' && t.trim() !== '').map(cleanTokenText);
  if (tokens.length < 2) tokens = [...new Set([...tokens, ...(await tokensInContext())])].slice(0, 2);
  for (let i = tokens.length; i < 2; i++) {
    const token = await vscode.window.showInputBox({
      title: vscode.l10n.t('Compare Tokens ({0} of 2)', i + 1),
      prompt: i === 0 ? vscode.l10n.t('Paste token A') : vscode.l10n.t('Paste token B'),
      placeHolder: 'eyJhbGciOi…',
      ignoreFocusOut: true,
      validateInput: (input) => validateToken(cleanTokenText(input)),
    });
    if (token === undefined) return;
    tokens.push(cleanTokenText(token));
  }
  const [left, right] = ['A', 'B'].map((name, i) =>
    vscode.Uri.from({ scheme: DECODED_SCHEME, path: `/Token ${name}.json`, query: tokens[i] }),
  );
  await vscode.commands.executeCommand('vscode.diff', left, right, vscode.l10n.t('Token A ↔ Token B'), {
    preview: false,
  });
}

/** The tokens in the selection, then those on the clipboard. */
async function tokensInContext(): Promise<string[]> {
  const editor = vscode.window.activeTextEditor;
  const selected =
    editor && !editor.selection.isEmpty
      ? findTokens(editor.document.getText(editor.selection)).map((m) => m.token)
      : [];
  const clipboard = await Promise.resolve(vscode.env.clipboard.readText()).catch(() => '');
  const copied = findTokens(clipboard).map((m) => m.token);
  return [...selected, ...copied];
}
