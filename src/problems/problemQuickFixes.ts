import * as vscode from 'vscode';
import { PROBLEM_SOURCE } from './tokenProblems';

/** Quick fixes on our problems: open the token in the panel, copy its decoded claims. */
export class ProblemQuickFixes implements vscode.CodeActionProvider {
  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const byToken = new Map<string, vscode.Diagnostic[]>();
    for (const diagnostic of context.diagnostics.filter((d) => d.source === PROBLEM_SOURCE)) {
      const token = document.getText(diagnostic.range);
      byToken.set(token, [...(byToken.get(token) ?? []), diagnostic]);
    }
    return [...byToken].flatMap(([token, diagnostics]) => [
      quickFix(vscode.l10n.t('Open in JWT panel'), 'jwt.decode', token, diagnostics),
      quickFix(vscode.l10n.t('Copy decoded claims'), 'jwt.copyDecoded', token, diagnostics),
    ]);
  }
}

function quickFix(title: string, command: string, token: string, diagnostics: vscode.Diagnostic[]): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.command = { title, command, arguments: [token] };
  action.diagnostics = diagnostics;
  return action;
}
