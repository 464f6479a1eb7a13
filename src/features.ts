import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { DecodedTokenDocuments, compareCommand } from './compare';
import type { CommandId } from './contributions';
import { HintDecorations } from './decorations';
import { TokenDiagnostics, TokenProblemActions } from './diagnostics';
import { TokenHoverProvider } from './hover';
import { KeyStore } from './keys/store';
import type { HostToPanel, PanelState, PanelToHost } from './protocol';
import { HoverVerifier } from './verifyHover';

/** What activation.ts forwards to once the features have started. */
export interface Features {
  hover: vscode.HoverProvider;
  codeActions: vscode.CodeActionProvider;
  decodedDocuments: vscode.TextDocumentContentProvider;
  commands: Record<CommandId, (...args: unknown[]) => unknown>;
  revivePanel(webviewPanel: vscode.WebviewPanel, state: PanelState | undefined): Promise<void>;
  /** Handles a message as if the open panel sent it; resolves to the replies posted to the panel. */
  panelMessage(message: PanelToHost): Promise<HostToPanel[]>;
}

/**
 * Starts the features: hints and Problems begin watching the editors, and the providers and commands
 * activation.ts registered get their implementations. Each command's module (the panel, signing, key
 * management…) still loads only when it first runs.
 */
export function startFeatures(context: vscode.ExtensionContext): Features {
  // The core speaks through @vscode/l10n: give it the bundle VS Code loaded for the display language.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const keys = new KeyStore(context.secrets, context.globalState, context.workspaceState);
  const deps = { extensionUri: context.extensionUri, keys, globalState: context.globalState };
  const panel = () => import('./panel/panel');
  context.subscriptions.push(keys, new HintDecorations(), new TokenDiagnostics());
  return {
    hover: new TokenHoverProvider(new HoverVerifier(keys)),
    codeActions: new TokenProblemActions(),
    decodedDocuments: new DecodedTokenDocuments(),
    commands: {
      'jwt.decode': lazy(() => import('./commands'), (m, arg) => m.decodeCommand(deps, arg)),
      'jwt.copyDecoded': lazy(() => import('./commands'), (m, arg) => m.copyDecodedCommand(arg)),
      // compare.ts is loaded with the features anyway, for the decoded-token documents its diff shows.
      'jwt.compare': (a?: unknown, b?: unknown) => compareCommand(a, b),
      'jwt.signSelection': lazy(() => import('./signSelection'), (m, arg) => m.signSelectionCommand(deps, arg)),
      'jwt.verify': lazy(() => import('./verifyCommand'), (m, arg) => m.verifyCommand(deps, arg)),
      'jwt.verifyWithIssuer': lazy(() => import('./issuerCommand'), (m, arg) => m.verifyWithIssuerCommand(arg)),
      'jwt.verifyFlaskSession': lazy(() => import('./flaskVerify'), (m, arg) => m.verifyFlaskSessionCommand(keys, arg)),
      'jwt.manageKeys': lazy(() => import('./keys/manage'), (m, arg) => m.manageKeysCommand(keys, arg)),
      'jwt.openSamples': lazy(() => import('./samples'), (m) => m.openSamplesCommand()),
    },
    revivePanel: async (webviewPanel, state) => (await panel()).TokenPanel.revive(webviewPanel, deps, state),
    panelMessage: async (message) => (await (await panel()).TokenPanel.open?.receive(message)) ?? [],
  };
}

/** A command whose module is imported on its first run (esbuild keeps it in the bundle, uninitialized until then). */
function lazy<M>(load: () => Promise<M>, run: (module: M, ...args: unknown[]) => unknown): (...args: unknown[]) => Promise<unknown> {
  return async (...args) => run(await load(), ...args);
}
