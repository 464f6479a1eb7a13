import * as vscode from 'vscode';
import { decodeFlaskSession, flaskSessionAt, formatDuration, formatRelative, utcText } from '../core';
import { sessionLifetime } from '../verify/flaskSessionLifetime';
import { appendFenced, appendInert } from './markdown';

/**
 * The hover over a Flask session cookie on `line` at `position`: its payload, when it was signed,
 * and its age against the lifetime in `jwt.flask.sessionLifetime`. Undefined when there is none.
 */
export async function flaskSessionHover(
  line: string,
  position: vscode.Position,
  document: vscode.TextDocument,
): Promise<vscode.Hover | undefined> {
  const match = flaskSessionAt(line, position.character);
  if (!match) return undefined;
  const range = new vscode.Range(position.line, match.start, position.line, match.end);
  const md = new vscode.MarkdownString(`**${vscode.l10n.t('Flask session cookie')}**`, true);
  md.isTrusted = { enabledCommands: ['jwt.verifyFlaskSession'] };
  md.supportHtml = false;
  md.appendText(match.compressed ? ` · ${vscode.l10n.t('compressed')}` : '');
  md.appendMarkdown('\n\n');
  try {
    const session = await decodeFlaskSession(match.cookie);
    const lifetime = sessionLifetime(document);
    const age = Date.now() / 1000 - session.timestamp.getTime() / 1000;
    const signed = session.timestamp.getTime() / 1000;
    md.appendMarkdown(age > lifetime ? '$(error) ' : '$(clock) ');
    const [when, ago, limit] = [
      utcText(session.timestamp.toISOString()),
      formatRelative(signed, new Date()),
      formatDuration(lifetime),
    ];
    md.appendText(
      age > lifetime
        ? vscode.l10n.t('Signed {0} ({1}): older than its {2} lifetime, so Flask rejects it', when, ago, limit)
        : vscode.l10n.t('Signed {0} ({1}): within its {2} lifetime', when, ago, limit),
    );
    md.appendMarkdown('\n\n');
    appendFenced(md, session.text, 'json'); // cut by the core: a hostile cookie can hold a megabyte
    md.appendMarkdown('\n');
    md.appendText(
      vscode.l10n.t(
        'Signature not checked. itsdangerous before 1.0 counted from 2011: then it was signed {0}.',
        utcText(session.legacyTimestamp.toISOString()),
      ),
    );
    const args = encodeURIComponent(JSON.stringify([match.cookie]));
    md.appendMarkdown(
      `\n\n[$(verified) ${vscode.l10n.t('Verify with SECRET_KEY…')}](command:jwt.verifyFlaskSession?${args} "${vscode.l10n.t("Check the signature with the Flask app's SECRET_KEY")}")`,
    );
  } catch (error) {
    md.appendMarkdown('$(error) ');
    appendInert(md, error instanceof Error ? error.message : String(error));
  }
  return new vscode.Hover(md, range);
}
