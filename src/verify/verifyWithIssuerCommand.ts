import * as vscode from 'vscode';
import { IssuerCache, verifyWithIssuer, type IssuerVerifyResult } from '../core';
import { askForToken, findTokenInContext } from '../decode/tokenSource';

/** Discovery documents and key sets fetched in this session, reused until the window reloads. */
const cache = new IssuerCache();

/**
 * "JWT: Verify with Issuer's Keys": the one command that goes on the network, and only to the
 * token's own issuer. Shows the outcome and returns it (undefined when no token was given).
 */
export async function verifyWithIssuerCommand(arg?: unknown): Promise<IssuerVerifyResult | undefined> {
  const picked = (await findTokenInContext(arg)) ?? (await askForToken());
  if (!picked) return undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Fetching the issuer's keys…") },
    () => verifyWithIssuer(picked.token, { cache }),
  );
  if (result.valid) {
    // A look-alike (non-ASCII) issuer also shows the host actually contacted, in punycode.
    const named = String(result.issuer);
    const issuer = result.host && !named.includes(result.host) ? `${named} (${result.host})` : named;
    const [alg, jwksUri] = [String(result.alg), String(result.jwksUri)];
    void vscode.window.showInformationMessage(
      result.kid === undefined
        ? vscode.l10n.t("Signature verified with {0}'s key ({1}), from {2}.", issuer, alg, jwksUri)
        : vscode.l10n.t('Signature verified with {0}\'s key "{1}" ({2}), from {3}.', issuer, result.kid, alg, jwksUri),
    );
  } else {
    void vscode.window.showErrorMessage(vscode.l10n.t('Not verified: {0}', String(result.error)));
  }
  return result;
}
