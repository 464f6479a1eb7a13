// Another installed extension (test/e2e/fixtures/other-extension) against the extension as users install
// it: it finds no API to drive the panel with, and a saved key named in its command arguments is used,
// or removed, only after the user says yes in a modal dialog, which no extension can answer.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { REPO } from '../harness/vscode-server';
import { useWorkbench, type Workbench } from '../harness/workbench';

const FIXTURE = path.join(REPO, 'test', 'e2e', 'fixtures', 'other-extension');

describe('other extensions', function () {
  let vs: Workbench;

  useWorkbench(
    (w) => (vs = w),
    () => ({ alsoInstall: [FIXTURE] }),
  );

  /** Waits for the modal question, checks it, and answers it with `button`. */
  async function answer(question: RegExp, button: 'Allow' | 'Cancel'): Promise<void> {
    const dialog = vs.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 15000 });
    assert.match(await dialog.innerText(), question);
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 15000 });
  }

  it('finds no API in the installed extension', async () => {
    await vs.runCommand("Other Extension: Read JWT Toolkit's API");
    await vs.waitForNotification('api: "none"');
  });

  it('uses a saved key named in its arguments only once the user allows it', async () => {
    await vs.runCommand('Other Extension: Plant a Saved Key');
    await vs.waitForNotification(/planted: .*victim-key/);

    await vs.runCommand('Other Extension: Sign with the Saved Key');
    await answer(/Allow a command to sign a token with your saved key "victim-key"\?/, 'Cancel');
    await vs.waitForNotification(/signed: \{"error":"Not allowed: the saved key \\"victim-key\\" was not used/);

    await vs.runCommand('Other Extension: Sign with the Saved Key');
    await vs.screenshot('other-extension-consent');
    await answer(/Allow a command to sign a token with your saved key "victim-key"\?/, 'Allow');
    await vs.waitForNotification(/signed: \{"token":"eyJ/);

    // Allowing it to sign does not allow it to remove the key.
    await vs.runCommand('Other Extension: Remove the Saved Key');
    await answer(/Allow a command to remove your saved key "victim-key"\?/, 'Cancel');
    await vs.waitForNotification(/removed: \{"error":"Not allowed/);
  });
});
