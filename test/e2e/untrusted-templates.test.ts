// A workspace opened untrusted (Restricted Mode) does not get to write token templates: its
// .vscode/jwt-templates.json is not read, and "JWT: New Token from Template…" says so in its list (with a
// way to manage trust) instead of offering the workspace's templates. A template decides what is signed
// with your keys and can copy environment variables into a token.
import * as assert from 'node:assert/strict';
import { useWorkbench, type Workbench } from '../harness/workbench';

const TEMPLATES = {
  templates: [{ name: 'Planted admin token', alg: 'HS256', payload: { sub: 'admin', leak: '${env:HOME}' } }],
};

describe('token templates in an untrusted workspace', function () {
  let vs: Workbench;

  useWorkbench(
    (w) => (vs = w),
    () => ({ untrusted: true, files: { '.vscode/jwt-templates.json': JSON.stringify(TEMPLATES) } }),
  );

  it('lists the built-in templates and says the workspace’s were not read', async () => {
    await vs.runCommand('JWT: New Token from Template…');
    const widget = vs.page.locator('.quick-input-widget');
    const row = widget.locator('.monaco-list-row', { hasText: 'Templates in .vscode/jwt-templates.json are not read' });
    await row.waitFor({ state: 'visible', timeout: 15000 });
    const text = await widget.innerText();
    assert.match(text, /OpenID Connect ID token/);
    assert.doesNotMatch(text, /Planted admin token/);
    await vs.screenshot('templates-untrusted');
    await vs.page.keyboard.press('Escape');
  });
});
