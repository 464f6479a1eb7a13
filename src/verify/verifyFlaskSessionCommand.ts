import * as vscode from 'vscode';
import {
  findSessionCookies,
  flaskSessionAt,
  formatDuration,
  formatRelative,
  verifyFlaskSession,
  type FlaskVerifyResult,
} from '../core';
import { sessionLifetime } from './flaskSessionLifetime';
import { askForFlaskSecretKey, flaskSecretKeyFromArgs, type FlaskSecretKey } from '../keys/flaskSecretKey';
import type { KeyConsent } from '../keys/keyConsent';
import type { KeyStore } from '../keys/keyStore';

/** Arguments that let callers (and tests) verify without prompts. */
export interface FlaskVerifyArgs {
  /** Default: the cookie in the selection, under the cursor or on the clipboard. */
  cookie?: string;
  /** The app's SECRET_KEY as text. */
  secretKey?: string;
  /** A saved shared secret's name, used as the SECRET_KEY. */
  key?: string;
  /** Default: `jwt.flask.sessionLifetime`. */
  maxAgeSeconds?: number;
}

/**
 * "JWT: Verify Flask Session Cookie": the cookie in context → the app's SECRET_KEY → the signature
 * and the age against the session lifetime, shown as a notification. Resolves to the result;
 * undefined when a prompt was cancelled.
 */
export async function verifyFlaskSessionCommand(
  keys: KeyStore,
  consent: KeyConsent,
  rawArg?: unknown,
): Promise<FlaskVerifyResult | undefined> {
  const args: FlaskVerifyArgs =
    typeof rawArg === 'string'
      ? { cookie: rawArg }
      : rawArg && typeof rawArg === 'object' && !(rawArg instanceof vscode.Uri)
        ? (rawArg as FlaskVerifyArgs)
        : {};
  const cookie = (await findCookieInContext(args.cookie)) ?? (await askForCookie());
  if (cookie === undefined) return undefined;
  let secretKey: FlaskSecretKey | undefined;
  try {
    secretKey =
      args.secretKey ??
      (args.key !== undefined
        ? await flaskSecretKeyFromArgs(keys, consent, args.key, 'verify')
        : await askForFlaskSecretKey(keys, {
            title: vscode.l10n.t('Verify with the Flask SECRET_KEY'),
            prompt: vscode.l10n.t('The app’s SECRET_KEY (hidden as you type; used for this check only)'),
          }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(message);
    return { valid: false, error: message, age: NaN };
  }
  if (secretKey === undefined) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('Verification cancelled'), 3000);
    return undefined;
  }
  const lifetime = args.maxAgeSeconds ?? sessionLifetime(vscode.window.activeTextEditor?.document);
  // The lifetime is checked here rather than by the core so that the message can say it in words.
  const signature = await verifyFlaskSession(cookie, secretKey);
  if (!signature.valid) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Flask session cookie invalid: {0}.', String(signature.error)));
    return signature;
  }
  const signedAgo = formatRelative(Date.now() / 1000 - signature.age, new Date());
  if (signature.age > lifetime) {
    const error = vscode.l10n.t(
      'The signature matches, but the session was signed {0}, beyond its {1} lifetime (PERMANENT_SESSION_LIFETIME): Flask rejects it',
      signedAgo,
      formatDuration(lifetime),
    );
    void vscode.window.showErrorMessage(vscode.l10n.t('Flask session cookie expired. {0}.', error));
    return { valid: false, error, age: signature.age };
  }
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Flask session cookie valid · signed {0}, within its {1} lifetime.',
      signedAgo,
      formatDuration(lifetime),
    ),
  );
  return signature;
}

/** The cookie an explicit argument, the selection, the cursor or the clipboard holds. */
async function findCookieInContext(arg: string | undefined): Promise<string | undefined> {
  // An argument that is not a cookie is still checked, so that its error is reported.
  if (arg?.trim()) return findSessionCookies(arg)[0]?.cookie ?? arg.trim();
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const { selection, document } = editor;
    const selected = selection.isEmpty ? undefined : findSessionCookies(document.getText(selection))[0];
    const atCursor =
      selected ?? flaskSessionAt(document.lineAt(selection.active.line).text, selection.active.character);
    if (atCursor) return atCursor.cookie;
  }
  // A browser may refuse clipboard access; that only means there is no cookie there.
  const clipboard = await Promise.resolve(vscode.env.clipboard.readText()).catch(() => '');
  return findSessionCookies(clipboard)[0]?.cookie;
}

async function askForCookie(): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Verify Flask Session Cookie'),
    prompt: vscode.l10n.t('Paste the session cookie (a "session=" prefix is fine)'),
    placeHolder: 'eyJ1c2VyX2lkIjo0Mn0.aVW5AA.…',
    ignoreFocusOut: true,
    validateInput: (input) =>
      findSessionCookies(input).length
        ? undefined
        : vscode.l10n.t('A Flask session cookie is payload.timestamp.signature, with a leading "." when compressed'),
  });
  return value === undefined ? undefined : findSessionCookies(value)[0]?.cookie;
}
