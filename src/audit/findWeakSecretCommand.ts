import * as vscode from 'vscode';
import { crackSecret, JwtError } from '../core';
import { askForToken, findTokenInContext } from '../decode/tokenSource';
import { askKeyName } from '../keys/keyChoice';
import type { KeyStore } from '../keys/keyStore';

/** What the command found: the secret (when a word signs the token) and how many words it tried. */
export interface WeakSecretOutcome {
  secret?: string;
  tried: number;
  cancelled?: boolean;
}

/**
 * "JWT: Find Weak Secret with a Word List…": tries each line of a word list the user picks as the
 * HMAC secret of an HS256/384/512 token (core crackSecret, offline), with a cancellable progress
 * notification counting words per second, and offers to save a secret it finds as a key.
 * `tokenArg` is a token (else the selection, the cursor, the clipboard or the input box);
 * `wordListArg` a word list's URI (else the open dialog asks). The search runs on the extension
 * host's thread, in batches that yield between them.
 */
export async function findWeakSecretCommand(
  keys: KeyStore,
  tokenArg?: unknown,
  wordListArg?: unknown,
): Promise<WeakSecretOutcome | undefined> {
  const picked = (await findTokenInContext(tokenArg)) ?? (await askForToken());
  if (!picked) return undefined;
  const uri = wordListUri(wordListArg) ?? (await pickWordList());
  if (!uri) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Cannot read the word list: {0}', error instanceof Error ? error.message : String(error)),
    );
    return undefined;
  }
  const total = countLines(text);
  let tried = 0;
  try {
    const secret = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Trying {0} words as the secret', total),
        cancellable: true,
      },
      (progress, cancel) => {
        const abort = new AbortController();
        cancel.onCancellationRequested(() => abort.abort());
        const started = Date.now();
        let shown = 0;
        return crackSecret(picked.token, lines(text), {
          signal: abort.signal,
          onProgress: (count) => {
            tried = count;
            const percent = total > 0 ? (count / total) * 100 : 100;
            const perSecond = Math.round(count / Math.max((Date.now() - started) / 1000, 0.001));
            progress.report({
              increment: percent - shown,
              message: vscode.l10n.t('{0} of {1} words, {2} words/s', count, total, perSecond),
            });
            shown = percent;
          },
        });
      },
    );
    if (secret === undefined) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('None of the {0} words in the list is the secret of this token.', tried),
      );
      return { tried };
    }
    void offerToSave(keys, secret);
    return { secret, tried };
  } catch (error) {
    if (error instanceof JwtError && error.code === 'cancelled') return { tried, cancelled: true };
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

function wordListUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg !== 'string' || !arg) return undefined;
  return /^[a-z][a-z0-9+.-]*:/i.test(arg) ? vscode.Uri.parse(arg) : vscode.Uri.file(arg);
}

async function pickWordList(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Pick a word list: one candidate secret a line'),
    openLabel: vscode.l10n.t('Try These Words'),
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    filters: { [vscode.l10n.t('Word lists')]: ['txt', 'lst', 'list', 'dic'], [vscode.l10n.t('All files')]: ['*'] },
  });
  return picked?.[0];
}

/** The lines of `text` (without their CR LF or LF), one at a time: a big list is never split into an array. */
function* lines(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    yield text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end);
    start = end + 1;
  }
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return text.length > 0 && !text.endsWith('\n') ? count + 1 : count;
}

/**
 * Says the secret was found and offers to save it as a key. The secret comes from a file and a
 * notification turns [text](link) into a link: it is quoted only when it has no brackets.
 */
async function offerToSave(keys: KeyStore, secret: string): Promise<void> {
  const shown = secret.length <= 100 && !/[[\]()\r\n]/.test(secret) ? JSON.stringify(secret) : undefined;
  const save = vscode.l10n.t('Save as Key…');
  const answer = await vscode.window.showWarningMessage(
    shown
      ? vscode.l10n.t('Found the secret: {0}. Anyone with this word list can forge tokens signed with it.', shown)
      : vscode.l10n.t(
          'Found the secret ({0} characters). Anyone with this word list can forge tokens signed with it.',
          secret.length,
        ),
    save,
  );
  if (answer !== save) return;
  const name = await askKeyName(keys, vscode.l10n.t('Save the secret as'));
  if (name === undefined) return;
  try {
    const saved = await keys.save(name, secret);
    vscode.window.setStatusBarMessage(
      vscode.l10n.t('$(check) Saved {0} as key "{1}"', saved.description, saved.name),
      4000,
    );
  } catch (error) {
    void vscode.window.showErrorMessage((error as Error).message);
  }
}
