// Flask session cookies in the real extension host: the hover shows the session's contents, when it
// was signed and its age against jwt.flask.sessionLifetime. The cookies were made by Flask itself
// (SECRET_KEY "dev-secret-key", signed 2026-01-01 00:00:00 UTC); see test/unit/flask.test.ts.
// JWT: Verify Flask Session Cookie checks cookies signed here, by the format's specification.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FlaskVerifyResult } from '../../src/core';
import type { FlaskVerifyArgs } from '../../src/verify/verifyFlaskSessionCommand';
import { api, manageOk, uniqueName } from './signing-helpers';
import { base64url, eventually, hoverText, openText, useExtension } from './util';

const SMALL = 'eyJ1c2VyX2lkIjo0MiwibmFtZSI6IkFkYSJ9.aVW5AA.7FS7rsrw-G_WruhkPkMSsuZ8te8';
const TAGGED =
  '.eJx1j00LgkAQhv_K8J4F1_WjWFTokhB06yYiLgkJpVIrCrL_vXE9dOryvPDOAzOzwkCtIGYZeDDzgMp60K5k4lQ8Rn_OMnB7dy0T53fnkZB0aXqSQiYkQiUiJWIqrrdNnZzKRCDDKE4Ox3-52S9nM5HqfEl9nbt13b5vD1PXPO8HQw2ZaXy2sOz07ce0fFG5Yvk9Ullb2S_T0Dn5.aVW5AA.iGt3InIAsXnTiQqfHujG60Aeo2Q';

async function hoverOver(content: string, cookie: string): Promise<string> {
  const editor = await openText(content, 'plaintext');
  const position = editor.document.positionAt(content.indexOf(cookie) + 10);
  return eventually(
    () => hoverText(editor.document.uri, position),
    (t) => t.includes('Flask session cookie'),
    20000,
  );
}

/**
 * A session cookie as Flask's SecureCookieSessionInterface signs it (itsdangerous' documented format),
 * with WebCrypto so that it runs in the web worker too: base64url payload and big-endian timestamp,
 * HMAC-SHA1 over "payload.timestamp" keyed with HMAC-SHA1(secret, "cookie-session").
 */
async function signCookie(json: string, secret: string, seconds: number): Promise<string> {
  const encode = (bytes: Uint8Array) =>
    btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  const hmac = async (key: Uint8Array, data: string) => {
    const cryptoKey = await crypto.subtle.importKey(
      'raw',
      key as BufferSource,
      { name: 'HMAC', hash: 'SHA-1' },
      false,
      ['sign'],
    );
    return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, new TextEncoder().encode(data)));
  };
  const timeBytes: number[] = [];
  for (let n = seconds; n > 0; n = Math.floor(n / 256)) timeBytes.unshift(n % 256);
  const signed = `${base64url(json)}.${encode(new Uint8Array(timeBytes))}`;
  const key = await hmac(new TextEncoder().encode(secret), 'cookie-session');
  return `${signed}.${encode(await hmac(key, signed))}`;
}

async function verifyCookie(args: FlaskVerifyArgs): Promise<FlaskVerifyResult> {
  if (args.key) await (await api()).allowKeyUse(args.key);
  const result = await vscode.commands.executeCommand<FlaskVerifyResult | undefined>('jwt.verifyFlaskSession', args);
  assert.ok(result, 'jwt.verifyFlaskSession returned nothing');
  return result;
}

describe('Flask session cookies', () => {
  useExtension();

  it('shows the session, when it was signed, and that it is older than the default lifetime', async () => {
    const text = await hoverOver(`GET / HTTP/1.1\nCookie: session=${SMALL}; theme=dark\n`, SMALL);
    assert.match(text, /Signed 2026-01-01 00:00:00 UTC/);
    assert.match(text, /"user_id": 42/);
    assert.match(text, /"name": "Ada"/);
    assert.match(text, /2011: then it was signed 2067-01-01 00:00:00 UTC/);
    const expired = Date.now() - Date.parse('2026-01-01T00:00:00Z') > 31 * 86400_000;
    assert.match(
      text,
      expired ? /older than its 1 month lifetime, so Flask rejects it/ : /within its 1 month lifetime/,
    );
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

  describe('JWT: Verify Flask Session Cookie', () => {
    const secretKey = 'integration-flask-secret';
    const nowSeconds = () => Math.floor(Date.now() / 1000);

    it('ends the hover with a link that verifies the cookie', async () => {
      const text = await hoverOver(`Cookie: session=${SMALL}\n`, SMALL);
      assert.ok(
        text
          .trimEnd()
          .endsWith(
            `(command:jwt.verifyFlaskSession?${encodeURIComponent(JSON.stringify([SMALL]))} "Check the signature with the Flask app's SECRET_KEY")`,
          ),
        text,
      );
    });

    it('accepts a cookie signed with the SECRET_KEY, and gives its age', async () => {
      const cookie = await signCookie('{"user_id":7}', secretKey, nowSeconds() - 3600);
      const result = await verifyCookie({ cookie: `session=${cookie}`, secretKey });
      assert.equal(result.valid, true, result.error);
      assert.ok(Math.abs(result.age - 3600) < 60, `age ${result.age}`);
    });

    it('rejects a different SECRET_KEY and an altered cookie', async () => {
      const cookie = await signCookie('{"user_id":7}', secretKey, nowSeconds());
      assert.match((await verifyCookie({ cookie, secretKey: 'not-the-key' })).error ?? '', /signature does not match/);
      const altered = `${base64url('{"user_id":1}')}${cookie.slice(cookie.indexOf('.'))}`;
      assert.match((await verifyCookie({ cookie: altered, secretKey })).error ?? '', /signature does not match/);
    });

    it('rejects a session older than its lifetime: maxAgeSeconds, else jwt.flask.sessionLifetime', async () => {
      const cookie = await signCookie('{"user_id":7}', secretKey, nowSeconds() - 2 * 86400);
      assert.equal((await verifyCookie({ cookie, secretKey })).valid, true, 'within the default 31 days');
      const expired = await verifyCookie({ cookie, secretKey, maxAgeSeconds: 86400 });
      assert.equal(expired.valid, false);
      assert.match(
        expired.error ?? '',
        /The signature matches, but the session was signed 2 days ago, beyond its 1 day lifetime/,
      );
      const config = vscode.workspace.getConfiguration('jwt.flask');
      await config.update('sessionLifetime', 3600, vscode.ConfigurationTarget.Global);
      try {
        assert.match((await verifyCookie({ cookie, secretKey })).error ?? '', /beyond its 1 hour lifetime/);
      } finally {
        await config.update('sessionLifetime', undefined, vscode.ConfigurationTarget.Global);
      }
    });

    it('takes the cookie under the cursor and a saved secret by name', async () => {
      const cookie = await signCookie('{"cart":[1,2]}', secretKey, nowSeconds() - 60);
      const name = uniqueName('flask');
      await manageOk({ action: 'add', name, secret: secretKey });
      try {
        const content = `Set-Cookie: session=${cookie}; HttpOnly\n`;
        const editor = await openText(content);
        const cursor = editor.document.positionAt(content.indexOf(cookie) + 5);
        editor.selection = new vscode.Selection(cursor, cursor);
        assert.equal((await verifyCookie({ key: name })).valid, true);
        assert.match((await verifyCookie({ key: `${name}-missing` })).error ?? '', /There is no saved key named/);
      } finally {
        await manageOk({ action: 'remove', name });
      }
    });
  });
});
