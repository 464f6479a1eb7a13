import type * as vscode from 'vscode';
import type { HostToPanel, PanelRequest, PanelToHost } from './protocol';

/**
 * Names that the start-up code (activation.ts) and the features share. They live here, apart from the
 * features, so the small start-up file can register everything without loading what it registers.
 */

/** Every command in package.json's contributes.commands (the smoke test checks each is registered). */
export const COMMANDS = [
  'jwt.decode',
  'jwt.copyDecoded',
  'jwt.compare',
  'jwt.signSelection',
  'jwt.verify',
  'jwt.manageKeys',
  'jwt.verifyWithIssuer',
  'jwt.verifyFlaskSession',
  'jwt.openSamples',
  'jwt.findWeakSecret',
  'jwt.decodeDebugValue',
  'jwt.newTokenFromTemplate',
] as const;
export type CommandId = (typeof COMMANDS)[number];

/** Read-only documents of a decoded token; the token travels in the URI's query, so nothing is stored. */
export const DECODED_SCHEME = 'jwt-decoded';

/**
 * Read-only views (our decoded-token documents among them): a problem there could not be fixed, so
 * neither Problems nor activation's watch for tokens looks at them.
 */
export const SKIPPED_SCHEMES: ReadonlySet<string> = new Set(['output', 'git', 'vscode-scm', DECODED_SCHEME]);

/**
 * How much of a terminal line is scanned for tokens: a longer line's rest is left alone, so a huge log
 * line costs no more than this (VS Code itself passes lines of up to 2,000 characters).
 */
export const MAX_TERMINAL_LINE = 16 * 1024;

/** The JWT expiry status bar item as shown (the test build reads it: a status bar item cannot be read back). */
export interface ExpiryStatusView {
  visible: boolean;
  text: string;
  tooltip: string;
  accessibilityLabel: string;
  /** The theme colour behind it: statusBarItem.warningBackground, statusBarItem.errorBackground, or none. */
  background?: string;
  /** Whether its countdown timer runs (only while it is visible and its text can change). */
  ticking: boolean;
  /** The command a click runs. */
  command?: string;
}

/**
 * Hooks for the integration tests, returned by activate() only when VS Code runs the extension's tests
 * (ExtensionMode.Test): an installed extension exposes no API, so no other extension can drive the
 * panel or skip a question.
 */
export interface JwtToolkitTestApi {
  /**
   * Sends a message as the open panel's webview would (about the token it shows, unless the message
   * says another); resolves to the replies posted to it.
   */
  panelMessage(message: PanelRequest | PanelToHost): Promise<HostToPanel[]>;
  /** As if the user had allowed command arguments to use the saved key `name` (KeyConsent). */
  allowKeyUse(name: string): Promise<void>;
  /** The terminal link provider as activation registered it with VS Code. */
  terminalLinks: vscode.TerminalLinkProvider;
  /** The JWT expiry status bar item as it is now. */
  expiryStatus(): Promise<ExpiryStatusView>;
}
