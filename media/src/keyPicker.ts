/**
 * A key chooser for the panel: a saved key (by name; the panel never sees material), key text
 * pasted into a masked box, or a key file picked by the host. Pasted text goes to the host only
 * when the user verifies, signs or saves it.
 */
import type { KeyChoice, KeyPurpose, PanelToHost, SavedKey } from '../../src/protocol';
import { h } from './dom';

export interface KeyPicker {
  element: HTMLElement;
  /** The chosen key, or a sentence saying what is missing. */
  choice(): KeyChoice | string;
  /** Shows the saved keys that `fits` accepts. */
  refresh(keys: SavedKey[], fits: (key: SavedKey) => boolean, pinned?: string): void;
  /** The host picked a file for this chooser. */
  setFile(path: string, label: string): void;
}

const PASTE = 'paste';
const LABELS: Record<KeyPurpose, { aria: string; placeholder: string; paste: string }> = {
  sign: { aria: 'Key to sign with', placeholder: 'A shared secret, a PKCS#8 PEM or a private JWK', paste: 'Type or paste a key…' },
  verify: { aria: 'Key to verify with', placeholder: 'A secret, PEM, certificate, JWK or JWKS', paste: 'Paste a secret or key…' },
  decrypt: { aria: 'Key to decrypt with', placeholder: 'A shared key (secret or oct JWK), or a private PKCS#8 PEM or JWK', paste: 'Paste a key…' },
};
const FILE = 'file';

export function keyPicker(purpose: KeyPurpose, post: (message: PanelToHost) => void): KeyPicker {
  const id = `${purpose}-key`;
  const select = h('select', { id, 'aria-label': LABELS[purpose].aria });
  const text = h('textarea', {
    class: 'key-text masked',
    rows: '4',
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-label': 'Key text',
    placeholder: LABELS[purpose].placeholder,
  });
  const save = h('button', { class: 'secondary', type: 'button', title: 'Save this key in VS Code’s secret storage under a name' }, 'Save as…');
  const pasted = h('div', { class: 'pasted', hidden: '' }, text, h('div', { class: 'row' }, h('span', { class: 'muted' }, 'Used for this check only, unless you save it.'), save));
  const fileLabel = h('span', { class: 'muted' });
  let file: string | undefined;

  const update = (): void => {
    pasted.hidden = select.value !== PASTE;
    fileLabel.textContent = select.value === FILE ? (file ? file.replace(/^.*[\\/]/, '') : 'no file chosen') : '';
  };
  select.addEventListener('change', () => {
    if (select.value === FILE) post({ type: 'chooseKeyFile', purpose });
    update();
  });
  save.addEventListener('click', () => {
    if (text.value) post({ type: 'saveKey', text: text.value });
  });

  return {
    element: h('div', { class: 'key-picker' }, h('label', { for: id }, 'Key'), h('div', { class: 'row' }, select, fileLabel), pasted),
    choice() {
      const value = select.value;
      if (value === PASTE) return text.value ? { kind: 'text', text: text.value } : 'Paste or type the key first.';
      if (value === FILE) return file ? { kind: 'file', path: file } : 'Choose a key file first.';
      if (value.startsWith('saved:')) return { kind: 'saved', name: value.slice('saved:'.length) };
      return 'Choose a key.';
    },
    refresh(keys, fits, pinned) {
      const previous = select.value;
      const saved = keys.filter(fits).map((key) =>
        h('option', { value: `saved:${key.name}` }, `${key.name} — ${key.description}${key.thumbprint ? ` · ${key.thumbprint.slice(0, 12)}…` : ''}${key.name === pinned ? ' · pinned' : ''}`),
      );
      select.replaceChildren(
        ...(saved.length ? [h('optgroup', { label: 'Saved keys' }, ...saved)] : []),
        h('option', { value: PASTE }, LABELS[purpose].paste),
        h('option', { value: FILE }, 'Key file…'),
      );
      const pinnedOption = pinned !== undefined && [...select.options].find((o) => o.value === `saved:${pinned}`);
      if ([...select.options].some((o) => o.value === previous)) select.value = previous;
      else if (pinnedOption) select.value = pinnedOption.value;
      update();
    },
    setFile(path, label) {
      file = path;
      select.value = FILE;
      update();
      fileLabel.textContent = label;
    },
  };
}
