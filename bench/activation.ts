// The benchmark's real-VS Code figures, run by bench/run.mjs as a child process (node --import tsx):
//   package            packages the .vsix (npm run package, in a temp copy of the repo) into out/bench/
//   measure <vsix>     activation time of the installed .vsix in code-server's Node extension host, read
//                      from "Developer: Show Running Extensions" (VS Code's own figure: code loading plus
//                      the activate() call); one workbench per run, $BENCH_VSCODE_RUNS runs (default 5:
//                      the figures vary by several ms from run to run on a small machine) in each of
//                      three settings:
//                      - as VS Code starts, beside an empty extension activated by the same event (the
//                        baseline; onStartupFinished: VS Code's own start-up extensions, Copilot Chat and
//                        Git among them, load at the same moment on the extension host's one thread, and
//                        the figures mostly measure that queue);
//                      - in a settled window: the installed copy's manifest activates it on a command
//                        instead, run once the window has been idle for a few seconds; the figure is the
//                        extension's own cost (an empty extension measured that way takes 1-12 ms here);
//                      - the same with the manifest's main set to dist/web.js, the whole extension in one
//                        file: what loading it costs, which the desktop's small start-up file defers to
//                        the first hover, command or document with a token.
// Prints one JSON line on stdout last; progress goes to stderr.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, packageVsix } from '../test/harness/vscode-server';
import { manifestText, startWorkbench, type Workbench } from '../test/harness/workbench';

const EMPTY = { publisher: 'bench', name: 'empty', displayName: 'Empty Baseline', version: '0.0.1' };

/** An extension that does nothing, activated like ours at start-up (onStartupFinished), in both hosts. */
function makeEmptyExtension(dir: string): string {
  const manifest = {
    ...EMPTY,
    engines: { vscode: '^1.90.0' },
    activationEvents: ['onStartupFinished'],
    main: './dist/extension.js',
    browser: './dist/extension.js',
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  fs.mkdirSync(path.join(dir, 'dist'));
  fs.writeFileSync(path.join(dir, 'dist', 'extension.js'), 'exports.activate = () => {};\n');
  return dir;
}

/** The "Activation: N ms" figures of the Running Extensions view, by extension display name. */
async function runningExtensionTimes(vs: Workbench, names: string[]): Promise<Record<string, number>> {
  await vs.runCommand('Developer: Show Running Extensions');
  const deadline = Date.now() + 30000;
  for (;;) {
    const rows = await vs.page
      .locator('.runtime-extensions-editor .extension')
      .evaluateAll((elements) =>
        elements.map((e) => [
          e.querySelector('.name')?.textContent ?? '',
          e.querySelector('.activation-time')?.textContent ?? '',
        ]),
      );
    const times: Record<string, number> = {};
    for (const [name, time] of rows) {
      const ms = /Activation: (\d+(?:\.\d+)?)ms/.exec(time ?? '');
      if (name && ms) times[name] = Number(ms[1]);
    }
    if (names.every((n) => n in times)) return times;
    if (Date.now() > deadline)
      throw new Error(
        `Running Extensions shows no activation time for ${names.filter((n) => !(n in times)).join(', ')}; rows: ${JSON.stringify(rows)}`,
      );
    await vs.page.waitForTimeout(500);
  }
}

interface Times {
  ours: number[];
  empty: number[];
} // empty: [] in a settled window

/** The command of ours the settled settings activate the extension with (it asks for a token: nothing else activates). */
const OUR_COMMAND = 'jwt.compare';

type Setting = 'start-up' | 'settled' | 'whole';

async function measure(vsix: string): Promise<Record<Setting, Times>> {
  return {
    'start-up': await measureIn(vsix, 'start-up'),
    settled: await measureIn(vsix, 'settled'),
    whole: await measureIn(vsix, 'whole'),
  };
}

async function measureIn(vsix: string, setting: Setting): Promise<Times> {
  const runs = Number(process.env.BENCH_VSCODE_RUNS || 5);
  const settled = setting !== 'start-up';
  const empty = makeEmptyExtension(fs.mkdtempSync(path.join(os.tmpdir(), 'jwt-bench-empty-')));
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
    displayName: string;
    browser: string;
    contributes: { commands: Array<{ command: string; title: string; category: string }> };
  };
  const displayName = manifestText(REPO, manifest.displayName);
  const ourCommand = manifest.contributes.commands.find((c) => c.command === OUR_COMMAND)!;
  const ours: number[] = [];
  const baseline: number[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      // Tall, so every activated extension's row is rendered (the list is virtual).
      const vs = await startWorkbench({
        vsix,
        alsoInstall: settled ? [] : [empty],
        viewport: { width: 1400, height: 3000 },
        ...(settled
          ? {
              manifest: {
                activationEvents: [`onCommand:${OUR_COMMAND}`],
                ...(setting === 'whole' ? { main: manifest.browser } : {}),
              },
            }
          : {}),
      });
      try {
        if (settled) {
          // startWorkbench waited for the palette to list our commands; then a little quiet.
          await vs.page.waitForTimeout(8000);
          await vs.runCommand(`${ourCommand.category}: ${manifestText(REPO, ourCommand.title)}`);
          // It asks for the first token once it has activated: close that box.
          await vs.page.locator('.quick-input-widget input[aria-label*="1 of 2"]').waitFor({ timeout: 30000 });
          await vs.page.keyboard.press('Escape');
          await vs.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 });
        }
        const times = await runningExtensionTimes(vs, settled ? [displayName] : [displayName, EMPTY.displayName]);
        ours.push(times[displayName]!);
        if (!settled) baseline.push(times[EMPTY.displayName]!);
        process.stderr.write(
          `[bench] ${setting} run ${run}/${runs}: ${displayName} ${times[displayName]} ms${settled ? '' : `, empty extension ${times[EMPTY.displayName]} ms`}\n`,
        );
      } finally {
        await vs.close();
      }
    }
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
  return { ours, empty: baseline };
}

async function main(): Promise<unknown> {
  const [mode, arg] = process.argv.slice(2);
  if (mode === 'package') {
    const vsix = packageVsix(path.join(REPO, 'out', 'bench'));
    return { vsix, bytes: fs.statSync(vsix).size };
  }
  if (mode === 'measure' && arg) return measure(path.resolve(arg));
  throw new Error('usage: node --import tsx bench/activation.ts package | measure <vsix>');
}

main().then(
  (result) => {
    console.log(JSON.stringify(result));
    process.exit(0);
  },
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
