// Bundles the integration suite for the extension host: out/test/integration/index.js (the runner that
// VS Code calls) and one out/test/integration/<name>.test.js per test file. CommonJS for Node; `vscode`
// is provided by the extension host and mocha is required at run time from the repo's node_modules.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const src = join(repo, 'test', 'integration');
const outdir = join(repo, 'out', 'test', 'integration');
const tests = readdirSync(src).filter((f) => f.endsWith('.test.ts')).map((f) => join(src, f));

rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: [join(src, 'index.ts'), ...tests],
  outdir,
  outbase: src,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`built ${tests.length} integration test file(s) into ${outdir.slice(repo.length + 1)}`);
