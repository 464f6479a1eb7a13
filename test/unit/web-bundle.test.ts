// The whole extension's bundle (package.json "browser": the web-worker extension host of vscode.dev
// and github.dev runs it, and the desktop loads its features from it) must not need Node: no Node
// module imported, no Node global used.
import * as assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { bundleInMemory } from './bundle';

const NODE_GLOBALS = ['Buffer', 'process', 'global', '__dirname', '__filename', 'setImmediate'];

describe('web extension bundle', () => {
  it('imports nothing but vscode and uses no Node global', async function () {
    this.timeout(60000);
    // Node modules are left external to be listed; each Node global is replaced by a marker, which
    // esbuild does only where the name is free (a local variable of that name stays as it is).
    const { metafile, text } = await bundleInMemory('src/web.ts', {
      platform: 'browser',
      external: ['vscode', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      define: Object.fromEntries(NODE_GLOBALS.map((name) => [name, `__node_global_${name}`])),
    });
    const imported = Object.entries(metafile.inputs).flatMap(([file, input]) =>
      input.imports.filter((i) => i.external).map((i) => `${i.path} (from ${file})`),
    );
    assert.deepEqual(
      imported.filter((i) => !i.startsWith('vscode ')),
      [],
      'Node modules in the web bundle',
    );
    const globals = NODE_GLOBALS.filter((name) => text.includes(`__node_global_${name}`));
    assert.deepEqual(globals, [], 'Node globals in the web bundle (find them with: grep -rn "\\b<name>\\b" src)');
  });
});
