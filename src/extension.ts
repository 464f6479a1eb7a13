import * as vscode from 'vscode';
import { copyDecodedCommand, decodeCommand } from './commands';
import { TokenHoverProvider } from './hover';
import { PANEL_VIEW_TYPE, TokenPanel } from './panel/panel';
import type { PanelState } from './protocol';

/** Wires the providers and commands; the work happens in the core and the adapters. */
export function activate(context: vscode.ExtensionContext): void {
  const { extensionUri } = context;
  context.subscriptions.push(
    vscode.languages.registerHoverProvider('*', new TokenHoverProvider()),
    vscode.commands.registerCommand('jwt.decode', (arg?: unknown) => decodeCommand(extensionUri, arg)),
    vscode.commands.registerCommand('jwt.copyDecoded', (arg?: unknown) => copyDecodedCommand(arg)),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PanelState | undefined) {
        TokenPanel.revive(panel, extensionUri, state);
      },
    }),
  );
}

export function deactivate(): void {}
