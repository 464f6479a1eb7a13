// Flask session cookies in the real extension host: the hover shows the session's contents, when it
// was signed and its age against jwt.flask.sessionLifetime. The cookies were made by Flask itself
// (SECRET_KEY "dev-secret-key", signed 2026-01-01 00:00:00 UTC); see test/unit/flask.test.ts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, eventually, hoverText, openText } from './util';

const SMALL = 'eyJ1c2VyX2lkIjo0MiwibmFtZSI6IkFkYSJ9.aVW5AA.7FS7rsrw-G_WruhkPkMSsuZ8te8';
const TAGGED =
  '.eJx1j00LgkAQhv_K8J4F1_WjWFTokhB06yYiLgkJpVIrCrL_vXE9dOryvPDOAzOzwkCtIGYZeDDzgMp60K5k4lQ8Rn_OMnB7dy0T53fnkZB0aXqSQiYkQiUiJWIqrrdNnZzKRCDDKE4Ox3-52S9nM5HqfEl9nbt13b5vD1PXPO8HQw2ZaXy2sOz07ce0fFG5Yvk9Ullb2S_T0Dn5.aVW5AA.iGt3InIAsXnTiQqfHujG60Aeo2Q';

async function hoverOver(content: string, cookie: string): Promise<string> {
  const editor = await openText(content, 'plaintext');
  const position = editor.document.positionAt(content.indexOf(cookie) + 10);
  return eventually(() => hoverText(editor.document.uri, position), (t) => t.includes('Flask session cookie'), 20000);
}

describe('Flask session cookies', () => {
  before(async function () {
    this.timeout(60000);
    await activateExtension();
  });
  afterEach(closeAllEditors);

  it('shows the session, when it was signed, and that it is older than the default lifetime', async () => {
    const text = await hoverOver(`GET / HTTP/1.1\nCookie: session=${SMALL}; theme=dark\n`, SMALL);
    assert.match(text, /Signed 2026-01-01 00:00:00 UTC/);
    assert.match(text, /"user_id": 42/);
    assert.match(text, /"name": "Ada"/);
    assert.match(text, /2011: then it was signed 2067-01-01 00:00:00 UTC/);
    const expired = Date.now() - Date.parse('2026-01-01T00:00:00Z') > 31 * 86400_000;
    assert.match(text, expired ? /older than its 1 month lifetime, so Flask rejects it/ : /within its 1 month lifetime/);
  });

  it('decodes compressed cookies with tagged values, and measures age against jwt.flask.sessionLifetime', async () => {
    const config = vscode.workspace.getConfiguration('jwt.flask');
    await config.update('sessionLifetime', 100 * 365 * 86400, vscode.ConfigurationTarget.Global);
    try {
      const text = await hoverOver(`Set-Cookie: session=${TAGGED}; HttpOnly\n`, TAGGED);
      assert.match(text, /compressed/);
      assert.match(text, /"t": \[\s*1,\s*"two"\s*\]/);
      assert.match(text, /"d": "2026-01-02T03:04:05.000Z"/);
      assert.match(text, /within its 100 years lifetime/);
    } finally {
      await config.update('sessionLifetime', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
