import * as vscode from 'vscode';
import { decodePlaintext, decryptToken, innerToken, inspectToken, parsePayload } from '../core';
import { askKeyName, fileLabel, loadKey, pickKeyFile } from '../keys/choice';
import type { HostToPanel, KeyChoice, KeyPurpose, PanelToHost, WriteBack } from '../protocol';
import { LAST_ALG, signWith } from '../signing';
import { verifyWith } from '../verifyWith';
import type { PanelDeps, ShownToken } from './panel';

/**
 * The panel's requests, done on the host side: verify, re-sign, decrypt, write back, save a pasted key,
 * choose a key file, copy. Returns the replies to post. `redisplay` shows a token in the panel.
 */
export async function handlePanelAction(
  deps: PanelDeps,
  shown: ShownToken,
  message: Exclude<PanelToHost, { type: 'ready' }>,
  redisplay: (shown: ShownToken) => void,
): Promise<HostToPanel[]> {
  switch (message.type) {
    case 'copy':
      await vscode.env.clipboard.writeText(message.text);
      vscode.window.setStatusBarMessage(`$(check) Copied ${message.label}`, 3000);
      return [];
    case 'verify':
      return [{ type: 'verified', outcome: await verifyWith(deps.keys, shown.token, message.key, message.expected) }];
    case 'sign':
      return [await resign(deps, message)];
    case 'decrypt':
      return [await decrypt(deps, shown.token, message.key)];
    case 'writeBack':
      return [await writeBack(shown, message.token, redisplay)];
    case 'saveKey':
      return saveKey(deps, message.text);
    case 'chooseKeyFile': {
      const path = await pickKeyFile(KEY_FILE_TITLES[message.purpose]);
      return path ? [{ type: 'keyFile', purpose: message.purpose, path, label: fileLabel(path) }] : [];
    }
  }
}

const KEY_FILE_TITLES: Record<KeyPurpose, string> = { sign: 'Private key to sign with', verify: 'Key to verify with', decrypt: 'Key to decrypt with' };

/** Decrypts the shown JWE; the reply names the key by its label only, never its material. */
async function decrypt(deps: PanelDeps, token: string, choice: KeyChoice): Promise<HostToPanel> {
  try {
    const key = await loadKey(deps.keys, choice);
    const { plaintext, header } = await decryptToken(token, key.material);
    const decoded = decodePlaintext(plaintext, header);
    const inner = innerToken(decoded);
    return { type: 'decrypted', keyLabel: key.label, decoded, ...(inner === undefined ? {} : { inner: inspectToken(inner, {}, 2) }) };
  } catch (error) {
    return { type: 'failed', action: 'decrypt', message: (error as Error).message };
  }
}

async function resign(deps: PanelDeps, { payload, alg, key }: Extract<PanelToHost, { type: 'sign' }>): Promise<HostToPanel> {
  const parsed = parsePayload(payload);
  if (!parsed.ok) {
    const { line, column, reason } = parsed.problem;
    return { type: 'failed', action: 'sign', message: `The payload is not a JSON object: ${reason} at line ${line}, column ${column}` };
  }
  try {
    const signed = await signWith(deps.keys, parsed.claims, alg, key);
    await deps.globalState.update(LAST_ALG, alg);
    return { type: 'signed', ...signed };
  } catch (error) {
    return { type: 'failed', action: 'sign', message: (error as Error).message };
  }
}

/** Whether a token can be written back where it came from: only tokens Decode found in an editor. */
export function writeBackState(shown: ShownToken): WriteBack {
  return shown.location ? { enabled: true, where: placeText(shown.location) } : { enabled: false, reason: noPlace(shown.source) };
}

function noPlace(source: string): string {
  return `This token came from the ${source}, not from an editor, so there is no place to write a new one back to`;
}

function placeText({ uri, range }: vscode.Location): string {
  return `${vscode.workspace.asRelativePath(uri)}:${range.start.line + 1}`;
}

/** Replaces the original token in its document, if it is still there unchanged. */
async function writeBack(shown: ShownToken, token: string, redisplay: (shown: ShownToken) => void): Promise<HostToPanel> {
  if (!shown.location) return { type: 'failed', action: 'writeBack', message: noPlace(shown.source) };
  const { uri, range } = shown.location;
  const where = placeText(shown.location);
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText(range) !== shown.token) {
    return { type: 'failed', action: 'writeBack', message: `The token is no longer at ${where}: the text there changed. Decode it again, then write back.` };
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, range, token);
  if (!(await vscode.workspace.applyEdit(edit))) return { type: 'failed', action: 'writeBack', message: `${where} could not be edited` };
  const end = document.positionAt(document.offsetAt(range.start) + token.length);
  redisplay({ ...shown, token, location: new vscode.Location(uri, new vscode.Range(range.start, end)) });
  return { type: 'notice', message: `Wrote the new token to ${where}` };
}

async function saveKey(deps: PanelDeps, text: string): Promise<HostToPanel[]> {
  const name = await askKeyName(deps.keys, 'Save the key as');
  if (name === undefined) return [];
  try {
    const saved = await deps.keys.save(name, text);
    return [{ type: 'notice', message: `Saved ${saved.description} as key "${saved.name}"` }];
  } catch (error) {
    return [{ type: 'failed', action: 'saveKey', message: (error as Error).message }];
  }
}
