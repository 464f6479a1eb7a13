import * as vscode from 'vscode';
import { findTokens } from '../core';

/**
 * What VS Code passes a command run from the context menu of the Variables view (and of a variable
 * under a watch expression): `{ sessionId, container, variable }`, the variable as the Debug Adapter
 * Protocol describes it. A watch expression itself comes as `{ sessionId, variable }`.
 */
export interface DebugVariableArg {
  sessionId?: string;
  container?: unknown;
  variable: {
    name: string;
    value: string;
    evaluateName?: string;
    variablesReference?: number;
  };
}

/** The argument as a debug variable, when it is one. */
export function debugVariableArg(arg: unknown): DebugVariableArg | undefined {
  if (!arg || typeof arg !== 'object' || !('variable' in arg)) return undefined;
  const variable = (arg as { variable: unknown }).variable;
  if (!variable || typeof variable !== 'object') return undefined;
  const { name, value } = variable as { name?: unknown; value?: unknown };
  if (typeof name !== 'string' || typeof value !== 'string') return undefined;
  return arg as DebugVariableArg;
}

/** The paused debug session with id `id` (any, when no id is given), and its focused frame. */
export function pausedSession(id?: string): { session: vscode.DebugSession; frameId?: number } | undefined {
  const item = vscode.debug.activeStackItem;
  const session = [item?.session, vscode.debug.activeDebugSession].find((s) => s && (id === undefined || s.id === id));
  if (!session) return undefined;
  const frameId = item && 'frameId' in item && item.session.id === session.id ? item.frameId : undefined;
  return { session, ...(frameId !== undefined ? { frameId } : {}) };
}

/**
 * An expression's whole value as text. The "clipboard" context is the one VS Code's Copy Value uses:
 * debuggers give the value in full there (js-debug writes an object out with every property), where
 * the Variables view shows a preview cut with "…". Undefined when the debugger cannot evaluate it.
 */
export async function evaluateInFull(
  target: { session: vscode.DebugSession; frameId?: number },
  expression: string,
): Promise<string | undefined> {
  for (const context of ['clipboard', 'repl'] as const) {
    try {
      const response = (await target.session.customRequest('evaluate', {
        expression,
        context,
        ...(target.frameId !== undefined ? { frameId: target.frameId } : {}),
      })) as { result?: unknown } | undefined;
      if (typeof response?.result === 'string') return response.result;
    } catch {
      // Not every debugger knows the clipboard context: try the REPL's.
    }
  }
  return undefined;
}

/** The tokens in a text, each once, in order. */
export function tokensIn(text: string): string[] {
  return [...new Set(findTokens(text).map((m) => m.token))];
}

/**
 * The tokens a variable holds: in its value as shown, else (the preview was cut, or it is an object)
 * in its whole value, evaluated again, else in the values of its children.
 */
export async function tokensInVariable(arg: DebugVariableArg): Promise<string[]> {
  const { variable } = arg;
  const shown = tokensIn(variable.value);
  const cut = variable.value.includes('…');
  const hasChildren = (variable.variablesReference ?? 0) > 0;
  if (shown.length && !cut) return shown;
  const target = pausedSession(arg.sessionId);
  if (!target) return shown;
  if (variable.evaluateName) {
    const whole = await evaluateInFull(target, variable.evaluateName);
    const found = whole === undefined ? [] : tokensIn(whole);
    if (found.length) return found;
  }
  if (!hasChildren) return shown;
  try {
    const { variables } = (await target.session.customRequest('variables', {
      variablesReference: variable.variablesReference,
    })) as { variables: Array<{ value?: unknown }> };
    const inChildren = tokensIn(variables.map((v) => (typeof v.value === 'string' ? v.value : '')).join('\n'));
    return inChildren.length ? inChildren : shown;
  } catch {
    return shown;
  }
}
