import * as vscode from 'vscode';
import { utcText, type SdJwtDecoded } from '../core';
import { appendInert } from './markdown';

/** Most disclosed claims the hover names one by one; the panel lists them all. */
const MAX_NAMED = 12;
/** Longest claim path, aud or nonce the hover shows whole. */
const MAX_FACT = 80;
const clip = (text: string): string => (text.length > MAX_FACT ? `${text.slice(0, MAX_FACT - 1)}…` : text);

/**
 * An SD-JWT's own lines in the hover: which claims its disclosures reveal (the claims themselves
 * are in the JSON above), how many stay hidden as digests, and its key-binding JWT. Paths, aud and
 * nonce come from the token: inert text only.
 */
export function appendSdJwt(md: vscode.MarkdownString, sdJwt: SdJwtDecoded): void {
  const disclosed = sdJwt.disclosures.filter((d) => d.matched).map((d) => clip(d.path ?? ''));
  const rejected = sdJwt.disclosures.length - disclosed.length;
  md.appendMarkdown('$(eye) ');
  md.appendText(
    disclosed.length === 0 ? vscode.l10n.t('Disclosed: nothing') : vscode.l10n.t('Disclosed ({0}):', disclosed.length),
  );
  if (disclosed.length > 0) {
    md.appendText(' ');
    appendInert(md, disclosed.slice(0, MAX_NAMED).join(', '));
    if (disclosed.length > MAX_NAMED) md.appendText(vscode.l10n.t(' and {0} more', disclosed.length - MAX_NAMED));
  }
  md.appendText(` · ${vscode.l10n.t('hidden: {0} digests', sdJwt.undisclosed.length)}`);
  if (rejected > 0) md.appendText(` · ${vscode.l10n.t('not applied: {0}', rejected)}`);
  md.appendMarkdown('  \n');
  const kb = sdJwt.keyBinding;
  if (kb) {
    const claims = kb.payload && typeof kb.payload === 'object' ? kb.payload : {};
    const facts = [
      typeof kb.header.typ === 'string' ? clip(kb.header.typ) : vscode.l10n.t('no typ'),
      ...(['aud', 'nonce'] as const)
        .filter((name) => claims[name] !== undefined)
        .map(
          (name) => `${name} ${clip(typeof claims[name] === 'string' ? claims[name] : JSON.stringify(claims[name]))}`,
        ),
      ...(kb.times.iat ? [`iat ${utcText(kb.times.iat.date)} (${kb.times.iat.relative})`] : []),
      kb.sdHashMatches ? vscode.l10n.t('sd_hash matches') : vscode.l10n.t('sd_hash does not match'),
    ];
    md.appendMarkdown(kb.sdHashMatches ? '$(key) ' : '$(error) ');
    md.appendText(`${vscode.l10n.t('Key-binding JWT')}: `);
    appendInert(md, facts.join(' · '));
    md.appendMarkdown('  \n');
  }
  md.appendMarkdown('\n');
}
