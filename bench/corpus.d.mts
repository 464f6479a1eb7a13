// Types for corpus.mjs, which bench/run.mjs loads as plain JavaScript and bench/inHost.ts imports.
export interface Planted {
  start: number;
  end: number;
  token: string;
  kind: string;
}
export function makeLog(
  size?: number,
  seed?: number,
  options?: { tokenEvery?: number; lines?: number },
): { text: string; planted: Planted[]; cookies: { start: number; end: number; cookie: string }[] };
export function makeDenseLog(count?: number, seed?: number): string;
