/**
 * jose, loaded on first use. The extension's bundle is evaluated at VS Code start-up, and hover,
 * inline hints and Problems start without jose. esbuild keeps a dynamic import lazy (its module
 * initialized only when called) only while no module the entry reaches imports a value from jose
 * statically: the core takes jose's values from here and imports only its types directly.
 */
export type Jose = typeof import('./joseApi');

export const loadJose = (): Promise<Jose> => import('./joseApi');
