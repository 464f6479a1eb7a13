// Helpers shared by the integration suites: they talk to the real extension host through the public
// vscode API only: they run in the Node and the web-worker extension hosts.
import * as assert from 'node:assert/strict';
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
 * The set-up every suite shares: the extension activated before its tests, and no editor left open
 * after each (a test's documents and panels never leak into the next).
 */
export function useExtension(): void {
  before(async function () {
    this.timeout(60000);
    await activateExtension();
  });
  afterEach(closeAllEditors);
}

/**
 * Hover text that the registered providers give at a position: all markdown strings joined, with the
 * escapes that MarkdownString.appendText adds (&nbsp;, backslashes) undone, so tests match what is read.
 */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~$])/g, '$1');
}

/** Retries until check passes or the time is up: providers and webviews can lag. */
export async function eventually<T>(
  fn: () => T | Thenable<T>,
  check: (value: T) => boolean,
  timeoutMs = 10000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

let fileCount = 0;
// Each suite bundles its own copy of this module, so the counter alone would repeat across suites.
const runId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * Writes `content` to a fresh file in the opened workspace's `.jwt-test/` folder (the runner opens a
 * new copy of samples/ per run) and returns its URI. `name` keeps its extension: `key.pem`.
 */
export async function writeWorkspaceFile(content: string, name = 'file.txt'): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration suite needs an open workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, '.jwt-test', `${runId}-${++fileCount}-${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}

/**
 * Opens `content` in an editor, as a fresh file in the workspace: untitled documents would be dirty
 * (closing them asks to save) and their names are reused, so a new one can come back with an old one's text.
 */
export async function openText(content: string, language = 'plaintext'): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(await writeWorkspaceFile(content));
  return vscode.window.showTextDocument(await vscode.languages.setTextDocumentLanguage(document, language));
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

/** base64url of text's UTF-8 bytes, as Buffer.from(text).toString('base64url') gives it (a web worker has no Buffer). */
export function base64url(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
