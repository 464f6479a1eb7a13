import * as vscode from 'vscode';
import { findingTitle, type SecurityReviews } from '../audit/securityReview';
import {
  decodeSdJwt,
  inspectToken,
  statusLabel,
  tokenAt,
  utcText,
  type Finding,
  type SdJwtDecoded,
  type TimeClaim,
  type TokenInspection,
} from '../core';
import { flaskSessionHover } from './flaskHover';
import { appendFenced, appendInert } from './markdown';
import { appendSdJwt } from './sdJwtHover';
import type { VerifyOutcome } from '../protocol';
import type { HoverVerifier } from './hoverVerifier';
import { keyBindingText, verdictText } from '../verify/verifyWithKey';

/** Hovers decode only the token under the mouse; recent results are kept by token text. */
const CACHE_SIZE = 64;
const CACHE_MAX_AGE_MS = 5_000;

interface Inspected {
  inspection: TokenInspection;
  /** An SD-JWT's disclosures resolved (undefined when they cannot be: the inspection says why). */
  sdJwt?: Promise<SdJwtDecoded | undefined>;
  at: number;
}

export class TokenHover implements vscode.HoverProvider {
  private readonly cache = new Map<string, Inspected>();

  /**
   * `verifier`: adds a signature check when a saved key fits the token (see HoverVerifier);
   * `reviews`: adds a line summing up the token's security review.
   */
  constructor(
    private readonly verifier?: HoverVerifier,
    private readonly reviews?: SecurityReviews,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.ProviderResult<vscode.Hover> {
    const config = vscode.workspace.getConfiguration('jwt.hover', document);
    if (!config.get<boolean>('enabled', true)) return undefined;
    const languages = config.get<string[]>('languages', []);
    if (languages.length > 0 && !languages.includes(document.languageId)) return undefined;

    const line = document.lineAt(position.line).text;
    const match = tokenAt(line, position.character);
    if (!match) return flaskSessionHover(line, position, document);
    const range = new vscode.Range(position.line, match.start, position.line, match.end);
    const { inspection, sdJwt } = this.inspect(match.token, match.kind === 'sd-jwt');
    const header = inspection.decoded?.kind === 'jws' ? inspection.decoded.header : undefined;
    const verifying = header && this.verifier?.verify(match.token, header);
    const reviewing = this.reviews?.review(match.token);
    if (!verifying && !reviewing && !sdJwt) return new vscode.Hover(hoverMarkdown(inspection), range);
    return Promise.all([verifying, reviewing, sdJwt]).then(
      ([outcome, findings, disclosures]) =>
        new vscode.Hover(hoverMarkdown(inspection, outcome ?? undefined, findings, disclosures), range),
    );
  }

  private inspect(token: string, sdJwt: boolean): Inspected {
    // Times are relative to now, so an entry older than a few seconds is decoded afresh.
    const now = Date.now();
    const cached = this.cache.get(token);
    this.cache.delete(token);
    const entry =
      cached && now - cached.at < CACHE_MAX_AGE_MS
        ? cached
        : {
            inspection: inspectToken(token),
            ...(sdJwt ? { sdJwt: decodeSdJwt(token).catch(() => undefined) } : {}),
            at: now,
          };
    this.cache.set(token, entry);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return entry;
  }
}

/**
 * The hover's Markdown. Everything that comes from the token is attacker-controlled, so it is
 * added with appendInert (escaped, and never a link) or inside a fence longer than any backtick run
 * in it; only our own two commands may run from links.
 */
function hoverMarkdown(
  inspection: TokenInspection,
  verification?: VerifyOutcome,
  findings?: readonly Finding[],
  sdJwt?: SdJwtDecoded,
): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = { enabledCommands: ['jwt.decode', 'jwt.copyDecoded'] };
  md.supportHtml = false;
  const { decoded } = inspection;
  const header = decoded?.header ?? inspection.header;
  const isSdJwt = inspection.parts.some((part) => part.name === 'key-binding');

  md.appendMarkdown(`**JSON Web Token** `);
  if (header) appendInert(md, `· ${headerSummary(header, isSdJwt ? 'sd-jwt' : decoded?.kind)}`);
  md.appendMarkdown('\n\n');

  if (!decoded) {
    md.appendMarkdown('$(error) ');
    appendInert(md, inspection.error?.message ?? vscode.l10n.t('This token could not be decoded.'));
    md.appendMarkdown('\n\n');
    if (header) appendFenced(md, JSON.stringify(header, null, 2), 'json');
  } else {
    // The status line calls the token verified only when the signature check above says so.
    const status = statusLabel(
      decoded,
      verification?.verdict === 'valid' ? 'verified' : verification?.verdict === 'invalid' ? 'invalid' : 'unchecked',
    );
    md.appendMarkdown(`$(${status.icon}) **`);
    md.appendText(status.text);
    md.appendMarkdown('**\n\n');
    if (verification) {
      md.appendMarkdown(verification.verdict === 'valid' ? '$(pass) ' : '$(error) ');
      appendInert(md, verdictText(verification));
      md.appendMarkdown('\n\n');
      if (verification.keyBinding) {
        md.appendMarkdown(verification.keyBinding.valid ? '$(pass) ' : '$(error) ');
        appendInert(md, keyBindingText(verification.keyBinding));
        md.appendMarkdown('\n\n');
      }
    }
    appendTimes(md, decoded.times);
    // An SD-JWT's claims are its payload with the disclosures in place (the digests are in the panel),
    // after a line on what is disclosed and its key-binding JWT.
    if (sdJwt) appendSdJwt(md, sdJwt);
    const payload = sdJwt ? sdJwt.claims : decoded.payload;
    if (payload !== undefined) {
      const text = typeof payload === 'string' ? payload : JSON.stringify(payload, null, 2);
      appendFenced(md, text, typeof payload === 'string' ? 'text' : 'json');
    }
    for (const warning of [...decoded.warnings, ...(sdJwt?.warnings ?? [])]) {
      md.appendMarkdown('$(warning) ');
      appendInert(md, warning);
      md.appendMarkdown('  \n');
    }
  }
  if (findings) appendReview(md, findings);
  const args = encodeURIComponent(JSON.stringify([inspection.token]));
  // Only our own translations go into the link texts and titles; the token is in `args`, URI-encoded.
  md.appendMarkdown(
    `\n[$(open-preview) ${vscode.l10n.t('Open in panel')}](command:jwt.decode?${args} "${vscode.l10n.t('Show this token in the JWT panel')}")`,
  );
  if (decoded)
    md.appendMarkdown(
      ` · [$(copy) ${vscode.l10n.t('Copy decoded JSON')}](command:jwt.copyDecoded?${args} "${vscode.l10n.t('Copy the header and payload as JSON')}")`,
    );
  return md;
}

/**
 * One line for the security review: how many findings and the worst (findings come errors first).
 * The title and id are ours, not the token's, but go in as text all the same.
 */
function appendReview(md: vscode.MarkdownString, findings: readonly Finding[]): void {
  const worst = findings[0];
  if (!worst) {
    md.appendMarkdown('\n$(pass) ');
    md.appendText(vscode.l10n.t('Security review: no findings'));
    md.appendMarkdown('\n\n');
    return;
  }
  md.appendMarkdown(`\n$(${worst.severity === 'info' ? 'info' : worst.severity}) `);
  md.appendText(
    findings.length === 1
      ? vscode.l10n.t('Security review: 1 finding: {0} ({1})', findingTitle(worst), worst.id)
      : vscode.l10n.t(
          'Security review: {0} findings, worst: {1} ({2})',
          findings.length,
          findingTitle(worst),
          worst.id,
        ),
  );
  md.appendMarkdown('\n\n');
}

function headerSummary(header: Record<string, unknown>, kind: string | undefined): string {
  const parts = [kind?.toUpperCase() ?? vscode.l10n.t('token')];
  for (const name of ['alg', 'enc', 'kid', 'typ', 'cty']) {
    if (header[name] !== undefined) parts.push(`${name} ${String(header[name])}`);
  }
  return parts.join(' · ');
}

function appendTimes(md: vscode.MarkdownString, times: { exp?: TimeClaim; iat?: TimeClaim; nbf?: TimeClaim }): void {
  const rows = (['exp', 'nbf', 'iat'] as const).filter((name) => times[name]);
  if (rows.length === 0) return;
  md.appendMarkdown('| | | |\n|---|---|---|\n');
  for (const name of rows) {
    const time = times[name]!;
    md.appendMarkdown(`| \`${name}\` ${timeLabel(name)} | ${utcText(time.date)} | ${time.relative} |\n`);
  }
  md.appendMarkdown('\n');
}

/** The words after a time claim's name in the hover's table, translated when shown. */
function timeLabel(name: 'exp' | 'nbf' | 'iat'): string {
  switch (name) {
    case 'exp':
      return vscode.l10n.t('expires');
    case 'nbf':
      return vscode.l10n.t('not before');
    case 'iat':
      return vscode.l10n.t('issued');
  }
}
