/**
 * The panel's browser side: renders what the host sends (see src/protocol.ts) and keeps the
 * relative times ticking. All token content goes through dom.ts as text.
 */
import { decodeToken } from '../../src/core/decode';
import { CLAIM_DESCRIPTIONS, describeClaim } from '../../src/core/claims';
import { statusLabel, utcText } from '../../src/core/status';
import type { DecodedToken, TimeClaim } from '../../src/core/types';
import type { TokenInspection } from '../../src/core/inspect';
import type { HostToPanel, PanelState, PanelToHost, SavedKey } from '../../src/protocol';
import { h, icon, type Child } from './dom';
import { resignSection, type ResignSection } from './resignSection';
import { verdictBanner, verifySection, type VerifySection } from './verifySection';

interface VsCodeApi {
  postMessage(message: PanelToHost): void;
  getState(): PanelState | undefined;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
let current: TokenInspection | undefined;
let verify: VerifySection | undefined;
let resign: ResignSection | undefined;
const post = (message: PanelToHost): void => vscode.postMessage(message);

window.addEventListener('message', (event: MessageEvent<HostToPanel>) => {
  const message = event.data;
  switch (message.type) {
    case 'show': {
      current = message.inspection;
      vscode.setState({ token: current.token });
      const decoded = current.decoded;
      const alg = stringOf(decoded?.header.alg);
      verify = decoded?.kind === 'jws' ? verifySection(alg, post) : undefined;
      resign = decoded && typeof decoded.payload === 'object' ? resignSection(JSON.stringify(decoded.payload, null, 2), decoded.kind === 'jws' ? alg : message.lastAlg ?? 'HS256', message.writeBack, post) : undefined;
      render(message.inspection, message.source);
      updateKeys(message);
      return;
    }
    case 'keys':
      return updateKeys(message);
    case 'verified':
      verify?.showOutcome(message.outcome);
      document.getElementById('verdict')?.replaceChildren(verdictBanner(message.outcome));
      return;
    case 'signed':
      return resign?.showSigned(message.token, message.warnings);
    case 'keyFile':
      return (message.purpose === 'sign' ? resign : verify)?.picker.setFile(message.path, message.label);
    case 'failed':
      if (message.action === 'verify') verify?.showError(message.message);
      else if (message.action === 'saveKey') showNotice(message.message, 'bad');
      else resign?.showMessage(message.message, 'bad');
      return;
    case 'notice':
      return showNotice(message.message, 'ok');
  }
});

function updateKeys({ keys, pinned }: { keys: SavedKey[]; pinned?: string }): void {
  verify?.refresh(keys, pinned);
  resign?.refresh(keys, pinned);
}

function showNotice(message: string, tone: 'ok' | 'bad'): void {
  document.getElementById('notice')?.replaceChildren(h('div', { class: tone === 'ok' ? 'notice' : 'error', role: 'status' }, icon(tone === 'ok' ? 'check' : 'error'), h('span', {}, message)));
}

// Times are relative to now: refresh them (and the status, which can flip to expired) every second.
setInterval(() => {
  if (!current?.decoded) return;
  try {
    const fresh = decodeToken(current.token);
    updateLive(fresh);
  } catch {
    // The token decoded a moment ago; nothing to refresh if it no longer does.
  }
}, 1000);

app.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button[data-copy]');
  if (!button || !current) return;
  const what = button.dataset.copy!;
  post({ type: 'copy', text: copyText(current, what), label: button.dataset.label ?? what });
});

post({ type: 'ready' });

function render(inspection: TokenInspection, source: string): void {
  const { decoded } = inspection;
  const header = decoded?.header ?? inspection.header;
  const children: Child[] = [
    renderStatus(inspection, source),
    h('div', { id: 'verdict' }),
    h('div', { id: 'notice' }),
    section('Token', renderParts(inspection), copyButton('token', 'the token')),
    inspection.error && h('div', { class: 'error', role: 'alert' }, icon('error'), h('span', {}, inspection.error.message)),
    decoded && decoded.warnings.length > 0 && h('ul', { class: 'warnings' }, ...decoded.warnings.map((w) => h('li', {}, icon('warning'), h('span', {}, w)))),
    decoded && renderTimes(decoded.times),
    decoded && typeof decoded.payload === 'object' && section('Claims', claimsTable(decoded.payload, 'payload')),
    decoded && typeof decoded.payload === 'string' && section('Payload (not JSON)', h('pre', { class: 'json' }, decoded.payload)),
    decoded?.kind === 'jwe' && section('Payload', h('p', { class: 'muted' }, 'Encrypted: the claims can only be read with the decryption key.')),
    header && section('Header', claimsTable(header, 'header')),
    verify && section('Verify signature', verify.element),
    header && section('Header JSON', h('pre', { class: 'json' }, JSON.stringify(header, null, 2)), copyButton('header', 'the header JSON')),
    decoded?.payload !== undefined && section('Payload JSON', h('pre', { class: 'json' }, payloadText(decoded)), copyButton('payload', 'the payload JSON')),
    resign && section('Edit & re-sign', resign.element),
  ];
  app.replaceChildren(...children.filter((c): c is Node => typeof c === 'object'));
}

function renderStatus(inspection: TokenInspection, source: string): HTMLElement {
  const { decoded } = inspection;
  const label = decoded ? statusLabel(decoded) : { icon: 'error', text: 'Cannot decode', tone: 'bad' };
  const header = decoded?.header ?? inspection.header ?? {};
  const facts = [decoded?.kind.toUpperCase(), stringOf(header.alg), header.enc !== undefined && `enc ${stringOf(header.enc)}`, header.kid !== undefined && `kid ${stringOf(header.kid)}`]
    .filter((f): f is string => typeof f === 'string' && f.length > 0);
  return h(
    'header',
    { class: 'status-bar' },
    h('div', { class: `status tone-${label.tone}`, id: 'status' }, icon(label.icon), h('span', { class: 'status-text' }, label.text)),
    h('div', { class: 'facts' }, ...facts.map((f) => h('span', { class: 'fact' }, f)), h('span', { class: 'muted' }, `from ${source}`)),
  );
}

/** The token with each segment in its own colour, as jwt.io readers expect. */
function renderParts(inspection: TokenInspection): HTMLElement {
  const children: Child[] = [];
  inspection.parts.forEach((part, i) => {
    if (i > 0) children.push(h('span', { class: 'dot' }, '.'));
    children.push(h('span', { class: `part part-${part.name}`, title: part.name }, part.text));
  });
  const legend = h('div', { class: 'legend' }, ...inspection.parts.filter((p) => p.text).map((p) => h('span', { class: `part-${p.name}` }, p.name)));
  return h('div', {}, h('code', { class: 'token' }, ...children), legend);
}

function renderTimes(times: DecodedToken['times']): HTMLElement | undefined {
  const names = (['exp', 'nbf', 'iat'] as const).filter((n) => times[n]);
  if (names.length === 0) return undefined;
  const rows = names.map((name) => {
    const time = times[name]!;
    return h('tr', {}, h('th', {}, h('code', {}, name), ' ', CLAIM_DESCRIPTIONS[name]!.name), h('td', {}, localText(time)), h('td', {}, utcText(time.date)), h('td', { class: 'relative', 'data-time': name }, time.relative));
  });
  return section('Times', h('table', { class: 'times' }, h('thead', {}, h('tr', {}, h('th', {}, 'Claim'), h('th', {}, 'Local time'), h('th', {}, 'UTC'), h('th', {}, 'Relative'))), h('tbody', {}, ...rows)));
}

function claimsTable(values: Record<string, unknown>, where: 'payload' | 'header'): HTMLElement {
  const rows = Object.entries(values).map(([name, value]) =>
    h('tr', {}, h('th', {}, h('code', {}, name)), h('td', { class: 'value' }, valueText(value)), h('td', { class: 'muted' }, describeClaim(name, where) ?? '')),
  );
  return h('table', { class: 'claims' }, h('tbody', {}, ...rows));
}

function updateLive(decoded: DecodedToken): void {
  const label = statusLabel(decoded);
  const status = document.getElementById('status');
  if (status) status.replaceWith(h('div', { class: `status tone-${label.tone}`, id: 'status' }, icon(label.icon), h('span', { class: 'status-text' }, label.text)));
  for (const cell of document.querySelectorAll<HTMLElement>('td[data-time]')) {
    const time = decoded.times[cell.dataset.time as keyof DecodedToken['times']];
    if (time && cell.textContent !== time.relative) cell.textContent = time.relative;
  }
}

function section(title: string, body: Child, action?: Child): HTMLElement {
  return h('section', {}, h('div', { class: 'section-title' }, h('h2', {}, title), action), body);
}

function copyButton(what: string, label: string): HTMLElement {
  return h('button', { class: 'copy', 'data-copy': what, 'data-label': label, title: `Copy ${label}` }, icon('copy'), ' Copy');
}

function copyText(inspection: TokenInspection, what: string): string {
  const header = inspection.decoded?.header ?? inspection.header;
  if (what === 'header') return JSON.stringify(header, null, 2);
  if (what === 'payload' && inspection.decoded) return payloadText(inspection.decoded);
  return inspection.token;
}

function payloadText(decoded: DecodedToken): string {
  return typeof decoded.payload === 'string' ? decoded.payload : JSON.stringify(decoded.payload, null, 2);
}

function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? '';
}

function localText(time: TimeClaim): string {
  const date = new Date(time.seconds * 1000);
  return Number.isNaN(date.getTime()) ? '—' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'long' });
}
