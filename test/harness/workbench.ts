// The e2e fixture: a real VS Code workbench (code-server) in headless Chromium with the built extension
// installed the way a user would have it, driven like a person would: explorer, hover, command palette,
// webview panel. One per test file or suite:
//
//   let vs: Workbench;
//   before(async function () { this.timeout(180_000); vs = await startWorkbench(); });
//   after(async () => vs?.close());
//   it('hovers', async () => { await vs.openFile('.env'); const text = await vs.hover('eyJhbGci'); … });
//
// startWorkbench fails (it never skips) when the editor cannot be started.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  OUTPUT_DIR,
  REPO,
  SAMPLES,
  installExtensionCopy,
  installVsix,
  launchBrowser,
  log,
  makeRunDirs,
  readManifest,
  readTail,
  removeRunDirs,
  slug,
  startServer,
  type BrowserSession,
  type CodeServer,
  type RunDirs,
} from './vscode-server';
import type { Frame, Locator, Page } from 'playwright-core';

export interface WorkbenchOptions {
  /** The folder to open; copied into the run's temp folder first (unless copyWorkspace is false). Default: samples/. */
  workspace?: string;
  /** Open `workspace` in place instead of a copy. */
  copyWorkspace?: boolean;
  /** Files written into the copied workspace before the workbench opens it: relative path (folders made as needed) → content. */
  files?: Record<string, string>;
  /** The built extension to install (a copy of its manifest, dist/, media/…). Default: the repo, or $JWT_EXTENSION_PATH. */
  extensionPath?: string;
  /** A packaged .vsix to install instead (with code-server --install-extension, as a user would); see packageVsix. */
  vsix?: string;
  /** Other built extensions to install beside it (e.g. the benchmark's empty baseline extension). */
  alsoInstall?: string[];
  /** User settings on top of the harness's defaults (which include word wrap, so a long token stays on screen). */
  settings?: Record<string, unknown>;
  viewport?: { width: number; height: number };
  /** How long to wait for the workbench to come up (default 120 s). */
  startTimeoutMs?: number;
  /**
   * A command title ("JWT: Decode") the palette must list before startWorkbench resolves: the proof that
   * the extension's contributions are loaded. Default: the manifest's first contributed command; false: don't wait.
   */
  waitForCommand?: string | false;
  /**
   * VS Code's display language (code-server --locale), e.g. "zh-cn". VS Code honours a locale only when a
   * language pack for it is installed, and Microsoft's packs are not reachable offline, so the harness
   * installs a stand-in pack with no translations of its own: the workbench's own strings stay English,
   * while VS Code reports the language to extensions and loads their package.nls.<locale>.json and
   * l10n bundles exactly as it would with the real pack.
   */
  locale?: string;
  /**
   * Fields replaced in the installed copy's package.json: the benchmark activates it on a command in a
   * settled window (activationEvents), and from its whole-extension file (main).
   */
  manifest?: { activationEvents?: string[]; main?: string };
  /**
   * Open the workspace untrusted (Restricted Mode), as a folder from an unknown source opens: workspace trust
   * stays on and its start-up question is not asked. Default: trust is off, every folder trusted.
   */
  untrusted?: boolean;
}

export interface Workbench {
  page: Page;
  server: CodeServer;
  /** The opened folder (the temp copy unless copyWorkspace was false). */
  workspace: string;
  /** The extension's id, publisher.name. */
  extensionId: string;
  /** Opens a file of the workspace from the explorer ("a/b.txt" expands folder a); resolves once its editor shows. */
  openFile(relativePath: string): Promise<void>;
  /**
   * Hovers the first occurrence of `text` within one rendered line of the active editor and returns the
   * hover widget's text once it contains `expect` (or anything, without it). With word wrap on (the
   * default here) a long token spans several screen lines: pick text within one, e.g. its header.
   * `at`: where along the text to point, 0 to 1 (default 0.5). Retries: activation and providers lag.
   * Scrolls to text that is off screen.
   */
  hover(text: string, options?: { expect?: string | RegExp; timeoutMs?: number; at?: number }): Promise<string>;
  /** The visible `.monaco-hover` widget. */
  hoverWidget(): Locator;
  /** Moves the mouse away and waits for hovers to close. */
  unhover(): Promise<void>;
  /** Runs a command from the F1 palette by its full title, e.g. "JWT: Decode". */
  runCommand(title: string): Promise<void>;
  /** Resolves once the F1 palette lists a command by its full title (throws after 30 s), then closes the palette. */
  findCommand(title: string): Promise<void>;
  /**
   * The webview frame whose document has `selector` (default: any element in the body), once it
   * appears. Optionally only a webview whose content contains `hasText`.
   */
  panelFrame(options?: { selector?: string; hasText?: string | RegExp; timeoutMs?: number }): Promise<Frame>;
  /** Texts of the notification toasts on screen. */
  notifications(): Promise<string[]>;
  /** Waits for a notification toast containing text and returns its text. */
  waitForNotification(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** What the page's clipboard holds (commands like "copy decoded" write to it). */
  readClipboard(): Promise<string>;
  /** Clicks into the active editor and selects the first occurrence of text (through the find widget). */
  placeCursor(text: string): Promise<void>;
  /** Saves test-output/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Messages of the alert/confirm/prompt dialogs any frame opened (each dismissed): an XSS test wants none. */
  dialogs(): string[];
  /** Lines the page logged (console and errors), for asserting on or printing after a failure. */
  pageLog(): string[];
  /** The tail of the server's log. */
  serverLog(lines?: number): string;
  /** Closes the browser, kills the server's process group, removes the temp folder. */
  close(): Promise<void>;
}

/** Word wrap keeps long tokens on screen, so a hover over their middle works. */
const E2E_SETTINGS: Record<string, unknown> = {
  'editor.wordWrap': 'on',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  'editor.hover.sticky': true,
  'workbench.editor.enablePreview': false,
  'files.exclude': {},
  'explorer.autoReveal': false,
};

const live = new Set<Workbench>();
/** The workbenches open right now (the e2e runner screenshots them when a test fails or the run times out). */
export function liveWorkbenches(): Workbench[] {
  return [...live];
}

/**
 * The set-up every e2e suite shares: a workbench started before its tests (with `options`, worked out
 * then) and closed after them. `use` receives it.
 * @example let vs: Workbench; useWorkbench((w) => (vs = w));
 */
export function useWorkbench(
  use: (workbench: Workbench) => void,
  options: () => WorkbenchOptions | Promise<WorkbenchOptions> = () => ({}),
  timeoutMs = 180_000,
): void {
  let workbench: Workbench | undefined;
  before(async function () {
    this.timeout(timeoutMs);
    workbench = await startWorkbench(await options());
    use(workbench);
  });
  after(async () => {
    await workbench?.close();
  });
}

export async function startWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const started = Date.now();
  const extensionPath = path.resolve(options.extensionPath ?? process.env.JWT_EXTENSION_PATH ?? REPO);
  const dirs = makeRunDirs('e2e', {
    ...E2E_SETTINGS,
    ...(options.untrusted
      ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' }
      : {}),
    ...options.settings,
  });
  let server: CodeServer | undefined;
  let session: BrowserSession | undefined;
  const pageLines: string[] = [];
  try {
    // Copies first: --install-extension writes extensions.json, and VS Code then loads only what it lists.
    for (const other of options.alsoInstall ?? []) installExtensionCopy(other, dirs.exts);
    if (options.locale) installStandInLanguagePack(options.locale, dirs);
    const installed = options.vsix ? installVsix(options.vsix, dirs) : installExtensionCopy(extensionPath, dirs.exts);
    if (options.manifest) {
      const manifestFile = path.join(installed, 'package.json');
      fs.writeFileSync(
        manifestFile,
        JSON.stringify({ ...JSON.parse(fs.readFileSync(manifestFile, 'utf8')), ...options.manifest }),
      );
    }
    const { id: extensionId } = readManifest(installed);
    const source = path.resolve(options.workspace ?? SAMPLES);
    let workspace = source;
    if (options.copyWorkspace !== false) {
      workspace = path.join(dirs.root, 'workspace', path.basename(source));
      fs.cpSync(source, workspace, { recursive: true });
      for (const [name, content] of Object.entries(options.files ?? {})) {
        fs.mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
        fs.writeFileSync(path.join(workspace, name), content);
      }
    }
    server = await startServer({
      dirs,
      ...(options.locale ? { args: ['--locale', options.locale] } : {}),
      ...(options.untrusted ? { workspaceTrust: true } : {}),
    });
    session = await launchBrowser({
      origin: server.origin,
      dirs,
      ...(options.viewport ? { viewport: options.viewport } : {}),
    });
    const { page } = session;
    page.setDefaultTimeout(15000);
    page.on('console', (message) => pageLines.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => pageLines.push(`[pageerror] ${error.message}`));
    page.on('dialog', (dialog) => {
      pageLines.push(`[dialog] ${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}`, {
      waitUntil: 'domcontentloaded',
      timeout: 60000,
    });
    await page
      .locator('.monaco-workbench .explorer-folders-view .monaco-list-row')
      .first()
      .waitFor({ state: 'visible', timeout: options.startTimeoutMs ?? 120000 });
    // The explorer shows before the extension host has registered the extension's contributions.
    const readyCommand = options.waitForCommand ?? firstCommandTitle(installed, options.locale);
    if (readyCommand) {
      await findPaletteRow(page, readyCommand, options.startTimeoutMs ?? 120000);
      await page.keyboard.press('Escape');
      await page
        .locator('.quick-input-widget')
        .waitFor({ state: 'hidden', timeout: 5000 })
        .catch(() => undefined);
    }
    const workbench = makeWorkbench(page, server, session, dirs, workspace, extensionId, pageLines);
    live.add(workbench);
    log(
      `workbench up in ${((Date.now() - started) / 1000).toFixed(1)} s on ${server.origin} (${extensionId} from ${options.vsix ?? extensionPath})`,
    );
    return workbench;
  } catch (error) {
    const shot = path.join(OUTPUT_DIR, 'e2e-start-failed.png');
    if (session) {
      fs.mkdirSync(OUTPUT_DIR, { recursive: true });
      await session.page.screenshot({ path: shot, timeout: 10000 }).catch(() => undefined);
    }
    const details = [
      `the workbench did not start: ${(error as Error).message}`,
      session ? `screenshot: ${shot}` : '',
      server ? `--- server log ---\n${readTail(server.logFile)}` : '',
      pageLines.length ? `--- page console ---\n${pageLines.slice(-30).join('\n')}` : '',
      `run folder kept: ${dirs.root}`,
    ]
      .filter(Boolean)
      .join('\n');
    await session?.close();
    await server?.stop();
    throw new Error(details);
  }
}

/**
 * The screen point at fraction `at` of the first occurrence of `text` within one rendered line of the
 * active editor (monaco splits a line into spans by token colour; this looks through them), or undefined.
 */
async function textPoint(page: Page, text: string, at: number): Promise<{ x: number; y: number } | undefined> {
  return page.evaluate(
    ({ text, at }) => {
      const lines = document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line');
      for (const line of Array.from(lines)) {
        const content = (line.textContent ?? '').replace(/\u00a0/g, ' ');
        const start = content.indexOf(text);
        if (start < 0) continue;
        const target = start + Math.min(text.length - 1, Math.max(0, Math.floor(text.length * at)));
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let offset = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent?.length ?? 0;
          if (target < offset + length) {
            const range = document.createRange();
            range.setStart(node, target - offset);
            range.setEnd(node, target - offset + 1);
            const rect = range.getBoundingClientRect();
            if (rect.width === 0 && rect.height === 0) return undefined;
            return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
          }
          offset += length;
        }
      }
      return undefined;
    },
    { text, at },
  );
}

/** A language pack extension for `locale` that contributes the language and no translated strings. */
function installStandInLanguagePack(locale: string, dirs: RunDirs): void {
  const dir = path.join(dirs.exts, `jwt-test.language-pack-${locale}-0.0.1`);
  fs.mkdirSync(path.join(dir, 'translations'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'translations', 'main.i18n.json'),
    JSON.stringify({ version: '1.0.0', contents: {} }),
  );
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      publisher: 'jwt-test',
      name: `language-pack-${locale}`,
      displayName: `Test language pack (${locale})`,
      version: '0.0.1',
      engines: { vscode: '*' },
      categories: ['Language Packs'],
      contributes: {
        localizations: [
          {
            languageId: locale,
            languageName: locale,
            translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
          },
        ],
      },
    }),
  );
  // What VS Code's language pack cache would write on its first scan, which comes after the first page load.
  fs.writeFileSync(
    path.join(dirs.data, 'languagepacks.json'),
    JSON.stringify({
      [locale]: {
        hash: 'stand-in',
        label: locale,
        extensions: [{ extensionIdentifier: { id: `jwt-test.language-pack-${locale}` }, version: '0.0.1' }],
        translations: { vscode: path.join(dir, 'translations', 'main.i18n.json') },
      },
    }),
  );
}

/** "Category: Title" of the manifest's first contributed command, if any, as VS Code shows it in `locale`. */
function firstCommandTitle(extensionPath: string, locale?: string): string | undefined {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as {
    contributes?: { commands?: Array<{ title: string; category?: string }> };
  };
  const command = manifest.contributes?.commands?.[0];
  if (!command) return undefined;
  const title = manifestText(extensionPath, command.title, locale);
  return command.category ? `${manifestText(extensionPath, command.category, locale)}: ${title}` : title;
}

/** A manifest value with its %key% replaced the way VS Code does: package.nls.<locale>.json, else package.nls.json. */
export function manifestText(extensionPath: string, value: string, locale?: string): string {
  const key = /^%(.+)%$/.exec(value)?.[1];
  if (!key) return value;
  for (const file of [locale && `package.nls.${locale}.json`, 'package.nls.json']) {
    if (!file || !fs.existsSync(path.join(extensionPath, file))) continue;
    const text = (JSON.parse(fs.readFileSync(path.join(extensionPath, file), 'utf8')) as Record<string, unknown>)[key];
    if (typeof text === 'string') return text;
  }
  throw new Error(`${extensionPath}: no text for ${value}`);
}

/**
 * Opens the F1 palette and returns the row whose label is exactly `title`, reopening the palette until it
 * shows (commands contributed by an extension appear a few seconds after the workbench). Enter would run
 * the highlighted row, which need not be the exact match ("JWT: Copy Decoded" sorts before "JWT: Decode"),
 * so callers click the returned row.
 */
async function findPaletteRow(page: Page, title: string, timeoutMs: number): Promise<Locator> {
  const deadline = Date.now() + timeoutMs;
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  const rows = widget.locator('.monaco-list-row');
  let seen: string[] = [];
  for (;;) {
    if (!(await input.isVisible())) {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 10000 });
    }
    await input.fill(`>${title}`);
    const settle = Date.now() + 2000;
    while (Date.now() < settle) {
      await page.waitForTimeout(200);
      seen = (await rows.allInnerTexts()).map((text) => text.split('\n')[0]!.trim());
      const index = seen.indexOf(title);
      if (index >= 0) return rows.nth(index);
    }
    if (Date.now() > deadline) {
      await page.keyboard.press('Escape');
      throw new Error(
        `the command palette has no "${title}" after ${timeoutMs / 1000} s; it lists: ${seen.join(' | ') || '(nothing)'}`,
      );
    }
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1000);
  }
}

function makeWorkbench(
  page: Page,
  server: CodeServer,
  session: BrowserSession,
  dirs: RunDirs,
  workspace: string,
  extensionId: string,
  pageLines: string[],
): Workbench {
  const editor = (): Locator => page.locator('.editor-group-container.active .monaco-editor').first();
  const hoverWidget = (): Locator => page.locator('.monaco-hover:visible').first();
  let closed = false;

  const unhover = async (): Promise<void> => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape').catch(() => undefined);
    await page
      .locator('.monaco-hover:visible')
      .first()
      .waitFor({ state: 'hidden', timeout: 3000 })
      .catch(() => undefined);
  };

  const workbench: Workbench = {
    page,
    server,
    workspace,
    extensionId,

    async openFile(relativePath) {
      const parts = relativePath.split('/').filter(Boolean);
      const explorer = page.locator('.explorer-folders-view');
      for (const [index, part] of parts.entries()) {
        // A single-folder workspace's entries are the tree's level-1 rows; each row's aria-label is its name.
        const row = explorer
          .locator(`.monaco-list-row[aria-level="${index + 1}"][aria-label=${JSON.stringify(part)}]`)
          .first();
        await row.waitFor({ state: 'visible', timeout: 15000 });
        if (index < parts.length - 1) {
          if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
        } else {
          await row.dblclick();
        }
      }
      const name = parts[parts.length - 1]!;
      await page
        .locator('.tabs-container .tab.active', { hasText: name })
        .first()
        .waitFor({ state: 'visible', timeout: 15000 });
      await editor().locator('.view-line').first().waitFor({ state: 'visible', timeout: 15000 });
    },

    async hover(text, hoverOptions = {}) {
      const deadline = Date.now() + (hoverOptions.timeoutMs ?? 30000);
      let last = '';
      for (let attempt = 1; ; attempt++) {
        let point = await textPoint(page, text, hoverOptions.at ?? 0.5);
        if (!point) {
          // Not on screen: let the find widget scroll to it.
          await workbench.placeCursor(text);
          point = await textPoint(page, text, hoverOptions.at ?? 0.5);
        }
        if (point) {
          await page.mouse.move(point.x, point.y - 8, { steps: 2 });
          await page.mouse.move(point.x, point.y, { steps: 2 });
          try {
            await hoverWidget().waitFor({ state: 'visible', timeout: 4000 });
            // Content renders in steps (providers resolve one after another): let it settle.
            await page.waitForTimeout(400);
            last = (await hoverWidget().innerText()).trim();
          } catch {
            last = '';
          }
        }
        const wanted = hoverOptions.expect;
        if (process.env.JWT_VERBOSE)
          log(
            `hover attempt ${attempt} over "${text}" at ${JSON.stringify(point)}: ${JSON.stringify(last.slice(0, 80))}`,
          );
        const ok =
          wanted === undefined
            ? last.length > 0
            : typeof wanted === 'string'
              ? last.includes(wanted)
              : wanted.test(last);
        if (ok) return last;
        if (Date.now() > deadline) {
          const where = point ? `over "${text}"` : `("${text}" is not on one line of the active editor)`;
          throw new Error(
            `no hover${wanted ? ` containing ${String(wanted)}` : ''} ${where} after ${attempt} tries; last hover: ${last ? JSON.stringify(last) : '(none)'}`,
          );
        }
        await unhover();
        await page.waitForTimeout(500);
      }
    },

    hoverWidget,
    unhover,

    async findCommand(title) {
      await unhover();
      await findPaletteRow(page, title, 30000);
      await page.keyboard.press('Escape');
      await page
        .locator('.quick-input-widget')
        .waitFor({ state: 'hidden', timeout: 10000 })
        .catch(() => undefined);
    },
    async runCommand(title) {
      await unhover();
      const row = await findPaletteRow(page, title, 30000);
      await row.click();
      await page
        .locator('.quick-input-widget')
        .waitFor({ state: 'hidden', timeout: 10000 })
        .catch(() => undefined);
    },

    async panelFrame(frameOptions = {}) {
      const selector = frameOptions.selector ?? 'body *';
      const deadline = Date.now() + (frameOptions.timeoutMs ?? 20000);
      for (;;) {
        for (const frame of page.frames()) {
          if (frame === page.mainFrame() || frame.isDetached()) continue;
          // The extension's document sits in the inner iframe of each webview (fake.html / active-frame).
          const found = await frame
            .evaluate(
              ({ sel }) => {
                const element = document.querySelector(sel);
                return element ? (document.body?.innerText ?? '') : undefined;
              },
              { sel: selector },
            )
            .catch(() => undefined);
          if (found === undefined) continue;
          if (!frame.url().includes('webview') && !frame.parentFrame()?.url().includes('webview')) continue;
          const wanted = frameOptions.hasText;
          if (wanted === undefined || (typeof wanted === 'string' ? found.includes(wanted) : wanted.test(found)))
            return frame;
        }
        if (Date.now() > deadline) {
          throw new Error(
            `no webview with ${selector}${frameOptions.hasText ? ` containing ${String(frameOptions.hasText)}` : ''}; frames: ${page
              .frames()
              .map((f) => f.url())
              .join(', ')}`,
          );
        }
        await page.waitForTimeout(250);
      }
    },

    async notifications() {
      return page.locator('.notification-toast').allInnerTexts();
    },

    async waitForNotification(text, timeoutMs = 15000) {
      const toast = page.locator('.notification-toast', { hasText: text }).first();
      await toast.waitFor({ state: 'visible', timeout: timeoutMs });
      return toast.innerText();
    },

    async readClipboard() {
      return page.evaluate(() => navigator.clipboard.readText());
    },

    async placeCursor(text) {
      await editor()
        .locator('.view-lines')
        .first()
        .click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+F');
      const find = page
        .locator(
          '.editor-group-container.active .find-widget textarea, .editor-group-container.active .find-widget input',
        )
        .first();
      await find.waitFor({ state: 'visible', timeout: 5000 });
      await find.fill(text); // selects the first match after the cursor, which the click put at the top
      await page.waitForTimeout(300);
      await page.keyboard.press('Escape'); // closes the find widget; the match stays selected
    },

    async screenshot(name) {
      fs.mkdirSync(OUTPUT_DIR, { recursive: true });
      const file = path.join(OUTPUT_DIR, `${slug(name)}.png`);
      await page.screenshot({ path: file, timeout: 15000 });
      return file;
    },

    dialogs: () =>
      pageLines.filter((line) => line.startsWith('[dialog] ')).map((line) => line.slice('[dialog] '.length)),
    pageLog: () => [...pageLines],
    serverLog: (lines = 60) => readTail(server.logFile, lines),

    async close() {
      if (closed) return;
      closed = true;
      live.delete(workbench);
      await session.close();
      await server.stop();
      removeRunDirs(dirs);
    },
  };
  return workbench;
}
