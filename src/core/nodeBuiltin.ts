/**
 * One of Node's built-in modules, found at run time, or undefined where the code does not run in Node
 * (the web worker, the webview) or in a Node without `process.getBuiltinModule` (before 20.16). The
 * bundles are also the browser's, so they never import a Node module; where Node is there, a few hot
 * paths (the word-list search) use it.
 * @example nodeBuiltin<typeof import('node:os')>('node:os')?.availableParallelism()
 */
export function nodeBuiltin<T>(id: `node:${string}`): T | undefined {
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return host?.getBuiltinModule?.(id) as T | undefined;
}
