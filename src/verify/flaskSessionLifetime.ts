import * as vscode from 'vscode';

/** Flask's default PERMANENT_SESSION_LIFETIME: 31 days. */
const DEFAULT_LIFETIME_SECONDS = 31 * 86400;

/**
 * `jwt.flask.sessionLifetime` in seconds, for `scope` (a document's folder may set its app's own); with
 * no document, null: the setting for any resource.
 */
export function sessionLifetime(scope?: vscode.ConfigurationScope): number {
  return vscode.workspace
    .getConfiguration('jwt.flask', scope ?? null)
    .get<number>('sessionLifetime', DEFAULT_LIFETIME_SECONDS);
}
