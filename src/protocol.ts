/**
 * The one typed protocol between the extension host and the panel's browser code.
 * Both sides import it; every message is a member of one of these unions.
 */
import type { TokenInspection } from './core/inspect';

/** What the panel remembers across hide/show and window reloads (webview state). */
export interface PanelState {
  token: string;
}

export type HostToPanel =
  /** Show a token; `source` says where it came from ("selection", "clipboard", …). */
  { type: 'show'; inspection: TokenInspection; source: string };

export type PanelToHost =
  | { type: 'ready' }
  /** Copy text to the clipboard through the host (webview clipboard access varies by platform). */
  | { type: 'copy'; text: string; label: string };
