// The benchmark, run by `npm run bench` after a build. It loads the bundled core (dist/core.js)
// the way a Node consumer would; `node bench/run.mjs path/to/core.js` measures another build.
// Each section is a named function over a shared context; add a section to SECTIONS to measure more.
// Exits with code 1 when a correctness check or a speed target fails.
import { createRequire } from 'node:module';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { makeLog, makeLongLine } from './corpus.mjs';

const RUNS = 5;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corePath = resolve(process.argv[2] ?? join(root, 'dist/core.js'));
const core = createRequire(import.meta.url)(corePath);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median wall time in ms of `runs` calls after one warm-up call, and the last result. */
function measure(fn, runs = RUNS) {
  let result = fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result };
}

/** (a) The naive way: a candidate regex, then decode header and payload of every candidate. */
const CANDIDATE = /[A-Za-z0-9_-]{2,}(?:\.[A-Za-z0-9_-]{2,}){1,4}/g;
function baseline(text) {
  const found = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const [header, payload] = m[0].split('.');
    try {
      const decoded = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
      JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (typeof decoded?.alg === 'string') found.push(m.index);
    } catch {
      // not a token
    }
  }
  return found;
}

/** (b) The floor: no scanner can look at every dot faster than a bare indexOf walk. */
function floor(text) {
  let dots = 0;
  for (let i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) dots++;
  return dots;
}

const rows = [];
let failed = false;
const row = (label, value, note = '') => rows.push([label, value, note]);
const check = (label, ok, detail) => {
  row(label, ok ? 'ok' : 'FAIL', detail);
  if (!ok) failed = true;
};
const fmt = (n, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const SECTIONS = [
  function corpus(ctx) {
    const t0 = performance.now();
    ctx.log = makeLog();
    ctx.line = makeLongLine();
    const kinds = {};
    for (const p of ctx.log.planted) kinds[p.kind] = (kinds[p.kind] ?? 0) + 1;
    row('log size', `${fmt(ctx.log.text.length / 1024 / 1024)} MB`, `${ctx.log.text.split('\n').length - 1} lines`);
    row('planted tokens', String(ctx.log.planted.length), Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', '));
    row('corpus generated in', `${fmt(performance.now() - t0, 0)} ms`);
  },

  function findTokensSpeed(ctx) {
    const { text, planted } = ctx.log;
    const scan = measure(() => core.findTokens(text));
    const naive = measure(() => baseline(text));
    const bare = measure(() => floor(text));
    row('findTokens (16 MB)', `${fmt(scan.ms)} ms`, `${fmt(text.length / 1024 / 1024 / (scan.ms / 1000), 0)} MB/s`);
    row('(a) baseline: regex + decode', `${fmt(naive.ms)} ms`);
    row('(b) floor: indexOf walk', `${fmt(bare.ms)} ms`, `${bare.result} dots`);
    const faster = naive.ms / scan.ms;
    const slower = scan.ms / bare.ms;
    check('findTokens vs baseline', faster >= 8, `${fmt(faster)}x faster (target ≥ 8x)`);
    check('findTokens vs floor', slower <= 5, `${fmt(slower)}x slower (target ≤ 5x)`);

    const key = (m) => `${m.start}:${m.end}:${m.token}:${m.kind}`;
    const found = new Set(scan.result.map(key));
    const expected = new Set(planted.map(key));
    const misses = planted.filter((p) => !found.has(key(p)));
    const extra = scan.result.filter((m) => !expected.has(key(m)));
    check('misses', misses.length === 0, `${misses.length} of ${planted.length}${misses.length ? ` e.g. ${misses[0].token.slice(0, 40)}…` : ''}`);
    check('false positives', extra.length === 0, `${extra.length}${extra.length ? ` e.g. ${extra[0].token.slice(0, 40)}…` : ''}`);
  },

  function tokenAtSpeed(ctx) {
    const { text, token, blob } = ctx.line;
    const CALLS = 200;
    const probes = [
      ['token, middle', Math.floor((token.start + token.end) / 2), true],
      ['token, start', token.start, true],
      ['token, end (cursor after it)', token.end, true],
      ['prose and decoys', Math.floor(text.length / 4), false],
      ['inside a 512 KB base64 run', Math.floor((blob.start + blob.end) / 2), false],
    ];
    row('tokenAt line', `${fmt(text.length / 1024 / 1024)} MB`, 'one line');
    for (const [label, offset, hit] of probes) {
      const { ms, result } = measure(() => {
        let m;
        for (let i = 0; i < CALLS; i++) m = core.tokenAt(text, offset);
        return m;
      });
      const ok = hit ? result?.token === token.token && result.start === token.start : result === undefined;
      const us = (ms * 1000) / CALLS;
      check(`tokenAt: ${label}`, ok && us < 1000, `${fmt(us, 2)} µs${ok ? '' : ' (wrong result)'}`);
    }
  },

  function decodeSpeed(ctx) {
    if (typeof core.decodeToken !== 'function') {
      row('decodeToken', 'not available');
      return;
    }
    const tokens = ctx.log.planted.map((p) => p.token);
    const now = new Date('2024-06-01T00:00:00Z');
    const { ms } = measure(() => {
      for (const t of tokens) core.decodeToken(t, { now });
    });
    row('decodeToken', `${fmt((tokens.length / ms) * 1000, 0)} /s`, `${tokens.length} tokens in ${fmt(ms)} ms`);
  },

  function bundleSizes() {
    const dist = join(root, 'dist');
    const files = [];
    const walk = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.js')) files.push(path);
      }
    };
    try {
      walk(dist);
    } catch {
      row('bundles', 'dist/ not built');
      return;
    }
    for (const file of files.sort()) {
      const bytes = statSync(file).size;
      row(`bundle ${relative(root, file)}`, `${fmt(bytes / 1024)} KB`, `${bytes.toLocaleString('en-US')} bytes`);
    }
  },
];

const ctx = {};
const started = performance.now();
console.log(`core: ${relative(process.cwd(), corePath) || corePath}  node ${process.version}  median of ${RUNS} runs\n`);
for (const section of SECTIONS) {
  rows.push([`— ${section.name}`, '', '']);
  section(ctx);
}
const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i].length)));
for (const [label, value, note] of rows) {
  console.log(value || note ? `${label.padEnd(widths[0])}  ${value.padStart(widths[1])}  ${note}` : `\n${label}`);
}
console.log(`\ntotal ${fmt((performance.now() - started) / 1000)} s${failed ? '  — FAILED' : ''}`);
if (failed) process.exitCode = 1;
