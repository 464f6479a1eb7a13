// One build script for every bundle: the extension for desktop (Node) and web (worker),
// the panel's browser code, and the editor-free core as a CommonJS library.
// `--release` minifies and drops source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';

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
const extension = { ...common, entryPoints: ['src/extension.ts'], format: 'cjs', external: ['vscode'] };

const builds = [
  // The core alone, loadable with require() in plain Node: the tests' and the benchmark's view of it.
  { ...common, entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js', platform: 'node', format: 'cjs' },
  { ...extension, outfile: 'dist/extension.js', platform: 'node' },
  { ...extension, outfile: 'dist/web/extension.js', platform: 'browser' },
  { ...common, entryPoints: ['media/src/panel.ts'], outfile: 'dist/webview/panel.js', platform: 'browser', format: 'iife' },
];

// The panel's icon font, served from the extension like its script (the CSP allows nothing else).
mkdirSync('dist/webview/codicons', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) cpSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/webview/codicons/${file}`);

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching for changes…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
