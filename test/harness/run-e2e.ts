// Runs the e2e suite (test/e2e/**/*.test.ts) with mocha in plain Node (this file is run through tsx).
// Each test file starts its own workbench with startWorkbench() (test/harness/workbench.ts). When a test
// fails, every open workbench is screenshotted to test-output/failed-<test>.png; when the whole run goes
// past its time limit, they are screenshotted to test-output/timeout-*.png and the run fails. Prints
// "e2e: N passed, N failed" last.
//
//   node --import tsx test/harness/run-e2e.ts [files…]
//   env: JWT_EXTENSION_PATH  the built extension to install (default: the repo)
//        JWT_TEST_TIMEOUT    seconds for the whole run (default 900)
//        JWT_TEST_GREP       only tests whose full title matches
//        JWT_KEEP_TMP=1      keep the runs' temp folders
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OUTPUT_DIR, REPO, SetupError, codeServerDir, findChromium, log, slug } from './vscode-server';
import { liveWorkbenches } from './workbench';

async function screenshotAll(prefix: string): Promise<void> {
  const workbenches = liveWorkbenches();
  for (const [index, workbench] of workbenches.entries()) {
    const name = workbenches.length > 1 ? `${prefix}-${index + 1}` : prefix;
    const file = await workbench.screenshot(name).catch((error: Error) => `(screenshot failed: ${error.message})`);
    log(`screenshot: ${file}`);
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  // Fail early and plainly when the editor or the browser is not to be had.
  codeServerDir();
  findChromium();
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });

  const dir = path.join(REPO, 'test', 'e2e');
  const args = process.argv.slice(2);
  const files = args.length
    ? args.map((f) => path.resolve(f))
    : fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.test.ts'))
        .sort()
        .map((f) => path.join(dir, f));

  // mocha's CommonJS build: this file runs as CommonJS under tsx, on any Node 20.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require('mocha/lib/mocha.cjs') as typeof import('mocha');
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    timeout: 60000,
    slow: 10000,
    ...(process.env.JWT_TEST_GREP ? { grep: process.env.JWT_TEST_GREP } : {}),
  });
  mocha.rootHooks({
    afterEach: [
      async function (this: Mocha.Context) {
        const test = this.currentTest;
        if (test?.state === 'failed') await screenshotAll(`failed-${slug(test.fullTitle())}`);
      },
    ],
  });
  for (const file of files) mocha.addFile(file);
  await mocha.loadFilesAsync();

  const limit = Number(process.env.JWT_TEST_TIMEOUT ?? 900) * 1000;
  const watchdog = setTimeout(() => {
    void (async () => {
      log(`FAILED: the e2e run went past ${limit / 1000} s`);
      await screenshotAll('timeout');
      await Promise.all(liveWorkbenches().map((w) => w.close().catch(() => undefined)));
      console.log('e2e: 0 passed, 1 failed');
      process.exit(1);
    })();
  }, limit);
  watchdog.unref();

  const { passed, failed } = await new Promise<{ passed: number; failed: number }>((resolve) => {
    const runner = mocha.run((failures) => {
      resolve({ passed: runner.stats?.passes ?? 0, failed: Math.max(failures, runner.stats?.failures ?? 0) });
    });
  });
  clearTimeout(watchdog);
  // Whatever a failed test left open.
  await Promise.all(liveWorkbenches().map((w) => w.close().catch(() => undefined)));
  log(`e2e run took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const noTests = passed + failed === 0;
  if (noTests) log('FAILED: no e2e test ran');
  console.log(`e2e: ${passed} passed, ${noTests ? 1 : failed} failed`);
  return failed > 0 || noTests ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    log(`FAILED: ${error instanceof SetupError ? error.message : (error.stack ?? error.message)}`);
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  },
);
