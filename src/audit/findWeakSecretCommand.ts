import * as vscode from 'vscode';
import { type CrackJob, crackJob, crackSecret, formatDuration, JwtError } from '../core';
import { askForToken, findTokenInContext } from '../decode/tokenSource';
import { askKeyName } from '../keys/keyChoice';
import type { KeyStore } from '../keys/keyStore';
import { type SearchOutcome, searchInWorkers } from './parallelSearch';
import { countLines, lines } from './wordList';

/** What the command found: the secret (when a word signs the token) and how many words it tried. */
export type WeakSecretOutcome = SearchOutcome;

/**
 * "JWT: Find Weak Secret with a Word List…": tries each line of a word list the user picks as the
 * HMAC secret of an HS256/384/512 token (offline), with a cancellable progress notification counting
 * words per second and the time left, and offers to save a secret it finds as a key. `tokenArg` is a
 * token (else the selection, the cursor, the clipboard or the input box); `wordListArg` a word list's
 * URI (else the open dialog asks). On the desktop the search runs in one worker thread per core
 * (parallelSearch.ts); in the web worker extension host, on its own thread in batches (core crackSecret).
 */
export async function findWeakSecretCommand(
  keys: KeyStore,
  extensionUri: vscode.Uri,
  tokenArg?: unknown,
  wordListArg?: unknown,
): Promise<WeakSecretOutcome | undefined> {
  const picked = (await findTokenInContext(tokenArg)) ?? (await askForToken());
  if (!picked) return undefined;
  const job = searchableToken(picked.token);
  if (!job) return undefined;
  const uri = wordListUri(wordListArg) ?? (await pickWordList());
  if (!uri) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Cannot read the word list: {0}', error instanceof Error ? error.message : String(error)),
    );
    return undefined;
  }
  let outcome: SearchOutcome;
  try {
    outcome = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Trying the words of {0} as the secret', uri.path.slice(uri.path.lastIndexOf('/') + 1)),
        cancellable: true,
      },
      (progress, cancel) => {
        const abort = new AbortController();
        cancel.onCancellationRequested(() => abort.abort());
        const report = progressReporter(progress);
        const workerFile = vscode.Uri.joinPath(extensionUri, 'dist', 'crackWorker.js');
        return (
          (workerFile.scheme === 'file'
            ? searchInWorkers(job, bytes, workerFile.fsPath, { signal: abort.signal, onProgress: report })
            : undefined) ?? searchInThread(picked.token, bytes, abort.signal, report)
        );
      },
    );
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return undefined;
  }
  if (outcome.cancelled) return outcome;
  if (outcome.secret === undefined) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('None of the {0} words in the list is the secret of this token.', outcome.tried),
    );
    return outcome;
  }
  void offerToSave(keys, outcome.secret);
  return outcome;
}

/** The search on this thread: the web worker extension host has no worker threads. */
async function searchInThread(
  token: string,
  bytes: Uint8Array,
  signal: AbortSignal,
  onProgress: (tried: number, total: number) => void,
): Promise<SearchOutcome> {
  const text = new TextDecoder('utf-8').decode(bytes);
  const total = countLines(text);
  let tried = 0;
  try {
    const secret = await crackSecret(token, lines(text), {
      signal,
      onProgress: (count) => {
        tried = count;
        onProgress(count, total);
      },
    });
    return secret === undefined ? { tried } : { secret, tried };
  } catch (error) {
    if (error instanceof JwtError && error.code === 'cancelled') return { tried, cancelled: true };
    throw error;
  }
}

/**
 * Turns counts into the notification's bar and message — words tried, words per second and the time
 * left — at most every 100 ms.
 */
function progressReporter(
  progress: vscode.Progress<{ message?: string; increment?: number }>,
): (tried: number, total: number | undefined) => void {
  const started = Date.now();
  let shown = 0;
  let last = 0;
  return (tried, total) => {
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    const seconds = Math.max((now - started) / 1000, 0.001);
    const perSecond = Math.round(tried / seconds);
    if (total === undefined) {
      progress.report({ message: vscode.l10n.t('{0} words, {1} words/s', tried, perSecond) });
      return;
    }
    const percent = total > 0 ? (tried / total) * 100 : 100;
    const left = perSecond > 0 ? formatDuration(Math.max(0, total - tried) / perSecond) : undefined;
    progress.report({
      increment: percent - shown,
      message: left
        ? vscode.l10n.t('{0} of {1} words, {2} words/s, about {3} left', tried, total, perSecond, left)
        : vscode.l10n.t('{0} of {1} words, {2} words/s', tried, total, perSecond),
    });
    shown = percent;
  };
}

/** What the search needs of `token`, or undefined once the user has been told why it cannot be searched. */
function searchableToken(token: string): CrackJob | undefined {
  try {
    const job = crackJob(token);
    if (job) return job;
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        "This token's signature is not as long as its algorithm makes them, so no secret can have made it: there is nothing to search for.",
      ),
    );
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
  }
  return undefined;
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
