// The desktop's start-up file (package.json "main", src/extension.ts) holds activation alone: the
// registrations and the core's scanner, which decides when there is work. Everything else comes from
// dist/web.js on first need; one stray import here would put it all back into every VS Code start.
import * as assert from 'node:assert/strict';
import type { Metafile } from 'esbuild';
import { bundleInMemory } from './bundle';

/** All the start-up file may bundle. */
const START_UP_MODULES = [
  'src/activation.ts',
  'src/contributions.ts',
  'src/core/base64url.ts',
  'src/core/flask.ts',
  'src/core/headerFlags.ts',
  'src/core/scan.ts',
  'src/extension.ts',
  'src/protocol.ts',
];

describe('desktop start-up file', () => {
  let metafile: Metafile;

  before(async function () {
    this.timeout(60000);
    ({ metafile } = await bundleInMemory('src/extension.ts', { platform: 'node', external: ['vscode', './web.js'] }));
  });

  it('bundles only activation and the scanner', () => {
    const output = Object.values(metafile.outputs)[0]!;
    const bundled = Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([file]) => file)
      .sort();
    assert.deepEqual(bundled, START_UP_MODULES);
  });

  it('requires only vscode and, on first need, the features file', () => {
    const required = Object.values(metafile.outputs)[0]!.imports.map((i) => i.path);
    assert.deepEqual([...new Set(required)].sort(), ['./web.js', 'vscode']);
  });
});
