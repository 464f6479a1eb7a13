import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { SecurityReviews } from './audit/securityReview';
import type { CommandId, JwtToolkitTestApi } from './contributions';
import { DecodedTokenDocuments } from './decode/decodedDocuments';
import { HoverVerifier } from './hover/hoverVerifier';
import { TokenHover } from './hover/tokenHover';
import { KeyConsent } from './keys/keyConsent';
import { KeyStore } from './keys/keyStore';
import { DocumentTokens } from './problems/documentTokens';
import { ExpiryHints } from './problems/expiryHints';
import { ProblemQuickFixes } from './problems/problemQuickFixes';
import { TokenProblems } from './problems/tokenProblems';
import { aboutToken, type PanelState } from './protocol';
import { ExpiryStatus } from './statusBar/expiryStatus';
import { TerminalLinks } from './terminal/terminalLinks';

/** What activation.ts forwards to once the features have started. */
export interface Features {
  hover: vscode.HoverProvider;
  codeActions: vscode.CodeActionProvider;
  terminalLinks: vscode.TerminalLinkProvider;
  decodedDocuments: vscode.TextDocumentContentProvider;
  commands: Record<CommandId, (...args: unknown[]) => unknown>;
  revivePanel(webviewPanel: vscode.WebviewPanel, state: PanelState | undefined): Promise<void>;
  /** The test build's hooks (see activation.ts, which has the terminal link provider it registered). */
  testApi: Omit<JwtToolkitTestApi, 'terminalLinks'>;
}

/**
 * Starts the features: hints and Problems begin watching the editors, and the providers and commands
 * activation.ts registered get their implementations. Each command's module (the panel, signing, key
 * management…) still loads only when it first runs; each lives in its feature's folder as
 * `<command>Command.ts`.
 */
export function startFeatures(context: vscode.ExtensionContext): Features {
  // The core speaks through @vscode/l10n: give it the bundle VS Code loaded for the display language.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const keys = new KeyStore(context.secrets, context.globalState, context.workspaceState);
  const consent = new KeyConsent();
  const reviews = new SecurityReviews();
  const deps = { extensionUri: context.extensionUri, keys, consent, globalState: context.globalState, reviews };
  const panel = () => import('./panel/tokenPanel');
  const tokens = new DocumentTokens();
  const expiryStatus = new ExpiryStatus();
  context.subscriptions.push(keys, tokens, new ExpiryHints(tokens), new TokenProblems(tokens, reviews), expiryStatus);
  return {
    hover: new TokenHover(new HoverVerifier(keys), reviews),
    codeActions: new ProblemQuickFixes(),
    terminalLinks: new TerminalLinks(async (token) =>
      (await panel()).TokenPanel.show(deps, { token, source: 'terminal' }),
    ),
    decodedDocuments: new DecodedTokenDocuments(),
    commands: {
      'jwt.decode': lazy(
        () => import('./decode/decodeCommand'),
        (m, arg) => m.decodeCommand(deps, arg),
      ),
      'jwt.copyDecoded': lazy(
        () => import('./decode/copyDecodedCommand'),
        (m, arg) => m.copyDecodedCommand(arg),
      ),
      'jwt.compare': lazy(
        () => import('./decode/compareCommand'),
        (m, a, b) => m.compareCommand(a, b),
      ),
      'jwt.openSamples': lazy(
        () => import('./decode/openSamplesCommand'),
        (m) => m.openSamplesCommand(),
      ),
      'jwt.signSelection': lazy(
        () => import('./sign/signSelectionCommand'),
        (m, arg) => m.signSelectionCommand(deps, arg),
      ),
      'jwt.verify': lazy(
        () => import('./verify/verifyCommand'),
        (m, arg) => m.verifyCommand(deps, arg),
      ),
      'jwt.verifyWithIssuer': lazy(
        () => import('./verify/verifyWithIssuerCommand'),
        (m, arg) => m.verifyWithIssuerCommand(arg),
      ),
      'jwt.verifyFlaskSession': lazy(
        () => import('./verify/verifyFlaskSessionCommand'),
        (m, arg) => m.verifyFlaskSessionCommand(keys, consent, arg),
      ),
      'jwt.findWeakSecret': lazy(
        () => import('./audit/findWeakSecretCommand'),
        (m, token, wordList) => m.findWeakSecretCommand(keys, context.extensionUri, token, wordList),
      ),
      'jwt.manageKeys': lazy(
        () => import('./keys/manageKeysCommand'),
        (m, arg) => m.manageKeysCommand(keys, consent, arg),
      ),
      'jwt.decodeDebugValue': lazy(
        () => import('./debugger/decodeDebugValueCommand'),
        (m, arg) => m.decodeDebugValueCommand(deps, arg),
      ),
      'jwt.newTokenFromTemplate': lazy(
        () => import('./templates/newTokenFromTemplateCommand'),
        (m, arg) => m.newTokenFromTemplateCommand(deps, arg),
      ),
    },
    revivePanel: async (webviewPanel, state) => (await panel()).TokenPanel.revive(webviewPanel, deps, state),
    testApi: {
      panelMessage: async (message) => {
        const open = (await panel()).TokenPanel.open;
        if (!open) return [];
        // Shaped as the webview sends it; the tests also send malformed messages, which receive() refuses.
        const sent = typeof message === 'object' && message !== null ? aboutToken(message, open.token ?? '') : message;
        return open.receive(sent ?? message);
      },
      allowKeyUse: async (name) => consent.grant(name),
      expiryStatus: async () => expiryStatus.view(),
    },
  };
}

/** A command whose module is imported on its first run (esbuild keeps it in the bundle, uninitialized until then). */
function lazy<M>(
  load: () => Promise<M>,
  run: (module: M, ...args: unknown[]) => unknown,
): (...args: unknown[]) => Promise<unknown> {
  return async (...args) => run(await load(), ...args);
}
