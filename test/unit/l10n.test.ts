// Localization is complete: every string the code passes to l10n.t is in l10n/bundle.l10n.json, every
// manifest string is in package.nls.json, and each language's files translate all of them, keeping
// their {placeholders}. `npm run l10n` regenerates bundle.l10n.json after a string changes.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

const repo = join(__dirname, '..', '..');
const LANGUAGES = ['zh-cn'];
const readJson = (...path: string[]): Record<string, unknown> => JSON.parse(readFileSync(join(repo, ...path), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(repo, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The English text of a bundle entry (a string, or {message, comment}). */
const messageOf = (entry: unknown): string =>
  typeof entry === 'string' ? entry : (entry as { message: string }).message;
const placeholders = (text: string): string[] => (text.match(/\{[^{}\s]+\}/g) ?? []).sort();

/** Checks that `translated` has exactly the keys of `english`, each a non-empty string with the same placeholders. */
function assertTranslates(english: Record<string, unknown>, translated: Record<string, unknown>, file: string): void {
  const missing = Object.keys(english).filter((key) => !(key in translated));
  assert.deepEqual(missing, [], `${file} lacks translations`);
  const stale = Object.keys(translated).filter((key) => !(key in english));
  assert.deepEqual(stale, [], `${file} translates strings the code no longer has`);
  for (const [key, entry] of Object.entries(english)) {
    const text = translated[key];
    assert.ok(typeof text === 'string' && text.trim(), `${file}: "${key}" is empty`);
    assert.deepEqual(placeholders(text), placeholders(messageOf(entry)), `${file}: "${key}" changes its placeholders`);
  }
}

describe('localization', () => {
  it('has every l10n.t string of the extension, the core and the panel in l10n/bundle.l10n.json', async function () {
    this.timeout(30000);
    const files = [...sourceFiles('src'), ...sourceFiles(join('media', 'src'))].map((file) => ({
      contents: readFileSync(file, 'utf8'),
      extension: '.ts',
    }));
    const extracted = await getL10nJson(files);
    assert.deepEqual(
      Object.keys(readJson('l10n', 'bundle.l10n.json')).sort(),
      Object.keys(extracted).sort(),
      'l10n/bundle.l10n.json is out of date: run npm run l10n',
    );
  });

  it('gives every %key% of the manifest an English text in package.nls.json', () => {
    const nls = readJson('package.nls.json');
    const keys = [...readFileSync(join(repo, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    assert.ok(keys.length > 50, 'the manifest has hardly any localizable strings');
    assert.deepEqual(
      keys.filter((key) => !(key in nls)),
      [],
    );
    assert.deepEqual(
      Object.keys(nls).filter((key) => !keys.includes(key)),
      [],
      'package.nls.json has keys the manifest no longer uses',
    );
  });

  for (const language of LANGUAGES) {
    it(`translates every runtime string into ${language}`, () => {
      assertTranslates(
        readJson('l10n', 'bundle.l10n.json'),
        readJson('l10n', `bundle.l10n.${language}.json`),
        `bundle.l10n.${language}.json`,
      );
    });

    it(`translates every manifest string into ${language}`, () => {
      assertTranslates(
        readJson('package.nls.json'),
        readJson(`package.nls.${language}.json`),
        `package.nls.${language}.json`,
      );
    });
  }
});
