// The benchmark's figures from inside the real VS Code's Node extension host, where the extension runs:
// bench/run.mjs bundles this file and runs it as the extension-tests module of
// test/harness/run-integration.ts (JWT_TESTS_PATH), beside the release build of the extension. It prints
// one line "BENCH <json>", then the summary line the harness waits for.
//   memory    the extension host's heap after a full GC, with a 50,000-line log of 10,000 tokens open in
//             an editor (the token index, hints and Problems all built), against the same window empty;
//             and the same document open with hints and Problems off (VS Code's own copy of it)
//   problems  the dense 150,000-token log checked from scratch: time to the first Problems and to the
//             final ones (the security review included), the extension's busy time (a CPU profile's
//             samples with its code on the stack) and its longest slice (of the event-loop tasks,
//             recorded with async_hooks, that have such samples: the most thread CPU time, and the
//             longest by the clock), and the extension host's longest event-loop delay (every
//             extension's); then per edit (a character typed into a token): the extension's busy time
//             from the edit to the updated Problems, median and p99, its longest slice, and the whole
//             thread's busy time
// Needs Node's --expose-gc, set at run time through v8.setFlagsFromString. BENCH_PROFILE=<prefix> keeps the
// CPU profiles of the full check (with its longest slice's start and end) and of the edit with the longest slice.
import { createHook, executionAsyncResource } from 'node:async_hooks';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import { makeDenseLog, makeLog } from './corpus.mjs';

const EXTENSION_ID = 'jwt-toolkit.jwt-toolkit';
const EDITS = 40;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.99) - 1]!;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Heap in use after full collections (twice: the first frees what finalizers hold). */
async function heapMB(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await sleep(200);
  }
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Resolves once the JWT Problems of `uri` have not changed for `quietMs`; returns when they last did. */
function problemsSettled(uri: vscode.Uri, quietMs: number, since: number): Promise<{ first: number; last: number }> {
  return new Promise((resolve) => {
    let first = 0;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      listener.dispose();
      resolve({ first: first - since, last: last - since });
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      last = performance.now();
      first ||= last;
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    timer = setTimeout(done, quietMs * 10);
  });
}

async function writeFile(name: string, text: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  const file = path.join(folder, name);
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await sleep(2000);
}

async function memory(): Promise<Record<string, number>> {
  const log = makeLog(Infinity, 4, { tokenEvery: 5, lines: 50_000 });
  const uri = await writeFile('memory.log', log.text);
  const config = vscode.workspace.getConfiguration('jwt');
  // The document opens with hints and Problems off, so VS Code's own copy of it is measured apart;
  // then they are turned on, with the document still open (a closed document's copy lingers a while).
  await config.update('problems.enabled', false, vscode.ConfigurationTarget.Workspace);
  await config.update('hints.enabled', false, vscode.ConfigurationTarget.Workspace);
  await sleep(3000);
  const empty = await heapMB();
  const editor = await vscode.window.showTextDocument(uri);
  await sleep(3000);
  const documentOnly = await heapMB();
  const settled = problemsSettled(uri, 3000, performance.now());
  await config.update('problems.enabled', undefined, vscode.ConfigurationTarget.Workspace);
  await config.update('hints.enabled', undefined, vscode.ConfigurationTarget.Workspace);
  await settled;
  // Hints are drawn for what is on screen: scroll through the log once, as a reader would.
  for (const line of [10_000, 25_000, 40_000, 49_000]) {
    editor.revealRange(new vscode.Range(line, 0, line, 0));
    await sleep(300);
  }
  const open = await heapMB();
  await closeAll();
  return {
    lines: log.text.split('\n').length - 1,
    tokens: log.planted.length,
    megabytes: log.text.length / 1024 / 1024,
    emptyHeapMB: empty,
    openHeapMB: open,
    moreMB: open - empty,
    documentAloneMB: documentOnly - empty,
  };
}

async function problems(extensionPath: string): Promise<Record<string, number>> {
  const text = makeDenseLog();
  const uri = await writeFile('dense.log', text);
  const config = vscode.workspace.getConfiguration('jwt.problems');
  // VS Code's own work on a 10 MB document (reading it, sending it to the extension host) is not the
  // extension's: open it with Problems off, let the window settle, then turn them on.
  await config.update('enabled', false, vscode.ConfigurationTarget.Workspace);
  const editor = await vscode.window.showTextDocument(uri);
  await sleep(5000);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  const settled = problemsSettled(uri, 3000, started);
  const check = await profiled(extensionPath, async () => {
    await config.update('enabled', true, vscode.ConfigurationTarget.Workspace);
    return settled;
  });
  const full = check.result;
  delay.disable();
  const problemsShown = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'JWT').length;

  // Edits: one character typed into the signature of a token on a random line, then the Problems update.
  const busy: number[] = [];
  const longest: number[] = [];
  const longestWall: number[] = [];
  const hostBusy: number[] = [];
  let worst: unknown;
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  for (let i = 0; i < EDITS; i++) {
    const line = Math.floor(random() * 150_000);
    const edit = await profiled(extensionPath, async () => {
      const updated = problemsSettled(uri, 700, performance.now());
      await editor.edit((e) => e.insert(new vscode.Position(line, editor.document.lineAt(line).text.length), 'x'));
      return updated;
    });
    hostBusy.push(edit.hostBusyMs);
    busy.push(edit.busyMs);
    if (edit.longestMs > Math.max(0, ...longest)) worst = edit.profile;
    longest.push(edit.longestMs);
    longestWall.push(edit.longestWallMs);
  }
  await config.update('enabled', undefined, vscode.ConfigurationTarget.Workspace);
  await closeAll();
  const keep = process.env.BENCH_PROFILE;
  if (keep) {
    fs.writeFileSync(`${keep}.check.cpuprofile`, JSON.stringify(check.profile));
    // The longest slice (start and end in the profile's clock): where to look in it.
    fs.writeFileSync(`${keep}.check.longest-task.json`, JSON.stringify(check.longestTask));
    fs.writeFileSync(`${keep}.worst-edit.cpuprofile`, JSON.stringify(worst));
  }
  return {
    tokens: 150_000,
    megabytes: text.length / 1024 / 1024,
    problemsShown,
    firstMs: full.first,
    finalMs: full.last,
    busyMs: check.busyMs,
    longestMs: check.longestMs,
    longestWallMs: check.longestWallMs,
    hostLongestHeldMs: delay.max / 1e6,
    editBusyMedianMs: median(busy),
    editBusyP99Ms: p99(busy),
    editLongestMs: Math.max(...longest),
    editLongestWallMs: Math.max(...longestWall),
    editHostBusyMedianMs: median(hostBusy),
    edits: EDITS,
  };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** An event-loop task (see recordTasks): its start and end in µs of the system's monotonic clock, the CPU profiler's too. */
interface Task {
  start: number;
  end: number;
  /** The thread's CPU time in it, µs: its wall time less what the thread spent waiting for a core. */
  cpu: number;
}

/**
 * Records the event loop's tasks until stopped. A task is a callback the loop ran (a timer, I/O, an
 * immediate) and the promise jobs that ran right after it: one synchronous slice, however close the
 * next one follows.
 */
function recordTasks(): { stop(): Task[] } {
  const tasks: Task[] = [];
  const now = () => Number(process.hrtime.bigint() / 1000n);
  // Node 23.9 and later (code-server's extension host); before, the wall clock stands in.
  const threadUsage = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage;
  const threadCpu = threadUsage ? () => threadUsage().user + threadUsage().system : now;
  let depth = 0;
  let current: (Task & { cpuStart: number }) | undefined;
  const hook = createHook({
    before() {
      // A promise job continues the task before it; any other callback starts one.
      if (depth++ > 0 || executionAsyncResource() instanceof Promise) return;
      current = { start: now(), end: 0, cpu: 0, cpuStart: threadCpu() };
      tasks.push(current);
    },
    after() {
      if (--depth > 0 || !current) return;
      current.end = now();
      current.cpu = threadCpu() - current.cpuStart;
    },
  });
  hook.enable();
  return {
    stop() {
      hook.disable();
      return tasks;
    },
  };
}

/** Four sampling intervals (see profiled). */
const MAX_SAMPLE_US = 2000;

/**
 * The extension's share of a CPU profile: its busy time, and its longest task (see recordTasks) among
 * those with its code on the stack, by the thread's CPU time and by the clock; and the whole thread's
 * busy time (every sample but V8's "(idle)", the event loop waiting).
 */
function ours(profile: CpuProfile, tasks: Task[], extensionPath: string) {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const mine = new Map<number, boolean>();
  const code = `${extensionPath}/dist/`;
  const isOurs = (id: number): boolean => {
    let known = mine.get(id);
    if (known === undefined) {
      const up = parent.get(id);
      known = byId.get(id)!.callFrame.url.includes(code) || (up !== undefined && isOurs(up));
      mine.set(id, known);
    }
    return known;
  };
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  let hostBusy = 0;
  let busy = 0;
  let longest: Task | undefined;
  let longestWall = 0;
  let at = profile.startTime;
  let task = 0;
  let samples = 0;
  let inTasks = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i]!;
    // A sample stands for the time until the next one, at most MAX_SAMPLE_US: a longer gap means the
    // sampler did not run (on a loaded machine the host's threads wait for a core), not that the
    // extension worked that long with a single sample taken.
    const us = Math.min(profile.timeDeltas[i + 1] ?? 0, MAX_SAMPLE_US);
    if (!idle.has(profile.samples[i]!)) hostBusy += us;
    if (!isOurs(profile.samples[i]!)) continue;
    busy += us;
    samples++;
    while (task < tasks.length && tasks[task]!.end < at) task++;
    const around = tasks[task];
    if (around && around.start <= at) {
      inTasks++;
      if (around.cpu > (longest?.cpu ?? -1)) longest = around;
      longestWall = Math.max(longestWall, around.end - around.start);
    }
  }
  // The extension runs only in tasks: samples outside them would mean the recording missed some.
  if (inTasks < samples * 0.95) throw new Error(`only ${inTasks} of ${samples} samples fall in a recorded task`);
  return {
    busyMs: busy / 1000,
    longestMs: (longest?.cpu ?? 0) / 1000,
    longestTask: longest,
    longestWallMs: longestWall / 1000,
    hostBusyMs: hostBusy / 1000,
  };
}

/**
 * `work` under V8's sampling profiler (every 500 µs): the extension host's thread also runs VS Code's
 * own extensions (the built-in merge-conflict one reads a whole document on every edit), so the
 * extension's cost is what the samples with its code on the stack add up to.
 */
async function profiled<T>(extensionPath: string, work: () => Promise<T>) {
  const inspector = await import('node:inspector/promises');
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  const recording = recordTasks();
  await session.post('Profiler.start');
  try {
    const result = await work();
    const { profile } = await session.post('Profiler.stop');
    return { result, profile, ...ours(profile as unknown as CpuProfile, recording.stop(), extensionPath) };
  } finally {
    recording.stop();
    session.disconnect();
  }
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
  await extension.activate();
  await sleep(3000);
  const result = { memory: await memory(), problems: await problems(extension.extensionPath) };
  console.log(`BENCH ${JSON.stringify(result)}`);
  // The line run-integration.ts waits for to call the run complete.
  console.log('integration (node): 1 passed, 0 failed');
}
