// "JWT: Verify Signature" in the real extension host, driven by its arguments: valid, invalid and
// cannot-verify outcomes, keys from secrets, files, JWKS and saved keys, expected claims, the panel,
// and the hover's check with a saved key that matches the token's kid or is pinned.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ALG_NONE, EXPIRED, ES256, JWE, SAMPLE_SECRET, SERVICE, VALID } from '../harness/sample-tokens';
import { manageOk, select, uniqueName, verify } from './signing-helpers';
import { base64url, eventually, hoverText, openText, panelTabs, useExtension } from './util';

function sampleKey(file: string): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the samples workspace is not open');
  return vscode.Uri.joinPath(folder.uri, 'keys', file).fsPath;
}

describe('JWT: Verify Signature', () => {
  useExtension();

  it('says valid for the right secret and shows the token in the panel', async () => {
    const outcome = await verify({ token: VALID, secret: SAMPLE_SECRET });
    assert.deepEqual(outcome, {
      valid: true,
      alg: 'HS256',
      verdict: 'valid',
      keyLabel: 'the entered key',
      claims: [{ claim: 'exp', ok: true, message: 'not expired' }],
    });
    await eventually(
      () => panelTabs().map((t) => t.label),
      (labels) => labels.includes('JWT · user-1234'),
    );
  });

  it('says invalid with the reason for a wrong secret', async () => {
    const outcome = await verify({ token: VALID, secret: 'not-the-secret' });
    assert.equal(outcome.verdict, 'invalid');
    assert.equal(outcome.error, 'The signature does not match: wrong key or the token was altered');
  });

  it('says why it cannot verify: unsigned, encrypted, a key of the wrong type', async () => {
    const none = await verify({ token: ALG_NONE, secret: SAMPLE_SECRET });
    assert.equal(none.verdict, 'cannot-verify');
    assert.match(none.error!, /Unsecured tokens \(alg "none"\) have no signature to verify/);
    const jwe = await verify({ token: JWE, secret: SAMPLE_SECRET });
    assert.equal(jwe.verdict, 'cannot-verify');
    assert.match(jwe.error!, /JWE tokens are encrypted/);
    const unprompted = await verify(JWE);
    assert.deepEqual(
      [unprompted.verdict, unprompted.keyLabel],
      ['cannot-verify', 'no key'],
      'no key is asked for a token no key can verify',
    );
    assert.match(unprompted.error!, /JWE tokens are encrypted/);
    const wrongType = await verify({ token: ES256, secret: SAMPLE_SECRET });
    assert.equal(wrongType.verdict, 'cannot-verify');
    assert.equal(
      wrongType.error,
      'The key is a shared secret but the token is signed with ES256, which needs an EC P-256 key',
    );
  });

  it('verifies with a PEM, a JWK and a JWKS file, and explains a missing file', async () => {
    for (const file of ['es256-public.pem', 'es256-public.jwk.json', 'jwks.json']) {
      const outcome = await verify({ token: ES256, keyFile: sampleKey(file) });
      assert.equal(outcome.verdict, 'valid', `${file}: ${outcome.error}`);
      assert.equal(outcome.keyLabel, `key file keys/${file}`);
    }
    const missing = await verify({ token: ES256, keyFile: sampleKey('missing.pem') });
    assert.deepEqual(
      [missing.verdict, missing.error],
      ['cannot-verify', 'The key file keys/missing.pem cannot be used: it does not exist'],
    );
  });

  it('verifies the token in the selection with a saved key', async () => {
    const name = uniqueName('verify-hs');
    await manageOk({ action: 'add', name, secret: SAMPLE_SECRET });
    try {
      const editor = await openText(`Authorization: Bearer ${SERVICE}\n`);
      select(editor, SERVICE);
      const outcome = await verify({ key: name });
      assert.deepEqual([outcome.verdict, outcome.keyLabel], ['valid', `key "${name}"`]);
    } finally {
      await manageOk({ action: 'remove', name });
    }
    const gone = await verify({ token: SERVICE, key: name });
    assert.deepEqual(
      [gone.verdict, gone.error],
      ['cannot-verify', `There is no saved key named "${name}"; see JWT: Manage Keys`],
    );
  });

  it('checks expected iss and aud and allows clock skew, like PyJWT', async () => {
    const outcome = await verify({
      token: VALID,
      secret: SAMPLE_SECRET,
      expected: { issuer: 'https://evil.example.com', audience: 'jwt-toolkit-samples' },
    });
    assert.equal(outcome.verdict, 'valid', 'the signature itself is fine');
    assert.deepEqual(outcome.claims, [
      { claim: 'iss', ok: false, message: 'iss is "https://auth.example.com", expected "https://evil.example.com"' },
      { claim: 'aud', ok: true, message: 'aud includes "jwt-toolkit-samples"' },
      { claim: 'exp', ok: true, message: 'not expired' },
    ]);
    const expired = await verify({ token: EXPIRED, secret: SAMPLE_SECRET, expected: { clockTolerance: 60 } });
    assert.deepEqual(expired.claims, [{ claim: 'exp', ok: false, message: 'expired (allowing 60 s of clock skew)' }]);
  });

  it('hovers show the check with a saved key matching the kid, or the pinned key', async () => {
    const kidKey = uniqueName('hover-kid');
    const pinned = uniqueName('hover-pinned');
    await manageOk({
      action: 'add',
      name: kidKey,
      secret: JSON.stringify({ kty: 'oct', k: base64url(SAMPLE_SECRET), kid: 'sample-hs256' }),
    });
    try {
      const editor = await openText(`A=${SERVICE}\nB=${VALID}\n`);
      const overService = await eventually(
        () => hoverText(editor.document.uri, new vscode.Position(0, 40)),
        (t) => t.includes('Signature'),
      );
      assert.match(overService, new RegExp(`Signature valid \\(HS256, key "${kidKey}"\\)`));
      const overValid = await hoverText(editor.document.uri, new vscode.Position(1, 40));
      assert.doesNotMatch(overValid, /Signature/, 'no key matches a token without kid while nothing is pinned');

      await manageOk({ action: 'add', name: pinned, secret: 'wrong-secret' });
      await manageOk({ action: 'pin', name: pinned });
      const withPin = await eventually(
        () => hoverText(editor.document.uri, new vscode.Position(1, 40)),
        (t) => t.includes('Signature'),
      );
      assert.match(withPin, new RegExp(`Signature invalid \\(HS256, key "${pinned}"\\): The signature does not match`));
    } finally {
      await manageOk({ action: 'unpin' });
      await manageOk({ action: 'remove', name: kidKey });
      await manageOk({ action: 'remove', name: pinned }).catch(() => undefined);
    }
  });
});
