import * as vscode from 'vscode';
import { decodeFlaskSession, decodeToken, findSessionCookies, findTokens, formatRelative, tokenHint } from '../core';
import { MAX_TERMINAL_LINE } from '../contributions';

/** A JWT or a Flask session cookie in a terminal line, and what a click on it does. */
export class TokenTerminalLink extends vscode.TerminalLink {
  constructor(
    startIndex: number,
    length: number,
    tooltip: string,
    /** The token or cookie itself. */
    readonly token: string,
    readonly what: 'jwt' | 'flask',
  ) {
    super(startIndex, length, tooltip);
  }
}

/**
 * Links for the JWTs and Flask session cookies in terminal output (`curl -v`, server logs): a tooltip
 * sums the token up ("JWT · HS256 · expires in 5 min"); a click opens a JWT in the panel and offers to
 * verify a Flask cookie with the app's SECRET_KEY. A line is scanned up to MAX_TERMINAL_LINE
 * characters only, so a huge line costs no more than that.
 */
export class TerminalLinks implements vscode.TerminalLinkProvider<TokenTerminalLink> {
  /** `openPanel`: shows a token in the JWT panel, saying it came from the terminal. */
  constructor(private readonly openPanel: (token: string) => unknown) {}

  async provideTerminalLinks(context: vscode.TerminalLinkContext): Promise<TokenTerminalLink[]> {
    const line = context.line.slice(0, MAX_TERMINAL_LINE);
    // A match that runs into the cut may be a longer token cut short: it is left out, never shown cut.
    const whole = ({ end }: { end: number }) => end < line.length || line.length === context.line.length;
    const now = Date.now();
    const tokens = findTokens(line)
      .filter(whole)
      .map((m) => new TokenTerminalLink(m.start, m.end - m.start, jwtTooltip(m.token, now), m.token, 'jwt'));
    const cookies = await Promise.all(
      findSessionCookies(line)
        .filter(whole)
        .map(
          async (m) =>
            new TokenTerminalLink(m.start, m.end - m.start, await flaskTooltip(m.cookie, now), m.cookie, 'flask'),
        ),
    );
    return [...tokens, ...cookies].sort((a, b) => a.startIndex - b.startIndex);
  }

  async handleTerminalLink(link: TokenTerminalLink): Promise<void> {
    if (link.what === 'flask') await vscode.commands.executeCommand('jwt.verifyFlaskSession', link.token);
    else await this.openPanel(link.token);
  }
}

/** "JWT · HS256 · expires in 5 min", "JWE · RSA-OAEP · A256GCM · encrypted", "JWT · none · unsigned". */
function jwtTooltip(token: string, nowMs: number): string {
  // An SD-JWT (`<jws>~<disclosure>~…`) has its issuer's JWS, times and all, before the first "~".
  const jws = token.split('~', 1)[0]!;
  const label = token.includes('~') ? 'SD-JWT' : jws.split('.').length === 5 ? 'JWE' : 'JWT';
  let header: Record<string, unknown> = {};
  try {
    header = decodeToken(jws).header;
  } catch {
    // tokenHint says "malformed token".
  }
  const named = [header.alg, header.enc].filter((v): v is string => typeof v === 'string' && v.length <= 40);
  return [label, ...named, tokenHint(jws, nowMs).text].join(' · ');
}

/** "Flask session cookie · signed 3 days ago", or why it cannot be read. */
async function flaskTooltip(cookie: string, nowMs: number): Promise<string> {
  const label = vscode.l10n.t('Flask session cookie');
  try {
    const { timestamp } = await decodeFlaskSession(cookie);
    const signed = vscode.l10n.t('signed {0}', formatRelative(timestamp.getTime() / 1000, new Date(nowMs)));
    return `${label} · ${signed} · ${vscode.l10n.t('verify with its SECRET_KEY')}`;
  } catch (error) {
    return `${label} · ${error instanceof Error ? error.message : String(error)}`;
  }
}
