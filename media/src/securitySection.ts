/**
 * The panel's Security section: the host's offline security review of the shown token (core
 * auditToken), each finding with its severity as an icon and a word, the part of the token it is
 * about and its sentence; then the checks the token passed, folded away. Findings quote the token
 * (a kid, a claim's name): all of it is text, built with h().
 */
import * as l10n from '@vscode/l10n';
import { segmentLabel, type Finding } from '../../src/core';
import type { HostToPanel } from '../../src/protocol';
import { h, icon } from './dom';
import type { PanelIcon } from './icons';

type Audit = Extract<HostToPanel, { type: 'audit' }>;

const SEVERITY: Record<Finding['severity'], { icon: PanelIcon; word: () => string }> = {
  error: { icon: 'error', word: () => l10n.t('Error') },
  warning: { icon: 'warning', word: () => l10n.t('Warning') },
  info: { icon: 'info', word: () => l10n.t('Note') },
};

/** The section's body before the host's review arrives. */
export function securityPending(): HTMLElement {
  return h('p', { class: 'muted', 'aria-live': 'polite' }, l10n.t('Reviewing the token…'));
}

/** The section's body for a review: the findings, then the passed checks. */
export function securityBody({ findings, passed }: Audit): HTMLElement {
  const summary =
    findings.length === 0
      ? h('p', { class: 'audit-summary' }, icon('pass'), ' ', l10n.t('No findings: the token passed every check.'))
      : h(
          'p',
          { class: 'audit-summary' },
          findings.length === 1 ? l10n.t('1 finding') : l10n.t('{0} findings', findings.length),
        );
  const list =
    findings.length > 0 &&
    h(
      'ul',
      { class: 'findings', 'aria-label': l10n.t('Findings') },
      ...findings.map((finding) => {
        const severity = SEVERITY[finding.severity] ?? SEVERITY.info;
        return h(
          'li',
          { class: `finding severity-${finding.severity}`, 'data-finding': finding.id },
          h('span', { class: 'finding-severity' }, icon(severity.icon), ' ', severity.word()),
          h(
            'div',
            { class: 'finding-body' },
            h(
              'div',
              { class: 'finding-meta' },
              h('code', { class: 'finding-id' }, finding.id),
              finding.part && h('span', { class: `finding-part part-${finding.part}` }, segmentLabel(finding.part)),
            ),
            h('p', { class: 'finding-message' }, finding.message),
          ),
        );
      }),
    );
  const checks =
    passed.length > 0 &&
    h(
      'details',
      { class: 'passed' },
      h('summary', {}, l10n.t('Passed checks ({0})', passed.length)),
      h(
        'ul',
        { class: 'passed-list' },
        ...passed.map((check) => h('li', { 'data-check': check.id }, icon('check'), ' ', h('span', {}, check.title))),
      ),
    );
  return h('div', { class: 'security' }, summary, list, checks);
}
