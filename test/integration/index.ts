// The integration suite's entry point, called by VS Code's extension host (extensionTestsPath points at
// its bundle, out/test/integration/index.js). Runs every *.test.js bundled beside it with mocha (BDD:
// describe/it/before) and rejects when any test fails. Its last line, "integration: N passed, N failed",
// is the one CI reads.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function run(): Promise<void> {
  // mocha is not bundled: the extension host loads it from the repo's node_modules (the extension's
  // development path). Its CommonJS build, so this works on any Node the extension host runs on.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require('mocha/lib/mocha.cjs') as typeof import('mocha');
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: Number(process.env.JWT_MOCHA_TIMEOUT ?? 60000),
    ...(process.env.JWT_TEST_GREP ? { grep: process.env.JWT_TEST_GREP } : {}),
  });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        const failed = Math.max(failures, runner.stats?.failures ?? 0);
        console.log(`integration: ${passed} passed, ${failed} failed`);
        if (failed > 0) reject(new Error(`${failed} integration test(s) failed`));
        else if (passed === 0) reject(new Error('no integration test ran'));
        else resolve();
      });
    } catch (error) {
      console.error(error);
      console.log('integration: 0 passed, 1 failed');
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
