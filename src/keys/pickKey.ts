import * as vscode from 'vscode';
import { generateSigningKey, keyMisfit } from '../core';
import type { KeyChoice } from '../protocol';
import { askKeyName, askPastedKey, pickKeyFile } from './keyChoice';
import type { KeyEntry, KeyStore } from './keyStore';

type ChoiceItem = vscode.QuickPickItem & { choose: () => Promise<KeyChoice | undefined> };

/** A saved key as a quick pick row: name, what it is, and its thumbprint (never material). */
function savedItem(entry: KeyEntry, note?: string): ChoiceItem {
  return {
    label: `$(key) ${entry.name}`,
    description: [entry.description, note].filter(Boolean).join(' · '),
    detail: entry.thumbprint ? vscode.l10n.t('thumbprint {0}', entry.thumbprint) : undefined,
    choose: async () => ({ kind: 'saved', name: entry.name }),
  };
}

async function pick(items: ChoiceItem[], title: string): Promise<KeyChoice | undefined> {
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: vscode.l10n.t('Choose a key'),
    ignoreFocusOut: true,
    matchOnDescription: true,
  });
  return picked?.choose();
}

/**
 * Asks for a key to sign with `alg`: a saved key that fits, a secret or private key typed in, a
 * key file, or a newly generated key saved under a name. Undefined when cancelled.
 */
export async function pickSigningKey(store: KeyStore, alg: string): Promise<KeyChoice | undefined> {
  const secret = alg.startsWith('HS');
  const fileItem: ChoiceItem = {
    label: vscode.l10n.t('$(file) Use a PEM or JWK file…'),
    choose: async () => {
      const path = await pickKeyFile(vscode.l10n.t('Private key for {0}', alg));
      return path ? { kind: 'file', path } : undefined;
    },
  };
  const items: ChoiceItem[] = [
    ...store
      .list()
      .filter((e) => !keyMisfit(e, alg, 'sign'))
      .map((e) => savedItem(e)),
    {
      label: secret
        ? vscode.l10n.t('$(lock) Type a new secret…')
        : vscode.l10n.t('$(lock) Paste a private key (PKCS#8 PEM or JWK)…'),
      choose: () =>
        askPastedKey(
          vscode.l10n.t('Key for {0}', alg),
          secret
            ? vscode.l10n.t('The shared secret (hidden as you type)')
            : vscode.l10n.t('A PKCS#8 PEM ("PRIVATE KEY") or a private JWK'),
        ),
    },
    ...(secret ? [] : [fileItem]),
    {
      label: secret
        ? vscode.l10n.t('$(add) Generate a random secret…')
        : vscode.l10n.t('$(add) Generate a new key pair…'),
      description: vscode.l10n.t('saved in VS Code’s secret storage'),
      choose: async () => {
        const name = await askKeyName(store, vscode.l10n.t('Name the new {0} key', alg));
        if (name === undefined) return undefined;
        await store.save(name, await generateSigningKey(alg));
        return { kind: 'saved', name };
      },
    },
    ...(secret ? [fileItem] : []),
  ];
  return pick(items, vscode.l10n.t('Sign with {0}', alg));
}

/**
 * Asks for a key to verify a token signed with `alg`: saved keys that fit (the one whose kid the
 * token names first), key text pasted in, or a key file. Undefined when cancelled.
 */
export async function pickVerificationKey(store: KeyStore, alg: string, kid: unknown): Promise<KeyChoice | undefined> {
  const fitting = store.list().filter((e) => !keyMisfit(e, alg, 'verify'));
  const matches = (e: KeyEntry): boolean => kid !== undefined && e.kid === kid;
  const pinned = store.pinned()?.name;
  const saved = [...fitting.filter(matches), ...fitting.filter((e) => !matches(e))].map((e) =>
    savedItem(
      e,
      matches(e)
        ? vscode.l10n.t('matches the token’s kid')
        : e.name === pinned
          ? vscode.l10n.t('pinned to this workspace')
          : undefined,
    ),
  );
  return pick(
    [
      ...saved,
      {
        label: vscode.l10n.t('$(lock) Paste a secret, PEM, certificate, JWK or JWKS…'),
        choose: () =>
          askPastedKey(
            vscode.l10n.t('Key to verify {0}', alg),
            vscode.l10n.t('Hidden as you type; used for this check only'),
          ),
      },
      {
        label: vscode.l10n.t('$(file) Use a key file…'),
        choose: async () => {
          const path = await pickKeyFile(vscode.l10n.t('Key to verify {0}', alg));
          return path ? { kind: 'file', path } : undefined;
        },
      },
    ],
    vscode.l10n.t('Verify {0} signature', alg),
  );
}
