// Signing and verifying like a person in the browser workbench: select a JSON payload, run "JWT: Sign
// JSON Selection" from the palette, answer its prompts (algorithm, a typed secret, expiry), see the token
// replace the selection; then "JWT: Verify Signature" with the same secret shows "Signature valid" in the
// panel, and the panel's own Verify section says invalid for a wrong secret. The secret never appears in
// the panel's document.
import * as assert from 'node:assert/strict';
import { useWorkbench, type Workbench } from '../harness/workbench';

const SECRET = 'e2e-typed-secret-long-enough-for-hs256-0123456789';
const PAYLOAD = '{ "sub": "e2e-signer", "name": "Playwright Person" }';

describe('sign and verify in the browser workbench', function () {
  let vs: Workbench;

  useWorkbench(
    (w) => (vs = w),
    () => ({ files: { 'payload.json': `${PAYLOAD}\n` } }),
  );

  /** Waits for the quick input titled `title`, types `text` and presses Enter. */
  async function answer(title: string, text: string): Promise<void> {
    const widget = vs.page.locator('.quick-input-widget');
    await widget
      .locator('.quick-input-title', { hasText: title })
      .waitFor({ state: 'visible', timeout: 15000 })
      .catch(async (error: Error) => {
        const shown = await widget.innerText().catch(() => '(no quick input)');
        throw new Error(
          `no prompt titled "${title}" (${error.message.split('\n')[0]}); quick input: ${shown}; notifications: ${(await vs.notifications()).join(' | ')}`,
        );
      });
    const input = widget.locator('.quick-input-box input');
    await input.fill(text);
    await vs.page.waitForTimeout(400);
    await input.press('Enter');
  }

  /**
   * Runs a command from the palette without the harness's Escape first (Escape in an editor drops its
   * selection, and signing needs it).
   */
  async function runKeepingSelection(title: string): Promise<void> {
    await vs.page.keyboard.press('F1');
    const input = vs.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const row = vs.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible' });
    await row.click();
  }

  async function editorText(): Promise<string> {
    return vs.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
  }

  it('signs the selected JSON through the palette; the token replaces it', async () => {
    await vs.openFile('payload.json');
    await vs.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await vs.page.keyboard.press('Control+A');
    await runKeepingSelection('JWT: Sign JSON Selection');
    await answer('Sign JSON selection: algorithm', 'HS256');
    await answer('Sign with HS256', 'Type a new secret');
    await answer('Key for HS256', SECRET);
    await answer('Sign JSON selection: expiry', 'Expires in 1 hour');
    const deadline = Date.now() + 15000;
    let text = await editorText();
    while (!/^eyJ[\w-]+\.eyJ/.test(text.replace(/\s/g, '')) && Date.now() < deadline) {
      await vs.page.waitForTimeout(300);
      text = await editorText();
    }
    assert.match(text.replace(/\s/g, ''), /^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/, `the editor holds: ${text}`);
    assert.ok(!text.includes('e2e-signer'), 'the JSON was replaced');
    await vs.screenshot('sign');
  });

  it('"JWT: Verify Signature" with the typed secret shows the signature as valid in the panel', async () => {
    await vs.placeCursor('eyJzdWIi'); // the payload's start: {"sub":
    await runKeepingSelection('JWT: Verify Signature');
    await answer('Verify HS256 signature', 'Paste a secret');
    await answer('Key to verify HS256', SECRET);
    const panel = await vs.panelFrame({ selector: '#verdict [data-verdict="valid"]', hasText: 'e2e-signer' });
    const shown = await panel.evaluate(() => ({
      verdict: document.querySelector('#verdict')?.textContent ?? '',
      status: document.getElementById('status')?.textContent ?? '',
      html: document.documentElement.outerHTML,
      values: [...document.querySelectorAll('textarea, input')].map((e) => (e as HTMLInputElement).value),
    }));
    assert.match(shown.verdict, /Signature valid/);
    assert.match(shown.verdict, /HS256, verified with the entered key/);
    // Only now, with its signature verified, does the status line say so.
    assert.match(shown.status, /Signature verified/);
    assert.ok(!shown.html.includes(SECRET), 'the secret is in the panel document');
    assert.ok(!shown.values.some((v) => v.includes(SECRET)), 'the secret is in a panel field');
    await vs.waitForNotification('Signature valid');
    await vs.screenshot('verify');
  });

  it("the panel's Verify section reports a wrong pasted secret as invalid", async () => {
    const panel = await vs.panelFrame({ selector: '#verify-key', hasText: 'e2e-signer' });
    await panel.locator('#verify-key').evaluate((select) => {
      (select as HTMLSelectElement).value = 'paste';
      select.dispatchEvent(new Event('change'));
    });
    await panel.locator('.verify textarea.key-text').fill('not-the-secret');
    await panel.locator('#verify-button').click();
    await panel.waitForSelector('#verify-result [data-verdict="invalid"]', { timeout: 10000 });
    const result = await panel.evaluate(() => document.querySelector('#verify-result')?.textContent ?? '');
    assert.match(result, /Signature invalid/);
    assert.match(result, /The signature does not match/);
    await panel.locator('.verify').evaluate((section) => section.scrollIntoView());
    await vs.screenshot('verify-section');
  });
});
