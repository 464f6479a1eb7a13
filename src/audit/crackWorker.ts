/**
 * A worker thread of the word-list search (dist/crackWorker.js, desktop only): tests its share of the
 * list, whole lines of the shared bytes, and tells the search how far it got. See parallelSearch.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
// The matcher's module, not the core's index: this file is its own bundle and stays a few KB (biome.jsonc).
import { type CrackJob, nativeSecretMatcher, webCryptoSecretMatcher } from '../core/secretMatcher';
import type { WorkerReport } from './parallelSearch';
import { countLines, lines } from './wordList';

const { job, bytes, start, end } = workerData as {
  job: CrackJob;
  bytes: SharedArrayBuffer;
  start: number;
  end: number;
};
/** Words tested between two looks at the clock: progress goes out about every {@link REPORT_MS}. */
const BATCH = 1024;
const REPORT_MS = 100;
const post = (report: WorkerReport): void => parentPort!.postMessage(report);

async function search(): Promise<void> {
  const text = new TextDecoder().decode(new Uint8Array(bytes, start, end - start));
  post({ type: 'count', words: countLines(text) });
  const test = nativeSecretMatcher(job) ?? webCryptoSecretMatcher(job);
  let tried = 0;
  let reported = Date.now();
  let batch: string[] = [];
  const flush = async (): Promise<boolean> => {
    const found = await test(batch);
    if (found >= 0) {
      post({ type: 'found', secret: batch[found]!, tried: tried + found + 1 });
      return true;
    }
    tried += batch.length;
    batch = [];
    if (Date.now() - reported >= REPORT_MS) {
      post({ type: 'progress', tried });
      reported = Date.now();
    }
    return false;
  };
  for (const word of lines(text)) if (batch.push(word) === BATCH && (await flush())) return;
  if (!(await flush())) post({ type: 'done', tried });
}

void search();
