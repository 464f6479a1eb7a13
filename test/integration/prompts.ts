// Answering the extension's quick picks and input boxes from a test: VS Code's own command accepts what
// the open prompt shows (a quick pick's first item, an input box's default text); with none open it does
// nothing. So a command's prompts are accepted one after another, as they come, until it settles.
import * as vscode from 'vscode';

/** Accepts each prompt `pending` opens, as it stands, until `pending` settles; resolves to its result. */
export async function acceptPrompts<T>(pending: Thenable<T>): Promise<T> {
  let settled = false;
  const result = Promise.resolve(pending).finally(() => {
    settled = true;
  });
  while (!settled) {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await Promise.race([result.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 150))]);
  }
  return result;
}
