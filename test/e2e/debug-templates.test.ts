// The debugger and templates as a person uses them in the browser workbench. F5 runs a Node program
// (launch.json, VS Code's built-in JavaScript debugger) that stops at `debugger;`; a right-click on a
// variable in the Variables view offers "Decode as JWT", which opens the panel; the Debug Console's title
// bar has the same command for a token copied there. Then "JWT: New Token from Template…" from the
// palette: a template, its inputs, the algorithm, a newly generated key, and the token in a new editor.
import * as assert from 'node:assert/strict';
import { VALID } from '../harness/sample-tokens';
import { useWorkbench, type Workbench } from '../harness/workbench';

const PROGRAM = `const token = '${VALID}';
const headers = { authorization: 'Bearer ' + token };
debugger;
console.log(headers);
`;
const LAUNCH = {
  version: '0.2.0',
  configurations: [{ type: 'node', request: 'launch', name: 'handler', program: '${workspaceFolder}/handler.js' }],
};

describe('the debugger and templates in the browser workbench', function () {
  let vs: Workbench;

  useWorkbench(
    (w) => (vs = w),
    () => ({ files: { 'handler.js': PROGRAM, '.vscode/launch.json': JSON.stringify(LAUNCH, null, 2) } }),
  );

  /** Waits for the quick input titled `title` (or any, when empty), types `text` (if given) and presses Enter. */
  async function answer(title: string, text?: string): Promise<void> {
    const widget = vs.page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 15000 });
    const input = widget.locator('.quick-input-box input');
    if (text !== undefined) await input.fill(text);
    await vs.page.waitForTimeout(400);
    await input.press('Enter');
  }

  it('right-clicking a variable offers "Decode as JWT", which shows its token in the panel', async () => {
    await vs.runCommand('Debug: Start Debugging');
    await vs.runCommand('View: Show Run and Debug');
    // The Variables view's row "token = 'eyJ…'".
    const row = vs.page.locator('.monaco-list-row', { hasText: /^\s*token\s*=/ }).first();
    await row.waitFor({ state: 'visible', timeout: 60000 });
    await row.click({ button: 'right' });
    const item = vs.page.locator('.context-view .action-label', { hasText: 'Decode as JWT' });
    await item.waitFor({ state: 'visible', timeout: 10000 });
    await vs.screenshot('debug-variables-menu');
    await item.click();
    const panel = await vs.panelFrame({ hasText: 'Ada Lovelace' });
    assert.match(await panel.evaluate(() => document.body.innerText), /from the debugger/);
    await vs.screenshot('debug-panel');
  });

  it('the Debug Console’s title bar decodes a token copied from it', async () => {
    await vs.runCommand('View: Toggle Debug Console');
    await vs.page.evaluate((token) => navigator.clipboard.writeText(`Bearer ${token}`), VALID);
    const button = vs.page.locator('.panel .title-actions .action-label[aria-label="Decode as JWT"]');
    await button.waitFor({ state: 'visible', timeout: 15000 });
    await button.click();
    const panel = await vs.panelFrame({ hasText: 'from clipboard' });
    assert.match(await panel.evaluate(() => document.body.innerText), /user-1234/);
    await vs.runCommand('Debug: Stop');
  });

  it('"JWT: New Token from Template…" asks its questions and opens the signed token in a new editor', async () => {
    await vs.runCommand('JWT: New Token from Template…');
    await answer('New Token from Template', 'access token');
    await answer('OAuth 2.0 access token (RFC 9068) (1/5)', 'https://login.example.org');
    await answer('(2/5)', 'e2e-user');
    await answer('(3/5)');
    await answer('(4/5)');
    await answer('(5/5)', 'orders:read');
    await answer('OAuth 2.0 access token (RFC 9068): algorithm', 'ES256');
    await answer('Sign with ES256', 'Generate a new key pair');
    await answer('Name the new ES256 key', 'e2e-template-key');
    await answer('where to put the token', 'Open in a new editor');
    // The new editor holds the token alone: select it all and copy it (the screen wraps it, with a hint after).
    await vs.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor();
    let token = '';
    for (const deadline = Date.now() + 15000; !token.startsWith('eyJ') && Date.now() < deadline; ) {
      await vs.page.waitForTimeout(300);
      await vs.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
      await vs.page.keyboard.press('Control+A');
      await vs.page.keyboard.press('Control+C');
      token = (await vs.readClipboard()).trim();
    }
    const [header, payload] = token
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    assert.deepEqual({ typ: header.typ, alg: header.alg }, { typ: 'at+jwt', alg: 'ES256' });
    assert.equal(payload.iss, 'https://login.example.org');
    assert.equal(payload.sub, 'e2e-user');
    assert.equal(payload.scope, 'orders:read');
    assert.equal(payload.exp - payload.iat, 3600);
    await vs.screenshot('template-token');
  });
});
