import * as vscode from 'vscode';
import { decodeSdJwt, inspectToken } from '../core';

/**
 * Serves `jwt-decoded:/Token A.json?<token>`: the token's header and payload as JSON with sorted
 * keys; an SD-JWT's also its claims with the disclosures applied, so a diff shows what each discloses.
 */
export class DecodedTokenDocuments implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    return decodedText(uri.query);
  }
}

/** Header and payload, keys sorted at every level so a diff lines up claim by claim. */
async function decodedText(token: string): Promise<string> {
  const { decoded, header, error } = inspectToken(token);
  const sdJwt = decoded && token.includes('~') ? await decodeSdJwt(token).catch(() => undefined) : undefined;
  const value = decoded
    ? {
        header: decoded.header,
        ...(decoded.payload === undefined
          ? { payload: vscode.l10n.t('(encrypted: the claims need the decryption key)') }
          : { payload: decoded.payload }),
        ...(sdJwt ? { claims: sdJwt.claims } : {}),
      }
    : { error: error?.message, ...(header ? { header } : {}) };
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
