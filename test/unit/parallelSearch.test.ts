import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { searchInWorkers } from '../../src/audit/parallelSearch';
import { crackJob } from '../../src/core';
import { bundleInMemory } from './bundle';

const sign = (secret: string, alg = 'HS256') =>
  new SignJWT({ sub: 'u' }).setProtectedHeader({ alg }).sign(new TextEncoder().encode(secret));
const list = (words: string[], newline = '\n') => new TextEncoder().encode(words.join(newline) + newline);
const filler = (count: number, prefix = 'word') => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

describe('parallelSearch', () => {
  let dir: string;
  let workerFile: string;
  before(async function () {
    this.timeout(60000);
    // The worker as esbuild.mjs bundles it, so the test does not depend on a build having run.
    const { text } = await bundleInMemory('src/audit/crackWorker.ts', { platform: 'node', external: [] });
    dir = mkdtempSync(join(tmpdir(), 'jwt-crack-'));
    workerFile = join(dir, 'crackWorker.js');
    writeFileSync(workerFile, text);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the secret in whichever slice holds it, with each HMAC algorithm', async () => {
    const words = filler(200_000);
    for (const [alg, at] of [
      ['HS256', 5],
      ['HS384', 100_000],
      ['HS512', 199_999],
    ] as const) {
      const token = await sign(words[at]!, alg);
      const outcome = await searchInWorkers(crackJob(token)!, list(words), workerFile, { threads: 3 });
      assert.equal(outcome?.secret, words[at], alg);
      assert.ok(outcome.tried >= 1 && outcome.tried <= words.length, `${alg}: tried ${outcome.tried}`);
    }
  });

  it('tries every line exactly once, however the list is cut, CR LF and blank lines included', async () => {
    const words = ['', ...filler(250_000, 'é'), '', 'last'];
    const token = await sign('not in the list');
    for (const threads of [1, 2, 3, 7]) {
      const progress: [number, number | undefined][] = [];
      const outcome = await searchInWorkers(crackJob(token)!, list(words, '\r\n'), workerFile, {
        threads,
        onProgress: (tried, total) => progress.push([tried, total]),
      });
      assert.equal(outcome?.tried, words.length, `${threads} threads`);
      assert.equal(outcome.secret, undefined);
      assert.ok(outcome.threads! >= 1 && outcome.threads! <= threads, `${outcome.threads} of ${threads} threads`);
      assert.ok(
        progress.some(([, total]) => total === words.length),
        `${threads} threads: the total is reported`,
      );
    }
    // The blank line is the empty secret, and a list without a final line break keeps its last word.
    const bytes = new TextEncoder().encode('a\n\nb');
    const empty = crackJob(await sign('b'))!;
    assert.deepEqual(await searchInWorkers(empty, bytes, workerFile, { threads: 2 }), {
      secret: 'b',
      tried: 3,
      threads: 1,
    });
  });

  it('an empty list tries nothing', async () => {
    const outcome = await searchInWorkers(crackJob(await sign('x'))!, new Uint8Array(0), workerFile);
    assert.deepEqual(outcome, { tried: 0, threads: 1 });
  });

  it('stops every worker when cancelled, saying how far it got', async () => {
    const controller = new AbortController();
    const words = filler(3_000_000);
    const outcome = await searchInWorkers(crackJob(await sign('never'))!, list(words), workerFile, {
      threads: 2,
      signal: controller.signal,
      onProgress: (tried) => tried > 0 && controller.abort(),
    });
    assert.equal(outcome?.cancelled, true);
    assert.ok(outcome.tried > 0 && outcome.tried < words.length, `tried ${outcome.tried}`);
    const aborted = AbortSignal.abort();
    assert.deepEqual(await searchInWorkers(crackJob(await sign('x'))!, list(['x']), workerFile, { signal: aborted }), {
      tried: 0,
      cancelled: true,
      threads: 1,
    });
  });

  it('rejects with the error of a worker that cannot start', async () => {
    await assert.rejects(
      searchInWorkers(crackJob(await sign('x'))!, list(['x']), join(dir, 'missing.js'))!,
      /missing\.js|Cannot find module/,
    );
  });
});
