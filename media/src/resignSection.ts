/** The panel's Edit & re-sign section: a payload editor checked as you type, algorithm, key, and the new token. */
import * as l10n from '@vscode/l10n';
import { keyMisfit, parsePayload, SIGNING_ALGORITHMS } from '../../src/core';
import type { PanelRequest, SavedKey, WriteBack } from '../../src/protocol';
import { announce, h, icon, primaryButton } from './dom';
import { keyPicker, type KeyPicker } from './keyPicker';

export interface ResignSection {
  element: HTMLElement;
  picker: KeyPicker;
  refresh(keys: SavedKey[], pinned?: string): void;
  showSigned(token: string, warnings: string[]): void;
  showMessage(message: string, tone: 'bad' | 'ok'): void;
}

export function resignSection(
  payload: string,
  alg: string,
  writeBack: WriteBack,
  post: (message: PanelRequest) => void,
): ResignSection {
  const picker = keyPicker('sign', post);
  const editor = h('textarea', {
    id: 'payload-editor',
    class: 'payload-editor',
    rows: String(Math.min(20, payload.split('\n').length + 1)),
    spellcheck: 'false',
    'aria-label': l10n.t('Payload JSON'),
  });
  editor.value = payload;
  // Said when the editor is focused (aria-describedby), not announced at each keystroke.
  const check = h('div', { id: 'payload-check', class: 'muted' });
  editor.setAttribute('aria-describedby', 'payload-check');
  const algSelect = h(
    'select',
    { id: 'sign-alg', 'aria-label': l10n.t('Algorithm') },
    ...SIGNING_ALGORITHMS.map((a) => h('option', { value: a }, a)),
  );
  algSelect.value = (SIGNING_ALGORITHMS as readonly string[]).includes(alg) ? alg : 'HS256';
  const signButton = primaryButton('sign-button', 'edit', l10n.t('Sign'));
  const output = h('div', { id: 'sign-result' });
  let keys: SavedKey[] = [];
  let pinned: string | undefined;

  const refresh = (): void => picker.refresh(keys, (key) => !keyMisfit(key, algSelect.value, 'sign'), pinned);
  const validate = (): boolean => {
    const parsed = parsePayload(editor.value);
    if (parsed.ok) check.replaceChildren(icon('check'), ' ', l10n.t('Valid JSON object'));
    else
      check.replaceChildren(
        icon('error'),
        ' ',
        l10n.t('Line {0}, column {1}: {2}', parsed.problem.line, parsed.problem.column, parsed.problem.reason),
      );
    check.className = parsed.ok ? 'tone-ok' : 'tone-bad';
    editor.setAttribute('aria-invalid', String(!parsed.ok));
    return parsed.ok;
  };
  const showMessage = (message: string, tone: 'bad' | 'ok'): void => {
    output.replaceChildren(
      h(
        'div',
        { class: tone === 'bad' ? 'error' : 'notice' },
        icon(tone === 'bad' ? 'error' : 'check'),
        h('span', {}, message),
      ),
    );
    announce(message);
  };

  editor.addEventListener('input', validate);
  algSelect.addEventListener('change', refresh);
  signButton.addEventListener('click', () => {
    if (!validate()) return showMessage(l10n.t('Fix the payload first: it must be a JSON object.'), 'bad');
    const key = picker.choice();
    if (typeof key === 'string') return showMessage(key, 'bad');
    post({ type: 'sign', payload: editor.value, alg: algSelect.value, key });
  });
  validate();

  const element = h(
    'div',
    { class: 'resign' },
    editor,
    check,
    h('div', { class: 'row' }, h('label', { for: 'sign-alg' }, l10n.t('Algorithm')), algSelect),
    picker.element,
    h('div', { class: 'row' }, signButton),
    output,
  );
  return {
    element,
    picker,
    refresh(newKeys, newPinned) {
      keys = newKeys;
      pinned = newPinned;
      refresh();
    },
    showSigned(token, warnings) {
      const copy = h(
        'button',
        { class: 'secondary', type: 'button', id: 'copy-new-token' },
        icon('copy'),
        ' ',
        l10n.t('Copy new token'),
      );
      copy.addEventListener('click', () => {
        post({ type: 'copy', text: token, label: l10n.t('the new token') });
        announce(l10n.t('Copied {0}', l10n.t('the new token')));
      });
      const write = h(
        'button',
        {
          class: 'secondary',
          type: 'button',
          id: 'write-back',
          title: writeBack.enabled ? l10n.t('Replace the original token in {0}', writeBack.where) : writeBack.reason,
        },
        icon('replace'),
        ' ',
        l10n.t('Write back'),
      );
      if (writeBack.enabled) write.addEventListener('click', () => post({ type: 'writeBack', newToken: token }));
      else write.disabled = true;
      announce(l10n.t('Signed: the new token is below.'), ...warnings);
      output.replaceChildren(
        h('code', { class: 'token', id: 'new-token' }, token),
        ...warnings.map((w) => h('div', { class: 'warning-line' }, icon('warning'), h('span', {}, w))),
        h('div', { class: 'row' }, copy, write, !writeBack.enabled && h('span', { class: 'muted' }, writeBack.reason)),
      );
    },
    showMessage,
  };
}
