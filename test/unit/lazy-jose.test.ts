// jose loads on first use (src/core/jose.ts), so neither activation in the web worker nor the
// features starting on the desktop evaluate it: esbuild keeps a module lazy only while every path
// from the entry to it passes a dynamic import. One static value import of 'jose' (or of
// src/core/joseApi.ts) in a module the entry reaches would make all of jose run at start-up again.
import * as assert from 'node:assert/strict';
import { bundleInMemory } from './bundle';

describe('jose in the extension bundle', () => {
  it('is reached from the entry only through a dynamic import', async function () {
    this.timeout(60000);
    const { metafile } = await bundleInMemory('src/web.ts', { platform: 'node', external: ['vscode'] });
    // What start-up evaluates: the entry and everything it imports other than by import().
    const eager = new Set<string>();
    const pending = ['src/web.ts'];
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
      if (eager.has(file)) continue;
      eager.add(file);
      for (const { path, kind, external } of metafile.inputs[file]?.imports ?? [])
        if (!external && kind !== 'dynamic-import') pending.push(path);
    }
    assert.ok(
      Object.keys(metafile.inputs).some((file) => file.startsWith('node_modules/jose/')),
      'jose is not in the bundle at all',
    );
    assert.deepEqual(
      [...eager].filter((file) => file.startsWith('node_modules/jose/') || file === 'src/core/joseApi.ts'),
      [],
    );
  });
});
