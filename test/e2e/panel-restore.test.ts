// The panel's lifecycle in the real workbench: hidden behind another editor and shown again, then
// brought back by the serializer after a window reload. Its own workbench: a reload resets the page.
import * as assert from 'node:assert/strict';
import { SERVICE } from '../harness/sample-tokens';
import { useWorkbench, type Workbench } from '../harness/workbench';

describe('the JWT panel across hide/show and reload', function () {
  let vs: Workbench;

  useWorkbench((w) => (vs = w));

  it('keeps the panel across hide/show and brings it back after a window reload', async function () {
    this.timeout(240000); // a reload starts the workbench and the extension host again
    await vs.openFile('.env');
    await vs.placeCursor('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9');
    await vs.runCommand('JWT: Decode');
    await vs.panelFrame({ hasText: 'Ada Lovelace' });
    const tab = vs.page.locator('.tabs-container .tab', { hasText: 'JWT · user-1234' });
    await tab.click();
    // Opening a file in the panel's group hides the panel (its webview is not kept alive when hidden).
    await vs.openFile('client.js');
    await vs.page.locator('.tabs-container .tab.active', { hasText: 'client.js' }).first().waitFor();
    await tab.click();
    assert.match(
      await (await vs.panelFrame({ hasText: 'Ada Lovelace' })).evaluate(() => document.body.innerText),
      /user-1234/,
    );

    // Reload as a user does: VS Code's own shutdown path saves the editors and the webview's state (a
    // bare browser reload can cut that short and restore the tab without its state).
    const reloaded = vs.page.waitForEvent('domcontentloaded', { timeout: 60000 });
    await vs.runCommand('Developer: Reload Window');
    await reloaded;
    // The restored tab shows its webview once the workbench is back; clicking it makes sure it is the visible one.
    await vs.page
      .locator('.monaco-workbench .explorer-folders-view .monaco-list-row')
      .first()
      .waitFor({ state: 'visible', timeout: 120000 });
    await tab.waitFor({ state: 'visible', timeout: 60000 });
    await tab.click();
    const restored = await vs.panelFrame({ hasText: 'Ada Lovelace', timeoutMs: 120000 });
    assert.match(await restored.evaluate(() => document.body.innerText), /restored after a reload/);
    await vs.screenshot('panel-restored');
  });

  it('says so when it comes back without its token, and its button runs JWT: Decode', async () => {
    // What the host sends a panel restored without its saved state (a crash can lose it), posted
    // into the panel's page the way the host's messages arrive.
    const panel = await vs.panelFrame({ hasText: 'Ada Lovelace' });
    await panel.evaluate(() => window.dispatchEvent(new MessageEvent('message', { data: { type: 'empty' } })));
    await panel.locator('text=Nothing to show: this panel came back without its token.').waitFor();
    await panel.locator('#decode-button').click();
    // The panel has the focus, so no editor offers a token: JWT: Decode asks for one.
    const widget = vs.page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'Decode JWT' }).waitFor({ state: 'visible', timeout: 15000 });
    await widget.locator('input').fill(SERVICE);
    await vs.page.keyboard.press('Enter');
    const shown = await vs.panelFrame({ hasText: 'service-account-42' });
    assert.match(await shown.evaluate(() => document.body.innerText), /from input/);
  });
});
