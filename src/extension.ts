import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { DECODED_SCHEME, DecodedTokenDocuments, compareCommand } from './compare';
import { HintDecorations } from './decorations';
import { TokenDiagnostics, TokenProblemActions } from './diagnostics';
import { TokenHoverProvider } from './hover';
import { KeyStore } from './keys/store';
import { PANEL_VIEW_TYPE, type HostToPanel, type PanelState, type PanelToHost } from './protocol';
import { HoverVerifier } from './verifyHover';

/** The extension's API: the panel's host side, driven as the panel drives it (the integration tests use it). */
export interface JwtToolkitApi {
  /** Handles a message as if the open panel sent it; resolves to the replies posted to the panel. */
  panelMessage(message: PanelToHost): Promise<HostToPanel[]>;
}

/**
 * Wires the providers and commands; the work happens in the core and the adapters. Activation only
 * registers: each command's module (the panel, signing, key management…) loads when it first runs.
 */
export function activate(context: vscode.ExtensionContext): JwtToolkitApi {
  // The core speaks through @vscode/l10n: give it the bundle VS Code loaded for the display language.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const { extensionUri } = context;
  const keys = new KeyStore(context.secrets, context.globalState, context.workspaceState);
  const deps = { extensionUri, keys, globalState: context.globalState };
  const panel = () => import('./panel/panel');
  context.subscriptions.push(
    keys,
    vscode.languages.registerHoverProvider('*', new TokenHoverProvider(new HoverVerifier(keys))),
    new HintDecorations(),
    new TokenDiagnostics(),
    vscode.languages.registerCodeActionsProvider('*', new TokenProblemActions(), TokenProblemActions.metadata),
    vscode.workspace.registerTextDocumentContentProvider(DECODED_SCHEME, new DecodedTokenDocuments()),
    lazyCommand('jwt.decode', () => import('./commands'), (m, arg) => m.decodeCommand(deps, arg)),
    lazyCommand('jwt.copyDecoded', () => import('./commands'), (m, arg) => m.copyDecodedCommand(arg)),
    // compare.ts is loaded at start-up anyway, for the decoded-token documents its diff shows.
    vscode.commands.registerCommand('jwt.compare', (a?: unknown, b?: unknown) => compareCommand(a, b)),
    lazyCommand('jwt.signSelection', () => import('./signSelection'), (m, arg) => m.signSelectionCommand(deps, arg)),
    lazyCommand('jwt.verify', () => import('./verifyCommand'), (m, arg) => m.verifyCommand(deps, arg)),
    lazyCommand('jwt.verifyWithIssuer', () => import('./issuerCommand'), (m, arg) => m.verifyWithIssuerCommand(arg)),
    lazyCommand('jwt.verifyFlaskSession', () => import('./flaskVerify'), (m, arg) => m.verifyFlaskSessionCommand(keys, arg)),
    lazyCommand('jwt.manageKeys', () => import('./keys/manage'), (m, arg) => m.manageKeysCommand(keys, arg)),
    lazyCommand('jwt.openSamples', () => import('./samples'), (m) => m.openSamplesCommand()),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: PanelState | undefined) {
        (await panel()).TokenPanel.revive(webviewPanel, deps, state);
      },
    }),
  );
  return { panelMessage: async (message) => (await (await panel()).TokenPanel.open?.receive(message)) ?? [] };
}

export function deactivate(): void {}

/** Registers a command whose module is imported on its first run (esbuild keeps it in the bundle, uninitialized until then). */
function lazyCommand<M>(id: string, load: () => Promise<M>, run: (module: M, ...args: unknown[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => run(await load(), ...args));
}
