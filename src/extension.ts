import * as vscode from 'vscode';
import { copyDecodedCommand, decodeCommand } from './commands';
import { DECODED_SCHEME, DecodedTokenDocuments, compareCommand } from './compare';
import { HintDecorations } from './decorations';
import { TokenDiagnostics, TokenProblemActions } from './diagnostics';
import { verifyFlaskSessionCommand } from './flaskVerify';
import { TokenHoverProvider } from './hover';
import { verifyWithIssuerCommand } from './issuerCommand';
import { manageKeysCommand } from './keys/manage';
import { KeyStore } from './keys/store';
import { PANEL_VIEW_TYPE, TokenPanel } from './panel/panel';
import type { HostToPanel, PanelState, PanelToHost } from './protocol';
import { openSamplesCommand } from './samples';
import { signSelectionCommand } from './signSelection';
import { verifyCommand } from './verifyCommand';
import { HoverVerifier } from './verifyHover';

/** The extension's API: the panel's host side, driven as the panel drives it (the integration tests use it). */
export interface JwtToolkitApi {
  /** Handles a message as if the open panel sent it; resolves to the replies posted to the panel. */
  panelMessage(message: PanelToHost): Promise<HostToPanel[]>;
}

/** Wires the providers and commands; the work happens in the core and the adapters. */
export function activate(context: vscode.ExtensionContext): JwtToolkitApi {
  const { extensionUri } = context;
  const keys = new KeyStore(context.secrets, context.globalState, context.workspaceState);
  const deps = { extensionUri, keys, globalState: context.globalState };
  context.subscriptions.push(
    keys,
    vscode.languages.registerHoverProvider('*', new TokenHoverProvider(new HoverVerifier(keys))),
    new HintDecorations(),
    new TokenDiagnostics(),
    vscode.languages.registerCodeActionsProvider('*', new TokenProblemActions(), TokenProblemActions.metadata),
    vscode.workspace.registerTextDocumentContentProvider(DECODED_SCHEME, new DecodedTokenDocuments()),
    vscode.commands.registerCommand('jwt.compare', (a?: unknown, b?: unknown) => compareCommand(a, b)),
    vscode.commands.registerCommand('jwt.verifyWithIssuer', (arg?: unknown) => verifyWithIssuerCommand(arg)),
    vscode.commands.registerCommand('jwt.decode', (arg?: unknown) => decodeCommand(deps, arg)),
    vscode.commands.registerCommand('jwt.copyDecoded', (arg?: unknown) => copyDecodedCommand(arg)),
    vscode.commands.registerCommand('jwt.signSelection', (arg?: unknown) => signSelectionCommand(deps, arg)),
    vscode.commands.registerCommand('jwt.verify', (arg?: unknown) => verifyCommand(deps, arg)),
    vscode.commands.registerCommand('jwt.manageKeys', (arg?: unknown) => manageKeysCommand(keys, arg)),
    vscode.commands.registerCommand('jwt.verifyFlaskSession', (arg?: unknown) => verifyFlaskSessionCommand(keys, arg)),
    vscode.commands.registerCommand('jwt.openSamples', () => openSamplesCommand()),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PanelState | undefined) {
        TokenPanel.revive(panel, deps, state);
      },
    }),
  );
  return { panelMessage: async (message) => (await TokenPanel.open?.receive(message)) ?? [] };
}

export function deactivate(): void {}
