import * as vscode from 'vscode';
import { readTemplates, type TokenTemplate } from '../core';

/** Where a workspace folder keeps its own templates. */
export const TEMPLATES_FILE = '.vscode/jwt-templates.json';

/** The workspace's templates, what was wrong in their files, and the files left unread. */
export interface UserTemplates {
  templates: TokenTemplate[];
  /** A sentence per template left out, by file. */
  problems: Array<{ file: vscode.Uri; messages: string[] }>;
  /**
   * Template files of an untrusted workspace, not read: a template decides what is signed with your
   * keys and can copy environment variables (secrets among them) into a token, so a repository you
   * have not trusted does not get to write one.
   */
  untrusted: vscode.Uri[];
}

/** Reads `.vscode/jwt-templates.json` of every workspace folder; in an untrusted workspace, none. */
export async function readUserTemplates(): Promise<UserTemplates> {
  const found: UserTemplates = { templates: [], problems: [], untrusted: [] };
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const file = vscode.Uri.joinPath(folder.uri, ...TEMPLATES_FILE.split('/'));
    let bytes: Uint8Array;
    try {
      if (!vscode.workspace.isTrusted) {
        await vscode.workspace.fs.stat(file);
        found.untrusted.push(file);
        continue;
      }
      bytes = await vscode.workspace.fs.readFile(file);
    } catch {
      continue; // no templates file in this folder
    }
    const name = vscode.workspace.asRelativePath(file, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    const { templates, problems } = readTemplates(new TextDecoder().decode(bytes), name);
    found.templates.push(...templates);
    if (problems.length) found.problems.push({ file, messages: problems });
  }
  return found;
}

/**
 * Reads an environment variable of the extension host for `${env:NAME}`; undefined where there are
 * none (the web worker of VS Code for the Web has no process). The global is looked up rather than
 * named, so the web bundle needs no Node.
 */
export function hostEnvironment(): ((name: string) => string | undefined) | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env ? (name) => env[name] : undefined;
}
