// The panel for everyone, in the real workbench: axe-core (WCAG 2.1 A and AA rules) over the panel
// showing a signed and verified token, a JWE before and after decrypting it, a broken token and a risky
// one's Security section, in Dark Modern, Light Modern and both High Contrast themes, switched the way
// a user does (Preferences: Color Theme); then the panel walked with the keyboard alone; then a narrow
// panel beside the editor. Screenshots: test-output/panel-narrow.png and panel-high-contrast.png (the
// README's pictures, docs/images/, are copies of them).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Frame } from 'playwright-core';
import { JWE, SAMPLE_SECRET, VALID } from '../harness/sample-tokens';
import { OUTPUT_DIR } from '../harness/vscode-server';
import { useWorkbench, type Workbench } from '../harness/workbench';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  resultTypes: ['violations'],
};

const json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A kid that is a path, a key URL on another host, a card number: the Security section has findings. */
const RISKY = `${json({ alg: 'HS256', kid: '../../dev/null', jku: 'https://evil.example/jwks.json' })}.${json({
  iss: 'https://issuer.example',
  sub: 'risky-user',
  card: '4111 1111 1111 1111',
  exp: Math.floor(Date.now() / 1000) + 3600,
})}.c2lnbmF0dXJl`;
/** A header that decodes and a payload that does not: a character too many. */
const BROKEN = `${json({ alg: 'HS256', typ: 'JWT' })}.eyJzdWIiOiJ4In0xx.c2lnbmF0dXJl`;
/** The sample JWE's key (dir, A256GCM): 32 bytes of 0x07. */
const JWE_KEY = JSON.stringify({ kty: 'oct', k: Buffer.alloc(32, 7).toString('base64url') });

/** VS Code's four default themes: the name in the Color Theme picker and the kind the webview's <body> gets. */
const THEMES = [
  { label: 'Dark Modern', kind: 'vscode-dark' },
  { label: 'Light Modern', kind: 'vscode-light' },
  { label: 'Dark High Contrast', kind: 'vscode-high-contrast' },
  { label: 'Light High Contrast', kind: 'vscode-high-contrast-light' },
] as const;

describe('accessibility of the panel', function () {
  let vs: Workbench;

  useWorkbench(
    (w) => (vs = w),
    () => ({
      files: {
        'a11y.env': [`SIGNED=${VALID}`, `ENCRYPTED=${JWE}`, `BROKEN=${BROKEN}`, `RISKY=${RISKY}`, ''].join('\n'),
      },
      settings: { 'workbench.colorTheme': 'Default Dark Modern' },
    }),
  );

  /** Decodes the token of a11y.env that holds `unique` and returns the panel once it shows `hasText`. */
  async function decode(unique: string, hasText: string | RegExp): Promise<Frame> {
    const file = vs.page.locator('.editor-group-container .tab', { hasText: 'a11y.env' }).first();
    if (await file.isVisible()) await file.click();
    else await vs.openFile('a11y.env');
    await vs.placeCursor(unique);
    await vs.runCommand('JWT: Decode');
    const panel = await vs.panelFrame({ selector: '#status', hasText });
    // The Security section's passed checks are folded away: open them, so they are checked too.
    await panel.waitForSelector('#security details.passed, #security .audit-summary', { timeout: 10000 });
    await panel.evaluate(() => document.querySelector('#security details.passed')?.setAttribute('open', ''));
    return panel;
  }

  /** Switches the colour theme through the palette, as a user does, and waits for the panel to follow. */
  async function useTheme(panel: Frame, theme: (typeof THEMES)[number]): Promise<void> {
    const kind = () => panel.evaluate(() => document.body.dataset.vscodeThemeKind);
    const name = () => panel.evaluate(() => document.body.dataset.vscodeThemeName);
    if ((await kind()) === theme.kind && (await name())?.includes(theme.label)) return;
    await vs.runCommand('Preferences: Color Theme');
    const widget = vs.page.locator('.quick-input-widget');
    await widget.locator('.quick-input-box input').fill(theme.label);
    const row = widget.locator('.monaco-list-row', { hasText: theme.label }).first();
    await row.waitFor({ state: 'visible', timeout: 10000 });
    await vs.page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden', timeout: 10000 });
    const deadline = Date.now() + 15000;
    while ((await kind()) !== theme.kind) {
      if (Date.now() > deadline) throw new Error(`the panel did not follow the theme ${theme.label}: ${await kind()}`);
      await vs.page.waitForTimeout(200);
    }
    // The panel's contrast check runs on the theme's change (a MutationObserver): let it settle.
    await vs.page.waitForTimeout(300);
  }

  /** axe-core's serious and critical WCAG 2.1 A/AA violations in the panel, one line per element. */
  async function axeViolations(panel: Frame): Promise<string[]> {
    if (!(await panel.evaluate(() => 'axe' in window))) await panel.evaluate(AXE_SOURCE);
    const violations = await panel.evaluate(async (options) => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
      const results = await axe.run(document, options);
      return results.violations.map(({ id, impact, help, nodes }) => ({
        id,
        impact,
        help,
        nodes: nodes.map((node) => ({ target: node.target.join(' '), summary: node.failureSummary ?? '' })),
      }));
    }, AXE_OPTIONS);
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) =>
        v.nodes.map(
          (node) =>
            `${v.id} (${v.impact}: ${v.help}) at ${node.target}\n      ${node.summary.replace(/\n/g, '\n      ')}`,
        ),
      );
  }

  /** The themes in the order the next state visits them: back and forth, so each starts where the last ended. */
  let themes: (typeof THEMES)[number][] = [...THEMES];

  /** Runs axe on the panel in each theme, collecting what fails under `state`. */
  async function checkThemes(panel: Frame, state: string, failures: string[]): Promise<void> {
    const order = themes;
    themes = [...order].reverse();
    for (const theme of order) {
      await useTheme(panel, theme);
      const found = await axeViolations(panel);
      console.log(`      axe: ${state}, ${theme.label}: ${found.length} serious or critical`);
      for (const line of found) failures.push(`[${theme.label}] ${state}: ${line}`);
      if (state === 'a risky token' && theme.label === 'Dark High Contrast') {
        await panel.evaluate(() => document.getElementById('security')?.scrollIntoView());
        await panelShot('panel-high-contrast');
      }
    }
  }

  /** Saves test-output/<name>.png: the panel's editor group only, small enough for the README. */
  async function panelShot(name: string): Promise<void> {
    const group = vs.page.locator('.editor-group-container', { has: vs.page.locator('.tab', { hasText: 'JWT' }) });
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    await group.first().screenshot({ path: `${OUTPUT_DIR}/${name}.png`, timeout: 15000 });
  }

  it('has no serious or critical axe-core violations in the four default themes', async function () {
    this.timeout(600_000);
    const failures: string[] = [];

    // A signed token, verified with its secret but with an issuer it does not have: the valid verdict,
    // a failed and a passed claim check, the verified status.
    let panel = await decode(VALID.split('.')[1]!.slice(0, 30), 'Ada Lovelace');
    await panel.locator('.verify textarea.key-text').fill(SAMPLE_SECRET);
    await panel.locator('#expected-iss').fill('https://other.example');
    await panel.locator('#expected-aud').fill('jwt-toolkit-samples');
    await panel.locator('#verify-button').click();
    await panel.waitForSelector('#verify-result [data-verdict="valid"]', { timeout: 15000 });
    await checkThemes(panel, 'a signed token, verified', failures);

    panel = await decode(JWE.slice(0, 20), /Encrypted/);
    await checkThemes(panel, 'a JWE', failures);
    await panel.locator('.decrypt textarea.key-text').fill(JWE_KEY);
    await panel.locator('#decrypt-button').click();
    await panel.waitForSelector('#decrypt-result [data-layer="decrypted"]', { timeout: 15000 });
    await checkThemes(panel, 'a JWE, decrypted', failures);

    panel = await decode('eyJzdWIiOiJ4In0xx', 'Cannot decode');
    await checkThemes(panel, 'a broken token', failures);

    panel = await decode(RISKY.slice(0, 30), 'looks like a file path');
    await checkThemes(panel, 'a risky token', failures);

    assert.equal(failures.length, 0, `axe-core found ${failures.length} problems:\n  ${failures.join('\n  ')}`);
  });

  /** What has the keyboard focus in the panel: an element's id or role, its accessible name, its focus ring. */
  interface Focused {
    /** Which control: its id, else data-copy / class / tag. */
    what: string;
    /** Its name as a screen reader says it: aria-label, its <label>, else its text. */
    name: string;
    /** Whether the panel document has the focus at all (Tab may have left it). */
    inPanel: boolean;
    /** The focus ring is there, 1px or more, in the theme's focusBorder colour. */
    ring: boolean;
  }
  const focused = (panel: Frame): Promise<Focused> =>
    panel.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const inPanel = document.hasFocus() && !!el && el !== document.body;
      if (!el || !inPanel) return { what: '(outside the panel)', name: '', inPanel: false, ring: false };
      const probe = document.createElement('span');
      probe.style.color = 'var(--vscode-focusBorder)';
      document.body.append(probe);
      const focusBorder = getComputedStyle(probe).color;
      probe.remove();
      const style = getComputedStyle(el);
      const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
      return {
        what:
          el.id ||
          (el.dataset.copy ? `copy-${el.dataset.copy}` : '') ||
          (el.className ? `${el.tagName.toLowerCase()}.${el.className.split(' ')[0]}` : el.tagName.toLowerCase()),
        name: (el.getAttribute('aria-label') || label || el.textContent || '').trim().replace(/\s+/g, ' '),
        inPanel,
        ring:
          style.outlineStyle !== 'none' &&
          Number.parseFloat(style.outlineWidth) >= 1 &&
          style.outlineColor === focusBorder,
      };
    });

  /** Presses Tab (Shift+Tab with `back`) until `what` has the focus; every stop on the way must show its ring and name. */
  async function tabTo(panel: Frame, what: string | RegExp, back = false): Promise<Focused[]> {
    const stops: Focused[] = [];
    for (let i = 0; i < 40; i++) {
      await vs.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      const now = await focused(panel);
      stops.push(now);
      if (now.inPanel) {
        assert.ok(now.ring, `no focus ring on ${now.what}`);
        assert.ok(now.name, `${now.what} has no name`);
      }
      if (typeof what === 'string' ? now.what === what : what.test(now.what)) return stops;
    }
    throw new Error(`Tab never reached ${what}; it went: ${stops.map((s) => s.what).join(' → ')}`);
  }

  /** Resizes the window until the panel is `width` CSS pixels wide (± 12), the editor beside it taking the rest. */
  async function panelWidth(panel: Frame, width: number, height: number): Promise<number> {
    let windowWidth = vs.page.viewportSize()!.width;
    for (let attempt = 0; attempt < 6; attempt++) {
      const now = await panel.evaluate(() => innerWidth);
      if (Math.abs(now - width) <= 12) return now;
      // The two editor groups share what the window gains or loses.
      windowWidth += (width - now) * 2;
      await vs.page.setViewportSize({ width: windowWidth, height });
      await vs.page.waitForTimeout(500);
    }
    return panel.evaluate(() => innerWidth);
  }

  /** How the panel lays out: how far it scrolls sideways, and the issuer claim's value box and line count. */
  const layout = (panel: Frame) =>
    panel.evaluate(() => {
      const page = document.scrollingElement!;
      const row = [...document.querySelectorAll('.claims tbody tr')].find(
        (tr) => tr.querySelector('th code')?.textContent === 'iss',
      )!;
      const value = row.querySelector('td.value')!;
      // The line boxes the value's text takes (a range's rectangles on one line share their top).
      const text = document.createRange();
      text.selectNodeContents(value);
      const tops = new Set([...text.getClientRects()].map((rect) => Math.round(rect.top)));
      // What sticks out on the right (boxes, or text out of its box), if anything, for the failure message.
      const beyond = [...document.body.querySelectorAll('*')]
        .filter((e) => e.getBoundingClientRect().right > page.clientWidth + 0.5)
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`);
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node && beyond.length < 5; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const right = range.getBoundingClientRect().right;
        if (right > page.clientWidth + 0.5)
          beyond.push(
            `"${node.textContent?.slice(0, 30)}" in ${node.parentElement?.tagName.toLowerCase()}.${node.parentElement?.className} (${Math.round(right)} px)`,
          );
      }
      return {
        beyond,
        sideways: page.scrollWidth - page.clientWidth,
        valueLines: tops.size,
        valueShare: value.getBoundingClientRect().width / row.getBoundingClientRect().width,
        statusBar: getComputedStyle(document.querySelector('.status-bar')!).position,
      };
    });

  it('reads in a narrow panel beside the editor, and at 200 % zoom', async function () {
    this.timeout(300_000);
    const panel = await decode(VALID.split('.')[1]!.slice(0, 30), 'Ada Lovelace');
    await useTheme(panel, THEMES[0]);
    await vs.page.keyboard.press('Escape');

    // About 370 px beside the editor: each claim's value on its own full-width line; the issuer URL on one.
    const narrow = await panelWidth(panel, 370, 800);
    const at370 = await layout(panel);
    assert.ok(at370.sideways <= 0, `the panel scrolls sideways at ${narrow} px: ${JSON.stringify(at370)}`);
    assert.equal(at370.valueLines, 1, `the issuer URL takes ${at370.valueLines} lines at ${narrow} px`);
    assert.ok(at370.valueShare > 0.9, `the value has ${Math.round(at370.valueShare * 100)} % of the row`);
    await panel.evaluate(() => {
      const claims = [...document.querySelectorAll('section')].find((s) => s.querySelector('.claims'));
      claims?.scrollIntoView();
    });
    await panelShot('panel-narrow');

    // 200 % zoom halves the CSS pixels: a 480 px panel becomes 240 wide, an 800 px window 400 high.
    // Nothing scrolls sideways, and the status bar no longer sticks over half of the little height.
    const zoomed = await panelWidth(panel, 240, 400);
    const at240 = await layout(panel);
    assert.ok(at240.sideways <= 0, `the panel scrolls sideways at ${zoomed} px: ${JSON.stringify(at240)}`);
    assert.equal(at240.statusBar, 'static');
    await vs.page.setViewportSize({ width: 1400, height: 900 });
  });

  const announced = async (panel: Frame, text: string | RegExp): Promise<string> => {
    await panel.waitForFunction(
      (wanted) => {
        const said = document.getElementById('announcer')?.textContent ?? '';
        return wanted.startsWith('/') ? new RegExp(wanted.slice(1, -1)).test(said) : said.includes(wanted);
      },
      typeof text === 'string' ? text : String(text),
      { timeout: 15000 },
    );
    return panel.evaluate(() => document.getElementById('announcer')?.textContent ?? '');
  };

  /** Puts the keyboard focus into the panel (its editor group), as Ctrl+2 does. */
  async function focusPanel(panel: Frame): Promise<void> {
    await vs.page.keyboard.press('Control+2');
    await panel.waitForFunction(() => document.hasFocus(), undefined, { timeout: 10000 });
  }

  it('works with the keyboard alone: copy, verify, edit and re-sign, write back, decrypt, key pickers', async function () {
    this.timeout(300_000);
    let panel = await decode(VALID.split('.')[1]!.slice(0, 30), 'Ada Lovelace');
    await focusPanel(panel);

    // The whole walk, forwards: every control in order, each with a ring and a name, and out at the end.
    const walk = await tabTo(panel, '(outside the panel)');
    const order = walk.filter((s) => s.inPanel).map((s) => s.what);
    console.log(`      Tab order: ${order.join(' → ')}`);
    const expected = [
      'copy-token',
      'summary',
      'verify-key',
      'expected-iss',
      'expected-aud',
      'expected-leeway',
      'verify-button',
      'copy-header',
      'copy-payload',
      'payload-editor',
      'sign-alg',
      'sign-key',
      'sign-button',
    ];
    const positions = expected.map((what) => order.indexOf(what));
    assert.ok(
      positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!)),
      `the Tab order misses or reorders controls: ${order.join(' → ')}`,
    );
    assert.equal(walk.at(-1)!.inPanel, false, 'Tab does not leave the panel');
    assert.equal(
      walk.find((s) => s.what === 'copy-token')?.name,
      'Copy the token',
      'the Copy buttons are not named for what they copy',
    );

    // Copy with Enter.
    await focusPanel(panel);
    await tabTo(panel, 'copy-token');
    await vs.page.keyboard.press('Enter');
    assert.match(await announced(panel, 'Copied the token'), /Copied the token/);
    assert.equal(await vs.readClipboard(), VALID);

    // Verify: the pasted secret, then Space on the button; the verdict is said once, politely.
    await tabTo(panel, /^textarea\.key-text/);
    await vs.page.keyboard.type(SAMPLE_SECRET);
    await tabTo(panel, 'verify-button');
    await vs.page.keyboard.press('Space');
    await panel.waitForSelector('#verify-result [data-verdict="valid"]', { timeout: 15000 });
    assert.match(await announced(panel, 'Signature valid'), /Signature valid: HS256, verified with the entered key/);
    const live = await panel.evaluate(() =>
      [...document.querySelectorAll('[aria-live], [role="status"], [role="alert"]')].map((e) => e.id || e.className),
    );
    assert.deepEqual(live, ['announcer'], 'more than one live region: the verdict would be said twice');

    // Edit & re-sign: a new payload, the key picker walked with the arrows (no file dialog on the way past
    // "Key file…": that opens from its own button), the secret, Enter on Sign.
    await tabTo(panel, 'payload-editor');
    // Select all with Ctrl+Shift+End from the start: VS Code does Ctrl+A in a webview itself, a moment
    // later, which would select what was typed since.
    await vs.page.keyboard.press('Control+Home');
    await vs.page.keyboard.press('Control+Shift+End');
    await vs.page.keyboard.press('Delete');
    await vs.page.keyboard.type('{"sub":"typed-with-keys"}');
    await tabTo(panel, 'sign-key');
    await vs.page.keyboard.press('ArrowDown');
    await panel.locator('.resign button.choose-file').waitFor({ state: 'visible', timeout: 5000 });
    await vs.page.waitForTimeout(1000);
    assert.equal(await vs.page.locator('.quick-input-widget').isVisible(), false, 'a file dialog opened');
    await vs.page.keyboard.press('ArrowUp');
    await tabTo(panel, /^textarea\.key-text/);
    await vs.page.keyboard.type(SAMPLE_SECRET);
    await tabTo(panel, 'sign-button');
    await vs.page.keyboard.press('Enter');
    await panel.waitForSelector('#new-token', { timeout: 15000 });
    assert.match(await announced(panel, 'Signed'), /Signed: the new token is below\./);

    // Write back with Enter: the panel then shows the new token, taken from the file.
    await tabTo(panel, 'write-back');
    await vs.page.keyboard.press('Enter');
    await vs.panelFrame({ selector: '#status', hasText: 'typed-with-keys' });

    // Decrypt a JWE: the pasted key, Enter on Decrypt; said once.
    panel = await decode(JWE.slice(0, 20), /Encrypted/);
    await focusPanel(panel);
    await tabTo(panel, /^textarea\.key-text/);
    await vs.page.keyboard.type(JWE_KEY);
    await tabTo(panel, 'decrypt-button');
    await vs.page.keyboard.press('Enter');
    await panel.waitForSelector('#decrypt-result [data-layer="decrypted"]', { timeout: 15000 });
    assert.match(await announced(panel, 'Decrypted with'), /Decrypted with the entered key/);
    // And back out with Shift+Tab, no trap on the way.
    const back = await tabTo(panel, '(outside the panel)', true);
    assert.ok(back.length > 2, `Shift+Tab went: ${back.map((s) => s.what).join(' → ')}`);
  });
});
