// Inline expiry hints and Problems as a user sees them in the browser workbench: the hints rendered
// after the tokens of samples/.env, and the Problems view over samples/auth.py (an unsigned token and
// long-lived tokens hard-coded in Python). Screenshots: test-output/hints.png, test-output/problems.png.
import * as assert from 'node:assert/strict';
import { startWorkbench, type Workbench } from '../harness/workbench';

describe('inline hints and problems in the browser workbench', function () {
  let vs: Workbench;

  before(async function () {
    this.timeout(180000);
    vs = await startWorkbench();
  });

  after(async () => {
    await vs?.close();
  });

  /** The text of every `after` decoration in the active editor (the editor renders them as ::after content). */
  const renderedHints = () =>
    vs.page.evaluate(() =>
      [...document.querySelectorAll('.editor-group-container .monaco-editor .view-lines span')]
        .map((span) => getComputedStyle(span, '::after').content)
        .filter((content) => content && content !== 'none' && content !== 'normal')
        .map((content) => content.replace(/^"|"$/g, '')),
    );

  it('shows when each token in .env expires, after the token', async () => {
    await vs.openFile('.env');
    let hints: string[] = [];
    for (let i = 0; i < 50 && !hints.some((h) => h.startsWith('expired')); i++) {
      await vs.page.waitForTimeout(200);
      hints = await renderedHints();
    }
    assert.ok(hints.some((h) => /^expires in \d+ y$/.test(h)), `hints shown: ${JSON.stringify(hints)}`);
    assert.ok(hints.some((h) => /^expired \d+ (y|mo) ago$/.test(h)), `hints shown: ${JSON.stringify(hints)}`);
    await vs.screenshot('hints');
  });

  it('lists an unsigned token and long-lived hard-coded tokens in the Problems view', async () => {
    await vs.openFile('auth.py');
    await vs.runCommand('Problems: Focus on Problems View');
    const problems = vs.page.locator('.markers-panel');
    await problems.filter({ hasText: 'unsigned' }).waitFor({ state: 'visible', timeout: 20000 });
    const text = await problems.innerText();
    assert.match(text, /This token is unsigned \(alg "none"\)/);
    assert.match(text, /is hard-coded here/);
    await vs.screenshot('problems');
  });
});
