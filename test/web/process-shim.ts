// `process` for the web bundle's npm `assert` (its `util` reads process.env at load and defers with
// nextTick); injected by build-tests.mjs into that bundle only, never into the extension.
export const process = {
  env: {} as Record<string, string | undefined>,
  nextTick: (fn: (...args: unknown[]) => void, ...args: unknown[]): void => queueMicrotask(() => fn(...args)),
};
