import * as vscode from 'vscode';

/** What a command's arguments want to do with a saved key, as the question names it. */
export type KeyUse = 'sign' | 'verify' | 'export' | 'rename' | 'remove';
const USES: readonly KeyUse[] = ['sign', 'verify', 'export', 'rename', 'remove'];

/**
 * Asks the user before a command's arguments use a saved key: any installed extension can run our
 * commands, so a key's name in the arguments alone never unlocks it. The question is a modal dialog,
 * which no extension can answer for the user. Once allowed, that use of that key stays allowed until the
 * window closes.
 */
export class KeyConsent {
  private readonly allowed = new Set<string>();

  /** @throws {Error} a sentence saying the use was not allowed, when the user does not allow it */
  async require(name: string, use: KeyUse): Promise<void> {
    if (this.allowed.has(`${use}:${name}`)) return;
    const allow = vscode.l10n.t('Allow');
    const answer = await vscode.window.showWarningMessage(
      question(name, use),
      {
        modal: true,
        detail: vscode.l10n.t(
          'A task, a keybinding or another extension ran a JWT command with arguments naming this key. Allow only if you started it. You will not be asked again for this until the window closes.',
        ),
      },
      allow,
    );
    if (answer !== allow) {
      throw new Error(vscode.l10n.t('Not allowed: the saved key "{0}" was not used, nothing changed', name));
    }
    this.allowed.add(`${use}:${name}`);
  }

  /** As if the user had allowed `name` (the test build's API: a dialog cannot be answered from a test). */
  grant(name: string): void {
    for (const use of USES) this.allowed.add(`${use}:${name}`);
  }
}

function question(name: string, use: KeyUse): string {
  switch (use) {
    case 'sign':
      return vscode.l10n.t('Allow a command to sign a token with your saved key "{0}"?', name);
    case 'verify':
      return vscode.l10n.t('Allow a command to verify a token with your saved key "{0}"?', name);
    case 'export':
      return vscode.l10n.t('Allow a command to export the public key of your saved key "{0}"?', name);
    case 'rename':
      return vscode.l10n.t('Allow a command to rename your saved key "{0}"?', name);
    case 'remove':
      return vscode.l10n.t('Allow a command to remove your saved key "{0}"?', name);
  }
}
