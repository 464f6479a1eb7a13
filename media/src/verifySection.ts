/** The panel's Verify section: key, expected claims (iss, aud, clock tolerance), and the verdict. */
import { keyMisfit } from '../../src/core/keyFacts';
import type { PanelToHost, SavedKey, VerifyOutcome } from '../../src/protocol';
import { h, icon } from './dom';
import { keyPicker, type KeyPicker } from './keyPicker';

export interface VerifySection {
  element: HTMLElement;
  picker: KeyPicker;
  refresh(keys: SavedKey[], pinned?: string): void;
  showOutcome(outcome: VerifyOutcome): void;
  showError(message: string): void;
}

const VERDICTS = {
  valid: { icon: 'pass-filled', tone: 'ok', title: 'Signature valid' },
  invalid: { icon: 'error', tone: 'bad', title: 'Signature invalid' },
  'cannot-verify': { icon: 'warning', tone: 'warn', title: 'Cannot verify' },
} as const;

/** The verdict as a prominent banner; shared with the top of the panel. */
export function verdictBanner(outcome: VerifyOutcome): HTMLElement {
  const verdict = VERDICTS[outcome.verdict];
  const detail = outcome.verdict === 'valid' ? `${outcome.alg}, verified with ${outcome.keyLabel}` : outcome.error ?? '';
  return h('div', { class: `verdict tone-${verdict.tone}`, role: 'status', 'data-verdict': outcome.verdict }, icon(verdict.icon), h('strong', {}, verdict.title), h('span', {}, detail));
}

export function verifySection(alg: string, post: (message: PanelToHost) => void): VerifySection {
  const picker = keyPicker('verify', post);
  const field = (id: string, label: string, attrs: Record<string, string>): HTMLInputElement => h('input', { id, 'aria-label': label, ...attrs });
  const iss = field('expected-iss', 'Expected issuer', { type: 'text', placeholder: 'e.g. https://auth.example.com' });
  const aud = field('expected-aud', 'Expected audience', { type: 'text', placeholder: 'e.g. my-api' });
  const leeway = field('expected-leeway', 'Clock tolerance in seconds', { type: 'number', min: '0', step: '1', value: '0' });
  const result = h('div', { id: 'verify-result', 'aria-live': 'polite' });
  const button = h('button', { class: 'primary', type: 'button', id: 'verify-button' }, icon('verified'), ' Verify');

  const showError = (message: string): void => result.replaceChildren(h('div', { class: 'error', role: 'alert' }, icon('error'), h('span', {}, message)));
  button.addEventListener('click', () => {
    const key = picker.choice();
    if (typeof key === 'string') return showError(key);
    const tolerance = Number(leeway.value);
    if (!Number.isFinite(tolerance) || tolerance < 0) return showError('The clock tolerance must be a number of seconds, 0 or more.');
    post({ type: 'verify', key, expected: { issuer: iss.value.trim() || undefined, audience: aud.value.trim() || undefined, clockTolerance: tolerance } });
  });

  const element = h(
    'div',
    { class: 'verify' },
    h('p', { class: 'muted' }, icon('shield'), ' Decoding does not check the signature: choose a key to verify it.'),
    picker.element,
    h('fieldset', {}, h('legend', {}, 'Expected claims (optional)'),
      h('label', { for: 'expected-iss' }, 'Issuer (iss)'), iss,
      h('label', { for: 'expected-aud' }, 'Audience (aud)'), aud,
      h('label', { for: 'expected-leeway' }, 'Clock tolerance (seconds)'), leeway),
    h('div', { class: 'row' }, button),
    result,
  );
  return {
    element,
    picker,
    refresh: (keys, pinned) => picker.refresh(keys, (key) => !keyMisfit(key, alg, 'verify'), pinned),
    showOutcome(outcome) {
      const claims = outcome.claims.map((check) => h('li', { class: check.ok ? 'tone-ok' : 'tone-bad', 'data-claim': check.claim }, icon(check.ok ? 'check' : 'close'), h('span', {}, check.message)));
      result.replaceChildren(verdictBanner(outcome), ...(claims.length ? [h('ul', { class: 'claim-checks' }, ...claims)] : []));
    },
    showError,
  };
}
