// The desktop's start-up file (package.json "main"): just activation.ts and the core's scanner. The
// features come from dist/web.js, the complete extension the web worker host runs as it is, loaded
// the first time there is work for them.
import type * as vscode from 'vscode';
import { activateWith } from './activation';
import type { JwtToolkitTestApi } from './contributions';

export function activate(context: vscode.ExtensionContext): JwtToolkitTestApi | undefined {
  // A file of its own (esbuild.mjs leaves it external), so start-up does not even parse it.
  return activateWith(context, () => (require('./web.js') as typeof import('./web')).loadFeatures());
}
