import * as vscode from 'vscode';
import { inspectToken, type ExpectedClaims } from '../core';
import { askKeyName, keyChoiceFromArgs } from '../keys/keyChoice';
import { pickVerificationKey } from '../keys/pickKey';
import type { KeyStore } from '../keys/keyStore';
import type { PanelDeps } from '../panel/panelDeps';
import { TokenPanel } from '../panel/tokenPanel';
import type { KeyChoice, VerifyOutcome } from '../protocol';
import { askForToken, findTokenInContext, type PickedToken } from '../decode/tokenSource';
import { keyBindingText, verdictText, verifyWithKey } from './verifyWithKey';

/** Arguments that let callers (and tests) verify without prompts. */
export interface VerifyArgs {
  /** Default: the token in the selection, under the cursor or on the clipboard. */
  token?: string;
  /** A saved key's name. */
  key?: string;
  /** Key text: a secret, PEM, certificate, JWK or JWKS. */
  secret?: string;
  /** A key file: a path (absolute or relative to the workspace folder) or a URI. */
  keyFile?: string;
  expected?: ExpectedClaims;
}

/**
 * "JWT: Verify Signature": the token in context (as Decode finds it) → a key → the result shown in
 * the panel and as a notification. Resolves to the outcome; undefined when a prompt was cancelled.
 */
export async function verifyCommand(deps: PanelDeps, rawArg?: unknown): Promise<VerifyOutcome | undefined> {
  const args: VerifyArgs =
    typeof rawArg === 'string'
      ? { token: rawArg }
      : rawArg && typeof rawArg === 'object' && !(rawArg instanceof vscode.Uri)
        ? (rawArg as VerifyArgs)
        : {};
  const picked: PickedToken | undefined = (await findTokenInContext(args.token)) ?? (await askForToken());
  if (!picked) return undefined;
  const decoded = inspectToken(picked.token).decoded;
  // No key can verify a token that is not a signed JWS: say why at once instead of asking for one.
  const signed = decoded?.kind === 'jws';
  const alg = typeof decoded?.header.alg === 'string' ? decoded.header.alg : '';
  let choice: KeyChoice | undefined;
  try {
    choice =
      (await keyChoiceFromArgs(args, deps.consent, 'verify')) ??
      (signed ? await pickVerificationKey(deps.keys, alg, decoded.header.kid) : undefined);
  } catch (error) {
    void vscode.window.showErrorMessage((error as Error).message);
    return undefined;
  }
  if (!choice && signed) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('Verification cancelled'), 3000);
    return undefined;
  }
  const outcome = await verifyWithKey(deps.keys, picked.token, choice, args.expected);
  TokenPanel.show(deps, picked).showVerification(picked.token, outcome);
  void notify(deps.keys, outcome, choice);
  return outcome;
}

/** The verdict as a notification; a pasted key can be saved from it, by the user's choice only. */
async function notify(store: KeyStore, outcome: VerifyOutcome, choice: KeyChoice | undefined): Promise<void> {
  // An SD-JWT+KB's key-binding JWT has its own verdict, after the issuer's signature's.
  const kb = outcome.keyBinding;
  const text = kb ? `${verdictText(outcome)} · ${keyBindingText(kb)}` : verdictText(outcome);
  const save = choice?.kind === 'text' && outcome.verdict === 'valid' ? [vscode.l10n.t('Save Key As…')] : [];
  const answer =
    outcome.verdict === 'valid' && kb?.valid !== false
      ? await vscode.window.showInformationMessage(text, ...save)
      : await vscode.window.showErrorMessage(text, ...save);
  if (answer === undefined || choice?.kind !== 'text') return;
  const name = await askKeyName(store, vscode.l10n.t('Save the key as'));
  if (name === undefined) return;
  try {
    const saved = await store.save(name, choice.text);
    vscode.window.setStatusBarMessage(
      vscode.l10n.t('$(check) Saved {0} as key "{1}"', saved.description, saved.name),
      4000,
    );
  } catch (error) {
    void vscode.window.showErrorMessage((error as Error).message);
  }
}
