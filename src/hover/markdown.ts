import * as vscode from 'vscode';

/** Most characters of a token's content a hover shows; the panel shows the rest. */
const MAX_HOVER_TEXT = 16 * 1024;

/**
 * A fenced block that the content cannot close: the fence is longer than any backtick run inside.
 * Long content is cut (a hover is a glance; a hostile token can hold megabytes) and says so.
 */
export function appendFenced(md: vscode.MarkdownString, text: string, language: string): void {
  const shown = text.length > MAX_HOVER_TEXT ? text.slice(0, MAX_HOVER_TEXT) : text;
  const longestRun = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  md.appendMarkdown(`${fence}${language}\n${shown}\n${fence}\n`);
  if (shown !== text) {
    md.appendText(
      vscode.l10n.t('… {0} more characters: open it in the panel to see them all.', text.length - shown.length),
    );
    md.appendMarkdown('\n\n');
  }
}

/** A word a Markdown renderer would make a link of: a URL (any scheme), a www. name, an e-mail address. */
const LINKISH = /[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:|@[^@\s]+\.[^@\s]/i;

/**
 * Text from a token, shown as text and never as a link: words that a renderer would turn into one go
 * into code spans (which are never linked), the rest is escaped with appendText. A token's header
 * can say `"kid": "https://evil.example"`; a hover must not offer that as something to click.
 */
export function appendInert(md: vscode.MarkdownString, text: string): void {
  for (const part of text.split(/(\s+)/)) {
    if (!LINKISH.test(part)) {
      if (part) md.appendText(part);
      continue;
    }
    const longestRun = Math.max(0, ...(part.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    md.appendMarkdown(`${fence} ${part} ${fence}`);
  }
}
