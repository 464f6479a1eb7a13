// Helpers shared by the integration suites: they talk to the real extension host through the public
// vscode API only.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'jwt-toolkit.jwt-toolkit';

/** Activates the extension under test (tests can otherwise start before activation). */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  await extension.activate();
  return extension;
}

/**
 * Hover text that the registered providers give at a position: all markdown strings joined, with the
 * escapes that MarkdownString.appendText adds (&nbsp;, backslashes) undone, so tests match what is read.
 */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~$])/g, '$1');
}

/** Retries until check passes or the time is up: providers and webviews can lag. */
export async function eventually<T>(fn: () => T | Thenable<T>, check: (value: T) => boolean, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

let fileCount = 0;

/**
 * Opens `content` in an editor, as a fresh file on disk: untitled documents would be dirty (closing
 * them asks to save) and their names are reused, so a new one can come back with an old one's text.
 */
export async function openText(content: string, language = 'plaintext'): Promise<vscode.TextEditor> {
  const file = path.join(os.tmpdir(), `jwt-integration-${process.pid}-${++fileCount}.txt`);
  fs.writeFileSync(file, content);
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(file), language);
  return vscode.window.showTextDocument(document);
}

/** The open JWT panels' tabs (the panel's view type is jwt.panel). */
export function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('jwt.panel'));
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
