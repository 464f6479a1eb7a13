/**
 * The panel's Disclosures section, for an SD-JWT (RFC 9901), filled in when the host's reading of
 * it arrives ('disclosures', core decodeSdJwt): which claims the disclosures reveal (and whether the
 * issuer signed each one's digest), which stay hidden as digests, the claims with the disclosures in
 * place, and the key-binding JWT. Claim names, values, aud and nonce come from the token: all of it is
 * text, built with h().
 */
import * as l10n from '@vscode/l10n';
import { utcText, type KeyBindingCheck, type SdJwtDecoded } from '../../src/core';
import type { HostToPanel } from '../../src/protocol';
import { errorLine, h, icon, type Child } from './dom';

type Disclosures = Extract<HostToPanel, { type: 'disclosures' }>;

/** The section, waiting for the host's reading of the SD-JWT. */
export function disclosuresSection(): HTMLElement {
  return h(
    'section',
    { id: 'disclosures', 'aria-labelledby': 'disclosures-heading' },
    h('div', { class: 'section-title' }, h('h2', { id: 'disclosures-heading' }, l10n.t('Disclosures'))),
    h(
      'div',
      { id: 'disclosures-body' },
      h('p', { class: 'muted', 'aria-live': 'polite' }, l10n.t('Resolving the disclosures…')),
    ),
  );
}

/** The section's body for the host's reading: `copy` makes the Copy button for the claims. */
export function disclosuresBody(
  { sdJwt, error }: Disclosures,
  copy: (what: string, label: string) => Child,
): HTMLElement {
  if (!sdJwt) return errorLine(error ?? '', { role: 'alert' });
  const applied = sdJwt.disclosures.filter((d) => d.matched).length;
  const rejected = sdJwt.disclosures.length - applied;
  const summary = [
    l10n.t('{0} of {1} disclosures applied', applied, sdJwt.disclosures.length),
    l10n.t('{0} hidden (digests only)', sdJwt.undisclosed.length),
    l10n.t('hash {0}', sdJwt.hashAlg),
  ].join(' · ');
  return h(
    'div',
    { class: 'disclosures' },
    h(
      'p',
      { class: `audit-summary${rejected > 0 ? ' tone-bad' : ''}` },
      icon(rejected > 0 ? 'error' : 'eye'),
      ' ',
      summary,
    ),
    sdJwt.warnings.length > 0 &&
      h('ul', { class: 'warnings' }, ...sdJwt.warnings.map((w) => h('li', {}, icon('warning'), h('span', {}, w)))),
    h('h3', {}, l10n.t('Disclosed')),
    disclosedTable(sdJwt),
    h('h3', {}, l10n.t('Hidden')),
    hiddenTable(sdJwt),
    h(
      'div',
      { class: 'section-title' },
      h('h3', {}, l10n.t('Claims with the disclosures applied')),
      copy('claims', l10n.t('the claims JSON')),
    ),
    h('pre', { class: 'json', id: 'disclosed-claims' }, JSON.stringify(sdJwt.claims, null, 2)),
    sdJwt.keyBinding && keyBindingPart(sdJwt.keyBinding),
  );
}

function disclosedTable({ disclosures }: SdJwtDecoded): HTMLElement {
  if (disclosures.length === 0) return h('p', { class: 'muted' }, l10n.t('The SD-JWT carries no disclosures.'));
  const rows = disclosures.map((d, i) =>
    h(
      'tr',
      { 'data-disclosure': String(i + 1), class: d.matched ? '' : 'tone-bad' },
      h('th', { scope: 'row' }, h('code', {}, d.path ?? d.name ?? l10n.t('(array element)'))),
      h('td', { class: 'value' }, d.value === undefined ? '' : valueText(d.value)),
      h('td', { class: 'digest' }, h('code', {}, d.digest)),
      h(
        'td',
        {},
        icon(d.matched ? 'check' : 'error'),
        ' ',
        d.matched ? l10n.t('applied') : l10n.t('not applied: {0}', d.problem ?? ''),
      ),
    ),
  );
  return h(
    'table',
    { class: 'sd-table disclosed', 'aria-label': l10n.t('Disclosed claims') },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, l10n.t('Claim')),
        h('th', { scope: 'col' }, l10n.t('Value')),
        h('th', { scope: 'col' }, l10n.t('Digest')),
        h('th', { scope: 'col' }, l10n.t('Status')),
      ),
    ),
    h('tbody', {}, ...rows),
  );
}

function hiddenTable({ undisclosed }: SdJwtDecoded): HTMLElement {
  if (undisclosed.length === 0) return h('p', { class: 'muted' }, l10n.t('Nothing stays hidden.'));
  const rows = undisclosed.map(({ path, digest, kind }) =>
    h(
      'tr',
      {},
      h(
        'th',
        { scope: 'row' },
        kind === 'element'
          ? h('code', {}, path)
          : path
            ? l10n.t('a claim in {0}', path)
            : l10n.t('a claim at the top level'),
      ),
      h('td', { class: 'digest' }, h('code', {}, digest)),
    ),
  );
  return h(
    'table',
    { class: 'sd-table hidden-digests', 'aria-label': l10n.t('Hidden claims') },
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, l10n.t('Where')), h('th', { scope: 'col' }, l10n.t('Digest'))),
    ),
    h('tbody', {}, ...rows),
  );
}

function keyBindingPart(kb: NonNullable<SdJwtDecoded['keyBinding']>): HTMLElement {
  const claims = kb.payload && typeof kb.payload === 'object' ? kb.payload : {};
  const row = (name: string, value: Child): HTMLElement =>
    h('tr', {}, h('th', { scope: 'row' }, h('code', {}, name)), h('td', { class: 'value' }, value));
  const iat = kb.times.iat;
  return h(
    'div',
    { class: 'key-binding' },
    h('h3', {}, l10n.t('Key-binding JWT')),
    h(
      'table',
      { class: 'claims', 'aria-label': l10n.t('Key-binding JWT') },
      h(
        'tbody',
        {},
        row('typ', valueText(kb.header.typ ?? '')),
        row('alg', valueText(kb.header.alg ?? '')),
        row('aud', valueText(claims.aud ?? '')),
        row('nonce', valueText(claims.nonce ?? '')),
        row('iat', iat ? `${utcText(iat.date)} (${iat.relative})` : valueText(claims.iat ?? '')),
        row(
          'sd_hash',
          h(
            'span',
            {
              class: kb.sdHashMatches ? 'tone-ok' : 'tone-bad',
              'data-sd-hash': kb.sdHashMatches ? 'match' : 'mismatch',
            },
            icon(kb.sdHashMatches ? 'check' : 'error'),
            ' ',
            kb.sdHashMatches
              ? l10n.t('matches the SD-JWT it came with')
              : l10n.t('does not match the SD-JWT it came with (expected {0})', kb.sdHash ?? '?'),
          ),
        ),
      ),
    ),
    h(
      'div',
      { id: 'key-binding-verdict' },
      h(
        'p',
        { class: 'muted' },
        icon('shield'),
        ' ',
        l10n.t("Verify the signature to check the key-binding JWT's signature with the holder key (cnf)."),
      ),
    ),
  );
}

/** The key-binding JWT's verdict, once the issuer's signature was verified (VerifyOutcome.keyBinding). */
export function keyBindingVerdict(check: KeyBindingCheck): HTMLElement {
  return h(
    'div',
    { class: `verdict tone-${check.valid ? 'ok' : 'bad'}`, role: 'status', 'data-key-binding': String(check.valid) },
    icon(check.valid ? 'pass-filled' : 'error'),
    h('strong', {}, check.valid ? l10n.t('Key binding valid') : l10n.t('Key binding invalid')),
    h('span', {}, check.valid ? l10n.t('{0}, signed with the holder key (cnf)', check.alg) : (check.error ?? '')),
  );
}

function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
