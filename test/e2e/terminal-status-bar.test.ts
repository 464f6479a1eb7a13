// Tokens met outside the editor's text, as a user meets them in the browser workbench: the expiry
// status bar item counting down while the cursor is on a token that expires in a few minutes (a click
// opens it in the panel), and
// `curl -v` output printed in a real shell in the terminal, whose Bearer token is a link with a summary
// on hover that opens the JWT panel on Ctrl+click. Screenshots (cut to the part that matters):
// test-output/status-bar.png and test-output/terminal-link.png, the README's pictures.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { OUTPUT_DIR } from '../harness/vscode-server';
import { useWorkbench, type Workbench } from '../harness/workbench';

const json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const HEADER = json({ alg: 'HS256', typ: 'JWT' });
/** An HS256-shaped token for `sub` that expires `seconds` from now (its signature is never checked here). */
const token = (sub: string, seconds: number) =>
  `${HEADER}.${json({ sub, name: 'Ada Lovelace', exp: Math.floor(Date.now() / 1000) + seconds })}.${'c2ln'.repeat(10)}abc`;
const COOKIE = 'eyJ1c2VyX2lkIjo0MiwibmFtZSI6IkFkYSJ9.aVW5AA.7FS7rsrw-G_WruhkPkMSsuZ8te8';

describe('terminal links and the expiry status bar item in the browser workbench', function () {
  let vs: Workbench;
  /** Expires under 5 minutes after the workbench starts: within the default warning threshold. */
  let EDITOR_TOKEN: string;
  /** Sent by curl in the terminal; expires in 2 h. */
  let CURL_TOKEN: string;
  /** What `curl -v` prints for that request (the terminal shows it with `cat`). */
  const curlOutput = () =>
    [
      '* Connected to api.example.com (127.0.0.1) port 443',
      '> GET /v1/me HTTP/1.1',
      '> Host: api.example.com',
      `> Authorization: Bearer ${CURL_TOKEN}`,
      '>',
      '< HTTP/1.1 200 OK',
      `< Set-Cookie: session=${COOKIE}; HttpOnly; Path=/`,
      '',
    ].join('\n');

  useWorkbench(
    (w) => (vs = w),
    () => {
      // Made as the workbench starts, so their times run from then.
      EDITOR_TOKEN = token('status-user', 290);
      CURL_TOKEN = token('terminal-user', 2 * 3600 + 600);
      return {
        files: { 'token.env': `# expires in a few minutes\nACCESS_TOKEN=${EDITOR_TOKEN}\n`, 'curl.txt': curlOutput() },
        // The DOM renderer: its rows are text a test can find (the GPU renderers draw on a canvas).
        settings: { 'terminal.integrated.gpuAcceleration': 'off', 'terminal.integrated.fontSize': 13 },
        // Small, so that the screenshots are too.
        viewport: { width: 1000, height: 460 },
      };
    },
  );

  /** The status bar entry whose text contains `text`. */
  const statusItem = (text: string | RegExp): Locator =>
    vs.page.locator('.part.statusbar .statusbar-item', { hasText: text }).first();

  it('counts down in the status bar while the cursor is on a token, in the warning colour', async () => {
    await vs.openFile('token.env');
    await vs.runCommand('View: Close Primary Side Bar');
    await vs.placeCursor(EDITOR_TOKEN.slice(0, 30));
    const item = statusItem('JWT expires in');
    await item.waitFor({ state: 'visible', timeout: 20000 });
    const first = (await item.innerText()).trim();
    assert.match(first, /^JWT expires in [0-4]:[0-5]\d$/);
    // The warning colour, a warning icon, and words a screen reader reads.
    assert.match((await item.getAttribute('class')) ?? '', /\bwarning-kind\b/);
    assert.equal(await item.locator('.codicon-warning').count(), 1);
    assert.match((await item.getAttribute('aria-label')) ?? '', /^JWT expires in \d minutes?$/);
    // Its clock runs on its own.
    await vs.page.waitForFunction(
      ({ before }) => {
        const text = document.getElementById('jwt-toolkit.jwt-toolkit.jwt.expiry')?.innerText.trim();
        return text?.startsWith('JWT expires in') && text !== before;
      },
      { before: first },
      { timeout: 5000 },
    );
    await screenshotBelow(vs.page, 30, 'status-bar');
    await item.hover();
    const tooltip = vs.page
      .locator('.monaco-hover:visible, .workbench-hover:visible', { hasText: 'Expires at' })
      .first();
    await tooltip.waitFor({ state: 'visible', timeout: 10000 });
    assert.match(
      await tooltip.innerText(),
      /^Expires at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(.+ local time\)\s+Click to open it in the JWT panel$/,
    );
    // A click opens the token under the cursor in the panel.
    await item.click();
    const panel = await vs.panelFrame({ hasText: 'status-user' });
    assert.match(await panel.evaluate(() => document.body.innerText), /from cursor/);
    // The panel has the focus, so no text editor is active and the item hides; closing the panel brings
    // token.env and the item back.
    await item.waitFor({ state: 'hidden', timeout: 10000 });
    await vs.runCommand('View: Close Editor');
    await item.waitFor({ state: 'visible', timeout: 10000 });
    await vs.page.mouse.move(5, 5);
  });

  it('links the Bearer token in curl -v output in the terminal: a summary on hover, the panel on Ctrl+click', async () => {
    await vs.runCommand('Terminal: Create New Terminal');
    const rows = vs.page.locator('.xterm-rows').first();
    await rows.waitFor({ state: 'visible', timeout: 20000 });
    await vs.page.locator('.xterm-helper-textarea').first().focus();
    await vs.page.keyboard.type("PS1='$ '; clear; cat curl.txt\n");
    await rows.filter({ hasText: 'HttpOnly' }).waitFor({ state: 'visible', timeout: 20000 });
    await vs.runCommand('View: Toggle Maximized Panel');

    const tooltip = await hoverTerminalText('Bearer eyJ', 'Bearer '.length + 2, 'JWT · HS256');
    assert.match(tooltip, /JWT · HS256 · expires in 2 h/);
    // VS Code underlines the link under the mouse: the whole token, over the two rows it wraps onto.
    const underlined = await vs.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.xterm-rows span')]
        .filter((span) => span.style.textDecoration.includes('underline'))
        .map((span) => span.textContent)
        .join(''),
    );
    assert.equal(underlined, CURL_TOKEN);
    await screenshotBelow(vs.page, 30, 'terminal-link');

    await vs.page.keyboard.down('Control');
    await vs.page.mouse.down();
    await vs.page.mouse.up();
    await vs.page.keyboard.up('Control');
    const panel = await vs.panelFrame({ hasText: 'terminal-user' });
    assert.match(await panel.evaluate(() => document.body.innerText), /from terminal/);
  });

  it('sums up the Flask session cookie of the response on hover', async () => {
    await vs.runCommand('Terminal: Focus Terminal');
    const tooltip = await hoverTerminalText('session=eyJ', 'session='.length + 2, 'Flask session cookie');
    assert.match(tooltip, /Flask session cookie · signed \d+ (months?|days?) ago · verify with its SECRET_KEY/);
  });

  /**
   * Hovers the terminal's text `at` characters into the first `text` it shows, until a hover containing
   * `expect` appears (the provider answers once the extension's features have loaded), and returns it.
   */
  async function hoverTerminalText(text: string, at: number, expect: string): Promise<string> {
    const hover = vs.page.locator('.monaco-hover:visible, .workbench-hover:visible', { hasText: expect }).first();
    for (let attempt = 1; ; attempt++) {
      const point = await vs.page.evaluate(
        ({ text, at }) => {
          for (const row of document.querySelectorAll('.xterm-rows > div')) {
            const start = (row.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(text);
            if (start < 0) continue;
            const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
            let offset = 0;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const length = node.textContent?.length ?? 0;
              if (start + at < offset + length) {
                const range = document.createRange();
                range.setStart(node, start + at - offset);
                range.setEnd(node, start + at - offset + 1);
                const rect = range.getBoundingClientRect();
                return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
              }
              offset += length;
            }
          }
          return undefined;
        },
        { text, at },
      );
      assert.ok(point, `"${text}" is not on a row of the terminal`);
      await vs.page.mouse.move(point.x, point.y - 30, { steps: 2 });
      await vs.page.mouse.move(point.x, point.y, { steps: 4 });
      try {
        await hover.waitFor({ state: 'visible', timeout: 5000 });
        return (await hover.innerText()).replace(/\u00a0/g, ' ').trim();
      } catch (error) {
        if (attempt >= 6) throw error;
      }
    }
  }
});

/** Saves test-output/<name>.png: the page from `top` (px) down, which is all a README picture needs. */
async function screenshotBelow(page: Page, top: number, name: string): Promise<void> {
  const { width, height } = page.viewportSize()!;
  await page.screenshot({
    path: path.join(OUTPUT_DIR, `${name}.png`),
    clip: { x: 0, y: top, width, height: height - top },
  });
}
