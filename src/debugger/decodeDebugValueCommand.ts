import * as vscode from 'vscode';
import { decodeToken } from '../core';
import type { PanelDeps } from '../panel/panelDeps';
import { TokenPanel } from '../panel/tokenPanel';
import type { TokenOrigin } from '../protocol';
import { debugVariableArg, evaluateInFull, pausedSession, tokensIn, tokensInVariable } from './debugValue';

/** What the command did: the token it showed and where it came from, or why it showed none. */
export type DebugDecodeOutcome = { token: string; source: TokenOrigin } | { error: string };

/**
 * "Decode as JWT" in the Variables and Watch views' context menus: the token in the variable's value
 * (quoted, after "Bearer ", inside a header, a cookie or an object; its whole value when the view
 * shows a cut preview) in the JWT panel; a quick pick when it holds several.
 *
 * Without a variable (the command palette, the Debug Console's title bar; VS Code has no context menu
 * for extensions in the Debug Console): a token copied to the clipboard, else an expression evaluated
 * in the paused frame. `{ expression }` as the argument evaluates that expression (for keybindings).
 * Undefined when the user cancelled.
 */
export async function decodeDebugValueCommand(deps: PanelDeps, arg?: unknown): Promise<DebugDecodeOutcome | undefined> {
  const variable = debugVariableArg(arg);
  if (variable) {
    const tokens = await tokensInVariable(variable);
    return show(deps, tokens, 'debugger', variable.variable.name);
  }
  const given = expressionArg(arg);
  if (given !== undefined) return decodeExpression(deps, given);
  // A browser may refuse clipboard access; that only means there is no token there.
  const clipboard = await Promise.resolve(vscode.env.clipboard.readText()).catch(() => '');
  const copied = tokensIn(clipboard);
  if (copied.length) return show(deps, copied, 'clipboard', vscode.l10n.t('the clipboard'));
  if (!pausedSession()) {
    return fail(
      vscode.l10n.t(
        'No token to decode: right-click a variable or watch expression while debugging and choose Decode as JWT, or copy a token from the Debug Console (Ctrl+C) and run this again.',
      ),
    );
  }
  const expression = await vscode.window.showInputBox({
    title: vscode.l10n.t('Decode as JWT'),
    prompt: vscode.l10n.t('An expression to evaluate in the paused frame, e.g. req.headers.authorization'),
    placeHolder: 'req.headers.authorization',
    ignoreFocusOut: true,
    validateInput: (input) => (input.trim() ? undefined : vscode.l10n.t('Type an expression')),
  });
  if (expression === undefined) return undefined;
  return decodeExpression(deps, expression.trim());
}

function expressionArg(arg: unknown): string | undefined {
  if (!arg || typeof arg !== 'object' || !('expression' in arg)) return undefined;
  const { expression } = arg as { expression: unknown };
  return typeof expression === 'string' && expression.trim() ? expression.trim() : undefined;
}

async function decodeExpression(deps: PanelDeps, expression: string): Promise<DebugDecodeOutcome | undefined> {
  const target = pausedSession();
  if (!target) return fail(vscode.l10n.t('No debug session is paused, so {0} cannot be evaluated.', expression));
  const value = await evaluateInFull(target, expression);
  if (value === undefined)
    return fail(vscode.l10n.t('The debugger could not evaluate {0} in the paused frame.', expression));
  return show(deps, tokensIn(value), 'debugger', expression);
}

/** Shows the token (the user picks one when there are several) in the panel. */
async function show(
  deps: PanelDeps,
  tokens: string[],
  source: Extract<TokenOrigin, 'debugger' | 'clipboard'>,
  where: string,
): Promise<DebugDecodeOutcome | undefined> {
  if (!tokens.length) return fail(vscode.l10n.t('No JSON Web Token in the value of {0}.', where));
  const token = tokens.length === 1 ? tokens[0] : await pickToken(tokens, where);
  if (token === undefined) return undefined;
  TokenPanel.show(deps, { token, source });
  return { token, source };
}

async function pickToken(tokens: string[], where: string): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    tokens.map((token, i) => ({ label: `${i + 1}. ${summary(token)}`, detail: shortened(token), token })),
    {
      title: vscode.l10n.t('{0} tokens in {1}', tokens.length, where),
      placeHolder: vscode.l10n.t('Choose the token to decode'),
      ignoreFocusOut: true,
      matchOnDetail: true,
    },
  );
  return picked?.token;
}

/** "HS256 · sub user-1234": what tells tokens apart at a glance. */
function summary(token: string): string {
  try {
    const { kind, header, payload } = decodeToken(token);
    const claims = typeof payload === 'object' && payload ? payload : {};
    const who = ['sub', 'client_id', 'iss'].find((name) => typeof claims[name] === 'string');
    return [
      typeof header.alg === 'string' ? header.alg : kind,
      who ? `${who} ${String(claims[who])}` : undefined,
      typeof header.typ === 'string' ? `typ ${header.typ}` : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
  } catch {
    return vscode.l10n.t('not decodable');
  }
}

function shortened(token: string): string {
  return token.length > 48 ? `${token.slice(0, 32)}…${token.slice(-12)}` : token;
}

function fail(message: string): DebugDecodeOutcome {
  void vscode.window.showWarningMessage(message);
  return { error: message };
}
