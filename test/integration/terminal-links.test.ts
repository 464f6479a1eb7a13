// Terminal links in the real extension host: a pseudoterminal prints what `curl -v` prints for a request
// with a Bearer token and a response setting a Flask session cookie, and the terminal link provider the
// extension registered with VS Code (from the test build's API) is asked for the links of its lines, as
// VS Code asks when the mouse is over one. test/e2e/terminal-status-bar.test.ts hovers and clicks them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostToPanel } from '../../src/protocol';
import { ALG_NONE, EXPIRED, JWE, VALID } from '../harness/sample-tokens';
import { api } from './signing-helpers';
import { base64url, eventually, panelTabs, useExtension } from './util';

/** A Flask session cookie made by Flask itself (signed 2026-01-01 00:00:00 UTC), as in flask.test.ts. */
const COOKIE = 'eyJ1c2VyX2lkIjo0MiwibmFtZSI6IkFkYSJ9.aVW5AA.7FS7rsrw-G_WruhkPkMSsuZ8te8';
/** Mirrors MAX_TERMINAL_LINE in src/contributions.ts: how much of a line is scanned. */
const SCANNED = 16 * 1024;

/** An HS256-shaped token (the signature is not checked here) expiring `seconds` from now. */
function expiringIn(seconds: number): string {
  const claims = { sub: 'terminal-user', exp: Math.floor(Date.now() / 1000) + seconds };
  return `${base64url('{"alg":"HS256","typ":"JWT"}')}.${base64url(JSON.stringify(claims))}.${'s'.repeat(43)}`;
}

describe('terminal links', () => {
  // Made when the suite starts: "expires in 2 h" for its first ten minutes.
  let token: string;
  let curl: string[];
  let terminal: vscode.Terminal;
  let cancel: vscode.CancellationTokenSource;

  useExtension();
  before(async () => {
    token = expiringIn(2 * 3600 + 600);
    curl = [
      '$ curl -v https://api.example.com/v1/me',
      '> GET /v1/me HTTP/1.1',
      '> Host: api.example.com',
      `> Authorization: Bearer ${token}`,
      '>',
      '< HTTP/1.1 200 OK',
      `< Set-Cookie: session=${COOKIE}; HttpOnly; Path=/`,
    ];
    const write = new vscode.EventEmitter<string>();
    const opened = new Promise<void>((resolve) => {
      terminal = vscode.window.createTerminal({
        name: 'curl -v',
        pty: {
          onDidWrite: write.event,
          open: () => {
            write.fire(curl.join('\r\n'));
            resolve();
          },
          close: () => write.dispose(),
        },
      });
    });
    terminal.show();
    await opened;
    cancel = new vscode.CancellationTokenSource();
  });
  after(() => {
    terminal?.dispose();
    cancel?.dispose();
  });

  /** The links the registered provider gives for `line` of the terminal. */
  async function linksOf(line: string): Promise<vscode.TerminalLink[]> {
    const links = await (await api()).terminalLinks.provideTerminalLinks({ line, terminal }, cancel.token);
    return [...(links ?? [])];
  }
  const shape = (links: vscode.TerminalLink[]) =>
    links.map(({ startIndex, length, tooltip }) => ({ startIndex, length, tooltip }));

  it("links the Bearer token of curl's request, summed up in its tooltip", async () => {
    const line = curl[3]!;
    const links = await linksOf(line);
    assert.deepEqual(shape(links), [
      { startIndex: '> Authorization: Bearer '.length, length: token.length, tooltip: 'JWT · HS256 · expires in 2 h' },
    ]);
    assert.equal(line.substr(links[0]!.startIndex, links[0]!.length), token);
  });

  it('links the Flask session cookie of the response, with when it was signed', async () => {
    const links = await linksOf(curl[6]!);
    assert.equal(links.length, 1);
    assert.equal(links[0]!.startIndex, '< Set-Cookie: session='.length);
    assert.equal(links[0]!.length, COOKIE.length);
    assert.match(
      links[0]!.tooltip ?? '',
      /^Flask session cookie · signed \d+ (months?|days?|years?) ago · verify with its SECRET_KEY$/,
    );
  });

  it('gives no links for the lines without a token', async () => {
    for (const line of [curl[0]!, curl[1]!, curl[2]!, curl[4]!, curl[5]!, '', 'version 1.2.3 at api.example.com'])
      assert.deepEqual(await linksOf(line), [], line);
  });

  it('links every token of a log line in order, each with its own summary', async () => {
    const line = `WARN rejected ${EXPIRED} then none=${ALG_NONE} and jwe "${JWE}" ok ${VALID}`;
    const links = await linksOf(line);
    assert.deepEqual(
      links.map((l) => line.substr(l.startIndex, l.length)),
      [EXPIRED, ALG_NONE, JWE, VALID],
    );
    const tips = links.map((l) => l.tooltip ?? '');
    assert.match(tips[0]!, /^JWT · HS256 · expired \d+ (y|mo) ago$/);
    assert.equal(tips[1], 'JWT · none · unsigned');
    assert.equal(tips[2], 'JWE · dir · A256GCM · encrypted');
    assert.match(tips[3]!, /^JWT · HS256 · expires in \d+ y$/);
  });

  it('scans only the start of a very long line, and never links a token cut by that limit', async () => {
    const filler = 'x'.repeat(SCANNED);
    const early = await linksOf(`Bearer ${token} ${filler}${VALID}`);
    assert.deepEqual(
      early.map((l) => l.startIndex),
      ['Bearer '.length],
    );
    // The token starts before the limit and ends after it: left out rather than shown cut short.
    const across = await linksOf(`${'x'.repeat(SCANNED - 100)} ${VALID}`);
    assert.deepEqual(across, []);
  });

  it('opens a clicked token in the JWT panel, saying it came from the terminal', async () => {
    const [link] = await linksOf(curl[3]!);
    assert.ok(link);
    await (await api()).terminalLinks.handleTerminalLink(link);
    await eventually(
      () => panelTabs().map((t) => t.label),
      (labels) => labels.includes('JWT · terminal-user'),
    );
    const [shown] = await (await api()).panelMessage({ type: 'ready' });
    assert.ok(shown?.type === 'show', JSON.stringify(shown));
    const show = shown as Extract<HostToPanel, { type: 'show' }>;
    assert.equal(show.inspection.token, token);
    assert.equal(show.source, 'terminal');
    assert.deepEqual(show.writeBack, {
      enabled: false,
      reason: 'This token came from a terminal, not from an editor, so there is no place to write a new one back to',
    });
  });

  it('asks for the SECRET_KEY to verify a clicked Flask session cookie', async () => {
    const [link] = await linksOf(curl[6]!);
    assert.ok(link);
    const handling = Promise.resolve((await api()).terminalLinks.handleTerminalLink(link));
    // JWT: Verify Flask Session Cookie waits for the SECRET_KEY; cancelling the prompt ends it.
    const state = await Promise.race([
      handling.then(() => 'done'),
      new Promise((resolve) => setTimeout(() => resolve('asking'), 1500)),
    ]);
    assert.equal(state, 'asking');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await handling;
  });
});
