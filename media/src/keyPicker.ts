/**
 * A key chooser for the panel: a saved key (by name; the panel never sees material), key text
 * pasted into a masked box, or a key file picked by the host. Pasted text goes to the host only
 * when the user verifies, signs or saves it.
 */
import * as l10n from '@vscode/l10n';
import { classifyKeyText, type KeyType } from '../../src/core';
import type { KeyChoice, KeyPurpose, PanelRequest, SavedKey } from '../../src/protocol';
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
/** The chooser's purpose-specific texts; a function so they are translated once the bundle is loaded. */
function labels(purpose: KeyPurpose): { aria: string; placeholder: string; paste: string } {
  switch (purpose) {
    case 'sign':
      return {
        aria: l10n.t('Key to sign with'),
        placeholder: l10n.t('A shared secret, a PKCS#8 PEM or a private JWK'),
        paste: l10n.t('Type or paste a key…'),
      };
    case 'verify':
      return {
        aria: l10n.t('Key to verify with'),
        placeholder: l10n.t('A secret, PEM, certificate, JWK or JWKS'),
        paste: l10n.t('Paste a secret or key…'),
      };
    case 'decrypt':
      return {
        aria: l10n.t('Key to decrypt with'),
        placeholder: l10n.t('A shared key (secret or oct JWK), or a private PKCS#8 PEM or JWK'),
        paste: l10n.t('Paste a key…'),
      };
  }
}
const FILE = 'file';

/** Keys that change a closed <select>'s value as they are pressed (Chromium fires 'change' at once). */
const BROWSING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

export function keyPicker(purpose: KeyPurpose, post: (message: PanelRequest) => void): KeyPicker {
  const id = `${purpose}-key`;
  const texts = labels(purpose);
  const select = h('select', { id, 'aria-label': texts.aria });
  const text = h('textarea', {
    class: 'key-text masked',
    rows: '4',
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-label': l10n.t('Key text'),
    placeholder: texts.placeholder,
  });
  const save = h(
    'button',
    { class: 'secondary', type: 'button', title: l10n.t('Save this key in VS Code’s secret storage under a name') },
    l10n.t('Save as…'),
  );
  // Shown only when the text holds a key inside other text, which might be a shared secret after all:
  // the user says which (a key is never used as an HMAC secret unless the user says it is one).
  const kindId = `${purpose}-key-kind`;
  const kind = h('select', { id: kindId });
  const kindRow = h(
    'div',
    { class: 'row', hidden: '' },
    h('label', { for: kindId }, l10n.t('The pasted text is')),
    kind,
  );
  text.addEventListener('input', () => {
    const found = text.value ? classifyKeyText(text.value) : undefined;
    const ambiguous = found?.keyMaterial && !found.certain;
    kindRow.hidden = !ambiguous;
    if (ambiguous)
      kind.replaceChildren(
        h('option', { value: 'public' }, l10n.t('a public key: {0}', found.description)),
        h('option', { value: 'secret' }, l10n.t('a shared secret, the whole text as typed')),
      );
  });
  const pasted = h(
    'div',
    { class: 'pasted', hidden: '' },
    text,
    kindRow,
    h(
      'div',
      { class: 'row' },
      h('span', { class: 'muted' }, l10n.t('Used for this check only, unless you save it.')),
      save,
    ),
  );
  const fileLabel = h('span', { class: 'muted' });
  const fileButton = h(
    'button',
    { class: 'secondary choose-file', type: 'button', hidden: '' },
    l10n.t('Choose file…'),
  );
  let file: string | undefined;
  // Arrowing through the options must not open a file dialog on the way past "Key file…": a choice made
  // with the keyboard opens it from the button beside the list; a click on the option opens it at once.
  let browsing = false;

  const update = (): void => {
    pasted.hidden = select.value !== PASTE;
    fileButton.hidden = select.value !== FILE;
    fileLabel.textContent =
      select.value === FILE ? (file ? file.replace(/^.*[\\/]/, '') : l10n.t('no file chosen')) : '';
  };
  const chooseFile = (): void => post({ type: 'chooseKeyFile', purpose });
  select.addEventListener('keydown', (event) => (browsing = BROWSING_KEYS.has(event.key)));
  select.addEventListener('pointerdown', () => (browsing = false));
  select.addEventListener('change', () => {
    if (select.value === FILE && !browsing) chooseFile();
    update();
  });
  fileButton.addEventListener('click', chooseFile);
  save.addEventListener('click', () => {
    if (text.value) post({ type: 'saveKey', text: text.value });
  });

  return {
    element: h(
      'div',
      { class: 'key-picker' },
      h('label', { for: id }, l10n.t('Key')),
      h('div', { class: 'row' }, select, fileButton, fileLabel),
      pasted,
    ),
    choice() {
      const value = select.value;
      if (value === PASTE) {
        if (!text.value) return l10n.t('Paste or type the key first.');
        return kindRow.hidden
          ? { kind: 'text', text: text.value }
          : { kind: 'text', text: text.value, keyType: kind.value as KeyType };
      }
      if (value === FILE) return file ? { kind: 'file', path: file } : l10n.t('Choose a key file first.');
      if (value.startsWith('saved:')) return { kind: 'saved', name: value.slice('saved:'.length) };
      return l10n.t('Choose a key.');
    },
    refresh(keys, fits, pinned) {
      const previous = select.value;
      const saved = keys
        .filter(fits)
        .map((key) =>
          h(
            'option',
            { value: `saved:${key.name}` },
            `${key.name} — ${key.description}${key.thumbprint ? ` · ${key.thumbprint.slice(0, 12)}…` : ''}${key.name === pinned ? ` · ${l10n.t('pinned')}` : ''}`,
          ),
        );
      select.replaceChildren(
        ...(saved.length ? [h('optgroup', { label: l10n.t('Saved keys') }, ...saved)] : []),
        h('option', { value: PASTE }, texts.paste),
        h('option', { value: FILE }, l10n.t('Key file…')),
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
