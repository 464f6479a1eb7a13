// "JWT: Find Weak Secret with a Word List…" as a user runs it in the browser workbench: the cursor on a
// token, the command from the palette, a word list picked in VS Code's file dialog; the progress
// notification counts words per second, "Save as Key…" on the found secret saves it; a long search is
// cancelled from its notification and says nothing more. Screenshot: test-output/weak-secret.png.
import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { useWorkbench, type Workbench } from '../harness/workbench';

/** The jwt.io example token, signed with "your-256-bit-secret". */
const JWT_IO =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** HS512 over a 40 KB payload: each guess hashes it, so a million guesses take long enough to cancel. */
const SLOW_INPUT = `${json({ alg: 'HS512', typ: 'JWT' })}.${json({ sub: 'slow', blob: 'x'.repeat(40_000) })}`;
const SLOW = `${SLOW_INPUT}.${createHmac('sha512', 'not in any list').update(SLOW_INPUT).digest('base64url')}`;
const guesses = (count: number) => Array.from({ length: count }, (_, i) => `guess-${i}`);

describe('weak secret search in the browser workbench', function () {
  let vs: Workbench;

  useWorkbench(
    (w) => (vs = w),
    () => ({
      files: {
        'weak.env': `TOKEN=${JWT_IO}\n`,
        'slow.env': `TOKEN=${SLOW}\n`,
        'words.txt': `${[...guesses(5000), 'your-256-bit-secret'].join('\n')}\n`,
        'many-words.txt': `${guesses(1_000_000).join('\n')}\n`,
      },
    }),
  );

  /** Runs the command on the token under the cursor and picks `list` in VS Code's own file dialog. */
  async function searchWith(file: string, header: string, list: string): Promise<void> {
    await vs.openFile(file);
    await vs.placeCursor(header);
    await vs.runCommand('JWT: Find Weak Secret with a Word List…');
    const input = vs.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 15000 });
    // The dialog fills in the folder it starts in once it has listed it, and may do so after the path
    // is typed: type it until it stays.
    const path = join(vs.workspace, list);
    for (let attempt = 1; ; attempt++) {
      await input.fill(path);
      await vs.page.waitForTimeout(500);
      if ((await input.inputValue()) === path) break;
      if (attempt === 5) assert.fail(`the file dialog keeps resetting the path to ${await input.inputValue()}`);
    }
    await input.press('Enter');
  }

  it('finds the secret in a word list and saves it as a key', async () => {
    await searchWith('weak.env', JWT_IO.slice(0, 30), 'words.txt');
    const found = await vs.waitForNotification('Found the secret', 30000);
    assert.match(found, /"your-256-bit-secret"\. Anyone with this word list can forge tokens/);
    await vs.screenshot('weak-secret');
    await vs.page
      .locator('.notification-toast', { hasText: 'Found the secret' })
      .getByRole('button', { name: 'Save as Key…' })
      .click();
    const input = vs.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 15000 });
    await input.fill('found-in-word-list');
    await input.press('Enter');
    await vs.page
      .locator('.statusbar', { hasText: 'Saved' })
      .filter({ hasText: 'found-in-word-list' })
      .waitFor({ state: 'visible', timeout: 15000 });
    assert.deepEqual(vs.dialogs(), []);
  });

  it('counts words per second and stops when cancelled, saying nothing more', async () => {
    await searchWith('slow.env', SLOW.slice(0, 30), 'many-words.txt');
    const progress = vs.page.locator('.notification-toast', { hasText: 'as the secret' });
    // The total shows once each worker thread has counted its share of the list.
    await progress.filter({ hasText: /of 1000000 words, \d+ words\/s, about .+ left/ }).waitFor({ timeout: 30000 });
    assert.match(await progress.innerText(), /many-words\.txt/);
    await progress.hover();
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await progress.waitFor({ state: 'hidden', timeout: 10000 });
    // Nothing follows a cancelled search: no "found", no "none of the words".
    await vs.page.waitForTimeout(1500);
    const after = (await vs.notifications()).join(' | ');
    assert.ok(!/Found the secret|None of the/.test(after), after);
  });
});
