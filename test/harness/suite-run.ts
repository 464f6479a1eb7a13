// Runs the integration suite's mocha inside an extension host, the Node one (test/integration/index.ts)
// or the web worker (test/web/index.ts), and settles with the result: rejects when a test failed or none
// ran. Its last line, "integration (<host>): N passed, N failed", is the one run-integration.ts and CI read.
// In the web bundle, process.env.JWT_* are replaced at build time (build-tests.mjs): a worker has no env.

/** mocha's options from the environment: JWT_TEST_GREP (only matching titles), JWT_MOCHA_TIMEOUT (ms per test). */
export function mochaOptions(): Mocha.MochaOptions {
  return {
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: Number(process.env.JWT_MOCHA_TIMEOUT || 60000),
    ...(process.env.JWT_TEST_GREP ? { grep: process.env.JWT_TEST_GREP } : {}),
  };
}

export function runSuite(
  mocha: { run(fn: (failures: number) => void): Mocha.Runner },
  host: 'node' | 'web',
): Promise<void> {
  const summary = (passed: number, failed: number): void =>
    console.log(`integration (${host}): ${passed} passed, ${failed} failed`);
  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        const failed = Math.max(failures, runner.stats?.failures ?? 0);
        summary(passed, failed);
        if (failed > 0) reject(new Error(`${failed} integration test(s) failed`));
        else if (passed === 0) reject(new Error('no integration test ran'));
        else resolve();
      });
    } catch (error) {
      console.error(error);
      summary(0, 1);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
