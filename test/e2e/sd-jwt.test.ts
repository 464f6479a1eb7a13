// An SD-JWT presentation (RFC 9901 section 5.2) as a user meets it in the browser workbench: hovering
// one of its disclosures shows the claims it discloses; "JWT: Decode" shows the panel's Disclosures
// section (what is disclosed, what stays hidden as digests, the key-binding JWT); verifying with the
// issuer's key in the panel checks the key-binding JWT too. A disclosure with markup in it stays text.
// Screenshots: test-output/sd-jwt-hover.png, sd-jwt-panel.png.
import * as assert from 'node:assert/strict';
import { ISSUED, ISSUER_KEY, PRESENTATION } from '../fixtures/rfc9901';
import { useWorkbench, type Workbench } from '../harness/workbench';

const HEADER = PRESENTATION.slice(0, 40);
/** The start of the disclosure of nationalities' "US" (salt lklxF5jMYlGTPUovMNIvCA). */
const US_DISCLOSURE = 'WyJsa2x4RjVq';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** The issued SD-JWT with a disclosure the issuer never signed, its claim name and value markup. */
const HOSTILE = `${ISSUED}${b64(['salt-salt-salt', '<img src=x onerror=alert(1)>', '<script>alert(2)</script>'])}~`;

describe('SD-JWT in the browser workbench', function () {
  let vs: Workbench;

  useWorkbench(
    (w) => (vs = w),
    () => ({
      files: {
        'presentation.txt': `A verifiable presentation:\n\nvp=${PRESENTATION}\n`,
        'hostile.txt': `sd=${HOSTILE}\n`,
      },
    }),
  );

  it('hovering a disclosure shows the claims the presentation discloses and its key-binding JWT', async () => {
    await vs.openFile('presentation.txt');
    const text = await vs.hover(US_DISCLOSURE, { expect: 'Disclosed' });
    assert.match(text, /SD-JWT\s+·\s+alg\s+ES256/);
    assert.match(text, /Disclosed\s+\(4\):\s+family_name,\s+address,\s+given_name,\s+nationalities\[0\]/);
    assert.match(text, /"given_name":\s+"John"/);
    assert.match(text, /Key-binding\s+JWT:\s+kb\+jwt/);
    assert.match(text, /sd_hash\s+matches/);
    await vs.screenshot('sd-jwt-hover');
  });

  it('"JWT: Decode" shows the Disclosures section; verifying in the panel checks the key binding too', async () => {
    await vs.unhover();
    await vs.placeCursor(HEADER);
    await vs.runCommand('JWT: Decode');
    const panel = await vs.panelFrame({ selector: '#disclosures-body table.disclosed' });
    // No functions declared inside evaluate: the test's build names them with a helper the page lacks.
    const section = await panel.evaluate(() => ({
      heading: document.querySelector('#disclosures h2')?.textContent,
      labelled: document.getElementById('disclosures')?.getAttribute('aria-labelledby'),
      claims: [...document.querySelectorAll('#disclosures table.disclosed tbody th')].map((e) => e.textContent),
      statuses: [...document.querySelectorAll('#disclosures table.disclosed tbody td:last-child')].map((e) =>
        (e.textContent ?? '').trim(),
      ),
      hidden: document.querySelectorAll('#disclosures table.hidden-digests tbody tr').length,
      sdHash: document.querySelector('#disclosures [data-sd-hash]')?.getAttribute('data-sd-hash'),
      json: document.getElementById('disclosed-claims')?.textContent ?? '',
      token: document.querySelector('code.token')?.textContent ?? '',
      legend: [...document.querySelectorAll('.legend span')].map((e) => e.textContent),
    }));
    assert.equal(section.heading, 'Disclosures');
    assert.equal(section.labelled, 'disclosures-heading');
    assert.deepEqual(section.claims, ['family_name', 'address', 'given_name', 'nationalities[0]']);
    assert.deepEqual(section.statuses, ['applied', 'applied', 'applied', 'applied']);
    assert.equal(section.hidden, 6);
    assert.equal(section.sdHash, 'match');
    assert.match(section.json, /"given_name": "John"/);
    assert.equal(section.token, PRESENTATION, 'the token is shown whole, its pieces joined by ~');
    assert.deepEqual(section.legend, ['header', 'payload', 'signature', 'disclosure', 'key-binding JWT']);

    await panel.locator('#verify-key').evaluate((select) => {
      (select as HTMLSelectElement).value = 'paste';
      select.dispatchEvent(new Event('change'));
    });
    await panel.locator('.verify textarea.key-text').fill(JSON.stringify(ISSUER_KEY));
    await panel.locator('#verify-button').click();
    await panel.waitForSelector('#key-binding-verdict [data-key-binding="true"]', { timeout: 15000 });
    const verdicts = await panel.evaluate(() => ({
      top: document.getElementById('verdict')?.textContent ?? '',
      keyBinding: document.getElementById('key-binding-verdict')?.textContent ?? '',
    }));
    assert.match(verdicts.top, /Signature valid/);
    assert.match(verdicts.top, /Key binding valid/);
    assert.match(verdicts.keyBinding, /ES256, signed with the holder key \(cnf\)/);
    await panel.locator('#disclosures').evaluate((element) => element.scrollIntoView());
    await vs.screenshot('sd-jwt-panel');
  });

  it('shows a disclosure the issuer never signed, with markup in it, as text and not applied', async () => {
    await vs.openFile('hostile.txt');
    await vs.placeCursor(ISSUED.slice(0, 40));
    await vs.runCommand('JWT: Decode');
    const panel = await vs.panelFrame({ selector: '#disclosures-body tr.tone-bad' });
    const found = await panel.evaluate(() => ({
      row: document.querySelector('#disclosures-body tr.tone-bad')?.textContent ?? '',
      markup: document.querySelectorAll('#disclosures img, #disclosures script').length,
    }));
    assert.match(found.row, /<img src=x onerror=alert\(1\)>/);
    assert.match(found.row, /<script>alert\(2\)<\/script>/);
    assert.match(found.row, /not applied: The issuer signed no digest of it/);
    assert.equal(found.markup, 0);
    assert.deepEqual(vs.dialogs(), []);
  });
});
