import * as vscode from 'vscode';
import { classifyKeyText, type KeyType } from '../core';
import type { KeyChoice } from '../protocol';
import type { KeyConsent, KeyUse } from './keyConsent';
import type { KeyStore } from './keyStore';

/** A key ready to use: its material (never to be shown), how messages name it, and what the user said it is. */
export interface LoadedKey {
  material: string;
  label: string;
  keyType?: KeyType;
}

/**
 * The key a command's arguments name: `key` (a saved key's name), `secret` (key text) or `keyFile` (a
 * path). A saved key only once the user allows that use of it: arguments can come from any extension.
 * @throws {Error} a sentence when the user does not allow it
 */
export async function keyChoiceFromArgs(
  args: { key?: unknown; secret?: unknown; keyFile?: unknown },
  consent: KeyConsent,
  use: KeyUse,
): Promise<KeyChoice | undefined> {
  if (typeof args.key === 'string') {
    await consent.require(args.key, use);
    return { kind: 'saved', name: args.key };
  }
  if (typeof args.secret === 'string') return { kind: 'text', text: args.secret };
  if (typeof args.keyFile === 'string') return { kind: 'file', path: args.keyFile };
  return undefined;
}

/**
 * The material of a chosen key.
 * @throws {Error} with a sentence naming the key (never its content) when it cannot be had
 */
export async function loadKey(store: KeyStore, choice: KeyChoice): Promise<LoadedKey> {
  switch (choice.kind) {
    case 'saved':
      return { material: await store.material(choice.name), label: vscode.l10n.t('key "{0}"', choice.name) };
    case 'text':
      if (!choice.text) throw new Error(vscode.l10n.t('The key is empty: type or paste a secret, PEM, JWK or JWKS'));
      return {
        material: choice.text,
        label: vscode.l10n.t('the entered key'),
        ...(choice.keyType ? { keyType: choice.keyType } : {}),
      };
    case 'file':
      return { material: await readKeyFile(choice.path), label: fileLabel(choice.path) };
  }
}

/** How messages name a key file: relative to the workspace when inside it. */
export function fileLabel(path: string): string {
  return vscode.l10n.t('key file {0}', filePath(path));
}

/** A key file's path as messages show it: relative to the workspace when inside it. */
function filePath(path: string): string {
  return vscode.workspace.asRelativePath(keyFileUri(path));
}

/**
 * A key file's URI from a URI string or a path (absolute, or relative to the workspace). Paths take
 * the workspace's scheme, so they work in a remote or web window too, not only on a local disk.
 */
function keyFileUri(path: string): vscode.Uri {
  if (/^[a-z][\w+.-]*:\/\//i.test(path)) return vscode.Uri.parse(path);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) return vscode.Uri.file(path);
  return /^([\\/]|[a-z]:[\\/])/i.test(path)
    ? folder.with({ path: vscode.Uri.file(path).path })
    : vscode.Uri.joinPath(folder, path);
}

async function readKeyFile(path: string): Promise<string> {
  // An untrusted folder could plant a "key" to make a forged token verify: its files are not read.
  if (!vscode.workspace.isTrusted) {
    throw new Error(
      vscode.l10n.t(
        'The key file {0} is not read: this workspace is not trusted. Trust it (Workspaces: Manage Workspace Trust), or paste the key or use a saved one.',
        filePath(path),
      ),
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(keyFileUri(path));
  } catch (error) {
    throw new Error(
      error instanceof vscode.FileSystemError && error.code === 'FileNotFound'
        ? vscode.l10n.t('The key file {0} cannot be used: it does not exist', filePath(path))
        : vscode.l10n.t('The key file {0} cannot be used: it cannot be read', filePath(path)),
    );
  }
  const text = new TextDecoder().decode(bytes).trim();
  if (!text) throw new Error(vscode.l10n.t('The key file {0} is empty', filePath(path)));
  return text;
}

/** Asks for a key file (PEM, JWK, JWKS, certificate); undefined when cancelled. */
export async function pickKeyFile(title: string): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    filters: {
      [vscode.l10n.t('Keys and certificates')]: ['pem', 'key', 'crt', 'cer', 'pub', 'jwk', 'json'],
      [vscode.l10n.t('All files')]: ['*'],
    },
  });
  return picked?.[0]?.toString();
}

/** Asks for a name for a new saved key, checking it as the user types; undefined when cancelled. */
export async function askKeyName(store: KeyStore, title: string, value = ''): Promise<string | undefined> {
  const name = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('A name for the key (the key itself goes to VS Code’s secret storage)'),
    value,
    ignoreFocusOut: true,
    validateInput: (input) =>
      input.trim() === value.trim() && value ? vscode.l10n.t('Choose a different name') : store.nameProblem(input),
  });
  return name?.trim();
}

/** Asks for key text, masked (it may be a secret); undefined when cancelled. */
export async function askKeyText(title: string, prompt: string): Promise<string | undefined> {
  const text = await vscode.window.showInputBox({
    title,
    prompt,
    password: true,
    ignoreFocusOut: true,
    validateInput: (input) => (input.length === 0 ? vscode.l10n.t('Type or paste the key') : undefined),
  });
  return text || undefined;
}

/**
 * Pasted key text, and what it is when that is in doubt: a key found only inside other text (a base64
 * run among words) may be a shared secret after all, so the user says which. Undefined when cancelled.
 */
export async function askPastedKey(title: string, prompt: string): Promise<KeyChoice | undefined> {
  const text = await askKeyText(title, prompt);
  if (text === undefined) return undefined;
  const found = classifyKeyText(text);
  if (found.certain || !found.keyMaterial) return { kind: 'text', text };
  type Item = vscode.QuickPickItem & { keyType: KeyType };
  const picked = await vscode.window.showQuickPick<Item>(
    [
      { label: vscode.l10n.t('$(key) A public key'), description: found.description, keyType: 'public' },
      {
        label: vscode.l10n.t('$(lock) A shared secret'),
        description: vscode.l10n.t('the whole text, as typed'),
        keyType: 'secret',
      },
    ],
    {
      title,
      placeHolder: vscode.l10n.t('The text holds what looks like {0}. What is it?', found.description),
      ignoreFocusOut: true,
    },
  );
  return picked && { kind: 'text', text, keyType: picked.keyType };
}
