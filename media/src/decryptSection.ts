/** The panel's Decrypt section for a JWE: a key, the Decrypt button, and room for the decrypted layer. */
import * as l10n from '@vscode/l10n';
import { keyCanDecrypt } from '../../src/core';
import type { PanelRequest, SavedKey } from '../../src/protocol';
import { h, icon, primaryButton, showErrorIn } from './dom';
import { keyPicker, type KeyPicker } from './keyPicker';

export interface DecryptSection {
  element: HTMLElement;
  picker: KeyPicker;
  /** Where the decrypted claims (and any inner token) go. */
  result: HTMLElement;
  refresh(keys: SavedKey[], pinned?: string): void;
  showError(message: string): void;
}

export function decryptSection(alg: string, enc: string, post: (message: PanelRequest) => void): DecryptSection {
  const picker = keyPicker('decrypt', post);
  const result = h('div', { id: 'decrypt-result' });
  const button = primaryButton('decrypt-button', 'unlock', l10n.t('Decrypt'));
  const showError = (message: string): void => showErrorIn(result, message);
  button.addEventListener('click', () => {
    const key = picker.choice();
    if (typeof key === 'string') return showError(key);
    post({ type: 'decrypt', key });
  });
  const element = h(
    'div',
    { class: 'decrypt' },
    h(
      'p',
      { class: 'muted' },
      icon('lock'),
      ' ',
      l10n.t('Encrypted with {0} and {1}: choose the key to read the claims.', alg, enc),
    ),
    picker.element,
    h('div', { class: 'row' }, button),
    result,
  );
  return {
    element,
    picker,
    result,
    refresh: (keys, pinned) => picker.refresh(keys, (key) => keyCanDecrypt(key, alg, enc), pinned),
    showError,
  };
}
