import * as vscode from 'vscode';
import { sharedSecretBytes } from '../core';
import { askKeyText } from './keyChoice';
import type { KeyConsent, KeyUse } from './keyConsent';
import type { KeyStore } from './keyStore';

/** A Flask SECRET_KEY: text typed in, or a saved shared secret's bytes. */
export type FlaskSecretKey = string | Uint8Array;

/** The words of the question: checking a cookie, or signing one. */
export interface FlaskKeyPrompt {
  /** The quick pick's title, e.g. "Verify with the Flask SECRET_KEY". */
  title: string;
  /** The input box's prompt, saying what the key is used for. */
  prompt: string;
}

/** A saved shared secret or a typed SECRET_KEY; asks straight for the text when none is saved. Undefined when cancelled. */
export async function askForFlaskSecretKey(keys: KeyStore, words: FlaskKeyPrompt): Promise<FlaskSecretKey | undefined> {
  const askText = () => askKeyText(vscode.l10n.t('Flask SECRET_KEY'), words.prompt);
  const saved = keys.list().filter((entry) => entry.type === 'secret');
  if (!saved.length) return askText();
  const items: (vscode.QuickPickItem & { name?: string })[] = [
    ...saved.map((entry) => ({ label: `$(key) ${entry.name}`, description: entry.description, name: entry.name })),
    { label: vscode.l10n.t('$(lock) Type the SECRET_KEY…') },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: words.title,
    placeHolder: vscode.l10n.t('Choose a saved secret'),
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  return picked.name === undefined ? askText() : savedFlaskSecretKey(keys, picked.name);
}

/** A saved key named by a command's arguments, once the user allows that use of it (KeyConsent). */
export async function flaskSecretKeyFromArgs(
  keys: KeyStore,
  consent: KeyConsent,
  name: string,
  use: KeyUse,
): Promise<FlaskSecretKey> {
  await consent.require(name, use);
  return savedFlaskSecretKey(keys, name);
}

/**
 * A saved shared secret's bytes, the SECRET_KEY it was made from (the store keeps it as an oct JWK).
 * @throws {Error} naming the key (never its content) when it is not a shared secret
 */
async function savedFlaskSecretKey(keys: KeyStore, name: string): Promise<Uint8Array> {
  const secret = sharedSecretBytes(await keys.material(name));
  if (!secret)
    throw new Error(
      vscode.l10n.t('The saved key "{0}" is not a shared secret, so it cannot be a Flask SECRET_KEY', name),
    );
  return secret;
}
