/**
 * The panel's browser side: renders what the host sends (see src/protocol.ts) and keeps the
 * relative times ticking. All token content goes through dom.ts as text.
 */
import './l10n';
import * as l10n from '@vscode/l10n';
import {
  CLAIM_DESCRIPTIONS,
  decodePlaintext,
  decodeToken,
  describeClaim,
  segmentLabel,
  statusLabel,
  utcText,
  type DecodedToken,
  type SdJwtDecoded,
  type SignatureVerdict,
  type StatusLabel,
  type TimeClaim,
  type TokenInspection,
} from '../../src/core';
import {
  aboutToken,
  type HostToPanel,
  type PanelRequest,
  type PanelState,
  type PanelToHost,
  type SavedKey,
  type TokenOrigin,
} from '../../src/protocol';
import { keepContrast } from './contrast';
import { decryptSection, type DecryptSection } from './decryptSection';
import { disclosuresBody, disclosuresSection, keyBindingVerdict } from './disclosuresSection';
import { announce, errorLine, h, icon, primaryButton, type Child } from './dom';
import { resignSection, type ResignSection } from './resignSection';
import { securityBody, securityPending } from './securitySection';
import { verdictBanner, verifySection, type VerifySection } from './verifySection';

interface VsCodeApi {
  postMessage(message: PanelToHost): void;
  getState(): PanelState | undefined;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
keepContrast();
let current: TokenInspection | undefined;
let verify: VerifySection | undefined;
let resign: ResignSection | undefined;
let decrypt: DecryptSection | undefined;
/** Every shown layer's element (marked data-layer) and how to decode it afresh, for the ticking times. */
let live: Array<{ root: HTMLElement; fresh: () => DecodedToken }> = [];
/** The last signature check of the shown token: the #status line says "verified" only after one. */
let signature: SignatureVerdict = 'unchecked';
/** The shown SD-JWT's disclosures, once the host has resolved them (for copying its claims). */
let disclosed: SdJwtDecoded | undefined;
/** A request about the token shown carries it, so the host can tell it from a request about an earlier one. */
const post = (request: PanelRequest): void => vscode.postMessage(aboutToken(request, current?.token ?? ''));

window.addEventListener('message', (event: MessageEvent<HostToPanel>) => {
  const message = event.data;
  // A reply about a token no longer shown (a slow verify, then another Decode) belongs to that token.
  if ('about' in message && message.about !== undefined && message.about !== current?.token) return;
  switch (message.type) {
    case 'show': {
      clearInterval(askForToken);
      current = message.inspection;
      signature = 'unchecked';
      disclosed = undefined;
      vscode.setState({ token: current.token });
      const decoded = current.decoded;
      const alg = stringOf(decoded?.header.alg);
      verify = decoded?.kind === 'jws' ? verifySection(alg, post) : undefined;
      decrypt = decoded?.kind === 'jwe' ? decryptSection(alg, stringOf(decoded.header.enc), post) : undefined;
      // Re-signing an SD-JWT's issuer JWT alone would drop its disclosures: not offered.
      resign =
        decoded && typeof decoded.payload === 'object' && !isSdJwt(current)
          ? resignSection(
              JSON.stringify(decoded.payload, null, 2),
              decoded.kind === 'jws' ? alg : (message.lastAlg ?? 'HS256'),
              message.writeBack,
              post,
            )
          : undefined;
      render(message.inspection, message.source);
      updateKeys(message);
      return;
    }
    case 'keys':
      return updateKeys(message);
    case 'verified':
      verify?.showOutcome(message.outcome);
      signature =
        message.outcome.verdict === 'valid'
          ? 'verified'
          : message.outcome.verdict === 'invalid'
            ? 'invalid'
            : 'unchecked';
      if (current?.decoded)
        document
          .getElementById('status')
          ?.replaceWith(statusElement(statusLabel(current.decoded, signature), 'status'));
      document.getElementById('verdict')?.replaceChildren(verdictBanner(message.outcome));
      // An SD-JWT+KB: the key-binding JWT's verdict, at the top and in the Disclosures section.
      if (message.outcome.keyBinding) {
        document.getElementById('verdict')?.append(keyBindingVerdict(message.outcome.keyBinding));
        document.getElementById('key-binding-verdict')?.replaceChildren(keyBindingVerdict(message.outcome.keyBinding));
      }
      return;
    case 'signed':
      return resign?.showSigned(message.token, message.warnings);
    case 'decrypted':
      return showDecrypted(message);
    case 'audit':
      document.getElementById('security-body')?.replaceChildren(securityBody(message));
      return;
    case 'disclosures':
      disclosed = message.sdJwt;
      document
        .getElementById('disclosures-body')
        ?.replaceChildren(
          disclosuresBody(message, (what, label) => copyButton(what, label, l10n.t('Copy the claims JSON'))),
        );
      return;
    case 'keyFile':
      return { sign: resign, verify, decrypt }[message.purpose]?.picker.setFile(message.path, message.label);
    case 'failed':
      if (message.action === 'verify') verify?.showError(message.message);
      else if (message.action === 'decrypt') decrypt?.showError(message.message);
      else if (message.action === 'saveKey') showNotice(message.message, 'bad');
      else resign?.showMessage(message.message, 'bad');
      return;
    case 'notice':
      return showNotice(message.message, 'ok');
    case 'empty':
      clearInterval(askForToken);
      return renderEmpty();
  }
});

function updateKeys({ keys, pinned }: { keys: SavedKey[]; pinned?: string }): void {
  verify?.refresh(keys, pinned);
  resign?.refresh(keys, pinned);
  decrypt?.refresh(keys, pinned);
}

function showNotice(message: string, tone: 'ok' | 'bad'): void {
  announce(message);
  document
    .getElementById('notice')
    ?.replaceChildren(
      h(
        'div',
        { class: tone === 'ok' ? 'notice' : 'error' },
        icon(tone === 'ok' ? 'check' : 'error'),
        h('span', {}, message),
      ),
    );
}

// Times are relative to now: refresh them (and the status, which can flip to expired) every second.
setInterval(() => {
  live = live.filter(({ root }) => root.isConnected);
  for (const { root, fresh } of live) {
    try {
      updateLive(root, fresh());
    } catch {
      // The layer decoded a moment ago; nothing to refresh if it no longer does.
    }
  }
}, 1000);

app.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button[data-copy]');
  if (!button || !current) return;
  const what = button.dataset.copy!;
  const label = button.dataset.label ?? what;
  post({ type: 'copy', text: copyText(current, what), label });
  // VS Code confirms in the status bar, which a screen reader does not read out.
  announce(l10n.t('Copied {0}', label));
});

// Ask for the token until the host answers: a panel restored after a reload can load before the
// extension has activated and is listening, and that first 'ready' would then be lost.
const askForToken = setInterval(() => post({ type: 'ready' }), 1000);
post({ type: 'ready' });

/** No token to show (the panel came back from a reload without its state): say so, and offer JWT: Decode. */
function renderEmpty(): void {
  const decode = primaryButton('decode-button', 'key', l10n.t('Decode a Token…'));
  decode.addEventListener('click', () => post({ type: 'decode' }));
  app.replaceChildren(
    h('p', { class: 'muted' }, l10n.t('Nothing to show: this panel came back without its token.')),
    decode,
  );
}

/**
 * Keeps what the page scrolls to (a focused control, a section) clear of the sticky status bar: the
 * scroll padding follows the bar's height.
 */
const statusBarHeight = new ResizeObserver(([entry]) => {
  const bar = entry?.target as HTMLElement | undefined;
  const sticky = bar?.isConnected && getComputedStyle(bar).position === 'sticky';
  document.documentElement.style.scrollPaddingTop = sticky ? `${bar.offsetHeight + 8}px` : '';
});

function render(inspection: TokenInspection, source: TokenOrigin): void {
  const { decoded } = inspection;
  const header = decoded?.header ?? inspection.header;
  app.setAttribute('data-layer', '1');
  live = decoded ? [{ root: app, fresh: () => decodeToken(inspection.token) }] : [];
  const children: Child[] = [
    renderStatus(decoded, header, source, isSdJwt(inspection)),
    h('div', { id: 'verdict' }),
    h('div', { id: 'notice' }),
    section(
      l10n.t('Token'),
      renderParts(inspection),
      copyButton('token', l10n.t('the token'), l10n.t('Copy the token')),
    ),
    ...renderContent(inspection, 'h2'),
    isSdJwt(inspection) && disclosuresSection(),
    securitySection(),
    decrypt && section(l10n.t('Decrypt'), decrypt.element),
    header && section(l10n.t('Header'), claimsTable(header, 'header', l10n.t('Header'))),
    verify && section(l10n.t('Verify signature'), verify.element),
    header &&
      section(
        l10n.t('Header JSON'),
        h('pre', { class: 'json' }, JSON.stringify(header, null, 2)),
        copyButton('header', l10n.t('the header JSON'), l10n.t('Copy the header JSON')),
      ),
    decoded?.payload !== undefined &&
      section(
        l10n.t('Payload JSON'),
        h('pre', { class: 'json' }, payloadText(decoded)),
        copyButton('payload', l10n.t('the payload JSON'), l10n.t('Copy the payload JSON')),
      ),
    resign && section(l10n.t('Edit & re-sign'), resign.element),
    inspection.inner && renderLayer(inspection.inner, 2, decoded),
  ];
  app.replaceChildren(...children.filter((c): c is Node => typeof c === 'object'));
  statusBarHeight.disconnect();
  const bar = app.querySelector('.status-bar');
  if (bar) statusBarHeight.observe(bar);
}

/**
 * What a layer says beyond its header: its error, warnings, times, and claims or payload text (not
 * when the payload is the next layer, which shows on its own).
 */
function renderContent(
  { decoded, error, inner }: Pick<TokenInspection, 'decoded' | 'error' | 'inner'>,
  heading: Heading,
): Child[] {
  return [
    error && errorLine(error.message),
    decoded &&
      decoded.warnings.length > 0 &&
      h('ul', { class: 'warnings' }, ...decoded.warnings.map((w) => h('li', {}, icon('warning'), h('span', {}, w)))),
    decoded && renderTimes(decoded.times, heading),
    decoded &&
      typeof decoded.payload === 'object' &&
      section(l10n.t('Claims'), claimsTable(decoded.payload, 'payload', l10n.t('Claims')), undefined, heading),
    decoded &&
      typeof decoded.payload === 'string' &&
      !inner &&
      section(l10n.t('Payload (not JSON)'), h('pre', { class: 'json' }, decoded.payload), undefined, heading),
  ];
}

/** A token inside another (nested JWT), with the same parts as the outer one, and any layer inside it. */
function renderLayer(inspection: TokenInspection, layer: number, outer: DecodedToken | undefined): HTMLElement {
  const { decoded } = inspection;
  const header = decoded?.header ?? inspection.header;
  const root = h(
    'section',
    { class: 'layer', 'data-layer': String(layer) },
    h(
      'div',
      { class: 'section-title' },
      h('h2', {}, l10n.t('Layer {0} (inside the {1})', layer, outer?.kind === 'jwe' ? 'JWE' : 'JWS')),
    ),
    renderStatus(decoded, header),
    section(l10n.t('Token'), renderParts(inspection), undefined, 'h3'),
    ...renderContent(inspection, 'h3'),
    header && section(l10n.t('Header'), claimsTable(header, 'header', l10n.t('Header')), undefined, 'h3'),
    inspection.inner && renderLayer(inspection.inner, layer + 1, decoded),
  );
  if (decoded) live.push({ root, fresh: () => decodeToken(inspection.token) });
  return root;
}

/** The decrypted JWE: its claims read like a JWS's, and the token it carries, if any, as layer 2. */
function showDecrypted({ keyLabel, decoded, inner }: Extract<HostToPanel, { type: 'decrypted' }>): void {
  const plaintext = payloadText(decoded);
  const root = h(
    'div',
    { class: 'decrypted', 'data-layer': 'decrypted' },
    h('div', { class: 'notice' }, icon('unlock'), h('span', {}, l10n.t('Decrypted with {0}', keyLabel))),
    !inner && renderStatus(decoded, decoded.header),
    ...renderContent({ decoded, inner }, 'h3'),
    inner && renderLayer(inner, 2, decoded),
  );
  live.push({ root, fresh: () => decodePlaintext(plaintext, decoded.header) });
  decrypt?.result.replaceChildren(root);
  announce(l10n.t('Decrypted with {0}', keyLabel), statusLabel(decoded).text);
}

/** A layer's status and header facts; the outermost layer's also says where the token came from. */
function renderStatus(
  decoded: DecodedToken | undefined,
  header: Record<string, unknown> = {},
  source?: TokenOrigin,
  sdJwt = false,
): HTMLElement {
  const facts = [
    decoded && (sdJwt ? 'SD-JWT' : kindText(decoded.kind)),
    stringOf(header.alg),
    ...(['enc', 'zip', 'cty', 'kid'] as const).map(
      (name) => header[name] !== undefined && `${name} ${stringOf(header[name])}`,
    ),
  ].filter((f): f is string => typeof f === 'string' && f.length > 0);
  return h(
    'header',
    { class: 'status-bar' },
    statusElement(
      decoded
        ? statusLabel(decoded, source === undefined ? 'unchecked' : signature)
        : { icon: 'error', text: l10n.t('Cannot decode'), tone: 'bad' },
      source === undefined ? undefined : 'status',
    ),
    h(
      'div',
      { class: 'facts' },
      ...facts.map((f) => h('span', { class: 'fact' }, f)),
      source !== undefined && h('span', { class: 'muted' }, sourceText(source)),
    ),
  );
}

/** The token's kind as the status bar shows it: JWS and JWE are names; "UNSECURED" is a word. */
function kindText(kind: DecodedToken['kind']): string {
  return kind === 'unsecured' ? l10n.t('UNSECURED') : kind.toUpperCase();
}

/** The status line; the outermost layer's is also #status, which tests and screen readers find. */
function statusElement(label: StatusLabel, id?: string): HTMLElement {
  return h(
    'div',
    { class: `status tone-${label.tone}`, ...(id ? { id } : {}) },
    icon(label.icon),
    h('span', { class: 'status-text' }, label.text),
  );
}

/** Whether the token is an SD-JWT: it has disclosures and a key-binding JWT (perhaps empty) after a ~. */
function isSdJwt(inspection: TokenInspection): boolean {
  return inspection.parts.some((part) => part.name === 'key-binding');
}

/** The token with each segment in its own colour, as jwt.io readers expect; an SD-JWT's pieces after a ~. */
function renderParts(inspection: TokenInspection): HTMLElement {
  const children: Child[] = [];
  inspection.parts.forEach((part, i) => {
    const tilde = part.name === 'disclosure' || part.name === 'key-binding';
    if (i > 0) children.push(h('span', { class: 'dot' }, tilde ? '~' : '.'));
    children.push(h('span', { class: `part part-${part.name}`, title: partLabel(part.name) }, part.text));
  });
  const legend = h(
    'div',
    { class: 'legend' },
    ...[...new Set(inspection.parts.filter((p) => p.text).map((p) => p.name))].map((name) =>
      h('span', { class: `part-${name}` }, partLabel(name)),
    ),
  );
  return h('div', {}, h('code', { class: 'token' }, ...children), legend);
}

function renderTimes(times: DecodedToken['times'], heading: Heading): HTMLElement | undefined {
  const names = (['exp', 'nbf', 'iat'] as const).filter((n) => times[n]);
  if (names.length === 0) return undefined;
  const rows = names.map((name) => {
    const time = times[name]!;
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, h('code', {}, name), ' ', CLAIM_DESCRIPTIONS[name]!.name),
      h('td', {}, localText(time)),
      h('td', {}, utcText(time.date)),
      h('td', { class: 'relative', 'data-time': name }, time.relative),
    );
  });
  return section(
    l10n.t('Times'),
    h(
      'table',
      { class: 'times' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, l10n.t('Claim')),
          h('th', { scope: 'col' }, l10n.t('Local time')),
          h('th', { scope: 'col' }, 'UTC'),
          h('th', { scope: 'col' }, l10n.t('Relative')),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
    undefined,
    heading,
  );
}

/** Each claim's name (the row's header), value and meaning; the column headers are for screen readers. */
function claimsTable(values: Record<string, unknown>, where: 'payload' | 'header', caption: string): HTMLElement {
  const rows = Object.entries(values).map(([name, value]) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, h('code', {}, name)),
      h('td', { class: 'value' }, valueText(value)),
      h('td', { class: 'meaning muted' }, describeClaim(name, where) ?? ''),
    ),
  );
  return h(
    'table',
    { class: 'claims' },
    h('caption', { class: 'visually-hidden' }, caption),
    h(
      'thead',
      { class: 'visually-hidden' },
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, l10n.t('Claim')),
        h('th', { scope: 'col' }, l10n.t('Value')),
        h('th', { scope: 'col' }, l10n.t('Meaning')),
      ),
    ),
    h('tbody', {}, ...rows),
  );
}

/** Refreshes a layer's status and relative times, leaving the layers inside it to their own entries. */
function updateLive(root: HTMLElement, decoded: DecodedToken): void {
  const own = (element: Element): boolean => element.closest('[data-layer]') === root;
  const status = [...root.querySelectorAll<HTMLElement>('.status')].find(own);
  if (status) {
    // Only when it says something new: the status is read where it is, never announced as it ticks.
    const label = statusLabel(decoded, status.id === 'status' ? signature : 'unchecked');
    if (status.textContent !== label.text || !status.classList.contains(`tone-${label.tone}`))
      status.replaceWith(statusElement(label, status.id));
  }
  for (const cell of root.querySelectorAll<HTMLElement>('td[data-time]')) {
    const time = decoded.times[cell.dataset.time as keyof DecodedToken['times']];
    if (own(cell) && time && cell.textContent !== time.relative) cell.textContent = time.relative;
  }
}

/** The Security section, filled in when the host's review of the shown token arrives ('audit'). */
function securitySection(): HTMLElement {
  return h(
    'section',
    { id: 'security', 'aria-labelledby': 'security-heading' },
    h('div', { class: 'section-title' }, h('h2', { id: 'security-heading' }, l10n.t('Security'))),
    h('div', { id: 'security-body' }, securityPending()),
  );
}

/** A section's heading level: h2 for the token's own sections, h3 inside a layer or the decrypted claims. */
type Heading = 'h2' | 'h3';

function section(title: string, body: Child, action?: Child, heading: Heading = 'h2'): HTMLElement {
  return h('section', {}, h('div', { class: 'section-title' }, h(heading, {}, title), action), body);
}

/**
 * A Copy button, named for what it copies (`title`: "Copy the token"); `label` names it in the host's
 * "Copied …" message, so it is translated too.
 */
function copyButton(what: string, label: string, title: string): HTMLElement {
  return h(
    'button',
    { class: 'copy', type: 'button', 'data-copy': what, 'data-label': label, title, 'aria-label': title },
    icon('copy'),
    ' ',
    l10n.t('Copy'),
  );
}

/** "from selection" and the like: where the host found the token. */
function sourceText(source: TokenOrigin): string {
  switch (source) {
    case 'selection':
      return l10n.t('from selection');
    case 'cursor':
      return l10n.t('from cursor');
    case 'clipboard':
      return l10n.t('from clipboard');
    case 'argument':
      return l10n.t('from argument');
    case 'input':
      return l10n.t('from input');
    case 'terminal':
      return l10n.t('from terminal');
    case 'debugger':
      return l10n.t('from the debugger');
    case 'restored':
      return l10n.t('restored after a reload');
  }
}

/** A segment's name as the legend and tooltips show it (the name itself stays the CSS class). */
function partLabel(name: TokenInspection['parts'][number]['name']): string {
  switch (name) {
    case 'invalid':
      return l10n.t('invalid');
    case 'disclosure':
      return l10n.t('disclosure');
    case 'key-binding':
      return l10n.t('key-binding JWT');
    default:
      return segmentLabel(name);
  }
}

function copyText(inspection: TokenInspection, what: string): string {
  const header = inspection.decoded?.header ?? inspection.header;
  if (what === 'header') return JSON.stringify(header, null, 2);
  if (what === 'payload' && inspection.decoded) return payloadText(inspection.decoded);
  if (what === 'claims' && disclosed) return JSON.stringify(disclosed.claims, null, 2);
  return inspection.token;
}

function payloadText(decoded: DecodedToken): string {
  return typeof decoded.payload === 'string' ? decoded.payload : JSON.stringify(decoded.payload, null, 2);
}

function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

function localText(time: TimeClaim): string {
  const date = new Date(time.seconds * 1000);
  if (Number.isNaN(date.getTime())) return '—';
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'long' };
  try {
    // In VS Code's display language (the host sets <html lang>), like the panel's text.
    return date.toLocaleString(document.documentElement.lang || undefined, options);
  } catch {
    return date.toLocaleString(undefined, options);
  }
}
