import type * as vscode from 'vscode';
import type { KeyStore } from '../keys/keyStore';
import type { TokenOrigin } from '../protocol';

/** What the panel needs from the extension. */
export interface PanelDeps {
  extensionUri: vscode.Uri;
  keys: KeyStore;
  globalState: vscode.Memento;
}

/** The token shown, where it came from, and (when it came from an editor) where it sits. */
export interface ShownToken {
  token: string;
  source: TokenOrigin;
  location?: vscode.Location;
}
