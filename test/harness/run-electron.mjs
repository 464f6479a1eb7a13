// Runs the integration suite (the same out/test/integration bundle) in desktop VS Code through
// @vscode/test-electron, for people with a desktop and internet: it downloads VS Code on first use
// (into .vscode-test/). CI doesn't run it: our machines reach no download site; there the suite runs in
// code-server (run-integration.ts). On Linux without a display, run it under xvfb-run.
//
//   npm run test:electron   (node --import tsx test/harness/run-electron.mjs)   env: VSCODE_VERSION (default "stable"), JWT_TEST_GREP
import { runTests } from '@vscode/test-electron';
import * as fs from 'node:fs';
import * as path from 'node:path';
// Run through tsx (node --import tsx), which compiles the harness's TypeScript as CommonJS: its
// exports arrive as the default export.
import harness from './vscode-server.ts';

const { BASE_SETTINGS, REPO, SAMPLES, makeRunDirs, removeRunDirs } = harness;

const tests = path.join(REPO, 'out', 'test', 'integration', 'index.js');
if (!fs.existsSync(tests)) {
  console.error(`${tests} is missing: run node test/harness/build-tests.mjs first`);
  process.exit(1);
}
const dirs = makeRunDirs('electron', BASE_SETTINGS);
const workspace = path.join(dirs.root, 'workspace', 'samples');
fs.cpSync(SAMPLES, workspace, { recursive: true });

let code = 1;
try {
  code = await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: REPO,
    extensionTestsPath: tests,
    launchArgs: [
      workspace,
      '--user-data-dir',
      dirs.data,
      '--extensions-dir',
      dirs.exts,
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-gpu',
    ],
    extensionTestsEnv: { ...(process.env.JWT_TEST_GREP ? { JWT_TEST_GREP: process.env.JWT_TEST_GREP } : {}) },
  });
} catch (error) {
  console.error(`desktop VS Code run failed: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  if (code === 0) removeRunDirs(dirs);
  else console.error(`run folder kept: ${dirs.root}`);
}
process.exit(code);
