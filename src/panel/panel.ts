import * as vscode from 'vscode';
import { inspectToken } from '../core';
import type { HostToPanel, PanelState, PanelToHost } from '../protocol';
import { panelHtml, panelResourceRoots } from './html';

export const PANEL_VIEW_TYPE = 'jwt.panel';

/** The one JWT panel: opened by Decode, then updated in place by later Decodes. */
export class TokenPanel {
  private static current: TokenPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private state: { token: string; source: string } | undefined;
  private ready = false;

  /** Shows `token` in the panel, opening it beside the editor if it is not open. */
  static show(extensionUri: vscode.Uri, token: string, source: string): TokenPanel {
    if (!TokenPanel.current) {
      const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'JWT', vscode.ViewColumn.Beside, {
        enableScripts: true,
        retainContextWhenHidden: false,
        localResourceRoots: panelResourceRoots(extensionUri),
      });
      TokenPanel.current = new TokenPanel(panel, extensionUri);
    } else {
      TokenPanel.current.panel.reveal(undefined, true);
    }
    TokenPanel.current.display(token, source);
    return TokenPanel.current;
  }

  /** Brings back a panel that was open when the window reloaded. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, state: PanelState | undefined): void {
    panel.webview.options = { enableScripts: true, localResourceRoots: panelResourceRoots(extensionUri) };
    TokenPanel.current?.panel.dispose();
    TokenPanel.current = new TokenPanel(panel, extensionUri);
    if (state?.token) TokenPanel.current.display(state.token, 'restored');
  }

  /** The open panel, for tests and for commands that act on it. */
  static get open(): TokenPanel | undefined {
    return TokenPanel.current;
  }

  private constructor(readonly panel: vscode.WebviewPanel, extensionUri: vscode.Uri) {
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    panel.webview.html = panelHtml(panel.webview, extensionUri);
    panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    panel.webview.onDidReceiveMessage((m: PanelToHost) => this.receive(m), undefined, this.disposables);
  }

  get token(): string | undefined {
    return this.state?.token;
  }

  private display(token: string, source: string): void {
    this.state = { token, source };
    this.panel.title = `JWT · ${titleFor(token)}`;
    // A webview that is still loading drops messages: the state is sent once it says it is ready.
    if (this.ready) this.post();
  }

  private post(): void {
    if (!this.state) return;
    const message: HostToPanel = { type: 'show', inspection: inspectToken(this.state.token), source: this.state.source };
    void this.panel.webview.postMessage(message);
  }

  private async receive(message: PanelToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post();
        return;
      case 'copy':
        await vscode.env.clipboard.writeText(message.text);
        vscode.window.setStatusBarMessage(`$(check) Copied ${message.label}`, 3000);
        return;
    }
  }

  private dispose(): void {
    if (TokenPanel.current === this) TokenPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** A short tab title: the subject or the algorithm, never more than a few characters of the token. */
function titleFor(token: string): string {
  const { decoded, header } = inspectToken(token);
  const payload = decoded?.payload;
  const sub = payload && typeof payload === 'object' && typeof payload.sub === 'string' ? payload.sub : undefined;
  const alg = (decoded?.header ?? header)?.alg;
  const label = sub ?? (typeof alg === 'string' ? alg : 'invalid');
  return label.length > 24 ? `${label.slice(0, 23)}…` : label;
}
