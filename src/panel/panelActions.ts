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
    case 'verify':
      return [
        { type: 'verified', outcome: await verifyWithKey(deps.keys, shown.token, message.key, message.expected) },
      ];
    case 'sign':
      return [await resign(deps, message)];
    case 'decrypt':
      return [await decrypt(deps, shown.token, message.key)];
    case 'writeBack':
      return [await writeBack(shown, message.token, redisplay)];
    case 'saveKey':
      return saveKey(deps, message.text);
    case 'chooseKeyFile': {
      const path = await pickKeyFile(keyFileTitle(message.purpose));
      return path ? [{ type: 'keyFile', purpose: message.purpose, path, label: fileLabel(path) }] : [];
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
    };
  } catch (error) {
    return { type: 'failed', action: 'decrypt', message: (error as Error).message };
  }
}

async function resign(
  deps: PanelDeps,
  { payload, alg, key }: Extract<PanelToHost, { type: 'sign' }>,
): Promise<HostToPanel> {
  const parsed = parsePayload(payload);
  if (!parsed.ok) {
    const { line, column, reason } = parsed.problem;
    return {
      type: 'failed',
      action: 'sign',
      message: vscode.l10n.t('The payload is not a JSON object: {0} at line {1}, column {2}', reason, line, column),
    };
  }
  try {
    const signed = await signWithKey(deps.keys, parsed.claims, alg, key);
    await deps.globalState.update(LAST_ALG, alg);
    return { type: 'signed', ...signed };
  } catch (error) {
    return { type: 'failed', action: 'sign', message: (error as Error).message };
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

/** Replaces the original token in its document, if it is still there unchanged. */
async function writeBack(
  shown: ShownToken,
  token: string,
  redisplay: (shown: ShownToken) => void,
): Promise<HostToPanel> {
  if (!shown.location) return { type: 'failed', action: 'writeBack', message: noPlace(shown.source) };
  const { uri, range } = shown.location;
  const where = placeText(shown.location);
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText(range) !== shown.token) {
    return {
      type: 'failed',
      action: 'writeBack',
      message: vscode.l10n.t(
        'The token is no longer at {0}: the text there changed. Decode it again, then write back.',
        where,
      ),
    };
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, range, token);
  if (!(await vscode.workspace.applyEdit(edit)))
    return { type: 'failed', action: 'writeBack', message: vscode.l10n.t('{0} could not be edited', where) };
  const end = document.positionAt(document.offsetAt(range.start) + token.length);
  redisplay({ ...shown, token, location: new vscode.Location(uri, new vscode.Range(range.start, end)) });
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
