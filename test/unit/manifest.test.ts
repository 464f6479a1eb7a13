// The extension's manifest and package: VS Code's conventions hold, and a .vsix would carry only what
// users need (`vsce ls` reads .vscodeignore the way `vsce package` does).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../src/contributions';

const repo = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(join(repo, 'package.nls.json'), 'utf8'));
const nlsZhCn: Record<string, string> = JSON.parse(readFileSync(join(repo, 'package.nls.zh-cn.json'), 'utf8'));

/** A manifest value with its %key% replaced the way VS Code does, from `strings` (package.nls*.json). */
function localized(value: string, strings: Record<string, string>): string {
  const key = /^%([\w.-]+)%$/.exec(value)?.[1];
  if (key === undefined) return value;
  assert.ok(typeof strings[key] === 'string', `no text for ${value}`);
  return strings[key];
}

describe('manifest', () => {
  it('puts every command in the JWT category', () => {
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'JWT', command.command);
  });

  it('describes every setting, all under the jwt. prefix', () => {
    for (const [name, setting] of Object.entries<Record<string, unknown>>(
      manifest.contributes.configuration.properties,
    )) {
      assert.match(name, /^jwt\./);
      assert.ok(setting.description || setting.markdownDescription, `${name} has no description`);
    }
  });

  it("lets no untrusted workspace's settings switch a warning off or quiet it", () => {
    // A repository's .vscode/settings.json is the repository's word, not the user's: in an untrusted
    // workspace VS Code ignores these there.
    const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [];
    const lowering = Object.keys(manifest.contributes.configuration.properties).filter(
      (name) => name.startsWith('jwt.problems.') || name === 'jwt.flask.sessionLifetime',
    );
    assert.ok(lowering.length >= 6, 'the Problems settings moved');
    assert.deepEqual(
      lowering.filter((name) => !restricted.includes(name)),
      [],
      'settings that lower safety must be restrictedConfigurations',
    );
  });

  it('contributes exactly the commands that activation registers', () => {
    assert.deepEqual(
      manifest.contributes.commands.map((c: { command: string }) => c.command).sort(),
      [...COMMANDS].sort(),
    );
  });

  it('scopes each setting the way the code reads it (VS Code logs a warning on every other read)', () => {
    const properties: Record<string, { scope?: string }> = manifest.contributes.configuration.properties;
    const sources = readdirSync(join(repo, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(join(repo, 'src', file), 'utf8'));
    const reads = sources.flatMap((source) => [...source.matchAll(/getConfiguration\('([\w.]+)'(, *[^)]+)?\)/g)]);
    assert.ok(reads.length >= 6, 'the settings are read somewhere');
    for (const [, section, scope] of reads) {
      const settings = Object.keys(properties).filter((name) => name.startsWith(`${section}.`));
      assert.ok(settings.length > 0, `no settings under ${section}`);
      for (const name of settings) {
        const declared = properties[name]!.scope ?? 'window';
        // Read for a document: resource or language-overridable; read for the window: not resource.
        if (scope) assert.ok(['resource', 'language-overridable'].includes(declared), `${name} is ${declared}`);
        else assert.notEqual(declared, 'resource', name);
      }
    }
  });

  it('activates lazily, never on "*"', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
  });

  it('gives every walkthrough step a Markdown media file that exists, in English and in Chinese', () => {
    for (const walkthrough of manifest.contributes.walkthroughs) {
      for (const step of walkthrough.steps) {
        // The path is a %key% so that each display language gets its own file (package.nls.<lang>.json).
        assert.match(step.media.markdown ?? '', /^%[\w.-]+%$/, `${step.id}: media.markdown is not localized`);
        const english = localized(step.media.markdown, nls);
        assert.match(english, /^media\/walkthrough\/[\w-]+\.md$/, step.id);
        assert.ok(existsSync(join(repo, english)), `${step.id}: ${english} is missing`);
        const chinese = localized(step.media.markdown, nlsZhCn);
        assert.equal(chinese, english.replace(/\.md$/, '.zh-cn.md'), step.id);
        assert.ok(existsSync(join(repo, chinese)), `${step.id}: ${chinese} is missing`);
        assert.ok(step.completionEvents?.length, `${step.id} has no completion event`);
      }
    }
  });

  it('types the vscode API of the lowest VS Code it supports', () => {
    const lowest = manifest.engines.vscode.replace(/^\^/, '');
    assert.equal(lock.packages['node_modules/@types/vscode'].version, lowest);
  });
});

describe('package', () => {
  it('holds only the bundles, the panel assets, the docs, the manifest and the translations', () => {
    const vsce = join(repo, 'node_modules', '.bin', 'vsce');
    const files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: repo, encoding: 'utf8' })
      .trim()
      .split('\n')
      .sort();
    assert.deepEqual(files, [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/crackWorker.js',
      'dist/extension.js',
      'dist/web.js',
      'dist/webview/codicons/codicon.css',
      'dist/webview/codicons/codicon.woff2',
      'dist/webview/panel.css',
      'dist/webview/panel.js',
      'l10n/bundle.l10n.zh-cn.json',
      'media/icon.png',
      'media/walkthrough/decode.md',
      'media/walkthrough/decode.zh-cn.md',
      'media/walkthrough/keys.md',
      'media/walkthrough/keys.zh-cn.md',
      'media/walkthrough/samples.md',
      'media/walkthrough/samples.zh-cn.md',
      'media/walkthrough/sign.md',
      'media/walkthrough/sign.zh-cn.md',
      'media/walkthrough/verify.md',
      'media/walkthrough/verify.zh-cn.md',
      'package.json',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'schemas/jwt-templates.schema.json',
    ]);
  });
});
