import * as vscode from 'vscode';
import { decodeToken, JwtError } from '../core';
import { findTokenInContext } from './tokenSource';

/** "JWT: Copy Decoded JSON": header and payload of the token in context, as pretty JSON. */
export async function copyDecodedCommand(arg?: unknown): Promise<void> {
  const picked = await findTokenInContext(arg);
  if (!picked) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('No JWT found in the selection, under the cursor or on the clipboard.'),
    );
    return;
  }
  try {
    const { header, payload } = decodeToken(picked.token);
    await vscode.env.clipboard.writeText(JSON.stringify({ header, payload }, null, 2));
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Decoded JWT copied to the clipboard'), 3000);
  } catch (e) {
    void vscode.window.showErrorMessage(
      e instanceof JwtError ? e.message : vscode.l10n.t('This token could not be decoded.'),
    );
  }
}
