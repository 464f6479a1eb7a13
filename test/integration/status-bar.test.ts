// The JWT expiry status bar item in the real extension host, read through the test build's API (a status
// bar item cannot be read back through VS Code's): what it says, its colour and whether its clock runs
// as the cursor moves onto and off tokens that expire soon, later, never, or expired already.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExpiryStatusView } from '../../src/contributions';
import type { HostToPanel } from '../../src/protocol';
import { EXPIRED, JWE } from '../harness/sample-tokens';
import { api } from './signing-helpers';
import { base64url, eventually, openText, panelTabs, useExtension } from './util';

/** An HS256-shaped token (its signature is not checked here) expiring `seconds` from now, or never. */
function expiringIn(seconds: number | undefined, sub = 'status-user'): string {
  const claims = seconds === undefined ? { sub } : { sub, exp: Math.floor(Date.now() / 1000) + seconds };
  return `${base64url('{"alg":"HS256","typ":"JWT"}')}.${base64url(JSON.stringify(claims))}.${'s'.repeat(43)}`;
}

const FOREVER = expiringIn(undefined);

describe('expiry status bar item', () => {
  let editor: vscode.TextEditor;
  // Made afresh for each test: their countdowns start with it.
  let SOON: string;
  let LATER: string;
  let LINES: string[];

  useExtension();
  beforeEach(async () => {
    SOON = expiringIn(150, 'soon-user');
    LATER = expiringIn(3 * 3600 + 1800);
    LINES = [`soon=${SOON}`, `later: ${LATER}`, `old ${EXPIRED}`, `forever ${FOREVER}`, 'no token here', `jwe ${JWE}`];
    editor = await openText(LINES.join('\n'));
  });
  afterEach(async () => {
    const config = vscode.workspace.getConfiguration('jwt.statusBar');
    await config.update('enabled', undefined, vscode.ConfigurationTarget.Global);
    await config.update('warnBefore', undefined, vscode.ConfigurationTarget.Global);
  });

  const status = async (): Promise<ExpiryStatusView> => (await api()).expiryStatus();
  /** Puts the cursor `column` characters into line `line` and waits for the item to show `wanted`. */
  async function cursorAt(line: number, column: number, wanted: (v: ExpiryStatusView) => boolean) {
    editor.selection = new vscode.Selection(line, column, line, column);
    return eventually(status, wanted);
  }
  const column = (line: number, token: string) => LINES[line]!.indexOf(token) + 20;

  it('counts down to a token that expires soon, in the warning colour', async () => {
    const view = await cursorAt(0, column(0, SOON), (v) => v.visible);
    assert.match(view.text, /^\$\(warning\) JWT expires in [0-2]:[0-5]\d$/);
    assert.equal(view.background, 'statusBarItem.warningBackground');
    assert.match(view.accessibilityLabel, /^JWT expires in (2 minutes|1 minute|\d+ seconds)$/);
    // The tooltip has the exact time, in UTC as in the token and in local time.
    const exp = JSON.parse(atob(SOON.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))).exp as number;
    const utc = new Date(exp * 1000).toISOString().replace('T', ' ').replace('.000Z', ' UTC');
    assert.match(
      view.tooltip,
      new RegExp(`^Expires at ${utc} \\(.+ local time\\)\\nClick to open it in the JWT panel$`),
    );
    assert.equal(view.ticking, true);
    // Its clock runs: the countdown moves on without the cursor moving.
    const later = await eventually(status, (v) => v.text !== view.text);
    assert.notEqual(later.text, view.text);
    assert.match(later.text, /^\$\(warning\) JWT expires in [0-2]:[0-5]\d$/);
  });

  it('shows hours and minutes for a token that expires later, without a colour', async () => {
    const view = await cursorAt(1, column(1, LATER), (v) => v.visible);
    assert.match(view.text, /^\$\(clock\) JWT expires in (3 h 29 min|3 h 30 min)$/);
    assert.equal(view.background, undefined);
  });

  it('says how long ago an expired token expired, in the error colour', async () => {
    const view = await cursorAt(2, column(2, EXPIRED), (v) => v.visible);
    assert.match(view.text, /^\$\(error\) JWT expired \d+ (y|mo) ago$/);
    assert.equal(view.background, 'statusBarItem.errorBackground');
    assert.match(view.tooltip, /^Expired at 2024-01-02 00:00:00 UTC \(/);
    assert.match(view.accessibilityLabel, /^JWT expired \d+ (years?|months?) ago$/);
  });

  it('says when a token has no expiry, and then has no clock to run', async () => {
    const view = await cursorAt(3, column(3, FOREVER), (v) => v.visible);
    assert.equal(view.text, '$(clock) JWT · no expiry');
    assert.equal(view.background, undefined);
    assert.equal(view.ticking, false);
    const jwe = await cursorAt(5, column(5, JWE), (v) => v.text.includes('JWE'));
    assert.equal(jwe.text, '$(lock) JWE · expiry encrypted');
  });

  it('hides, and stops its clock, when the cursor leaves the token or the editor has none', async () => {
    await cursorAt(0, column(0, SOON), (v) => v.visible && v.ticking);
    const off = await cursorAt(4, 3, (v) => !v.visible);
    assert.deepEqual([off.visible, off.ticking], [false, false]);
    await cursorAt(0, column(0, SOON), (v) => v.visible);
    await openText('nothing to see\n');
    const other = await eventually(status, (v) => !v.visible);
    assert.deepEqual([other.visible, other.ticking], [false, false]);
  });

  it('follows jwt.statusBar.warnBefore and jwt.statusBar.enabled', async () => {
    await cursorAt(1, column(1, LATER), (v) => v.visible);
    const config = () => vscode.workspace.getConfiguration('jwt.statusBar');
    await config().update('warnBefore', 4 * 3600, vscode.ConfigurationTarget.Global);
    const warned = await eventually(status, (v) => v.background !== undefined);
    assert.equal(warned.background, 'statusBarItem.warningBackground');
    assert.match(warned.text, /^\$\(warning\) JWT expires in 3 h/);
    await config().update('enabled', false, vscode.ConfigurationTarget.Global);
    const hidden = await eventually(status, (v) => !v.visible);
    assert.deepEqual([hidden.visible, hidden.ticking], [false, false]);
  });

  it('opens the token under the cursor in the JWT panel when clicked', async () => {
    const { command } = await cursorAt(0, column(0, SOON), (v) => v.visible);
    // A click runs the item's command (JWT: Decode), which takes the token under the cursor.
    assert.equal(command, 'jwt.decode');
    await vscode.commands.executeCommand(command);
    await eventually(
      () => panelTabs().map((t) => t.label),
      (labels) => labels.includes('JWT · soon-user'),
    );
    const [shown] = await (await api()).panelMessage({ type: 'ready' });
    const show = shown as Extract<HostToPanel, { type: 'show' }>;
    assert.equal(show.inspection.token, SOON);
    assert.equal(show.source, 'cursor');
  });
});
