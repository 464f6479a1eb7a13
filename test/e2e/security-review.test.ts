// The offline security review as a user meets it in the browser workbench: "JWT: Decode" on a risky
// token shows the panel's Security section with its findings (and the checks passed, folded), and the
// Problems view lists the findings by id. Screenshot: test-output/security-review.png.
import * as assert from 'node:assert/strict';
import { useWorkbench, type Workbench } from '../harness/workbench';

const json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const HEADER = json({ alg: 'None', kid: '../../dev/null', jku: 'https://evil.example/jwks.json' });
/** alg "None", a kid that is a path, a key URL on another host than the issuer's, a card number in the claims. */
const RISKY = `${HEADER}.${json({
  iss: 'https://issuer.example',
  sub: 'risky-user',
  card: '4111 1111 1111 1111',
  exp: Math.floor(Date.now() / 1000) + 3600,
})}.c2lnbmF0dXJl`;

describe('security review in the browser workbench', function () {
  let vs: Workbench;

  useWorkbench(
    (w) => (vs = w),
    () => ({ files: { 'risky.env': `# a token to review\nTOKEN=${RISKY}\n` } }),
  );

  it('"JWT: Decode" shows the Security section with the findings, and Problems lists them', async () => {
    await vs.openFile('risky.env');
    await vs.placeCursor(HEADER.slice(0, 40));
    await vs.runCommand('JWT: Decode');
    const panel = await vs.panelFrame({ hasText: 'looks like a file path' });
    const security = await panel.evaluate(() => {
      const section = document.getElementById('security');
      return {
        heading: section?.querySelector('h2')?.textContent,
        labelled: section?.getAttribute('aria-labelledby'),
        findings: [...(section?.querySelectorAll('ul.findings > li') ?? [])].map((li) => ({
          id: li.getAttribute('data-finding'),
          severity: li.querySelector('.finding-severity')?.textContent?.trim(),
          part: li.querySelector('.finding-part')?.textContent,
        })),
        passed: section?.querySelectorAll('details.passed li').length ?? 0,
        text: (section as HTMLElement | null)?.innerText ?? '',
      };
    });
    assert.equal(security.heading, 'Security');
    assert.equal(security.labelled, 'security-heading');
    assert.deepEqual(security.findings, [
      { id: 'alg-none', severity: 'Error', part: 'header' },
      { id: 'header-key-url', severity: 'Error', part: 'header' },
      { id: 'kid-path', severity: 'Error', part: 'header' },
      { id: 'sensitive-data', severity: 'Error', part: 'payload' },
    ]);
    assert.match(security.text, /kid "\.\.\/\.\.\/dev\/null" looks like a file path/);
    assert.match(security.text, /evil\.example/);
    assert.ok(security.passed > 10, `only ${security.passed} passed checks listed`);

    await vs.runCommand('Problems: Focus on Problems View');
    const problems = vs.page.locator('.markers-panel');
    await problems.filter({ hasText: 'kid-path' }).waitFor({ state: 'visible', timeout: 20000 });
    const text = await problems.innerText();
    for (const id of ['header-key-url', 'kid-path', 'sensitive-data', 'algNone'])
      assert.ok(text.includes(id), `the Problems view lacks ${id}:\n${text}`);
    assert.ok(!text.includes('alg-none'), 'the unsigned token is reported twice');
    // The panel scrolled to its Security section, beside the Problems view.
    await panel.evaluate(() => document.getElementById('security')?.scrollIntoView());
    await vs.screenshot('security-review');
    assert.deepEqual(vs.dialogs(), []);
  });
});
