import type { PanelDeps } from '../panel/panelDeps';
import { TokenPanel } from '../panel/tokenPanel';
import { askForToken, findTokenInContext } from './tokenSource';

/** "JWT: Decode": the token from the argument, selection, cursor or clipboard, else asks for one. */
export async function decodeCommand(deps: PanelDeps, arg?: unknown): Promise<void> {
  const picked = (await findTokenInContext(arg)) ?? (await askForToken());
  if (!picked) return;
  TokenPanel.show(deps, picked);
}
