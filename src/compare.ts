import * as vscode from 'vscode';
import { findTokens, inspectToken } from './core';
import { DECODED_SCHEME } from './contributions';
import { cleanTokenText, validateToken } from './tokenSource';

/** Serves `jwt-decoded:/Token A.json?<token>`: the token's header and payload as JSON with sorted keys. */
export class DecodedTokenDocuments implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    return decodedText(uri.query);
  }
}

/** Header and payload, keys sorted at every level so a diff lines up claim by claim. */
export function decodedText(token: string): string {
  const { decoded, header, error } = inspectToken(token);
  const value = decoded
    ? { header: decoded.header, ...(decoded.payload === undefined ? { payload: vscode.l10n.t('(encrypted: the claims need the decryption key)') } : { payload: decoded.payload }) }
    : { error: error?.message, ...(header ? { header } : {}) };
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
}

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
  const [left, right] = ['A', 'B'].map((name, i) => vscode.Uri.from({ scheme: DECODED_SCHEME, path: `/Token ${name}.json`, query: tokens[i] }));
  await vscode.commands.executeCommand('vscode.diff', left, right, vscode.l10n.t('Token A ↔ Token B'), { preview: false });
}

/** The tokens in the selection, then those on the clipboard. */
async function tokensInContext(): Promise<string[]> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? findTokens(editor.document.getText(editor.selection)).map((m) => m.token) : [];
  const clipboard = await Promise.resolve(vscode.env.clipboard.readText()).catch(() => '');
  const copied = findTokens(clipboard).map((m) => m.token);
  return [...selected, ...copied];
}
