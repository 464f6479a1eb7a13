// The everyday flows in the real workbench in a browser, the extension installed from its build: hover a
// token and read the hover widget; run "JWT: Decode" from the palette and read the panel; a token with
// hostile claims in both; a token typed into the input box. One workbench for the file (10-30 s to start).
import * as assert from 'node:assert/strict';
import { useWorkbench, type Workbench } from '../harness/workbench';

describe('hover and Decode in the browser workbench', function () {
  let vs: Workbench;

  useWorkbench((w) => (vs = w));

  it('hovering a token in .env shows its claims', async () => {
    await vs.openFile('.env');
    // The payload of the valid sample token starts like this; its name claim is "Ada Lovelace".
    // The first token in .env is the valid sample (sub user-1234, name "Ada Lovelace"); its header is on
    // the first screen line of the wrapped ACCESS_TOKEN line.
    const text = await vs.hover('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', { expect: 'Ada Lovelace' });
    assert.match(text, /user-1234/);
    // Nobody checked its signature: the hover says so, and never calls it valid.
    // (The hover renders some spaces as no-break spaces.)
    assert.match(text, /Not\s+expired\s+\(expires\s+in\s+\d+\s+years\)\s+·\s+signature\s+not\s+checked/);
    assert.doesNotMatch(text, /\bValid\b/);
    await vs.screenshot('hover');
  });

  it('"JWT: Decode" opens a panel showing the claims', async () => {
    await vs.unhover();
    await vs.placeCursor('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9');
    await vs.runCommand('JWT: Decode');
    const panel = await vs.panelFrame({ hasText: 'Ada Lovelace' });
    const body = await panel.evaluate(() => document.body.innerText);
    assert.match(body, /user-1234/);
    const status = await panel.evaluate(() => document.getElementById('status')?.textContent ?? '');
    assert.match(status, /signature not checked/, `the panel's status line: ${status}`);
    assert.doesNotMatch(status, /\bValid\b/);
    await vs.screenshot('panel');
  });

  it('shows HTML, script and Markdown in claims as text and runs nothing', async () => {
    await vs.openFile('injection.md');
    const text = await vs.hover('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', { expect: 'user-injection' });
    assert.ok(text.includes('<img src=x onerror=alert(1)>'), `the img tag is not shown as text:\n${text}`);
    assert.ok(text.includes('<script>alert(1)</script>'), `the script tag is not shown as text:\n${text}`);
    assert.equal(
      await vs.hoverWidget().locator('img[src="x"], script, a[href^="javascript:"]').count(),
      0,
      'the hover holds live markup from the claims',
    );
    await vs.screenshot('hover-injection');
    assert.deepEqual(vs.dialogs(), []);
  });

  it('shows hostile claims in the panel as text, not markup', async () => {
    await vs.unhover();
    await vs.openFile('injection.md');
    await vs.placeCursor('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9');
    await vs.runCommand('JWT: Decode');
    const panel = await vs.panelFrame({ hasText: 'user-injection' });
    const found = await panel.evaluate(() => ({
      text: document.body.innerText,
      // #app is where the panel renders the token; the page's own scripts sit outside it.
      live: [...document.querySelectorAll('#app :is(img, script, a, iframe, object, [onerror], [href], [src])')].map(
        (e) => e.outerHTML.slice(0, 80),
      ),
      bold: [...document.querySelectorAll('#app :is(strong, b)')].map((e) => e.textContent),
    }));
    assert.ok(found.text.includes('<img src=x onerror=alert(1)>'), 'the img claim is not shown as text');
    assert.ok(found.text.includes('<script>alert(1)</script>'), 'the script claim is not shown as text');
    assert.ok(found.text.includes('[click](javascript:alert(1))'), 'the link claim is not shown as text');
    assert.ok(found.text.includes('**bold**'), 'the Markdown claim is not shown as text');
    assert.deepEqual(found.live, [], 'the panel holds live markup from the claims');
    assert.deepEqual(found.bold, []);
    await vs.screenshot('panel-injection');
    assert.deepEqual(vs.dialogs(), []);
  });

  it('asks for a token when there is none, explaining what is wrong as you type', async () => {
    await vs.openFile('README.md');
    await vs.page.evaluate(() => navigator.clipboard.writeText('no token here').catch(() => undefined));
    await vs.runCommand('JWT: Decode');
    const input = vs.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0eXBlZCJ9');
    const message = vs.page.locator('.quick-input-widget .quick-input-message');
    await message.filter({ hasText: /segments/i }).waitFor({ state: 'visible' });
    await input.fill('Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0eXBlZC1pbiJ9.c2lnbmF0dXJl');
    await message.filter({ hasText: /segments/i }).waitFor({ state: 'hidden' });
    await vs.screenshot('decode-input');
    await input.press('Enter');
    const panel = await vs.panelFrame({ hasText: 'typed-in' });
    assert.match(await panel.evaluate(() => document.body.innerText), /from input/);
  });
});
