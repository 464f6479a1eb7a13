// The integration suite's entry point in the Node extension host (extensionTestsPath points at its
// bundle, out/test/integration/index.js): runs every *.test.js bundled beside it, node-only ones
// included. The web worker's counterpart is test/web/index.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mochaOptions, runSuite } from '../harness/suite-run';

export function run(): Promise<void> {
  // mocha is not bundled: the extension host loads it from the repo's node_modules (the extension's
  // development path). Its CommonJS build, so this works on any Node the extension host runs on.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require('mocha/lib/mocha.cjs') as typeof import('mocha');
  const mocha = new Mocha(mochaOptions());
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return runSuite(mocha, 'node');
}
