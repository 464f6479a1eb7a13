import * as vscode from 'vscode';
import { passedChecks } from '../audit/securityReview';
import { decodeSdJwt, inspectToken } from '../core';
import { PANEL_VIEW_TYPE, type HostToPanel, type PanelState, type VerifyOutcome } from '../protocol';
import { LAST_ALG } from '../sign/signWithKey';
import { handlePanelAction, writeBackState } from './panelActions';
import { readPanelMessage } from './readPanelMessage';
import type { PanelDeps, ShownToken } from './panelDeps';
import { panelHtml, panelResourceRoots } from './panelHtml';

/** The one JWT panel: opened by Decode, then updated in place by later Decodes. */
export class TokenPanel {
  private static current: TokenPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private shown: ShownToken | undefined;
  private verification: VerifyOutcome | undefined;
  /** The shown JWE's decryption, re-sent when the webview reloads (it keeps no state of its own). */
  private decryption: Extract<HostToPanel, { type: 'decrypted' }> | undefined;
  /** The shown token's security review, once done; re-sent when the webview reloads. */
  private audit: Extract<HostToPanel, { type: 'audit' }> | undefined;
  /** The shown SD-JWT's disclosures, once resolved; re-sent when the webview reloads. */
  private disclosures: Extract<HostToPanel, { type: 'disclosures' }> | undefined;
  private ready = false;

  /** Shows `token` in the panel, opening it beside the editor if it is not open. */
  static show(deps: PanelDeps, shown: ShownToken): TokenPanel {
    if (!TokenPanel.current) {
      const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'JWT', vscode.ViewColumn.Beside, {
        enableScripts: true,
        retainContextWhenHidden: false,
        localResourceRoots: panelResourceRoots(deps.extensionUri),
      });
      TokenPanel.current = new TokenPanel(panel, deps);
    } else {
      TokenPanel.current.panel.reveal(undefined, true);
    }
    TokenPanel.current.display(shown);
    return TokenPanel.current;
  }

  /** Brings back a panel that was open when the window reloaded. */
  static revive(panel: vscode.WebviewPanel, deps: PanelDeps, state: PanelState | undefined): void {
    panel.webview.options = { enableScripts: true, localResourceRoots: panelResourceRoots(deps.extensionUri) };
    TokenPanel.current?.panel.dispose();
    TokenPanel.current = new TokenPanel(panel, deps);
    if (state?.token) TokenPanel.current.display({ token: state.token, source: 'restored' });
  }

  /** The open panel, for commands that act on it. */
  static get open(): TokenPanel | undefined {
    return TokenPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: PanelDeps,
  ) {
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'icon.png');
    panel.webview.html = panelHtml(panel.webview, deps.extensionUri);
    panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m), undefined, this.disposables);
    deps.keys.onDidChange(
      () => this.post({ type: 'keys', keys: deps.keys.list(), pinned: deps.keys.pinned()?.name }),
      undefined,
      this.disposables,
    );
  }

  get token(): string | undefined {
    return this.shown?.token;
  }

  /** Shows a signature check of `token` prominently, if the panel still shows that token. */
  showVerification(token: string, outcome: VerifyOutcome): void {
    if (token !== this.shown?.token) return;
    this.verification = outcome;
    this.post({ type: 'verified', outcome, about: token });
  }

  /**
   * Handles one message from the panel, once it is checked to be well formed (anything else is
   * dropped), and returns the replies it posted. The test build's API drives the host side through it.
   */
  async receive(raw: unknown): Promise<HostToPanel[]> {
    const message = readPanelMessage(raw);
    if (!message) return [];
    if (message.type === 'ready') {
      this.ready = true;
      if (this.shown) return this.postShown();
      this.post({ type: 'empty' });
      return [{ type: 'empty' }];
    }
    if (message.type === 'decode') {
      await vscode.commands.executeCommand('jwt.decode');
      return [];
    }
    // A request about a token no longer shown, and the replies to one whose token was replaced while
    // the host worked on it, are dropped: a verdict or a new token belongs to the token it was made for.
    const about = 'about' in message ? message.about : undefined;
    if (!this.shown || (about !== undefined && about !== this.shown.token)) return [];
    const replies = await handlePanelAction(this.deps, this.shown, message, (shown) => this.display(shown));
    if (about !== undefined && about !== this.shown?.token && message.type !== 'writeBack') return [];
    for (const reply of replies) {
      if (reply.type === 'verified') this.verification = reply.outcome;
      if (reply.type === 'decrypted') this.decryption = reply;
      this.post(reply);
    }
    return replies;
  }

  private display(shown: ShownToken): void {
    if (shown.token !== this.shown?.token) {
      this.verification = undefined;
      this.decryption = undefined;
      this.audit = undefined;
      this.disclosures = undefined;
    }
    this.shown = shown;
    this.panel.title = `JWT · ${titleFor(shown.token)}`;
    this.postShown();
    if (!this.audit) this.review(shown.token);
    if (!this.disclosures && shown.token.includes('~')) this.resolveDisclosures(shown.token);
  }

  /** Resolves an SD-JWT's disclosures (core decodeSdJwt) and posts them if the panel still shows it. */
  private resolveDisclosures(token: string): void {
    void decodeSdJwt(token).then(
      (sdJwt) => this.postDisclosures({ type: 'disclosures', sdJwt, about: token }),
      (error: unknown) =>
        this.postDisclosures({
          type: 'disclosures',
          error: error instanceof Error ? error.message : String(error),
          about: token,
        }),
    );
  }

  private postDisclosures(message: Extract<HostToPanel, { type: 'disclosures' }>): void {
    if (message.about !== this.shown?.token) return;
    this.disclosures = message;
    this.post(message);
  }

  /** Reviews `token` (core auditToken, cached) and posts the findings if the panel still shows it. */
  private review(token: string): void {
    void this.deps.reviews.review(token).then((findings) => {
      if (token !== this.shown?.token) return;
      this.audit = { type: 'audit', findings: [...findings], passed: passedChecks(findings), about: token };
      this.post(this.audit);
    });
  }

  /**
   * The token and what goes with it (its verdict and decryption, if any); a webview that is still
   * loading drops messages, so this waits for "ready". Returns what it posted.
   */
  private postShown(): HostToPanel[] {
    if (!this.shown) return [];
    const { keys, globalState } = this.deps;
    const messages: HostToPanel[] = [
      {
        type: 'show',
        inspection: inspectToken(this.shown.token),
        source: this.shown.source,
        keys: keys.list(),
        pinned: keys.pinned()?.name,
        writeBack: writeBackState(this.shown),
        lastAlg: globalState.get<string>(LAST_ALG),
      },
    ];
    if (this.verification) messages.push({ type: 'verified', outcome: this.verification, about: this.shown.token });
    if (this.decryption) messages.push(this.decryption);
    if (this.audit?.about === this.shown.token) messages.push(this.audit);
    if (this.disclosures?.about === this.shown.token) messages.push(this.disclosures);
    for (const message of messages) this.post(message);
    return messages;
  }

  private post(message: HostToPanel): void {
    if (this.ready) void this.panel.webview.postMessage(message);
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
  const label = sub ?? (typeof alg === 'string' ? alg : vscode.l10n.t('invalid'));
  return label.length > 24 ? `${label.slice(0, 23)}…` : label;
}
