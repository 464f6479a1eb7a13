import * as vscode from 'vscode';
import { COMMANDS, DECODED_SCHEME, type JwtToolkitTestApi, MAX_TERMINAL_LINE, SKIPPED_SCHEMES } from './contributions';
import { findSessionCookies, flaskSessionAt } from './core/flask';
import { findTokens, tokenAt } from './core/scan';
import type { Features } from './features';
import { PANEL_VIEW_TYPE, type PanelState } from './protocol';

/** Loads features.ts (how depends on the host: see extension.ts and web.ts). */
export type LoadFeatures = () => Promise<typeof import('./features')>;

/**
 * What activation does: register every provider, command and the panel's serializer, each starting
 * the features (decoding, hints, Problems, the panel…) the first time there is work for them. Until
 * then only the core's scanner runs, a few kilobytes: it decides whether a hover or an open document
 * has a token (or a Flask session cookie) to work on.
 */
export function activateWith(context: vscode.ExtensionContext, load: LoadFeatures): JwtToolkitTestApi | undefined {
  let started: Promise<Features> | undefined;
  const features = (): Promise<Features> =>
    (started ??= load().then((module) => {
      watch.dispose();
      return module.startFeatures(context);
    }));
  // Hints, Problems and the expiry status bar item start with the first document that has a token.
  const watch = watchForTokens(() => void features());
  const terminalLinks: vscode.TerminalLinkProvider = {
    provideTerminalLinks(terminalContext, cancel) {
      const line = terminalContext.line.slice(0, MAX_TERMINAL_LINE);
      if (!findTokens(line).length && !findSessionCookies(line).length) return [];
      return features().then((f) => f.terminalLinks.provideTerminalLinks(terminalContext, cancel));
    },
    handleTerminalLink: (link) => features().then((f) => f.terminalLinks.handleTerminalLink(link)),
  };
  context.subscriptions.push(
    watch,
    vscode.window.registerTerminalLinkProvider(terminalLinks),
    vscode.languages.registerHoverProvider('*', {
      provideHover(document, position, cancel) {
        const line = document.lineAt(position.line).text;
        if (!tokenAt(line, position.character) && !flaskSessionAt(line, position.character)) return undefined;
        return features().then((f) => f.hover.provideHover(document, position, cancel));
      },
    }),
    vscode.languages.registerCodeActionsProvider(
      '*',
      {
        // The quick fixes are for the features' own Problems: there are none before they start.
        provideCodeActions: (document, range, context, cancel) =>
          started?.then((f) => f.codeActions.provideCodeActions(document, range, context, cancel)),
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.workspace.registerTextDocumentContentProvider(DECODED_SCHEME, {
      provideTextDocumentContent: (uri, cancel) =>
        features().then((f) => f.decodedDocuments.provideTextDocumentContent(uri, cancel)),
    }),
    ...COMMANDS.map((id) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => (await features()).commands[id](...args)),
    ),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (webviewPanel, state: PanelState | undefined) =>
        (await features()).revivePanel(webviewPanel, state),
    }),
  );
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    panelMessage: async (message) => (await features()).testApi.panelMessage(message),
    allowKeyUse: async (name) => (await features()).testApi.allowKeyUse(name),
    terminalLinks,
    expiryStatus: async () => (await features()).testApi.expiryStatus(),
  };
}

/**
 * Calls `found` once an open document has a token (what hints and Problems work on): checks each
 * document as it opens (and those open already) and, as it changes, the lines an edit touched; or once
 * the cursor rests on a token, in any document (the expiry status bar item's work).
 */
function watchForTokens(found: () => void): vscode.Disposable {
  const hasToken = (text: string) => findTokens(text).length > 0;
  const watched = (document: vscode.TextDocument) => !SKIPPED_SCHEMES.has(document.uri.scheme);
  // A few thousand lines at a time, stopping at the first token: a big log is not scanned whole.
  const check = (document: vscode.TextDocument) => {
    for (let first = 0; watched(document) && first < document.lineCount; first += 4096) {
      const last = Math.min(first + 4096, document.lineCount) - 1;
      if (hasToken(document.getText(new vscode.Range(first, 0, last, document.lineAt(last).text.length))))
        return found();
    }
  };
  const subscriptions = [
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.window.onDidChangeTextEditorSelection(({ textEditor: { document, selection } }) => {
      if (tokenAt(document.lineAt(selection.active.line).text, selection.active.character)) found();
    }),
    vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
      if (!watched(document) || contentChanges.length === 0) return;
      // The lines of the edit as it now stands; a token never spans lines.
      const first = Math.min(...contentChanges.map((c) => c.range.start.line));
      const added = contentChanges.reduce((n, c) => n + c.text.split('\n').length - 1, 0);
      const last = Math.min(document.lineCount - 1, Math.max(...contentChanges.map((c) => c.range.start.line)) + added);
      if (
        first <= last &&
        hasToken(document.getText(new vscode.Range(first, 0, last, document.lineAt(last).text.length)))
      )
        found();
    }),
  ];
  vscode.workspace.textDocuments.forEach(check);
  return vscode.Disposable.from(...subscriptions);
}
