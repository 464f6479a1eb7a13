import * as vscode from 'vscode';

/**
 * The panel's HTML shell: no token data in it (that arrives by message and is inserted as text),
 * one script allowed by nonce, styles and fonts only from the extension's own folders. It carries the
 * display language's l10n bundle for the panel's own strings (media/src/l10n.ts reads it).
 */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = makeNonce();
  const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${attribute(vscode.env.language)}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${asset('dist', 'webview', 'codicons', 'codicon.css')}">
  <link rel="stylesheet" href="${asset('dist', 'webview', 'panel.css')}">
  <meta name="jwt-l10n" content="${attribute(JSON.stringify(vscode.l10n.bundle ?? {}))}">
  <title>JWT</title>
</head>
<body>
  <main id="app"><p class="muted">${attribute(vscode.l10n.t('Loading…'))}</p></main>
  <div id="announcer" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"></div>
  <script nonce="${nonce}" src="${asset('dist', 'webview', 'panel.js')}"></script>
</body>
</html>`;
}

/** The one folder the panel may load from: its script, stylesheet and icon font. */
export function panelResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')];
}

/** Escapes text for an HTML attribute or text position. */
function attribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
