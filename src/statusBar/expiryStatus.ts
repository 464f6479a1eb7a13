import * as vscode from 'vscode';
import { decodeToken, expiryCountdown, tokenAt, utcText, type CountdownTone, type DecodedToken } from '../core';
import type { ExpiryStatusView } from '../contributions';

const ICONS: Record<CountdownTone, string> = {
  ok: '$(clock)',
  soon: '$(warning)',
  expired: '$(error)',
  'not-yet-valid': '$(clock)',
  encrypted: '$(lock)',
};
/** The two backgrounds VS Code lets a status bar item have; none while all is well. */
const BACKGROUNDS: Partial<Record<CountdownTone, string>> = {
  soon: 'statusBarItem.warningBackground',
  'not-yet-valid': 'statusBarItem.warningBackground',
  expired: 'statusBarItem.errorBackground',
};

/**
 * The status bar item that counts down to the expiry of the token under the cursor: "JWT expires in
 * 4:59", "JWT expired 3 min ago", "JWT · no expiry". It turns to the warning colour within
 * `jwt.statusBar.warnBefore` seconds of expiry and to the error colour once expired, and its icon and
 * text say so too; a click opens the token in the JWT panel. A cursor move looks at the cursor's line
 * only (core tokenAt); the clock ticks once a second while the item shows, and stops when it hides.
 */
export class ExpiryStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('jwt.expiry', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];
  /** The token under the cursor, decoded once; undefined while the item is hidden. */
  private shown: { token: string; decoded: DecodedToken } | undefined;
  private warnBefore = 300;
  /** The theme colour id behind the item (a ThemeColor does not say its id). */
  private background: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.item.name = vscode.l10n.t('JWT Expiry');
    this.item.command = { command: 'jwt.decode', title: vscode.l10n.t('Open in the JWT panel') };
    const active = (document: vscode.TextDocument) => document === vscode.window.activeTextEditor?.document;
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.onDidChangeTextEditorSelection(({ textEditor }) => {
        if (textEditor === vscode.window.activeTextEditor) this.update();
      }),
      // An edit can change the token under a cursor that stays put (Delete, a paste from another editor).
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (active(document)) this.update();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('jwt.statusBar')) this.update();
      }),
    ];
    this.update();
  }

  /** What the item shows now (for the test build's API). */
  view(): ExpiryStatusView {
    const { text, tooltip, accessibilityInformation, command } = this.item;
    return {
      visible: this.shown !== undefined,
      text,
      tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''),
      accessibilityLabel: accessibilityInformation?.label ?? '',
      background: this.background,
      ticking: this.timer !== undefined,
      command: typeof command === 'string' ? command : command?.command,
    };
  }

  dispose(): void {
    this.stopClock();
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** Shows the token under the active editor's cursor, if there is one, or hides the item. */
  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const config = vscode.workspace.getConfiguration('jwt.statusBar', editor?.document);
    const token = editor && config.get<boolean>('enabled', true) ? tokenUnderCursor(editor) : undefined;
    if (token === undefined) {
      this.hide();
      return;
    }
    if (token !== this.shown?.token) {
      try {
        // An SD-JWT's times are its issuer's JWS's, before the first "~".
        this.shown = { token, decoded: decodeToken(token.split('~', 1)[0]!) };
      } catch {
        // A token whose claims do not decode has no expiry to count down to (Problems says why).
        this.hide();
        return;
      }
    }
    this.warnBefore = Math.max(0, config.get<number>('warnBefore', 300));
    this.render();
  }

  /** Brings the item up to date with the clock, and sets the clock to come back when its text next changes. */
  private render(): void {
    this.stopClock();
    if (!this.shown) return;
    const now = Date.now();
    const { decoded } = this.shown;
    const countdown = expiryCountdown(decoded, now, this.warnBefore);
    // Only what changed is set: each assignment is a message to the workbench.
    const text = `${ICONS[countdown.tone]} ${countdown.text}`;
    if (this.item.text !== text) this.item.text = text;
    const background = BACKGROUNDS[countdown.tone];
    if (this.background !== background) {
      this.background = background;
      this.item.backgroundColor = background ? new vscode.ThemeColor(background) : undefined;
    }
    if (this.item.accessibilityInformation?.label !== countdown.spoken)
      this.item.accessibilityInformation = { label: countdown.spoken };
    const tooltip = tooltipText(decoded, now);
    if (this.item.tooltip !== tooltip) this.item.tooltip = tooltip;
    this.item.show();
    if (countdown.countsTo !== undefined) {
      // Just after the next whole second from the expiry, when the countdown's text turns.
      const delay = (((countdown.countsTo * 1000 - now) % 1000) + 1000) % 1000;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.render();
      }, delay + 5);
    }
  }

  private hide(): void {
    this.stopClock();
    this.shown = undefined;
    this.item.hide();
  }

  private stopClock(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** The token the primary cursor is on, looking at its line only. */
function tokenUnderCursor(editor: vscode.TextEditor): string | undefined {
  const { active } = editor.selection;
  return tokenAt(editor.document.lineAt(active.line).text, active.character)?.token;
}

/** The exact times, in UTC and local time, and what a click does. */
function tooltipText(decoded: DecodedToken, nowMs: number): string {
  const { exp, nbf } = decoded.times;
  const at = (seconds: number, iso: string) =>
    vscode.l10n.t('{0} ({1} local time)', utcText(iso), localTime(new Date(seconds * 1000)));
  const lines: string[] = [];
  if (decoded.kind === 'jwe') lines.push(vscode.l10n.t('Encrypted: its claims, exp among them, need the key'));
  else if (nbf && nbf.seconds * 1000 > nowMs) lines.push(vscode.l10n.t('Usable from {0}', at(nbf.seconds, nbf.date)));
  if (exp)
    lines.push(
      exp.seconds * 1000 > nowMs
        ? vscode.l10n.t('Expires at {0}', at(exp.seconds, exp.date))
        : vscode.l10n.t('Expired at {0}', at(exp.seconds, exp.date)),
    );
  else if (decoded.kind !== 'jwe') lines.push(vscode.l10n.t('No exp claim: this token does not expire'));
  lines.push(vscode.l10n.t('Click to open it in the JWT panel'));
  return lines.join('\n');
}

/** A date and time as VS Code's display language writes them. */
function localTime(date: Date): string {
  try {
    return date.toLocaleString(vscode.env.language);
  } catch {
    return date.toLocaleString(); // a display language Intl does not know
  }
}
