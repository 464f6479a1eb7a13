/**
 * Loads the display language's strings before any other panel module runs (panel.ts imports this
 * first): the host puts VS Code's l10n bundle in a meta tag (src/panel/html.ts).
 */
import * as l10n from '@vscode/l10n';

const bundle = document.querySelector('meta[name="jwt-l10n"]')?.getAttribute('content');
if (bundle) l10n.config({ contents: JSON.parse(bundle) as Record<string, string> });
