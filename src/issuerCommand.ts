import * as vscode from 'vscode';
import { IssuerCache, verifyWithIssuer, type IssuerVerifyResult } from './core';
import { askForToken, findTokenInContext } from './tokenSource';

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
    { location: vscode.ProgressLocation.Notification, title: "Fetching the issuer's keys…" },
    () => verifyWithIssuer(picked.token, { cache }),
  );
  if (result.valid) {
    const kid = result.kid === undefined ? '' : ` "${result.kid}"`;
    void vscode.window.showInformationMessage(`Signature verified with ${result.issuer}'s key${kid} (${result.alg}), from ${result.jwksUri}.`);
  } else {
    void vscode.window.showErrorMessage(`Not verified: ${result.error}`);
  }
  return result;
}
