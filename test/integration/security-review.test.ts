// The offline security review in the editor: its findings as Problems (the finding id is the code), the
// setting that changes a finding's severity or turns it off, the hover's summary line, and the panel's
// 'audit' message about the shown token.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostToPanel } from '../../src/protocol';
import { api } from './signing-helpers';
import type { WeakSecretOutcome } from '../../src/audit/findWeakSecretCommand';
import { base64url, eventually, hoverText, openText, useExtension, writeWorkspaceFile } from './util';

const json = (value: unknown) => base64url(JSON.stringify(value));
const exp = Math.floor(Date.now() / 1000) + 3600;
/**
 * alg "None" (a spelling of "none" that slips past case-sensitive checks), a kid that is a path, a key
 * URL on another host than the issuer's, a card number in the claims. It has a signature: the scanner
 * takes a token ending in a dot only with alg "none" exactly.
 */
const RISKY = `${json({ alg: 'None', kid: '../../dev/null', jku: 'https://evil.example/jwks.json' })}.${json({
  iss: 'https://issuer.example',
  sub: 'risky',
  card: '4111 1111 1111 1111',
  exp,
})}.c2lnbmF0dXJl`;
/** An RS256 token with an expiry, a plain kid and a signature of the right length: nothing to find. */
const CLEAN = `${json({ alg: 'RS256', typ: 'JWT', kid: 'key-1' })}.${json({
  iss: 'https://issuer.example',
  sub: 'clean',
  iat: exp - 3600,
  exp,
})}.${'B'.repeat(342)}`;

const severityName = (s: vscode.DiagnosticSeverity) => vscode.DiagnosticSeverity[s];
const codes = (uri: vscode.Uri) =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'JWT')
    .map((d) => `${d.range.start.line}:${String(d.code)}:${severityName(d.severity)}`)
    .sort();

describe('security review', () => {
  useExtension();

  it('reports its errors as Problems with the finding id as the code, once beside the risk kinds', async () => {
    const editor = await openText(`risky=${RISKY}\nclean=${CLEAN}\n`, 'properties');
    const expected = ['0:algNone:Warning', '0:header-key-url:Error', '0:kid-path:Error', '0:sensitive-data:Error'];
    const seen = await eventually(
      () => codes(editor.document.uri),
      (c) => c.join() === expected.join(),
    );
    // alg-none is the algNone kind's problem already: reported once; the clean token has none.
    assert.deepEqual(seen, expected);
    const kidPath = vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.code === 'kid-path');
    assert.equal(editor.document.getText(kidPath!.range), RISKY, 'the problem covers the token exactly');
    assert.match(kidPath!.message, /kid "\.\.\/\.\.\/dev\/null" looks like a file path/);
  });

  it('takes a finding\'s severity from jwt.problems.securityReview, "off" removing it', async () => {
    const config = vscode.workspace.getConfiguration('jwt.problems');
    const editor = await openText(`risky=${RISKY}\n`, 'plaintext');
    await eventually(
      () => codes(editor.document.uri),
      (c) => c.length === 4,
    );
    try {
      await config.update(
        'securityReview',
        { 'kid-path': 'off', 'sensitive-data': 'hint' },
        vscode.ConfigurationTarget.Global,
      );
      const expected = ['0:algNone:Warning', '0:header-key-url:Error', '0:sensitive-data:Hint'];
      assert.deepEqual(
        await eventually(
          () => codes(editor.document.uri),
          (c) => c.join() === expected.join(),
        ),
        expected,
      );
    } finally {
      await config.update('securityReview', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('sums up the review in the hover: how many findings and the worst', async () => {
    const editor = await openText(`risky=${RISKY}\nclean=${CLEAN}\n`, 'plaintext');
    const risky = await eventually(
      () => hoverText(editor.document.uri, new vscode.Position(0, 12)),
      (text) => text.includes('Security review'),
    );
    assert.match(risky, /\$\(error\) Security review: 4 findings, worst: Unsigned token \(alg none\) \(alg-none\)/);
    const clean = await eventually(
      () => hoverText(editor.document.uri, new vscode.Position(1, 12)),
      (text) => text.includes('Security review'),
    );
    assert.match(clean, /Security review: no findings/);
  });

  it('sends the panel the findings and the checks passed, about the shown token', async () => {
    await vscode.commands.executeCommand('jwt.decode', RISKY);
    const test = await api();
    const replies = await eventually(
      () => test.panelMessage({ type: 'ready' }),
      (r) => r.some((m) => m.type === 'audit'),
    );
    const audit = replies.find((m): m is Extract<HostToPanel, { type: 'audit' }> => m.type === 'audit');
    assert.ok(audit, 'no audit message');
    assert.equal(audit.about, RISKY);
    assert.deepEqual(
      audit.findings.map((f) => [f.id, f.severity, f.part]),
      [
        ['alg-none', 'error', 'header'],
        ['header-key-url', 'error', 'header'],
        ['kid-path', 'error', 'header'],
        ['sensitive-data', 'error', 'payload'],
      ],
    );
    const passed = audit.passed.map((c) => c.id);
    assert.ok(passed.includes('kid-injection') && passed.includes('exp-missing'), passed.join());
    assert.ok(!passed.includes('kid-path'));
  });

  it('finds an HS256 secret in a word list, counting the words it tried', async () => {
    /** The jwt.io example token, signed with "your-256-bit-secret". */
    const jwtIo =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    const words = [...Array.from({ length: 600 }, (_, i) => `guess-${i}`), 'your-256-bit-secret', 'later'];
    const list = await writeWorkspaceFile(`${words.join('\r\n')}\r\n`, 'words.txt');
    const found = await vscode.commands.executeCommand<WeakSecretOutcome>('jwt.findWeakSecret', jwtIo, list.toString());
    assert.equal(found?.secret, 'your-256-bit-secret');
    assert.ok(found.tried >= 601, `tried ${found.tried}`);
    // Off the extension host's thread where there is Node (worker threads); on it in the web worker.
    const inNode = typeof globalThis.process?.versions?.node === 'string';
    assert.equal(found.threads !== undefined, inNode, `threads: ${found.threads}`);
    const none = await writeWorkspaceFile('a\nb\nc', 'none.txt');
    const notFound = await vscode.commands.executeCommand<WeakSecretOutcome>(
      'jwt.findWeakSecret',
      jwtIo,
      none.toString(),
    );
    assert.equal(notFound?.tried, 3);
    assert.equal(notFound.secret, undefined);
    // No search where no secret can be found: a signature of the wrong length, a token not signed with one.
    const [header, payload] = jwtIo.split('.');
    for (const token of [`${header}.${payload}.c2hvcnQ`, CLEAN]) {
      assert.equal(await vscode.commands.executeCommand('jwt.findWeakSecret', token, list.toString()), undefined);
    }
  });
});
