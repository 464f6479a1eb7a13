// The panel's Decrypt section and nested tokens, through the panel's host side (the extension's API
// handles each message exactly as the panel sends it): decrypting with a pasted or saved key, the
// decrypted claims in the reply, a JWS inside the JWE as layer 2, and no key material in any reply.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CompactEncrypt, CompactSign, base64url as b64, exportJWK, generateSecret, type JWK } from 'jose';
import type { HostToPanel } from '../../src/protocol';
import { api, manageOk, uniqueName } from './signing-helpers';
import { eventually, panelTabs, useExtension } from './util';

const CLAIMS = { sub: 'decrypted-user', exp: 4102444800 };
const encoder = new TextEncoder();

async function newKey(): Promise<JWK> {
  return exportJWK(await generateSecret('A256GCM', { extractable: true }));
}

async function encrypt(plaintext: string, jwk: JWK, header: object = {}): Promise<string> {
  return new CompactEncrypt(encoder.encode(plaintext))
    .setProtectedHeader({ alg: 'A256KW', enc: 'A256GCM', kid: 'enc-1', ...header })
    .encrypt(b64.decode(jwk.k!));
}

async function showInPanel(token: string): Promise<void> {
  await vscode.commands.executeCommand('jwt.decode', token);
  await eventually(
    () => panelTabs().map((t) => t.label),
    (labels) => labels.includes('JWT · A256KW'),
  );
}

function decrypted(replies: HostToPanel[]): Extract<HostToPanel, { type: 'decrypted' }> {
  assert.equal(replies.length, 1);
  const [reply] = replies;
  assert.ok(reply?.type === 'decrypted', JSON.stringify(reply));
  return reply;
}

describe('panel: decrypt', () => {
  useExtension();

  it('decrypts with a pasted key; the reply carries the claims and no key material', async () => {
    const jwk = await newKey();
    await showInPanel(await encrypt(JSON.stringify(CLAIMS), jwk));
    const panel = await api();
    const replies = await panel.panelMessage({ type: 'decrypt', key: { kind: 'text', text: JSON.stringify(jwk) } });
    const reply = decrypted(replies);
    assert.equal(reply.keyLabel, 'the entered key');
    assert.deepEqual(reply.decoded.payload, CLAIMS);
    assert.deepEqual(reply.decoded.header, { alg: 'A256KW', enc: 'A256GCM', kid: 'enc-1' });
    assert.equal(reply.decoded.status, 'valid');
    assert.equal(reply.inner, undefined);
    assert.ok(!JSON.stringify(replies).includes(jwk.k!), 'the key came back in a reply');
  });

  it('says a wrong key is wrong without echoing it, and decrypts with a saved key', async () => {
    const jwk = await newKey();
    const wrong = await newKey();
    const token = await encrypt(JSON.stringify(CLAIMS), jwk);
    await showInPanel(token);
    const panel = await api();
    const failed = await panel.panelMessage({ type: 'decrypt', key: { kind: 'text', text: JSON.stringify(wrong) } });
    assert.deepEqual(failed, [
      {
        type: 'failed',
        action: 'decrypt',
        message:
          'The token could not be decrypted with this key: wrong key (the token needs a 256-bit (32-byte) shared key), or the token was altered',
        about: token,
      },
    ]);
    const mismatch = await panel.panelMessage({ type: 'decrypt', key: { kind: 'text', text: 'too-short' } });
    assert.deepEqual(mismatch, [
      {
        type: 'failed',
        action: 'decrypt',
        message:
          'The key is 9 bytes long but the token is encrypted with A256KW, which needs a 256-bit (32-byte) shared key',
        about: token,
      },
    ]);

    const name = uniqueName('enc');
    await manageOk({ action: 'add', name, secret: JSON.stringify(jwk) });
    try {
      const replies = await panel.panelMessage({ type: 'decrypt', key: { kind: 'saved', name } });
      assert.deepEqual(decrypted(replies).decoded.payload, CLAIMS);
      assert.equal(decrypted(replies).keyLabel, `key "${name}"`);
      assert.ok(!JSON.stringify(replies).includes(jwk.k!), 'the saved key came back in a reply');
    } finally {
      await manageOk({ action: 'remove', name });
    }
  });

  it('shows a JWS nested in the JWE (cty "JWT") as layer 2', async () => {
    const jws = await new CompactSign(encoder.encode(JSON.stringify(CLAIMS)))
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(encoder.encode('s'.repeat(32)));
    const jwk = await newKey();
    await showInPanel(await encrypt(jws, jwk, { cty: 'JWT' }));
    const panel = await api();
    const reply = decrypted(
      await panel.panelMessage({ type: 'decrypt', key: { kind: 'text', text: JSON.stringify(jwk) } }),
    );
    assert.equal(reply.decoded.payload, jws);
    assert.equal(reply.inner?.token, jws);
    assert.equal(reply.inner?.decoded?.kind, 'jws');
    assert.deepEqual(reply.inner?.decoded?.payload, CLAIMS);
  });

  it('refuses to decrypt a token that is not a JWE', async () => {
    const jws = await new CompactSign(encoder.encode(JSON.stringify(CLAIMS)))
      .setProtectedHeader({ alg: 'HS256' })
      .sign(encoder.encode('s'.repeat(32)));
    await vscode.commands.executeCommand('jwt.decode', jws);
    await eventually(
      () => panelTabs().map((t) => t.label),
      (labels) => labels.includes('JWT · decrypted-user'),
    );
    const [reply] = await (await api()).panelMessage({ type: 'decrypt', key: { kind: 'text', text: 'secret' } });
    assert.equal(reply?.type, 'failed');
    assert.match((reply as { message: string }).message, /not an encrypted JWE/);
  });
});
