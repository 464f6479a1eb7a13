// "JWT: Compare Tokens" in the real extension host: it opens the diff editor over two read-only
// jwt-decoded: documents holding each token's header and payload as JSON with sorted keys.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPIRED, JWE, VALID } from '../harness/sample-tokens';
import { eventually, openText, useExtension } from './util';

/** The open diff tab titled "Token A ↔ Token B", with both sides' text. */
async function openDiff(): Promise<{ tab: vscode.Tab; left: string; right: string; input: vscode.TabInputTextDiff }> {
  const tab = await eventually(
    () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputTextDiff),
    (t) => t !== undefined,
  );
  assert.ok(tab, 'no diff editor opened');
  const input = tab.input as vscode.TabInputTextDiff;
  const [left, right] = await Promise.all(
    [input.original, input.modified].map(async (uri) => (await vscode.workspace.openTextDocument(uri)).getText()),
  );
  return { tab, left: left!, right: right!, input };
}

describe('compare tokens', () => {
  useExtension();

  it('diffs two tokens given as arguments: header and payload, keys sorted', async () => {
    await vscode.commands.executeCommand('jwt.compare', VALID, EXPIRED);
    const { tab, left, right, input } = await openDiff();
    assert.equal(tab.label, 'Token A ↔ Token B');
    assert.equal(input.original.scheme, 'jwt-decoded');
    const a = JSON.parse(left);
    const b = JSON.parse(right);
    assert.equal(a.payload.name, 'Ada Lovelace');
    assert.equal(b.payload.name, 'Charles Babbage');
    assert.deepEqual(a.header, { alg: 'HS256', typ: 'JWT' });
    assert.deepEqual(Object.keys(a), ['header', 'payload']);
    assert.deepEqual(Object.keys(a.payload), [...Object.keys(a.payload)].sort(), 'claims in sorted order');
    assert.match(left, /^{\n {2}"header": {\n {4}"alg": "HS256",/, 'pretty-printed');
  });

  it('takes the two tokens in the selection, and shows what an encrypted one reveals', async () => {
    const editor = await openText(`first ${VALID}\nsecond ${JWE}\n`);
    editor.selection = new vscode.Selection(0, 0, 2, 0);
    await vscode.commands.executeCommand('jwt.compare');
    const { left, right } = await openDiff();
    assert.equal(JSON.parse(left).payload.sub, 'user-1234');
    assert.deepEqual(JSON.parse(right).header, { alg: 'dir', enc: 'A256GCM' });
    assert.match(JSON.parse(right).payload, /encrypted/);
  });

  it('shows why a broken token does not decode', async () => {
    await vscode.commands.executeCommand('jwt.compare', VALID, 'eyJhbGciOiJIUzI1NiJ9.%%%.c2ln');
    const { right } = await openDiff();
    const shown = JSON.parse(right);
    assert.match(shown.error, /payload \(segment 2\) is not base64url/);
    assert.deepEqual(shown.header, { alg: 'HS256' });
  });
});
