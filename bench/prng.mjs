// The one seeded PRNG of the benchmark and the tests (fuzz runs, generated corpora): plain JavaScript,
// so `node bench/run.mjs` loads it as it is and the TypeScript tests import it too (prng.d.mts).

/** mulberry32: tiny and seeded, so a corpus is the same on every machine and a fuzz failure replays from its seed. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
