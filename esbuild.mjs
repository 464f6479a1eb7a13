// One build script for every bundle: the extension for desktop (Node) and web (worker),
// the panel's browser code, and the editor-free core as a CommonJS library.
// `--release` minifies and drops source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const release = process.argv.includes('--release');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: release,
  sourcemap: release ? false : 'linked',
  target: 'es2022',
  logLevel: 'warning',
  legalComments: release ? 'none' : 'inline',
};

const builds = [
  // The core alone, loadable with require() in plain Node: the tests' and the benchmark's view of it.
  { ...common, entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js', platform: 'node', format: 'cjs' },
];
if (existsSync('src/extension.ts')) {
  builds.push(
    { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
    { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', external: ['vscode'], mainFields: ['browser', 'module', 'main'] },
  );
}
if (existsSync('media/src/panel.ts')) {
  builds.push({ ...common, entryPoints: ['media/src/panel.ts'], outfile: 'dist/panel.js', platform: 'browser', format: 'iife' });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching for changes…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
