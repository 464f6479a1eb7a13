import * as vscode from 'vscode';
import { keyDescription, readKeyFacts } from '../core';
import type { SavedKey as KeyEntry } from '../protocol';

export type { KeyEntry };

/** The index of names and facts lives in globalState (not settings.json); the material in SecretStorage. */
const INDEX = 'jwt.keys';
const PIN = 'jwt.pinnedKey';
const secretId = (name: string): string => `jwt.key:${name}`;
/** An index entry: no description, which is made afresh in the display language of the moment. */
type StoredKey = Omit<KeyEntry, 'description'>;

/**
 * Saved signing and verification keys. Material goes only to and from SecretStorage; the rest of
 * the extension handles names and KeyEntry facts.
 */
export class KeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly global: vscode.Memento,
    private readonly workspace: vscode.Memento,
  ) {
    // Another window may add or remove keys.
    this.subscription = secrets.onDidChange(() => this.changed.fire());
  }

  list(): KeyEntry[] {
    return this.global
      .get<StoredKey[]>(INDEX, [])
      .map((entry) => ({ ...entry, description: keyDescription(entry) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): KeyEntry | undefined {
    return this.list().find((entry) => entry.name === name);
  }

  /** The key's material (JWK or JWKS JSON) for signing or verifying; never for display. */
  async material(name: string): Promise<string> {
    if (!this.get(name))
      throw new Error(vscode.l10n.t('There is no saved key named "{0}"; see JWT: Manage Keys', name));
    const material = await this.secrets.get(secretId(name));
    if (material === undefined)
      throw new Error(
        vscode.l10n.t(
          'The saved key "{0}" is listed but missing from the secret storage; remove it and add it again',
          name,
        ),
      );
    return material;
  }

  /** Why `name` cannot name a new key, or undefined. */
  nameProblem(name: string): string | undefined {
    const trimmed = name.trim();
    if (!trimmed) return vscode.l10n.t('Give the key a name');
    if (trimmed.length > 100) return vscode.l10n.t('Use a name of at most 100 characters');
    return this.get(trimmed) ? vscode.l10n.t('A key named "{0}" exists already', trimmed) : undefined;
  }

  /**
   * Saves a key (secret, PEM, JWK or JWKS) under a new name.
   * @throws {Error} for a bad name; JwtError for a key that cannot be read
   */
  async save(name: string, key: string | object): Promise<KeyEntry> {
    const problem = this.nameProblem(name);
    if (problem) throw new Error(problem);
    const { material, ...facts } = await readKeyFacts(key);
    const entry: KeyEntry = { name: name.trim(), ...facts };
    await this.secrets.store(secretId(entry.name), material);
    await this.writeIndex([...this.list(), entry]);
    return entry;
  }

  async rename(from: string, to: string): Promise<void> {
    const entry = this.get(from);
    if (!entry) throw new Error(vscode.l10n.t('There is no saved key named "{0}"', from));
    const problem = this.nameProblem(to);
    if (problem) throw new Error(problem);
    const material = await this.material(from);
    await this.secrets.store(secretId(to.trim()), material);
    await this.secrets.delete(secretId(from));
    await this.writeIndex(this.list().map((e) => (e.name === from ? { ...e, name: to.trim() } : e)));
    if (this.pinnedName() === from) await this.pin(to.trim());
  }

  async remove(name: string): Promise<void> {
    if (!this.get(name)) throw new Error(vscode.l10n.t('There is no saved key named "{0}"', name));
    await this.secrets.delete(secretId(name));
    await this.writeIndex(this.list().filter((e) => e.name !== name));
    if (this.pinnedName() === name) await this.pin(undefined);
  }

  /** The key pinned to this workspace (its name lives in workspaceState), if it still exists. */
  pinned(): KeyEntry | undefined {
    const name = this.pinnedName();
    return name === undefined ? undefined : this.get(name);
  }

  async pin(name: string | undefined): Promise<void> {
    await this.workspace.update(PIN, name);
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private pinnedName(): string | undefined {
    return this.workspace.get<string>(PIN);
  }

  private async writeIndex(entries: KeyEntry[]): Promise<void> {
    await this.global.update(
      INDEX,
      entries.map(({ description, ...stored }): StoredKey => stored),
    );
    this.changed.fire();
  }
}
