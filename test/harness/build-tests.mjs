// Bundles the integration suite for the two extension hosts:
// - Node: out/test/integration/index.js (the runner VS Code calls) and one <name>.test.js per test file;
//   CommonJS; `vscode` comes from the extension host and mocha from the repo's node_modules at run time.
// - web worker: out/test/web/index.js, ONE CommonJS file (a worker loads a single file and can `require`
//   only `vscode`): mocha's browser build, test/web/index.ts, then every test file that is not marked
//   node-only. A file needing Node (an HTTP server, node:fs…) says so with a `// @node-only` line; an
//   unmarked file that imports a Node built-in fails this build with a message saying which.
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const src = join(repo, 'test', 'integration');
const web = join(repo, 'test', 'web');
const outdir = join(repo, 'out', 'test', 'integration');
const webOut = join(repo, 'out', 'test', 'web', 'index.js');
const tests = readdirSync(src)
  .filter((f) => f.endsWith('.test.ts'))
  .sort()
  .map((f) => join(src, f));
const nodeOnly = (file) => /^\/\/ @node-only\b/m.test(readFileSync(file, 'utf8'));
const webTests = tests.filter((f) => !nodeOnly(f));

const common = { bundle: true, format: 'cjs', sourcemap: 'inline', external: ['vscode'], logLevel: 'warning' };

/**
 * In the web bundle: node:assert/strict is the npm port; any other Node built-in that our own code imports
 * is an error that names the importer (npm packages resolve theirs to their browser ports as usual).
 */
const webWorker = {
  name: 'web-worker',
  setup(build) {
    const builtins = new RegExp(`^(node:.*|${builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|')})$`);
    build.onResolve({ filter: /^(node:)?assert\/strict$/ }, () => ({ path: join(web, 'assert-strict.cjs') }));
    // mocha's browser build is UMD, but its package says "type": "module": as ESM its `module.exports =`
    // would replace this bundle's exports (VS Code would call mocha.run as our run). Loaded outside the
    // package, it is CommonJS and gets its own `module`.
    build.onResolve({ filter: /^mocha\/mocha\.js$/ }, (args) => ({
      path: join(repo, 'node_modules', args.path),
      namespace: 'umd',
    }));
    build.onLoad({ filter: /.*/, namespace: 'umd' }, (args) => ({
      contents: readFileSync(args.path, 'utf8'),
      loader: 'js',
    }));
    build.onResolve({ filter: builtins }, (args) => {
      if (args.importer.includes('node_modules') || args.importer.startsWith(web)) return undefined;
      return {
        errors: [
          {
            text: `${relative(repo, args.importer)} imports "${args.path}", which a web worker lacks: use the vscode API (vscode.workspace.fs…), or mark the test files that import it "// @node-only"`,
          },
        ],
      };
    });
  },
};

rmSync(join(repo, 'out', 'test'), { recursive: true, force: true });
await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: [join(src, 'index.ts'), ...tests],
    outdir,
    outbase: src,
    platform: 'node',
    target: 'node18',
    external: [...common.external, 'mocha'],
  }),
  esbuild.build({
    ...common,
    // Import order is evaluation order: mocha is set up before the test files register their suites.
    stdin: {
      contents: [
        `export { run } from ${JSON.stringify(join(web, 'index.ts'))};`,
        ...webTests.map((f) => `import ${JSON.stringify(f)};`),
      ].join('\n'),
      resolveDir: repo,
      sourcefile: 'web-tests.js',
    },
    outfile: webOut,
    platform: 'browser',
    target: 'es2022',
    inject: [join(web, 'process-shim.ts')],
    // A worker has no environment: the run's settings are fixed when the bundle is built.
    define: Object.fromEntries(
      ['JWT_TEST_GREP', 'JWT_MOCHA_TIMEOUT'].map((k) => [`process.env.${k}`, JSON.stringify(process.env[k] ?? '')]),
    ),
    plugins: [webWorker],
  }),
]).catch(() => process.exit(1)); // esbuild has printed what failed
console.log(
  `built ${tests.length} integration test file(s) into ${relative(repo, outdir)}; ${webTests.length} of them (all but the // @node-only ones) into ${relative(repo, webOut)}`,
);
