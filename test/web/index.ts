// The integration suite's entry point in the web-worker extension host. build-tests.mjs bundles it
// first, then every test file not marked `// @node-only`, into one CommonJS file, out/test/web/index.js
// (a worker loads one file and offers `require` for `vscode` alone). mocha is set up when this module is
// evaluated, so the test files that follow it in the bundle register their suites on it.
import 'mocha/mocha.js'; // mocha's browser build: defines the global `mocha`
import { mochaOptions, runSuite } from '../harness/suite-run';

mocha.setup(mochaOptions());

export function run(): Promise<void> {
  // VS Code runs the tests in the host that runs the extension: if that were not the web worker, this
  // run would quietly test the Node host again.
  if (typeof (globalThis as { importScripts?: unknown }).importScripts !== 'function') {
    return Promise.reject(
      new Error(
        'the web test bundle is not running in a web worker: the extension was not put into the web-worker extension host',
      ),
    );
  }
  return runSuite(mocha, 'web');
}
