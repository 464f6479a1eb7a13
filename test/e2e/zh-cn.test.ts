// The extension in Simplified Chinese: the real workbench started with display language zh-cn
// (code-server --locale zh-cn and a stand-in language pack, see WorkbenchOptions.locale). The manifest's
// strings come from package.nls.zh-cn.json, the extension's and the core's from
// l10n/bundle.l10n.zh-cn.json (through vscode.l10n in the extension host, @vscode/l10n in the core and
// in the panel). Expected texts are read from those files, so the test proves they are the ones shown.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../harness/vscode-server';
import { manifestText, useWorkbench, type Workbench } from '../harness/workbench';

const bundle = JSON.parse(fs.readFileSync(path.join(REPO, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<
  string,
  string
>;
/** The Chinese text of an l10n key, with {0}… filled in. */
function zh(key: string, ...args: Array<string | number>): string {
  const text = bundle[key];
  assert.ok(text, `bundle.l10n.zh-cn.json has no "${key}"`);
  return text.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
}
/** A regex for text with \uE000 (a private-use character) standing for any words; spaces match any white space (the hover renders some as no-break spaces). */
const pattern = (text: string): RegExp =>
  new RegExp(
    text
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\s+/g, '\\s+')
      .replace(/\uE000/g, '.+'),
  );
const commandTitle = (command: string): string => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
    contributes: { commands: Array<{ command: string; title: string; category: string }> };
  };
  const entry = manifest.contributes.commands.find((c) => c.command === command);
  assert.ok(entry, `${command} is not contributed`);
  return `${manifestText(REPO, entry.category, 'zh-cn')}: ${manifestText(REPO, entry.title, 'zh-cn')}`;
};
const HAN = /[\u4e00-\u9fff]/;
/** Strings of the extension (hover links) and of the core (claim names, the status line) the hover shows. */
const HOVER_KEYS = ['Open in panel', 'Copy decoded JSON', 'Expiration Time'];
/** The panel's own headings, and the core's claim descriptions and names rendered in the webview. */
const PANEL_KEYS = [
  'Claims',
  'Times',
  'Local time',
  'Issuer',
  'Who issued the token, usually the URL of the authorization server.',
];
const NOT_ENOUGH_SEGMENTS =
  'Not enough segments: a JWT has 3 dot-separated parts (header.payload.signature), this has {0}';

describe('the extension in Simplified Chinese (display language zh-cn)', function () {
  let vs: Workbench;

  useWorkbench(
    (w) => (vs = w),
    () => ({ locale: 'zh-cn' }),
  );

  it('lists its commands in Chinese in the command palette', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
      contributes: { commands: Array<{ command: string }>; menus: { commandPalette?: Array<{ command: string }> } };
    };
    // A command the palette shows only in some state (Decode as JWT, while debugging) is not listed here.
    const conditional = new Set(manifest.contributes.menus.commandPalette?.map((m) => m.command));
    for (const { command } of manifest.contributes.commands) {
      const title = commandTitle(command);
      assert.match(title, HAN, `${command} has no Chinese title`);
      if (!conditional.has(command)) await vs.findCommand(title);
    }
  });

  it('shows the hover in Chinese', async () => {
    await vs.openFile('.env');
    const text = await vs.hover('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', { expect: 'Ada Lovelace' });
    for (const key of HOVER_KEYS) assert.ok(text.includes(zh(key)), `the hover lacks "${zh(key)}" (${key}):\n${text}`);
    assert.match(
      text,
      pattern(zh('Not expired (expires {0}) · signature not checked', '\uE000')),
      "the hover's status line is not in Chinese",
    );
    await vs.screenshot('zh-cn-hover');
  });

  it('shows the Decode panel in Chinese, its claim descriptions and times too', async () => {
    await vs.unhover();
    await vs.placeCursor('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9');
    await vs.runCommand(commandTitle('jwt.decode'));
    const panel = await vs.panelFrame({ hasText: 'Ada Lovelace' });
    const page = await panel.evaluate(() => ({ text: document.body.innerText, lang: document.documentElement.lang }));
    assert.equal(page.lang, 'zh-cn');
    for (const key of PANEL_KEYS) assert.ok(page.text.includes(zh(key)), `the panel lacks "${zh(key)}" (${key})`);
    await vs.screenshot('zh-cn-panel');
  });

  it('opens the walkthrough with its Chinese steps and pages', async () => {
    await vs.runCommand('Welcome: Open Walkthrough...');
    const title = manifestText(REPO, '%walkthrough.gettingStarted.title%', 'zh-cn');
    const input = vs.page.locator('.quick-input-widget input');
    await input.fill(title);
    await vs.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().click();
    // The step's Markdown page is package.nls.zh-cn.json's path, media/walkthrough/samples.zh-cn.md.
    const page = fs.readFileSync(
      path.join(REPO, manifestText(REPO, '%walkthrough.gettingStarted.step.samples.markdown%', 'zh-cn')),
      'utf8',
    );
    const heading = /^# (.+)$/m.exec(page)![1]!;
    assert.match(heading, HAN);
    await vs.panelFrame({ hasText: heading, timeoutMs: 30000 });
    await vs.screenshot('zh-cn-walkthrough');
  });

  it('explains a broken token in Chinese as you type it', async () => {
    await vs.page.evaluate(() => navigator.clipboard.writeText('no token here').catch(() => undefined));
    await vs.openFile('README.md');
    await vs.runCommand(commandTitle('jwt.decode'));
    const input = vs.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0eXBlZCJ9');
    const expected = zh(NOT_ENOUGH_SEGMENTS, 2);
    await vs.page
      .locator('.quick-input-widget .quick-input-message')
      .filter({ hasText: expected })
      .waitFor({ state: 'visible' });
    await vs.page.keyboard.press('Escape');
  });
});
