// First e2e smoke test: the real workbench in a browser, the extension installed from its build. Hover a
// token in a sample file and read the hover widget; run "JWT: Decode" from the palette and read the panel;
// hover a token with hostile claims. One workbench for the file (starting one takes 10-30 s).
import * as assert from 'node:assert/strict';
import { startWorkbench, type Workbench } from '../harness/workbench';

describe('e2e smoke', function () {
  let vs: Workbench;

  before(async function () {
    this.timeout(180000);
    vs = await startWorkbench();
  });

  after(async () => {
    await vs?.close();
  });

  it('hovering a token in .env shows its claims', async () => {
    await vs.openFile('.env');
    // The payload of the valid sample token starts like this; its name claim is "Ada Lovelace".
    // The first token in .env is the valid sample (sub user-1234, name "Ada Lovelace"); its header is on
    // the first screen line of the wrapped ACCESS_TOKEN line.
    const text = await vs.hover('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', { expect: 'Ada Lovelace' });
    assert.match(text, /user-1234/);
    await vs.screenshot('hover');
  });

  it('"JWT: Decode" opens a panel showing the claims', async () => {
    await vs.unhover();
    await vs.placeCursor('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9');
    await vs.runCommand('JWT: Decode');
    const panel = await vs.panelFrame({ hasText: 'Ada Lovelace' });
    const body = await panel.evaluate(() => document.body.innerText);
    assert.match(body, /user-1234/);
    await vs.screenshot('panel');
  });

  it('shows HTML, script and Markdown in claims as text and runs nothing', async () => {
    await vs.openFile('injection.md');
    const text = await vs.hover('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', { expect: 'user-injection' });
    assert.ok(text.includes('<img src=x onerror=alert(1)>'), `the img tag is not shown as text:\n${text}`);
    assert.ok(text.includes('<script>alert(1)</script>'), `the script tag is not shown as text:\n${text}`);
    assert.equal(await vs.hoverWidget().locator('img[src="x"], script, a[href^="javascript:"]').count(), 0, 'the hover holds live markup from the claims');
    await vs.screenshot('hover-injection');
    assert.deepEqual(vs.dialogs(), []);
  });
});
