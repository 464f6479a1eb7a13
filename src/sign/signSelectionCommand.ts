import * as vscode from 'vscode';
import { EXPIRY_PRESETS, durationSeconds, parsePayload, SIGNING_ALGORITHMS, withExpiry, type Expiry } from '../core';
import { keyChoiceFromArgs } from '../keys/keyChoice';
import { pickSigningKey } from '../keys/pickKey';
import type { KeyConsent } from '../keys/keyConsent';
import type { KeyStore } from '../keys/keyStore';
import { LAST_ALG, signWithKey } from './signWithKey';

export type SignOutput = 'replace' | 'insertAfter' | 'copy';

/** Arguments that let callers (and tests) sign without prompts; anything left out is asked for. */
export interface SignArgs {
  /** The claims as an object or JSON / object-literal text; default: the selection. */
  payload?: string | object;
  alg?: string;
  /** A saved key's name. */
  key?: string;
  /** Key text: a shared secret, a PKCS#8 PEM or a private JWK. */
  secret?: string;
  /** A PEM or JWK file: a path (absolute or relative to the workspace folder) or a URI. */
  keyFile?: string;
  expiresIn?: Expiry;
  /** Default: the jwt.sign.output setting; "copy" when the payload came from the arguments and there is no editor. */
  output?: SignOutput;
}

/** What the command did: the token and where it went, or why it did nothing. Undefined when cancelled. */
export type SignOutcome = { token: string; output: SignOutput; warnings: string[] } | { error: string };

export interface SignDeps {
  keys: KeyStore;
  consent: KeyConsent;
  globalState: vscode.Memento;
}

/**
 * "JWT: Sign JSON Selection": the selected claims object (JSON or a JavaScript object literal) →
 * algorithm → key → expiry → the token replaces the selection in one undoable edit (or goes after
 * it, or to the clipboard, per jwt.sign.output). A cancelled prompt changes nothing.
 */
export async function signSelectionCommand(deps: SignDeps, rawArgs?: unknown): Promise<SignOutcome | undefined> {
  // From the editor's context menu the argument is the document's URI, which is not SignArgs.
  const args: SignArgs =
    rawArgs && typeof rawArgs === 'object' && !(rawArgs instanceof vscode.Uri) ? (rawArgs as SignArgs) : {};
  const editor = vscode.window.activeTextEditor;
  const selection = editor?.selection;
  const fromSelection = args.payload === undefined;
  if (fromSelection && (!editor || !selection || selection.isEmpty)) {
    return fail(vscode.l10n.t('Select a JSON object (or a JavaScript object literal) of claims to sign first.'));
  }

  // What the token will replace, as it is now: the prompts below take time, and the document may change meanwhile.
  const original =
    fromSelection && editor && selection
      ? { version: editor.document.version, text: editor.document.getText(selection) }
      : undefined;
  let claims: Record<string, unknown>;
  if (typeof args.payload === 'object') claims = args.payload as Record<string, unknown>;
  else {
    const text = fromSelection ? editor!.document.getText(selection) : args.payload!;
    const parsed = parsePayload(text);
    if (!parsed.ok) {
      const { reason, offset, line, column } = parsed.problem;
      if (!fromSelection)
        return fail(vscode.l10n.t('The payload is not a JSON object: {0} at {1}.', reason, linePlace(line, column)));
      const where = documentPlace(editor!.document, editor!.document.offsetAt(selection!.start) + offset);
      return fail(vscode.l10n.t('The selection is not a JSON object: {0} at {1}.', reason, where));
    }
    claims = parsed.claims;
  }

  const alg = args.alg ?? (await pickAlgorithm(deps.globalState));
  if (alg === undefined) return cancelled();
  if (!(SIGNING_ALGORITHMS as readonly string[]).includes(alg))
    return fail(vscode.l10n.t('Cannot sign with "{0}"; choose one of {1}.', alg, SIGNING_ALGORITHMS.join(', ')));
  const key = await keyChoiceFromArgs(args, deps.consent, 'sign')
    .then((given) => given ?? pickSigningKey(deps.keys, alg))
    .catch((e: Error) => e);
  if (key instanceof Error) return fail(key.message);
  if (key === undefined) return cancelled();
  const expiry = args.expiresIn ?? (await pickExpiry(claims));
  if (expiry === undefined) return cancelled();
  if (durationSeconds(expiry) === undefined && expiry !== 'keep')
    return fail(
      vscode.l10n.t(
        'The expiry {0} is not a duration; use e.g. "15m", "1h", "1d", "7d" or a number of seconds.',
        JSON.stringify(expiry),
      ),
    );

  let signed: { token: string; warnings: string[] };
  try {
    signed = await signWithKey(deps.keys, withExpiry(claims, expiry), alg, key);
  } catch (error) {
    return fail((error as Error).message);
  }
  await deps.globalState.update(LAST_ALG, alg);
  for (const warning of signed.warnings) void vscode.window.showWarningMessage(warning);

  const output =
    args.output ??
    (fromSelection || editor
      ? vscode.workspace.getConfiguration('jwt.sign').get<SignOutput>('output', 'replace')
      : 'copy');
  if (
    output !== 'copy' &&
    original &&
    (editor?.document.version !== original.version || editor.document.getText(selection) !== original.text)
  ) {
    await vscode.env.clipboard.writeText(signed.token);
    return fail(
      vscode.l10n.t(
        'The document changed while you were choosing, so the selection was not replaced; the token was copied to the clipboard instead.',
      ),
    );
  }
  const placed = await place(signed.token, output, editor, fromSelection ? selection : undefined);
  if (placed) return fail(placed);
  return { token: signed.token, output, warnings: signed.warnings };
}

function fail(message: string): SignOutcome {
  void vscode.window.showErrorMessage(message);
  return { error: message };
}

function cancelled(): undefined {
  vscode.window.setStatusBarMessage(vscode.l10n.t('Signing cancelled: nothing changed'), 3000);
  return undefined;
}

/** "line 12, column 5" of an offset in the document, counted as the editor shows them. */
function documentPlace(document: vscode.TextDocument, offset: number): string {
  const position = document.positionAt(offset);
  return linePlace(position.line + 1, position.character + 1);
}

/** "line 12, column 5", both counted from 1. */
function linePlace(line: number, column: number): string {
  return vscode.l10n.t('line {0}, column {1}', line, column);
}

async function pickAlgorithm(state: vscode.Memento): Promise<string | undefined> {
  const last = state.get<string>(LAST_ALG);
  const algs =
    last && (SIGNING_ALGORITHMS as readonly string[]).includes(last)
      ? [last, ...SIGNING_ALGORITHMS.filter((a) => a !== last)]
      : [...SIGNING_ALGORITHMS];
  const picked = await vscode.window.showQuickPick(
    algs.map((alg) => ({ label: alg, description: alg === last ? vscode.l10n.t('last used') : algFamily(alg) })),
    {
      title: vscode.l10n.t('Sign JSON selection: algorithm'),
      placeHolder: vscode.l10n.t('Choose the signing algorithm'),
      ignoreFocusOut: true,
    },
  );
  return picked?.label;
}

/** What an algorithm's family is, for its quick pick row (the names of the schemes stay as they are). */
function algFamily(alg: string): string | undefined {
  switch (alg.slice(0, 2)) {
    case 'HS':
      return vscode.l10n.t('HMAC with a shared secret');
    case 'RS':
      return 'RSA PKCS#1 v1.5';
    case 'PS':
      return 'RSA-PSS';
    case 'ES':
      return 'ECDSA';
    case 'Ed':
      return 'Ed25519';
    default:
      return undefined;
  }
}

async function pickExpiry(claims: Record<string, unknown>): Promise<Expiry | undefined> {
  const has = typeof claims.exp === 'number';
  type Item = vscode.QuickPickItem & { expiry?: Expiry };
  const presets: Item[] = EXPIRY_PRESETS.map(({ expiry, label }) => ({
    label,
    expiry,
    description:
      expiry === 'keep'
        ? has
          ? vscode.l10n.t('the payload has an exp')
          : vscode.l10n.t('no exp: the token never expires')
        : vscode.l10n.t('sets iat to now'),
  }));
  const items: Item[] = has ? presets : [...presets.slice(1), presets[0]!];
  const picked = await vscode.window.showQuickPick(
    [...items, { label: vscode.l10n.t('Custom…'), description: vscode.l10n.t('e.g. 90m, 12h, 30d') }],
    {
      title: vscode.l10n.t('Sign JSON selection: expiry'),
      ignoreFocusOut: true,
    },
  );
  if (!picked) return undefined;
  if (picked.expiry !== undefined) return picked.expiry;
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Expires in'),
    prompt: vscode.l10n.t('A duration: seconds, or a number with s, m, h, d or w (e.g. 90m, 12h, 30d)'),
    ignoreFocusOut: true,
    validateInput: (input) =>
      durationSeconds(input) === undefined
        ? vscode.l10n.t('Enter a positive whole duration such as 90m, 12h or 30d')
        : undefined,
  });
  return text === undefined ? undefined : durationSeconds(text);
}

/** Puts the token where `output` says; a message when it cannot, the document untouched. */
async function place(
  token: string,
  output: SignOutput,
  editor: vscode.TextEditor | undefined,
  selection: vscode.Selection | undefined,
): Promise<string | undefined> {
  if (output === 'copy' || !editor) {
    await vscode.env.clipboard.writeText(token);
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Signed token copied to the clipboard'), 3000);
    return undefined;
  }
  const range = selection ?? editor.selection;
  // One edit, so one undo restores the selection's text.
  const done = await editor.edit((edit) =>
    output === 'replace' ? edit.replace(range, token) : edit.insert(range.end, `\n${token}`),
  );
  if (done) return undefined;
  await vscode.env.clipboard.writeText(token);
  return vscode.l10n.t(
    'The editor could not be changed (it was closed or is read-only); the token was copied to the clipboard instead.',
  );
}
