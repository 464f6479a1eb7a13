import type * as vscode from 'vscode';

/** A fenced block that the content cannot close: the fence is longer than any backtick run inside. */
export function appendFenced(md: vscode.MarkdownString, text: string, language: string): void {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  md.appendMarkdown(`${fence}${language}\n${text}\n${fence}\n`);
}
