import * as vscode from 'vscode';
import { decodeFlaskSession, flaskSessionAt, formatRelative, utcText } from './core';
import { formatDuration } from './core/claims';
import { appendFenced } from './markdown';

/** Flask's default PERMANENT_SESSION_LIFETIME: 31 days. */
const DEFAULT_LIFETIME_SECONDS = 31 * 86400;

/**
 * The hover over a Flask session cookie on `line` at `position`: its payload, when it was signed,
 * and its age against the lifetime in `jwt.flask.sessionLifetime`. Undefined when there is none.
 */
export async function flaskSessionHover(line: string, position: vscode.Position, document: vscode.TextDocument): Promise<vscode.Hover | undefined> {
  const match = flaskSessionAt(line, position.character);
  if (!match) return undefined;
  const range = new vscode.Range(position.line, match.start, position.line, match.end);
  const md = new vscode.MarkdownString('**Flask session cookie**', true);
  md.supportHtml = false;
  md.appendText(match.compressed ? ' · compressed' : '');
  md.appendMarkdown('\n\n');
  try {
    const session = await decodeFlaskSession(match.cookie);
    const lifetime = vscode.workspace.getConfiguration('jwt.flask', document).get<number>('sessionLifetime', DEFAULT_LIFETIME_SECONDS);
    const age = Date.now() / 1000 - session.timestamp.getTime() / 1000;
    const signed = session.timestamp.getTime() / 1000;
    md.appendMarkdown(age > lifetime ? '$(error) ' : '$(clock) ');
    md.appendText(
      `Signed ${utcText(session.timestamp.toISOString())} (${formatRelative(signed, new Date())}): ` +
        (age > lifetime ? `older than its ${formatDuration(lifetime)} lifetime, so Flask rejects it` : `within its ${formatDuration(lifetime)} lifetime`),
    );
    md.appendMarkdown('\n\n');
    appendFenced(md, JSON.stringify(session.payload, null, 2), 'json');
    md.appendMarkdown('\n');
    md.appendText(`Signature not checked. itsdangerous before 1.0 counted from 2011: then it was signed ${utcText(session.legacyTimestamp.toISOString())}.`);
  } catch (error) {
    md.appendMarkdown('$(error) ');
    md.appendText(error instanceof Error ? error.message : String(error));
  }
  return new vscode.Hover(md, range);
}
