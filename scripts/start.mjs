// npm start: builds the extension, then opens a real VS Code with it loaded as a development extension
// on the samples/ workspace, and stays until Ctrl+C.
//   - desktop VS Code when `code` is on PATH: code --extensionDevelopmentPath=<repo> samples
//   - else code-server (the one the tests use, installed on first use into ~/.cache/jwt-toolkit-vscode):
//     prints a URL to open in a browser. Its settings and state persist in .vscode-test/code-server/.
// Flags: --watch (rebuild on change; then run "Developer: Reload Window"), --web (code-server even when
// `code` exists). Env: JWT_START_HOST (default 127.0.0.1), JWT_START_PORT (default 8080, else any free one).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register as registerCjs } from 'tsx/cjs/api';
import { register as registerEsm } from 'tsx/esm/api';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const samples = path.join(repo, 'samples');
const args = process.argv.slice(2);
const watch = args.includes('--watch');
const web = args.includes('--web');

const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
let watcher;
if (watch) watcher = spawn(process.execPath, ['esbuild.mjs', '--watch'], { cwd: repo, stdio: 'inherit' });

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    try {
      fs.accessSync(path.join(dir || '.', name), fs.constants.X_OK);
      return path.join(dir || '.', name);
    } catch {
      // not here
    }
  }
  return undefined;
}

const code = web ? undefined : onPath('code');
if (code) {
  console.log(`opening desktop VS Code (${code}) with the extension from ${repo}`);
  const child = spawn(code, ['--new-window', '--wait', `--extensionDevelopmentPath=${repo}`, samples], {
    stdio: 'inherit',
  });
  process.on('SIGINT', () => child.kill('SIGTERM'));
  child.on('exit', (status) => {
    watcher?.kill();
    process.exit(status ?? 0);
  });
} else {
  // The harness is TypeScript, compiled as CommonJS by tsx: its exports arrive as the default export.
  registerCjs();
  registerEsm();
  const { default: harness } = await import('../test/harness/vscode-server.ts');
  const dirs = harness.makeDirsAt(path.join(repo, '.vscode-test', 'code-server'), { 'editor.wordWrap': 'on' });
  const host = process.env.JWT_START_HOST ?? '127.0.0.1';
  const start = (port) => harness.startServer({ dirs, smokeTestDriver: true, bindAddr: `${host}:${port}` });
  let server;
  try {
    server = await start(process.env.JWT_START_PORT ?? '8080');
  } catch (error) {
    if (process.env.JWT_START_PORT || !/EADDRINUSE/.test(String(error))) throw error;
    server = await start('0');
  }
  // The workbench loads a development extension from the URL's payload; a built workbench honours it only
  // with the smoke-test driver option on (it does nothing else visible).
  const authority = `${host === '0.0.0.0' ? '127.0.0.1' : host}:${server.port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${repo}`],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const url = `http://${authority}/?folder=${encodeURIComponent(samples)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`\nVS Code (code-server) with JWT Toolkit loaded from ${repo} on ${samples}:\n\n  ${url}\n`);
  console.log(
    `Open it in a browser (keep the host as written). ${watch ? 'Rebuilds on change: run "Developer: Reload Window" to pick them up. ' : ''}Ctrl+C stops.`,
  );
  console.log(`Server log: ${server.logFile}`);
  const stop = async () => {
    watcher?.kill();
    await server.stop();
    process.exit(0);
  };
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => {}, 1 << 30);
}
