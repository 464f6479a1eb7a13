// Helpers for the sign, verify and keys suites: the extension's API, key management by command
// arguments, selecting text, and unique key names so suites do not see each other's keys.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { JwtToolkitTestApi } from '../../src/contributions';
import type { ManageArgs, ManageOutcome } from '../../src/keys/manageKeysCommand';
import type { SignArgs, SignOutcome } from '../../src/sign/signSelectionCommand';
import type { VerifyArgs } from '../../src/verify/verifyCommand';
import type { VerifyOutcome } from '../../src/protocol';
import { activateExtension } from './util';

/** The test build's API (activate() returns it only when VS Code runs the tests). */
export async function api(): Promise<JwtToolkitTestApi> {
  const exports = (await activateExtension()).exports as JwtToolkitTestApi | undefined;
  assert.ok(exports, 'the extension exposes its test API only in ExtensionMode.Test');
  return exports;
}

/**
 * A saved key named in command arguments is used only once the user allows it (a modal dialog, which
 * a test cannot answer): these helpers allow it first, as the user would. test/e2e/other-extension
 * checks the question itself.
 */
async function allow(name: unknown): Promise<void> {
  if (typeof name === 'string') await (await api()).allowKeyUse(name);
}

let count = 0;
/** A key name no other test uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${++count}`;
}

export async function manageKeys(args: ManageArgs): Promise<ManageOutcome> {
  if ('name' in args) await allow(args.name);
  const outcome = await vscode.commands.executeCommand<ManageOutcome | undefined>('jwt.manageKeys', args);
  assert.ok(outcome, 'jwt.manageKeys returned nothing');
  return outcome;
}

export async function manageOk(args: ManageArgs): Promise<Exclude<ManageOutcome, { error: string }>> {
  const outcome = await manageKeys(args);
  assert.ok(!('error' in outcome), `manageKeys ${args.action} failed: ${'error' in outcome ? outcome.error : ''}`);
  return outcome;
}

export async function sign(args: SignArgs): Promise<SignOutcome | undefined> {
  await allow(args.key);
  return vscode.commands.executeCommand<SignOutcome | undefined>('jwt.signSelection', args);
}

export async function verify(args: VerifyArgs | string): Promise<VerifyOutcome> {
  if (typeof args === 'object') await allow(args.key);
  const outcome = await vscode.commands.executeCommand<VerifyOutcome | undefined>('jwt.verify', args);
  assert.ok(outcome, 'jwt.verify returned nothing');
  return outcome;
}

/** Selects the first occurrence of `text` (from its first to its last character). */
export function select(editor: vscode.TextEditor, text: string): vscode.Selection {
  const start = editor.document.getText().indexOf(text);
  assert.ok(start >= 0, `"${text}" is not in the document`);
  editor.selection = new vscode.Selection(
    editor.document.positionAt(start),
    editor.document.positionAt(start + text.length),
  );
  return editor.selection;
}
