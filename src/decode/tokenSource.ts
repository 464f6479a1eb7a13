import * as vscode from 'vscode';
import { findTokens, tokenAt, decodeToken, JwtError } from '../core';
import type { TokenOrigin } from '../protocol';

/** A token the user pointed at, and where it came from (shown in the panel). */
export interface PickedToken {
  token: string;
  source: Exclude<TokenOrigin, 'restored'>;
  /** Where the token sits in an editor, when it came from one (the panel can write a new one back there). */
  location?: vscode.Location;
  /** The document's version when the token was found there. */
  documentVersion?: number;
}

/** Strips what people select or paste around a token: a "Bearer " prefix, quotes, whitespace. */
export function cleanTokenText(text: string): string {
  let t = text
    .trim()
    .replace(/^(?:authorization\s*:\s*)?bearer\s+/i, '')
    .trim();
  while (t.length >= 2 && /^["'`]/.test(t) && t.endsWith(t[0])) t = t.slice(1, -1).trim();
  return t;
}

/**
 * The token a command should act on: an explicit argument, else the selection if it holds one,
 * else the token under the cursor, else one on the clipboard. Undefined when there is none;
 * the caller decides whether to ask.
 */
export async function findTokenInContext(arg: unknown): Promise<PickedToken | undefined> {
  if (typeof arg === 'string' && arg.trim()) return { token: cleanTokenText(arg), source: 'argument' };
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const { selection, document } = editor;
    if (!selection.isEmpty) {
      const text = document.getText(selection);
      const cleaned = cleanTokenText(text);
      const found = findTokens(cleaned)[0] ?? findTokens(text)[0];
      if (found)
        return {
          token: found.token,
          source: 'selection',
          ...locate(document, document.offsetAt(selection.start) + text.indexOf(found.token), found.token),
        };
      // A selection that is one broken token still deserves its error message in the panel.
      if (looksLikeAttemptedToken(cleaned)) return { token: cleaned, source: 'selection' };
    }
    const line = document.lineAt(selection.active.line).text;
    const atCursor = tokenAt(line, selection.active.character);
    if (atCursor)
      return {
        token: atCursor.token,
        source: 'cursor',
        ...locate(
          document,
          document.offsetAt(new vscode.Position(selection.active.line, atCursor.start)),
          atCursor.token,
        ),
      };
  }
  // A browser may refuse clipboard access; that only means there is no token there.
  const clipboard = await Promise.resolve(vscode.env.clipboard.readText()).catch(() => '');
  const onClipboard = findTokens(cleanTokenText(clipboard))[0] ?? findTokens(clipboard)[0];
  if (onClipboard) return { token: onClipboard.token, source: 'clipboard' };
  return undefined;
}

/** Asks for a token, explaining as the user types what is wrong with it. */
export async function askForToken(): Promise<PickedToken | undefined> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Decode JWT'),
    prompt: vscode.l10n.t('Paste a JSON Web Token (a leading "Bearer " is fine)'),
    placeHolder: 'eyJhbGciOi…',
    ignoreFocusOut: true,
    validateInput: (input) => validateToken(cleanTokenText(input)),
  });
  return value === undefined ? undefined : { token: cleanTokenText(value), source: 'input' };
}

/** undefined when `token` decodes, else what is wrong with it in a sentence. */
export function validateToken(token: string): string | undefined {
  if (!token)
    return vscode.l10n.t('Paste a token: three base64url parts separated by dots (header.payload.signature).');
  try {
    decodeToken(token);
    return undefined;
  } catch (e) {
    return e instanceof JwtError ? e.message : vscode.l10n.t('This is not a token.');
  }
}

/** Where a token sits, and the document's version then (a later write-back needs the document unchanged). */
function locate(
  document: vscode.TextDocument,
  offset: number,
  token: string,
): Required<Pick<PickedToken, 'location' | 'documentVersion'>> {
  const range = new vscode.Range(document.positionAt(offset), document.positionAt(offset + token.length));
  return { location: new vscode.Location(document.uri, range), documentVersion: document.version };
}

/** One run of base64url and dots with at least one dot: a token, perhaps a damaged one. */
function looksLikeAttemptedToken(text: string): boolean {
  return text.length > 10 && /^[A-Za-z0-9_\-=+/]+(\.[A-Za-z0-9_\-=+/]*)+$/.test(text);
}
