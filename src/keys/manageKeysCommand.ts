import * as vscode from 'vscode';
import { exportPublicKey, generateSigningKey, SIGNING_ALGORITHMS } from '../core';
import type { SavedKey } from '../protocol';
import { askKeyName, askKeyText, keyChoiceFromArgs, loadKey, pickKeyFile } from './keyChoice';
import type { KeyConsent } from './keyConsent';
import type { KeyStore } from './keyStore';

/** Arguments that let callers (and tests) manage keys without prompts. */
export type ManageArgs =
  | { action: 'list' }
  | { action: 'add'; name: string; secret?: string; keyFile?: string }
  | { action: 'generate'; name: string; alg: string }
  | { action: 'rename'; name: string; newName: string }
  | { action: 'remove'; name: string }
  | { action: 'export'; name: string; format: 'pem' | 'jwk'; to?: 'clipboard' | 'document' }
  | { action: 'pin'; name: string }
  | { action: 'unpin' };

/** The keys after the action, the exported public key if one was, or why nothing happened. */
export type ManageOutcome = { keys: SavedKey[]; pinned?: string; exported?: string } | { error: string };

/**
 * "JWT: Manage Keys": list, add (pasted or from a file), generate, rename, remove, pin to the
 * workspace, and export the public half of a saved key pair (PEM or JWK, to the clipboard or a new
 * document). Undefined when a prompt was cancelled.
 */
export async function manageKeysCommand(
  store: KeyStore,
  consent: KeyConsent,
  rawArgs?: unknown,
): Promise<ManageOutcome | undefined> {
  const given = rawArgs && typeof rawArgs === 'object' && 'action' in rawArgs ? (rawArgs as ManageArgs) : undefined;
  const args = given ?? (await askAction(store));
  if (!args) return undefined;
  try {
    // What the user picked here needs no second question; what arguments ask for does.
    if (given) await allowed(given, consent);
    const exported = await run(store, consent, args);
    return { keys: store.list(), pinned: store.pinned()?.name, exported };
  } catch (error) {
    const message = (error as Error).message;
    void vscode.window.showErrorMessage(message);
    return { error: message };
  }
}

/** Asks the user before arguments rename, remove or export a saved key. @throws {Error} when not allowed */
async function allowed(args: ManageArgs, consent: KeyConsent): Promise<void> {
  switch (args.action) {
    case 'rename':
    case 'remove':
    case 'export':
      return consent.require(args.name, args.action);
    default:
      return undefined;
  }
}

async function run(store: KeyStore, consent: KeyConsent, args: ManageArgs): Promise<string | undefined> {
  switch (args.action) {
    case 'list':
      return undefined;
    case 'add': {
      const choice = await keyChoiceFromArgs(args, consent, 'sign');
      if (!choice) throw new Error(vscode.l10n.t('Give the key as "secret" (text) or "keyFile" (a path)'));
      const saved = await store.save(args.name, (await loadKey(store, choice)).material);
      vscode.window.setStatusBarMessage(
        vscode.l10n.t('$(check) Saved {0} as key "{1}"', saved.description, saved.name),
        4000,
      );
      return undefined;
    }
    case 'generate': {
      const saved = await store.save(args.name, await generateSigningKey(args.alg));
      vscode.window.setStatusBarMessage(
        vscode.l10n.t('$(check) Generated {0} "{1}"', saved.description, saved.name),
        4000,
      );
      return undefined;
    }
    case 'rename':
      return void (await store.rename(args.name, args.newName));
    case 'remove':
      return void (await store.remove(args.name));
    case 'pin':
      if (!store.get(args.name)) throw new Error(vscode.l10n.t('There is no saved key named "{0}"', args.name));
      return void (await store.pin(args.name));
    case 'unpin':
      return void (await store.pin(undefined));
    case 'export': {
      const text = await exportPublicKey(await store.material(args.name), args.format);
      if (args.to === 'document') {
        const document = await vscode.workspace.openTextDocument({
          content: text,
          language: args.format === 'jwk' ? 'json' : 'plaintext',
        });
        await vscode.window.showTextDocument(document);
      } else {
        await vscode.env.clipboard.writeText(text);
        vscode.window.setStatusBarMessage(
          vscode.l10n.t('$(check) Public key of "{0}" copied as {1}', args.name, args.format.toUpperCase()),
          4000,
        );
      }
      return text;
    }
  }
}

type Item<T> = vscode.QuickPickItem & { value: T };

async function choose<T>(items: Array<Item<T>>, title: string): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title, ignoreFocusOut: true, matchOnDescription: true }))?.value;
}

/** The prompts: a key or "add"/"generate", then what to do with it. */
async function askAction(store: KeyStore): Promise<ManageArgs | undefined> {
  const pinned = store.pinned()?.name;
  const picked = await choose<SavedKey | 'add' | 'generate'>(
    [
      ...store.list().map((key) => ({
        label: `$(key) ${key.name}`,
        description: [key.description, key.name === pinned ? vscode.l10n.t('pinned to this workspace') : '']
          .filter(Boolean)
          .join(' · '),
        detail: key.thumbprint ? vscode.l10n.t('thumbprint {0}', key.thumbprint) : undefined,
        value: key,
      })),
      {
        label: vscode.l10n.t('$(add) Add a key…'),
        description: vscode.l10n.t('paste a secret, PEM, JWK or JWKS, or pick a file'),
        value: 'add' as const,
      },
      {
        label: vscode.l10n.t('$(sparkle) Generate a key…'),
        description: vscode.l10n.t('a new key pair or random secret'),
        value: 'generate' as const,
      },
    ],
    vscode.l10n.t('Manage keys (stored in VS Code’s secret storage)'),
  );
  if (picked === 'add') return askAdd(store);
  if (picked === 'generate') return askGenerate(store);
  return picked && askKeyAction(store, picked, pinned === picked.name);
}

async function askAdd(store: KeyStore): Promise<ManageArgs | undefined> {
  const from = await choose(
    [
      { label: vscode.l10n.t('$(lock) Paste or type it'), value: 'text' as const },
      { label: vscode.l10n.t('$(file) From a file'), value: 'file' as const },
    ],
    vscode.l10n.t('Add a key'),
  );
  const secret =
    from === 'text'
      ? await askKeyText(
          vscode.l10n.t('Add a key'),
          vscode.l10n.t('A secret, PEM, certificate, JWK or JWKS (hidden as you type)'),
        )
      : undefined;
  const keyFile = from === 'file' ? await pickKeyFile(vscode.l10n.t('Key file to add')) : undefined;
  if (secret === undefined && keyFile === undefined) return undefined;
  const name = await askKeyName(store, vscode.l10n.t('Name the key'));
  return name === undefined ? undefined : { action: 'add', name, secret, keyFile };
}

async function askGenerate(store: KeyStore): Promise<ManageArgs | undefined> {
  const alg = await choose(
    SIGNING_ALGORITHMS.map((value) => ({ label: value, value })),
    vscode.l10n.t('Generate a key for'),
  );
  const name = alg && (await askKeyName(store, vscode.l10n.t('Name the new {0} key', alg)));
  return alg && name ? { action: 'generate', name, alg } : undefined;
}

async function askKeyAction(store: KeyStore, key: SavedKey, isPinned: boolean): Promise<ManageArgs | undefined> {
  const exportable = key.type !== 'secret';
  const action = await choose<string>(
    [
      ...(exportable
        ? [
            { label: vscode.l10n.t('$(export) Export public key as PEM'), value: 'pem' },
            { label: vscode.l10n.t('$(json) Export public key as JWK'), value: 'jwk' },
          ]
        : []),
      isPinned
        ? { label: vscode.l10n.t('$(pinned) Unpin from this workspace'), value: 'unpin' }
        : {
            label: vscode.l10n.t('$(pin) Pin to this workspace'),
            description: vscode.l10n.t('hovers verify tokens with it'),
            value: 'pin',
          },
      { label: vscode.l10n.t('$(edit) Rename…'), value: 'rename' },
      { label: vscode.l10n.t('$(trash) Remove…'), value: 'remove' },
    ],
    vscode.l10n.t('Key "{0}": {1}', key.name, key.description),
  );
  const { name } = key;
  switch (action) {
    case 'pem':
    case 'jwk': {
      const to = await choose(
        [
          { label: vscode.l10n.t('$(copy) Copy to the clipboard'), value: 'clipboard' as const },
          { label: vscode.l10n.t('$(new-file) Open in a new editor'), value: 'document' as const },
        ],
        vscode.l10n.t('Export to'),
      );
      return to && { action: 'export', name, format: action, to };
    }
    case 'pin':
    case 'unpin':
      return action === 'pin' ? { action, name } : { action };
    case 'rename': {
      const newName = await askKeyName(store, vscode.l10n.t('Rename "{0}"', name), name);
      return newName === undefined ? undefined : { action: 'rename', name, newName };
    }
    case 'remove': {
      const sure = await vscode.window.showWarningMessage(
        vscode.l10n.t('Remove the key "{0}"? Its material is deleted from the secret storage.', name),
        { modal: true },
        vscode.l10n.t('Remove'),
      );
      return sure ? { action: 'remove', name } : undefined;
    }
    default:
      return undefined;
  }
}
