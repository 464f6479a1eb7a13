import * as vscode from 'vscode';
import { decodePlaintext, decryptToken, innerToken, inspectToken, parsePayload } from '../core';
import { askKeyName, fileLabel, loadKey, pickKeyFile } from '../keys/keyChoice';
import type { HostToPanel, KeyChoice, KeyPurpose, PanelToHost, TokenOrigin, WriteBack } from '../protocol';
import { LAST_ALG, signWithKey } from '../sign/signWithKey';
import { verifyWithKey } from '../verify/verifyWithKey';
import type { PanelDeps, ShownToken } from './panelDeps';

/**
 * The panel's requests, done on the host side: verify, re-sign, decrypt, write back, save a pasted key,
 * choose a key file, copy. Returns the replies to post. `redisplay` shows a token in the panel.
 */
export async function handlePanelAction(
  deps: PanelDeps,
  shown: ShownToken,
  message: Exclude<PanelToHost, { type: 'ready' | 'decode' }>,
  redisplay: (shown: ShownToken) => void,
): Promise<HostToPanel[]> {
  switch (message.type) {
    case 'copy':
      await vscode.env.clipboard.writeText(message.text);
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied {0}', message.label), 3000);
      return [];
    case 'verify': {
      const outcome = await verifyWithKey(deps.keys, message.about, message.key, message.expected);
      return [{ type: 'verified', outcome, about: message.about }];
    }
    case 'sign':
      return [await resign(deps, message)];
    case 'decrypt':
      return [await decrypt(deps, message.about, message.key)];
    case 'writeBack':
      return [await writeBack(shown, message.newToken, redisplay)];
    case 'saveKey':
      return saveKey(deps, message.text);
    case 'chooseKeyFile': {
      const path = await pickKeyFile(keyFileTitle(message.purpose));
      const { purpose, about } = message;
      return path ? [{ type: 'keyFile', purpose, path, label: fileLabel(path), about }] : [];
    }
  }
}

/** The title of the file dialog for a key of `purpose`. */
function keyFileTitle(purpose: KeyPurpose): string {
  switch (purpose) {
    case 'sign':
      return vscode.l10n.t('Private key to sign with');
    case 'verify':
      return vscode.l10n.t('Key to verify with');
    case 'decrypt':
      return vscode.l10n.t('Key to decrypt with');
  }
}

/** Decrypts the shown JWE; the reply names the key by its label only, never its material. */
async function decrypt(deps: PanelDeps, token: string, choice: KeyChoice): Promise<HostToPanel> {
  try {
    const key = await loadKey(deps.keys, choice);
    const { plaintext, header } = await decryptToken(token, key.material);
    const decoded = decodePlaintext(plaintext, header);
    const inner = innerToken(decoded);
    return {
      type: 'decrypted',
      keyLabel: key.label,
      decoded,
      ...(inner === undefined ? {} : { inner: inspectToken(inner, {}, 2) }),
      about: token,
    };
  } catch (error) {
    return { type: 'failed', action: 'decrypt', message: (error as Error).message, about: token };
  }
}

async function resign(
  deps: PanelDeps,
  { payload, alg, key, about }: Extract<PanelToHost, { type: 'sign' }>,
): Promise<HostToPanel> {
  const parsed = parsePayload(payload);
  if (!parsed.ok) {
    const { line, column, reason } = parsed.problem;
    return {
      type: 'failed',
      action: 'sign',
      message: vscode.l10n.t('The payload is not a JSON object: {0} at line {1}, column {2}', reason, line, column),
      about,
    };
  }
  try {
    const signed = await signWithKey(deps.keys, parsed.claims, alg, key);
    await deps.globalState.update(LAST_ALG, alg);
    return { type: 'signed', ...signed, about };
  } catch (error) {
    return { type: 'failed', action: 'sign', message: (error as Error).message, about };
  }
}

/** Whether a token can be written back where it came from: only tokens Decode found in an editor. */
export function writeBackState(shown: ShownToken): WriteBack {
  return shown.location
    ? { enabled: true, where: placeText(shown.location) }
    : { enabled: false, reason: noPlace(shown.source) };
}

/** Why a token cannot be written back: Decode did not find it at a place in an editor. */
function noPlace(source: TokenOrigin): string {
  switch (source) {
    case 'clipboard':
      return vscode.l10n.t(
        'This token came from the clipboard, not from an editor, so there is no place to write a new one back to',
      );
    case 'input':
      return vscode.l10n.t(
        'This token was typed in, not found in an editor, so there is no place to write a new one back to',
      );
    case 'argument':
      return vscode.l10n.t(
        'This token was passed to the command, not found in an editor, so there is no place to write a new one back to',
      );
    case 'terminal':
      return vscode.l10n.t(
        'This token came from a terminal, not from an editor, so there is no place to write a new one back to',
      );
    case 'debugger':
      return vscode.l10n.t(
        'This token came from the debugger, not from an editor, so there is no place to write a new one back to',
      );
    case 'restored':
      return vscode.l10n.t(
        'The panel was restored after a reload and no longer knows where this token was in the editor, so there is no place to write a new one back to',
      );
    case 'selection':
    case 'cursor':
      // A selection that is not a well-formed token: shown, but not found at a place.
      return vscode.l10n.t(
        'Decode did not find this token at a place in an editor, so there is no place to write a new one back to',
      );
  }
}

function placeText({ uri, range }: vscode.Location): string {
  return `${vscode.workspace.asRelativePath(uri)}:${range.start.line + 1}`;
}

/**
 * Replaces the original token in its document, only if the document is as it was when the token was
 * found there (same version) and the token is still at its place: never over other text.
 */
async function writeBack(
  shown: ShownToken,
  token: string,
  redisplay: (shown: ShownToken) => void,
): Promise<HostToPanel> {
  const about = shown.token;
  if (!shown.location) return { type: 'failed', action: 'writeBack', message: noPlace(shown.source), about };
  const { uri, range } = shown.location;
  const where = placeText(shown.location);
  const document = await vscode.workspace.openTextDocument(uri);
  if (shown.documentVersion !== undefined && document.version !== shown.documentVersion) {
    return {
      type: 'failed',
      action: 'writeBack',
      message: vscode.l10n.t(
        '{0} was edited after the token was decoded, so nothing was written. Decode it again, then write back.',
        where,
      ),
      about,
    };
  }
  if (document.getText(range) !== shown.token) {
    return {
      type: 'failed',
      action: 'writeBack',
      message: vscode.l10n.t(
        'The token is no longer at {0}: the text there changed. Decode it again, then write back.',
        where,
      ),
      about,
    };
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, range, token);
  if (!(await vscode.workspace.applyEdit(edit)))
    return { type: 'failed', action: 'writeBack', message: vscode.l10n.t('{0} could not be edited', where), about };
  const end = document.positionAt(document.offsetAt(range.start) + token.length);
  const location = new vscode.Location(uri, new vscode.Range(range.start, end));
  redisplay({ ...shown, token, location, documentVersion: document.version });
  return { type: 'notice', message: vscode.l10n.t('Wrote the new token to {0}', where) };
}

async function saveKey(deps: PanelDeps, text: string): Promise<HostToPanel[]> {
  const name = await askKeyName(deps.keys, vscode.l10n.t('Save the key as'));
  if (name === undefined) return [];
  try {
    const saved = await deps.keys.save(name, text);
    return [{ type: 'notice', message: vscode.l10n.t('Saved {0} as key "{1}"', saved.description, saved.name) }];
  } catch (error) {
    return [{ type: 'failed', action: 'saveKey', message: (error as Error).message }];
  }
}
