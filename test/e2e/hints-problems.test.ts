// Inline expiry hints and Problems as a user sees them in the browser workbench: the hints rendered
// after the tokens of samples/.env, and the Problems view over samples/auth.py (an unsigned token and
// long-lived tokens hard-coded in Python). Screenshots: test-output/hints.png, test-output/problems.png.
import * as assert from 'node:assert/strict';
import { EXPIRED } from '../harness/sample-tokens';
import { useWorkbench, type Workbench } from '../harness/workbench';

describe('inline hints and problems in the browser workbench', function () {
  let vs: Workbench;

  useWorkbench((w) => (vs = w));

  /** The text of every `after` decoration in the active editor (the editor renders them as ::after content). */
  const renderedHints = () =>
    vs.page.evaluate(() =>
      [...document.querySelectorAll('.editor-group-container .monaco-editor .view-lines span')]
        .map((span) => getComputedStyle(span, '::after').content)
        .filter((content) => content && content !== 'none' && content !== 'normal')
        .map((content) => content.replace(/^"|"$/g, '')),
    );

  /** The hints on screen once one starts with each of `prefixes` (or after 10 s). */
  async function hintsOnceShown(...prefixes: string[]): Promise<string[]> {
    let hints: string[] = [];
    for (let i = 0; i < 50 && !prefixes.every((p) => hints.some((h) => h.startsWith(p))); i++) {
      await vs.page.waitForTimeout(200);
      hints = await renderedHints();
    }
    return hints;
  }

  // First, while no document with a token has been open: the features start on the edit that adds one.
  it('hints a token pasted into a file that had none', async () => {
    await vs.openFile('README.md');
    assert.deepEqual(await renderedHints(), []);
    await vs.page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
    await vs.page.keyboard.press('Control+End');
    await vs.page.keyboard.press('Enter');
    await vs.page.keyboard.insertText(`token: ${EXPIRED}`);
    const hints = await hintsOnceShown('expired');
    assert.ok(
      hints.some((h) => /^expired \d+ (y|mo) ago$/.test(h)),
      `hints shown: ${JSON.stringify(hints)}`,
    );
    await vs.runCommand('File: Revert File');
    await vs.runCommand('View: Close Editor');
  });

  it('shows when each token in .env expires, after the token', async () => {
    await vs.openFile('.env');
    const hints = await hintsOnceShown('expires', 'expired');
    assert.ok(
      hints.some((h) => /^expires in \d+ y$/.test(h)),
      `hints shown: ${JSON.stringify(hints)}`,
    );
    assert.ok(
      hints.some((h) => /^expired \d+ (y|mo) ago$/.test(h)),
      `hints shown: ${JSON.stringify(hints)}`,
    );
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
