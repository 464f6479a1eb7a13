import type * as vscode from 'vscode';
import type { SecurityReviews } from '../audit/securityReview';
import type { KeyConsent } from '../keys/keyConsent';
import type { KeyStore } from '../keys/keyStore';
import type { TokenOrigin } from '../protocol';

/** What the panel needs from the extension. */
export interface PanelDeps {
  extensionUri: vscode.Uri;
  keys: KeyStore;
  /** Asks before a command's arguments use a saved key. */
  consent: KeyConsent;
  globalState: vscode.Memento;
  /** The security review shared with the hover and Problems. */
  reviews: SecurityReviews;
}

/** The token shown, where it came from, and (when it came from an editor) where it sits. */
export interface ShownToken {
  token: string;
  source: TokenOrigin;
  location?: vscode.Location;
  /** The document's version when the token was found at `location`: write-back needs it unchanged. */
  documentVersion?: number;
}
