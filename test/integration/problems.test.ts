// Problems for risky tokens in the real extension host: what vscode.languages.getDiagnostics reports,
// with which severity, how the settings change it, and the quick fixes offered on them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ALG_NONE, EXPIRED, NO_EXPIRY, VALID } from '../harness/sample-tokens';
import { eventually, openText, useExtension } from './util';

/** The jwt.io example token, signed with "your-256-bit-secret". */
const JWT_IO =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

type Seen = { code: string; severity: string; line: number; message: string };
const severityName = (s: vscode.DiagnosticSeverity) => vscode.DiagnosticSeverity[s];

/** The four risk kinds this suite is about; the security review's findings are security-review.test.ts's. */
const RISK_KINDS = new Set(['algNone', 'expired', 'weakSecret', 'longLived']);

function problems(uri: vscode.Uri): Seen[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'JWT' && RISK_KINDS.has(String(d.code)))
    .map((d) => ({
      code: String(d.code),
      severity: severityName(d.severity),
      line: d.range.start.line,
      message: d.message,
    }))
    .sort((a, b) => a.line - b.line || a.code.localeCompare(b.code));
}

const codes = (seen: Seen[]) => seen.map((p) => `${p.line}:${p.code}:${p.severity}`);

describe('problems', () => {
  useExtension();

  it('reports unsigned, expired and weak-secret tokens with their default severities', async () => {
    const editor = await openText(`a=${ALG_NONE}\nb=${EXPIRED}\nc=${JWT_IO}\nd=${VALID}\n`, 'properties');
    const seen = await eventually(
      () => problems(editor.document.uri),
      (p) => p.length === 3,
    );
    assert.deepEqual(codes(seen), ['0:algNone:Warning', '1:expired:Information', '2:weakSecret:Error']);
    assert.match(seen[0]!.message, /unsigned \(alg "none"\): anyone can forge/);
    assert.match(seen[1]!.message, /expired .* ago \(2024-01-02 00:00:00 UTC\)/);
    assert.match(seen[2]!.message, /well-known secret "your-256-bit-secret"/);
    const [diagnostic] = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.code === 'weakSecret');
    assert.equal(editor.document.getText(diagnostic!.range), JWT_IO, 'the problem covers the token exactly');
  });

  it('reports long-lived tokens hard-coded in source code, not in a .env-like file', async () => {
    const code = await openText(`const a = "${VALID}";\nconst b = '${NO_EXPIRY}';\n`, 'javascript');
    const seen = await eventually(
      () => problems(code.document.uri),
      (p) => p.length === 2,
    );
    assert.deepEqual(codes(seen), ['0:longLived:Warning', '1:longLived:Warning']);
    assert.match(seen[0]!.message, /valid for \d+ years is hard-coded here/);
    assert.match(seen[1]!.message, /never expires/);
    const env = await openText(`A=${VALID}\nB=${NO_EXPIRY}\nC=${ALG_NONE}\n`, 'properties');
    assert.deepEqual(
      codes(
        await eventually(
          () => problems(env.document.uri),
          (p) => p.length > 0,
        ),
      ),
      ['2:algNone:Warning'],
    );
  });

  it('follows edits, after a pause', async () => {
    const editor = await openText(`x=${VALID}\n`, 'plaintext');
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), `y=${ALG_NONE}\n`));
    assert.deepEqual(
      codes(
        await eventually(
          () => problems(editor.document.uri),
          (p) => p.length === 1,
        ),
      ),
      ['1:algNone:Warning'],
    );
    await editor.edit((e) => e.delete(new vscode.Range(1, 0, 2, 0)));
    assert.deepEqual(
      await eventually(
        () => problems(editor.document.uri),
        (p) => p.length === 0,
      ),
      [],
    );
  });

  it('takes each kind\'s severity from its setting, "off" included, and jwt.problems.enabled turns them all off', async () => {
    const config = vscode.workspace.getConfiguration('jwt.problems');
    const editor = await openText(`a=${ALG_NONE}\nb=${EXPIRED}\nc=${JWT_IO}\n`, 'plaintext');
    await eventually(
      () => problems(editor.document.uri),
      (p) => p.length === 3,
    );
    try {
      await config.update('algNone', 'error', vscode.ConfigurationTarget.Global);
      await config.update('expired', 'off', vscode.ConfigurationTarget.Global);
      await config.update('weakSecret', 'hint', vscode.ConfigurationTarget.Global);
      const expected = ['0:algNone:Error', '2:weakSecret:Hint'];
      const seen = await eventually(
        () => codes(problems(editor.document.uri)),
        (c) => c.join() === expected.join(),
      );
      assert.deepEqual(seen, expected);
      await config.update('enabled', false, vscode.ConfigurationTarget.Global);
      assert.deepEqual(
        await eventually(
          () => problems(editor.document.uri),
          (p) => p.length === 0,
        ),
        [],
      );
    } finally {
      for (const key of ['algNone', 'expired', 'weakSecret', 'enabled'])
        await config.update(key, undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(
      (
        await eventually(
          () => problems(editor.document.uri),
          (p) => p.length === 3,
        )
      ).length,
      3,
    );
  });

  it('offers quick fixes that open the token in the panel or copy its claims', async () => {
    const editor = await openText(`token = ${ALG_NONE}\n`, 'plaintext');
    await eventually(
      () => problems(editor.document.uri),
      (p) => p.length === 1,
    );
    const range = new vscode.Range(0, 12, 0, 12);
    const actions = await eventually(
      async () =>
        (await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          editor.document.uri,
          range,
        )) ?? [],
      (a) => a.some((action) => action.title === 'Open in JWT panel'),
    );
    const ours = actions.filter((a) => a.command?.command.startsWith('jwt.'));
    assert.deepEqual(
      ours.map((a) => [a.title, a.kind?.value, a.command?.command, a.command?.arguments]),
      [
        ['Open in JWT panel', 'quickfix', 'jwt.decode', [ALG_NONE]],
        ['Copy decoded claims', 'quickfix', 'jwt.copyDecoded', [ALG_NONE]],
      ],
    );
    await vscode.commands.executeCommand(ours[1]!.command!.command, ...ours[1]!.command!.arguments!);
    const copied = JSON.parse(await vscode.env.clipboard.readText());
    assert.equal(copied.payload.name, 'Nobody Signed This');
  });
});
