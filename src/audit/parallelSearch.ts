/**
 * The word-list search on every core: the list's bytes are shared with one worker thread per core
 * (dist/crackWorker.js), each testing whole lines of its own slice with Node's native hash. The
 * extension host's thread only adds up their reports, so the editor stays responsive. Desktop only:
 * where there are no worker threads (the web worker extension host), {@link searchInWorkers} returns
 * undefined and the caller searches on its own thread.
 */
import { type CrackJob, nodeBuiltin } from '../core';

/** What a worker posts: how many words its slice holds, then progress, then found or done. */
export type WorkerReport =
  | { type: 'count'; words: number }
  | { type: 'progress'; tried: number }
  | { type: 'found'; secret: string; tried: number }
  | { type: 'done'; tried: number };

export interface SearchOutcome {
  secret?: string;
  tried: number;
  cancelled?: boolean;
  /** The worker threads that searched; absent when the search ran on the caller's thread. */
  threads?: number;
}

export interface SearchOptions {
  signal?: AbortSignal;
  /** Words tried so far and the list's length (once every worker has counted its slice). */
  onProgress?: (tried: number, total: number | undefined) => void;
  /** Worker threads to start; by default one per core. */
  threads?: number;
}

type Threads = typeof import('node:worker_threads');
type Os = typeof import('node:os');
/** A list smaller than this is not worth a second thread: starting one costs about 30 ms. */
const MIN_BYTES_PER_THREAD = 256 * 1024;

/**
 * Tests every line of `bytes` (a UTF-8 word list) as the secret of `job`'s token in worker threads
 * running `workerFile`, and resolves when one signs it, all were tried, or `options.signal` aborts.
 * Undefined where Node's worker threads are not available.
 */
export function searchInWorkers(
  job: CrackJob,
  bytes: Uint8Array,
  workerFile: string,
  options: SearchOptions = {},
): Promise<SearchOutcome> | undefined {
  const threads = nodeBuiltin<Threads>('node:worker_threads');
  const os = nodeBuiltin<Os>('node:os');
  if (!threads || !os) return undefined;
  const count = Math.max(
    1,
    Math.min(options.threads ?? os.availableParallelism(), Math.ceil(bytes.length / MIN_BYTES_PER_THREAD)),
  );
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  const { signal, onProgress } = options;

  return new Promise((resolve, reject) => {
    const workers: InstanceType<Threads['Worker']>[] = [];
    const tried: number[] = [];
    const counted: number[] = [];
    let running = 0;
    const triedSoFar = () => tried.reduce((a, b) => a + b, 0);
    const total = () => (counted.length === workers.length ? counted.reduce((a, b) => a + b, 0) : undefined);
    const finish = (outcome: SearchOutcome | Error) => {
      signal?.removeEventListener('abort', cancel);
      for (const worker of workers) void worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const cancel = () => finish({ tried: triedSoFar(), cancelled: true, threads: workers.length });
    signal?.addEventListener('abort', cancel);

    for (const [index, [start, end]] of slices(bytes, count).entries()) {
      const worker = new threads.Worker(workerFile, { workerData: { job, bytes: shared, start, end } });
      workers.push(worker);
      tried.push(0);
      running++;
      worker.on('message', (report: WorkerReport) => {
        if (report.type === 'count') {
          counted.push(report.words);
          onProgress?.(triedSoFar(), total());
          return;
        }
        tried[index] = report.tried;
        if (report.type === 'found') finish({ secret: report.secret, tried: triedSoFar(), threads: workers.length });
        else if (report.type === 'done' && --running === 0) finish({ tried: triedSoFar(), threads: workers.length });
        else onProgress?.(triedSoFar(), total());
      });
      worker.on('error', (error) => finish(error));
    }
    if (signal?.aborted) cancel();
  });
}

/** `count` byte ranges of about equal size that start and end at line breaks. */
function slices(bytes: Uint8Array, count: number): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= count && start < bytes.length; i++) {
    const target = Math.floor((bytes.length * i) / count);
    const newline = i === count ? -1 : bytes.indexOf(0x0a, Math.max(target, start));
    const end = newline < 0 ? bytes.length : newline + 1;
    ranges.push([start, end]);
    start = end;
  }
  return ranges.length > 0 ? ranges : [[0, 0]];
}
