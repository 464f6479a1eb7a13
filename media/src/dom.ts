/**
 * The panel builds its DOM with these helpers only: strings always become text nodes, so a
 * token's claims (attacker-controlled) can never turn into markup.
 */
import type { PanelIcon } from './icons';

export type Child = Node | string | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) {
    if (child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/** A codicon, decorative. */
export function icon(name: PanelIcon): HTMLElement {
  return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

/** A panel action's button: its codicon, then its label. */
export function primaryButton(id: string, name: PanelIcon, label: string): HTMLButtonElement {
  return h('button', { class: 'primary', type: 'button', id }, icon(name), ' ', label);
}

/** What went wrong, as text beside an error icon. */
export function errorLine(message: string, attrs: Record<string, string> = {}): HTMLElement {
  return h('div', { class: 'error', ...attrs }, icon('error'), h('span', {}, message));
}

/** Shows `message` as the only content of `place` and says it to screen readers. */
export function showErrorIn(place: HTMLElement, message: string): void {
  place.replaceChildren(errorLine(message));
  announce(message);
}

/**
 * Says `sentences` once to screen readers, through the page's one polite live region (#announcer,
 * in the panel's HTML): for what arrives later (a verdict, a decrypted token, an error), while the
 * panel's own content is read where it is and never chatters (the ticking times are not live).
 */
export function announce(...sentences: string[]): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A moment later, so the same sentence twice in a row is said twice.
  setTimeout(() => (region.textContent = sentences.filter(Boolean).join(' ')), 50);
}
