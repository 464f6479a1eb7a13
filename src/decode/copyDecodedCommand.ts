import * as vscode from 'vscode';
import { decodeSdJwt, decodeToken, JwtError } from '../core';
import { findTokenInContext } from './tokenSource';

/**
 * "JWT: Copy Decoded JSON": header and payload of the token in context, as pretty JSON; for an
 * SD-JWT also its claims with the disclosures applied, and each disclosure.
 */
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
    const sdJwt = picked.token.includes('~') ? await decodeSdJwt(picked.token) : undefined;
    const disclosed = sdJwt && {
      claims: sdJwt.claims,
      disclosures: sdJwt.disclosures.map(({ name, value, digest, matched, path }) => ({
        ...(name === undefined ? {} : { name }),
        value,
        digest,
        matched,
        ...(path === undefined ? {} : { path }),
      })),
    };
    await vscode.env.clipboard.writeText(JSON.stringify({ header, payload, ...disclosed }, null, 2));
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Decoded JWT copied to the clipboard'), 3000);
  } catch (e) {
    void vscode.window.showErrorMessage(
      e instanceof JwtError ? e.message : vscode.l10n.t('This token could not be decoded.'),
    );
  }
}
