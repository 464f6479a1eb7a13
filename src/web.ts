// The whole extension in one file: package.json "browser" (the web worker host of vscode.dev and
// github.dev cannot load a second file) and, on the desktop, where extension.ts loads the features from.
import type * as vscode from 'vscode';
import { activateWith, type LoadFeatures } from './activation';
import type { JwtToolkitTestApi } from './contributions';

export function activate(context: vscode.ExtensionContext): JwtToolkitTestApi | undefined {
  return activateWith(context, loadFeatures);
}

/** features.ts, evaluated on the first call (esbuild keeps an import()ed module uninitialized until then). */
export const loadFeatures: LoadFeatures = () => import('./features');
