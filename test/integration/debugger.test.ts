// "Decode as JWT" in a real debug session: VS Code's built-in JavaScript debugger (js-debug, which
// code-server ships) runs a small Node program that stops at `debugger;` with tokens in its variables.
// The test reads the variables through the session as the Variables and Watch views do, and runs the
// command with the argument those views' context menus pass. In the web-worker host the extension
// runs in the browser, yet code-server's js-debug runs in its Node host, so this runs in both hosts;
// vscode.dev has no Node host, hence no Node debugger, at all.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DebugDecodeOutcome } from '../../src/debugger/decodeDebugValueCommand';
import { EXPIRED, NO_EXPIRY, NOT_YET_VALID, SERVICE, VALID } from '../harness/sample-tokens';
import { acceptPrompts } from './prompts';
import { eventually, panelTabs, useExtension, writeWorkspaceFile } from './util';

/** A variable as the Debug Adapter Protocol describes it (what VS Code passes on as `variable`). */
interface DapVariable {
  name: string;
  value: string;
  type?: string;
  evaluateName?: string;
  variablesReference: number;
  memoryReference?: string;
}

const PROGRAM = `// A request handler's state, paused.
const token = '${VALID}';
const headers = { authorization: 'Bearer ' + token, accept: 'application/json' };
const cookie = 'theme=dark; access_token=${EXPIRED}; refresh_token=${SERVICE}';
const body = JSON.stringify({ id_token: '${NO_EXPIRY}' });
const long = 'x'.repeat(20000) + ' ${NOT_YET_VALID}';
const nothing = 'no token here';
debugger;
`;

async function decodeVariable(arg: unknown): Promise<DebugDecodeOutcome | undefined> {
  return vscode.commands.executeCommand<DebugDecodeOutcome | undefined>('jwt.decodeDebugValue', arg);
}

/** The panel's tab title once it names `sub`. */
async function panelShows(sub: string): Promise<void> {
  const titles = await eventually(
    () => panelTabs().map((t) => t.label),
    (labels) => labels.some((l) => l.includes(sub)),
  );
  assert.deepEqual(titles, [`JWT · ${sub}`]);
}

describe('Decode as JWT (debugger)', () => {
  useExtension();
  let session: vscode.DebugSession;
  let scope: { name: string; variablesReference: number; expensive: boolean };
  const locals = new Map<string, DapVariable>();

  /** What the Variables view's context menu passes for one of the paused frame's local variables. */
  const fromVariablesView = (name: string) => {
    const variable = locals.get(name);
    assert.ok(variable, `no local variable ${name}: ${[...locals.keys()].join(', ')}`);
    return { sessionId: session.id, container: scope, variable };
  };

  before(async function () {
    this.timeout(90000);
    const program = await writeWorkspaceFile(PROGRAM, 'handler.js');
    const folder = vscode.workspace.workspaceFolders?.[0];
    const started = await vscode.debug.startDebugging(folder, {
      type: 'node',
      request: 'launch',
      name: 'JWT debugger fixture',
      program: program.fsPath,
      console: 'internalConsole',
    });
    assert.ok(started, 'the Node debugger did not start');
    const item = await eventually(
      () => vscode.debug.activeStackItem,
      (stopped) => !!stopped && 'frameId' in stopped,
      60000,
    );
    assert.ok(item && 'frameId' in item, 'the program did not stop at its debugger statement');
    session = item.session;
    const { scopes } = (await session.customRequest('scopes', { frameId: item.frameId })) as {
      scopes: Array<{ name: string; variablesReference: number; expensive: boolean }>;
    };
    scope = scopes[0]!;
    const { variables } = (await session.customRequest('variables', {
      variablesReference: scope.variablesReference,
    })) as { variables: DapVariable[] };
    for (const variable of variables) locals.set(variable.name, variable);
  });

  after(async () => {
    if (session) await vscode.debug.stopDebugging(session);
  });

  beforeEach(async () => {
    await vscode.env.clipboard.writeText('');
  });

  it('decodes a variable holding a token, as the debugger shows it (quoted)', async () => {
    assert.equal(locals.get('token')?.value, `'${VALID}'`);
    const outcome = await decodeVariable(fromVariablesView('token'));
    assert.deepEqual(outcome, { token: VALID, source: 'debugger' });
    await panelShows('user-1234');
  });

  it('finds the token after "Bearer " in an object whose preview the view cuts short', async () => {
    const headers = fromVariablesView('headers');
    assert.match(headers.variable.value, /…/, 'js-debug shows the object with its long string cut');
    const outcome = await decodeVariable(headers);
    assert.deepEqual(outcome, { token: VALID, source: 'debugger' });
    await panelShows('user-1234');
  });

  it('decodes a property of an expanded object (the container is the object)', async () => {
    const headers = fromVariablesView('headers').variable;
    const { variables } = (await session.customRequest('variables', {
      variablesReference: headers.variablesReference,
    })) as { variables: DapVariable[] };
    const authorization = variables.find((v) => v.name === 'authorization');
    assert.ok(authorization, variables.map((v) => v.name).join(', '));
    const outcome = await decodeVariable({ sessionId: session.id, container: headers, variable: authorization });
    assert.deepEqual(outcome, { token: VALID, source: 'debugger' });
    await panelShows('user-1234');
  });

  it('asks which token to decode when a watched cookie string holds several', async () => {
    // A watch expression's menu passes { sessionId, variable } with the expression as name and evaluateName.
    const frame = vscode.debug.activeStackItem as vscode.DebugStackFrame;
    const watched = (await session.customRequest('evaluate', {
      expression: 'cookie',
      frameId: frame.frameId,
      context: 'watch',
    })) as { result: string; variablesReference: number; type?: string };
    const arg = {
      sessionId: session.id,
      variable: {
        name: 'cookie',
        value: watched.result,
        type: watched.type,
        evaluateName: 'cookie',
        variablesReference: watched.variablesReference,
      },
    };
    // The quick pick lists the two in their order; the test takes the first.
    const outcome = await acceptPrompts(decodeVariable(arg));
    assert.deepEqual(outcome, { token: EXPIRED, source: 'debugger' });
    await panelShows('user-5678');
  });

  it('finds a token inside JSON text, and at the end of a 20,000-character string', async () => {
    assert.deepEqual(await decodeVariable(fromVariablesView('body')), { token: NO_EXPIRY, source: 'debugger' });
    await panelShows('user-forever');
    assert.deepEqual(await decodeVariable(fromVariablesView('long')), { token: NOT_YET_VALID, source: 'debugger' });
    await panelShows('user-future');
  });

  it('says so when the value holds no token, and opens no panel', async () => {
    const outcome = await decodeVariable(fromVariablesView('nothing'));
    assert.deepEqual(outcome, { error: 'No JSON Web Token in the value of nothing.' });
    assert.equal(panelTabs().length, 0);
  });

  it('from the Debug Console: a token copied to the clipboard, or an expression evaluated in the paused frame', async () => {
    await vscode.env.clipboard.writeText(`Bearer ${SERVICE}\n`);
    assert.deepEqual(await decodeVariable(undefined), { token: SERVICE, source: 'clipboard' });
    await panelShows('service-account-42');
    await vscode.env.clipboard.writeText('');
    assert.deepEqual(await decodeVariable({ expression: 'headers.authorization' }), {
      token: VALID,
      source: 'debugger',
    });
    await panelShows('user-1234');
  });
});
