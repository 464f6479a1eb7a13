/** The panel's Verify section: key, expected claims (iss, aud, clock tolerance), and the verdict. */
import * as l10n from '@vscode/l10n';
import { keyMisfit } from '../../src/core';
import type { PanelRequest, SavedKey, VerifyOutcome } from '../../src/protocol';
import { announce, h, icon, primaryButton, showErrorIn } from './dom';
import type { PanelIcon } from './icons';
import { keyPicker, type KeyPicker } from './keyPicker';

export interface VerifySection {
  element: HTMLElement;
  picker: KeyPicker;
  refresh(keys: SavedKey[], pinned?: string): void;
  showOutcome(outcome: VerifyOutcome): void;
  showError(message: string): void;
}

/** Each verdict's look and headline; a function so the headline is translated once the bundle is loaded. */
function verdictLook(verdict: VerifyOutcome['verdict']): { icon: PanelIcon; tone: string; title: string } {
  switch (verdict) {
    case 'valid':
      return { icon: 'pass-filled', tone: 'ok', title: l10n.t('Signature valid') };
    case 'invalid':
      return { icon: 'error', tone: 'bad', title: l10n.t('Signature invalid') };
    case 'cannot-verify':
      return { icon: 'warning', tone: 'warn', title: l10n.t('Cannot verify') };
  }
}

function verdictDetail(outcome: VerifyOutcome): string {
  return outcome.verdict === 'valid'
    ? l10n.t('{0}, verified with {1}', outcome.alg, outcome.keyLabel)
    : (outcome.error ?? '');
}

/**
 * The verdict as a prominent banner; shared with the top of the panel. Not a live region itself: the
 * Verify section announces the verdict once (two banners would say it twice).
 */
export function verdictBanner(outcome: VerifyOutcome): HTMLElement {
  const verdict = verdictLook(outcome.verdict);
  const detail = verdictDetail(outcome);
  return h(
    'div',
    { class: `verdict tone-${verdict.tone}`, 'data-verdict': outcome.verdict },
    icon(verdict.icon),
    h('strong', {}, verdict.title),
    h('span', {}, detail),
  );
}

export function verifySection(alg: string, post: (message: PanelRequest) => void): VerifySection {
  const picker = keyPicker('verify', post);
  // Each field is named by its visible <label> (in the fieldset below), so speech and sight agree.
  const iss = h('input', { id: 'expected-iss', type: 'text', placeholder: l10n.t('e.g. https://auth.example.com') });
  const aud = h('input', { id: 'expected-aud', type: 'text', placeholder: l10n.t('e.g. my-api') });
  const leeway = h('input', { id: 'expected-leeway', type: 'number', min: '0', step: '1', value: '0' });
  const result = h('div', { id: 'verify-result' });
  const button = primaryButton('verify-button', 'verified', l10n.t('Verify'));

  const showError = (message: string): void => showErrorIn(result, message);
  button.addEventListener('click', () => {
    const key = picker.choice();
    if (typeof key === 'string') return showError(key);
    const tolerance = Number(leeway.value);
    if (!Number.isFinite(tolerance) || tolerance < 0)
      return showError(l10n.t('The clock tolerance must be a number of seconds, 0 or more.'));
    post({
      type: 'verify',
      key,
      expected: {
        issuer: iss.value.trim() || undefined,
        audience: aud.value.trim() || undefined,
        clockTolerance: tolerance,
      },
    });
  });

  const element = h(
    'div',
    { class: 'verify' },
    h(
      'p',
      { class: 'muted' },
      icon('shield'),
      ' ',
      l10n.t('Decoding does not check the signature: choose a key to verify it.'),
    ),
    picker.element,
    h(
      'fieldset',
      {},
      h('legend', {}, l10n.t('Expected claims (optional)')),
      h('label', { for: 'expected-iss' }, l10n.t('Issuer (iss)')),
      iss,
      h('label', { for: 'expected-aud' }, l10n.t('Audience (aud)')),
      aud,
      h('label', { for: 'expected-leeway' }, l10n.t('Clock tolerance (seconds)')),
      leeway,
    ),
    h('div', { class: 'row' }, button),
    result,
  );
  return {
    element,
    picker,
    refresh: (keys, pinned) => picker.refresh(keys, (key) => !keyMisfit(key, alg, 'verify'), pinned),
    showOutcome(outcome) {
      const claims = outcome.claims.map((check) =>
        h(
          'li',
          { class: check.ok ? 'tone-ok' : 'tone-bad', 'data-claim': check.claim },
          icon(check.ok ? 'check' : 'close'),
          h('span', {}, check.message),
        ),
      );
      result.replaceChildren(
        verdictBanner(outcome),
        ...(claims.length ? [h('ul', { class: 'claim-checks' }, ...claims)] : []),
      );
      announce(
        `${verdictLook(outcome.verdict).title}: ${verdictDetail(outcome)}`,
        ...outcome.claims.filter((check) => !check.ok).map((check) => check.message),
      );
    },
    showError,
  };
}
