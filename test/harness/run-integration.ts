// Runs the integration suite (built by build-tests.mjs) inside a real VS Code's extension hosts, one
// after the other: the Node one (out/test/integration/index.js), then the web worker
// (out/test/web/index.js), where the setting remote.extensionKind ["web"] puts the extension (the URL
// payload's extensionDevelopmentKind is ignored by the browser workbench of VS Code 1.139: its environment
// service names it extensionDevelopmentLocationKind, the running-location code reads extensionDevelopmentKind)
// and its tests run where it runs. code-server with the smoke-test driver honours the URL payload
// (extensionDevelopmentPath = the repo, extensionTestsPath = the test bundle) and reports the end of a
// run through window.codeAutomationExit. Each host prints "integration (<host>): N passed, N failed";
// the exit code is non-zero when either failed. A run that cannot start the editor or that times out is
// a failure, never a skip.
//
//   node --import tsx test/harness/run-integration.ts [--host node|web]
//   env: JWT_EXTENSION_PATH   the extension to load (default: the repo)
//        JWT_TEST_TIMEOUT     seconds for the whole run (default 300)
//        JWT_TEST_GREP        only tests whose full title matches (passed on to mocha)
//        JWT_TESTS_PATH       another extension-tests module for the node host (the benchmark's bench/inHost.ts)
//        JWT_VERBOSE=1        also print the workbench's own log lines
//        JWT_KEEP_TMP=1       keep the run's temp folder
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import {
  OUTPUT_DIR,
  REPO,
  SAMPLES,
  SetupError,
  delay,
  isNoise,
  launchBrowser,
  log,
  makeRunDirs,
  readManifest,
  readTail,
  removeRunDirs,
  startServer,
  type BrowserSession,
  type CodeServer,
} from './vscode-server';

type Host = 'node' | 'web';
const TESTS: Record<Host, string> = {
  node: path.join(REPO, 'out', 'test', 'integration', 'index.js'),
  web: path.join(REPO, 'out', 'test', 'web', 'index.js'),
};

/** One host's run; prints its summary line last and resolves to its exit code. */
async function runHost(host: Host): Promise<number> {
  const started = Date.now();
  const label = `integration (${host})`;
  const extensionPath = path.resolve(process.env.JWT_EXTENSION_PATH ?? REPO);
  const timeoutMs = Number(process.env.JWT_TEST_TIMEOUT ?? 300) * 1000;
  const verbose = !!process.env.JWT_VERBOSE;
  const tests = (host === 'node' && process.env.JWT_TESTS_PATH) || TESTS[host];
  if (!fs.existsSync(tests)) throw new Error(`${tests} is missing: run node test/harness/build-tests.mjs first`);

  const dirs = makeRunDirs(
    `integration-${host}`,
    host === 'web' ? { 'remote.extensionKind': { [readManifest(extensionPath).id]: ['web'] } } : {},
  );
  const workspace = path.join(dirs.root, 'workspace');
  fs.cpSync(SAMPLES, workspace, { recursive: true });
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });

  let server: CodeServer | undefined;
  let session: BrowserSession | undefined;
  let code = 1;
  let summaryLine: string | undefined;
  try {
    server = await startServer({ dirs, smokeTestDriver: true });
    const remote = (file: string): string => `vscode-remote://127.0.0.1:${server!.port}${file}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionPath)],
      ['extensionTestsPath', remote(tests)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const url = `${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(
      `code-server on ${server.origin} (${((Date.now() - started) / 1000).toFixed(1)} s), loading ${extensionPath} into the ${host} extension host`,
    );

    session = await launchBrowser({ origin: server.origin, dirs });
    const { page } = session;
    const pageLog = path.join(dirs.root, 'page.log');
    page.on('console', (message) => fs.appendFileSync(pageLog, `[${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => fs.appendFileSync(pageLog, `[pageerror] ${error.stack ?? error.message}\n`));

    // The workbench's log service, which carries the extension host's console: the tests' own output.
    // It calls codeAutomationLog(level, [format, ...args]), printf-style.
    await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) => {
      const text = Array.isArray(message) ? format(...(message as unknown[])) : String(message);
      if (!verbose && isNoise(text)) return;
      // The suite's closing line is printed last, after the run's own messages.
      const summary = /^\s*integration \((?:node|web)\): \d+ passed, \d+ failed\s*$/m.exec(text);
      if (summary) {
        summaryLine = summary[0].trim();
        return;
      }
      const prefix = level === 'error' || level === 'warn' ? `[${level}] ` : '';
      for (const line of text.replace(/\n+$/, '').split('\n')) process.stdout.write(`${prefix}${line}\n`);
    });
    const exited = new Promise<number>((resolve) => {
      void page.exposeFunction(
        'codeAutomationExit',
        (exitCode: number, logs?: Array<{ relativePath: string; contents: string }>) => {
          if (exitCode !== 0 || verbose) saveLogs(logs, path.join(OUTPUT_DIR, `integration-${host}-logs`));
          resolve(exitCode);
        },
      );
    });
    const crashed = new Promise<string>((resolve) => {
      page.on('crash', () => resolve('the page crashed'));
      page.on('close', () => resolve('the page closed'));
    });

    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    const outcome = await Promise.race([
      exited,
      crashed,
      delay(timeoutMs).then(() => `no result within ${timeoutMs / 1000} s`),
    ]);
    if (typeof outcome === 'number') {
      code = outcome;
    } else {
      const shot = path.join(OUTPUT_DIR, `integration-${host}-timeout.png`);
      await page.screenshot({ path: shot, timeout: 10000 }).catch(() => undefined);
      log(`FAILED: ${outcome}; screenshot ${shot}`);
      log(`--- server log (tail) ---\n${readTail(server.logFile)}`);
      log(`--- page console (tail) ---\n${readTail(pageLog)}`);
      code = 1;
    }
  } finally {
    await session?.close();
    await server?.stop();
    if (code === 0) removeRunDirs(dirs);
    else log(`run folder kept for inspection: ${dirs.root}`);
  }
  log(`${label} run took ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${code}`);
  if (code !== 0 && !summaryLine) summaryLine = `${label}: 0 passed, 1 failed`;
  if (code === 0 && !summaryLine) {
    log(`FAILED: the run ended without the suite's "${label}: N passed, N failed" line`);
    summaryLine = `${label}: 0 passed, 1 failed`;
    code = 1;
  }
  console.log(summaryLine);
  return code;
}

async function main(): Promise<number> {
  const at = process.argv.indexOf('--host');
  const hosts: Host[] = at < 0 ? ['node', 'web'] : [process.argv[at + 1] as Host];
  if (!hosts.every((h) => h in TESTS)) throw new Error(`--host takes ${Object.keys(TESTS).join(' or ')}`);
  let code = 0;
  for (const host of hosts) {
    code =
      (await runHost(host).catch((error: Error) => {
        log(`FAILED: ${error instanceof SetupError ? error.message : (error.stack ?? error.message)}`);
        console.log(`integration (${host}): 0 passed, 1 failed`);
        return 1;
      })) || code;
  }
  return code;
}

function saveLogs(logs: Array<{ relativePath: string; contents: string }> | undefined, dir: string): void {
  if (!logs?.length) return;
  for (const { relativePath, contents } of logs) {
    const file = path.join(dir, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, contents);
  }
  log(`workbench logs saved in ${dir}`);
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    log(`FAILED: ${error.message}`);
    process.exit(1);
  },
);
