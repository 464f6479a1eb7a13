// The extension as users get it: `npm run package` makes the .vsix (the minified release build, only the
// files .vscodeignore lets in), code-server's --install-extension installs it, and in that workbench a
// hover and "JWT: Decode" work. Packaging runs in a temp copy of the repo: the working dist/ is untouched.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageVsix } from '../harness/vscode-server';
import { useWorkbench, type Workbench } from '../harness/workbench';

describe('the packaged .vsix, installed', function () {
  let vs: Workbench;
  let outDir: string;

  useWorkbench(
    (w) => (vs = w),
    () => {
      outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jwt-vsix-'));
      return { vsix: packageVsix(outDir) };
    },
    240_000,
  );
  after(() => outDir && fs.rmSync(outDir, { recursive: true, force: true }));

  it('is installed from the package: release bundles, no sources', () => {
    const exts = vs.server.dirs.exts;
    const [folder, ...others] = fs.readdirSync(exts).filter((f) => f.startsWith(`${vs.extensionId}-`));
    assert.ok(folder && others.length === 0, `installed: ${fs.readdirSync(exts).join(', ')}`);
    const installed = path.join(exts, folder);
    assert.ok(!fs.existsSync(path.join(installed, 'src')), 'the package holds the sources');
    for (const bundle of ['extension.js', 'web.js']) {
      assert.doesNotMatch(
        fs.readFileSync(path.join(installed, 'dist', bundle), 'utf8'),
        /sourceMappingURL/,
        `the package holds a development build of ${bundle}`,
      );
    }
  });

  it('hovers a token and decodes it into the panel', async () => {
    await vs.openFile('.env');
    assert.match(await vs.hover('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', { expect: 'Ada Lovelace' }), /user-1234/);
    await vs.unhover();
    await vs.placeCursor('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9');
    await vs.runCommand('JWT: Decode');
    const panel = await vs.panelFrame({ hasText: 'Ada Lovelace' });
    assert.match(await panel.evaluate(() => document.body.innerText), /user-1234/);
  });
});
