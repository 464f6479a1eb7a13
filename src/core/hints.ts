/**
 * Inline expiry hints: a short label per token ("expires in 2 h", "expired 3 d ago", "unsigned"),
 * and an incremental line index of a document's tokens so that an edit rescans only the lines it
 * touched. Editor-free: the editor adapter (src/decorations.ts) and the benchmark both use it.
 */
import * as l10n from '@vscode/l10n';
import { relativeTimeShort } from './claims';
import { decodeToken } from './decode';
import { findTokens } from './scan';
import type { TokenMatch } from './types';

/** A token's hint; `tone` picks the colour: a problem, or plain information. */
export interface TokenHint {
  text: string;
  tone: 'ok' | 'problem';
}

/** What a hint needs from a token, independent of the time: decoded once per distinct token. */
interface TokenFacts {
  kind: 'jws' | 'jwe' | 'unsecured' | 'malformed';
  exp?: number;
  nbf?: number;
  /** The last hint computed, which holds from `from` until just before `until` (ms). */
  last?: { hint: TokenHint; from: number; until: number | undefined };
}

/** Distinct tokens remembered; beyond this the memo starts over (a log may hold millions). */
const FACTS_CACHE_SIZE = 20_000;
const factsCache = new Map<string, TokenFacts>();

function tokenFacts(token: string): TokenFacts {
  let facts = factsCache.get(token);
  if (facts) return facts;
  try {
    const { kind, times } = decodeToken(token);
    facts = { kind, exp: times.exp?.seconds, nbf: times.nbf?.seconds };
  } catch {
    facts = { kind: 'malformed' };
  }
  if (factsCache.size >= FACTS_CACHE_SIZE) factsCache.clear();
  factsCache.set(token, facts);
  return facts;
}

/**
 * The hint for `token` at `nowMs` (milliseconds since the epoch).
 * @example tokenHint(token, Date.now()) // { text: 'expires in 2 h', tone: 'ok' }
 */
export function tokenHint(token: string, nowMs: number): TokenHint {
  const { kind, exp, nbf } = tokenFacts(token);
  const now = new Date(nowMs);
  const nowSeconds = nowMs / 1000;
  if (kind === 'malformed') return { text: l10n.t('malformed token'), tone: 'problem' };
  if (kind === 'jwe') return { text: l10n.t('encrypted'), tone: 'ok' };
  if (kind === 'unsecured') return { text: l10n.t('unsigned'), tone: 'problem' };
  if (nbf !== undefined && nowSeconds < nbf) {
    // nbf is ahead: less than a second ('now') or some time to come.
    const { when, duration } = relativeTimeShort(nbf, now);
    return { text: when === 'now' ? l10n.t('usable now') : l10n.t('usable in {0}', duration), tone: 'problem' };
  }
  if (exp === undefined) return { text: l10n.t('no expiry'), tone: 'ok' };
  const { when, duration } = relativeTimeShort(exp, now);
  if (nowSeconds >= exp)
    return { text: when === 'now' ? l10n.t('expired just now') : l10n.t('expired {0} ago', duration), tone: 'problem' };
  return { text: when === 'now' ? l10n.t('expires now') : l10n.t('expires in {0}', duration), tone: 'ok' };
}

/** A label in the largest unit changes at least once a year; the search looks no further. */
const HORIZON_MS = 366 * 86_400_000;

/**
 * When `token`'s hint text next changes after `nowMs` (ms since the epoch), or undefined if it
 * never does ("encrypted", "no expiry"). Found by bisection over tokenHint itself, so it agrees with
 * the labels by construction: a label never comes back once it changed (counts only run one way).
 */
export function nextHintChange(token: string, nowMs: number): number | undefined {
  const current = tokenHint(token, nowMs).text;
  let lo = nowMs;
  let hi = nowMs + HORIZON_MS;
  if (tokenHint(token, hi).text === current) return undefined;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (tokenHint(token, mid).text === current) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** A hint placed after a token: `column` is where it is drawn on `line` (see hintColumn). */
export interface PlacedHint {
  line: number;
  column: number;
  hint: TokenHint;
}

/**
 * The hints for the tokens on lines [from, to) of `index`, and when the first of them changes
 * (undefined: none ever does), for one timer to refresh them all. This is the work an editor does
 * per edit for what is on screen; the benchmark measures it.
 */
export function hintsForLines(
  index: TokenLines,
  from: number,
  to: number,
  nowMs: number,
): { hints: PlacedHint[]; nextChange?: number } {
  const hints: PlacedHint[] = [];
  let nextChange: number | undefined;
  for (const { line, match, hintColumn } of index.tokensIn(from, to)) {
    const { hint, until } = lastingHint(match.token, nowMs);
    hints.push({ line, column: hintColumn, hint });
    if (until !== undefined && (nextChange === undefined || until < nextChange)) nextChange = until;
  }
  return { hints, nextChange };
}

/** tokenHint and nextHintChange, remembered per token for as long as the hint holds: redrawing is then a lookup. */
function lastingHint(token: string, nowMs: number): { hint: TokenHint; until: number | undefined } {
  const facts = tokenFacts(token);
  const { last } = facts;
  if (last && last.from <= nowMs && (last.until === undefined || nowMs < last.until)) return last;
  facts.last = { hint: tokenHint(token, nowMs), from: nowMs, until: nextHintChange(token, nowMs) };
  return facts.last;
}

/** A change to a document: old lines [startLine, endLine] (inclusive) replaced by `text`. */
export interface LineChange {
  startLine: number;
  endLine: number;
  text: string;
}

/**
 * A token and the line it is on (`start`/`end` are offsets within that line), and the column its
 * hint goes to (hintColumn).
 */
export interface LineToken {
  line: number;
  match: TokenMatch;
  hintColumn: number;
}

/** A token of a line as the index keeps it: the match and where its hint goes. */
type LineEntry = Omit<LineToken, 'line'>;

const QUOTES = '"\'`';
/** A comma or semicolon that ends the line (only white space after it). */
const TRAILING_PUNCTUATION = /^[,;]\s*$/;

/**
 * Where a hint for `match` goes on `line`: right after the token, or, when the token is the end of a
 * quoted string (`"…"`, `'…'`, `` `…` ``, or `\"…\"` inside a JSON-encoded string), after the closing
 * quote, and after a comma or semicolon that ends the line: a hint never splits a string or a statement.
 * @example hintColumn('TOKEN="eyJ…"', match) // match.end + 1
 * @example hintColumn('  "token": "eyJ…",', match) // match.end + 2
 */
export function hintColumn(line: string, match: Pick<TokenMatch, 'start' | 'end'>): number {
  let end = match.end;
  if (line[end] === '\\' && QUOTES.includes(line[end + 1] ?? '\\')) end++;
  const quote = line[end];
  // A quote after the token closes a string only if the same quote opened one before it on the line.
  if (quote === undefined || !QUOTES.includes(quote) || !line.slice(0, match.start).includes(quote)) return match.end;
  end++;
  return TRAILING_PUNCTUATION.test(line.slice(end)) ? end + 1 : end;
}

const NONE: readonly LineEntry[] = [];
/** Inserting more lines than this at once rebuilds the array (spreading them into splice would overflow the stack). */
const MAX_SPLICE = 10_000;

function scanLine(text: string): readonly LineEntry[] {
  // Most lines hold no dot, and no token without one.
  if (!text.includes('.')) return NONE;
  const matches = findTokens(text);
  return matches.length === 0 ? NONE : matches.map((match) => ({ match, hintColumn: hintColumn(text, match) }));
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/**
 * The tokens of a document, line by line, kept up to date edit by edit. Tokens never span lines
 * (a line break ends one), so an edit rescans only the lines it replaced. Built from a document's
 * lines, the index scans a line the first time it is asked for: the hints of the visible lines cost
 * only those, and a 10 MB log is scanned in the slices its reader asks for, never all at once.
 * @example
 * const index = new TokenLines(document.lineCount, (line) => document.lineAt(line).text);
 * index.applyChanges([{ startLine: 3, endLine: 3, text: 'x' }], (line) => document.lineAt(line).text);
 * [...index.tokensIn(0, 100)] // [{ line: 7, match: { start, end, token, kind }, hintColumn }]
 */
export class TokenLines {
  /** Each line's tokens; undefined for a line not scanned yet. */
  private lines: (readonly LineEntry[] | undefined)[];
  private lineText: (line: number) => string;

  /** `text` indexed at once, or a document of `lineCount` lines read with `lineText` as needed. */
  constructor(text?: string);
  constructor(lineCount: number, lineText: (line: number) => string);
  constructor(source: string | number = '', lineText?: (line: number) => string) {
    if (typeof source === 'number') {
      this.lines = new Array<undefined>(source).fill(undefined);
      this.lineText = lineText!;
    } else {
      const lines = source.split(/\r?\n/);
      this.lines = lines.map(scanLine);
      this.lineText = (line) => lines[line]!;
    }
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /**
   * Applies changes in the order given, each against the document as the previous ones left it
   * (VS Code's contentChanges); the replaced lines are scanned again when next asked for, read with
   * `lineText` from the document as it is after all of them.
   */
  applyChanges(changes: readonly LineChange[], lineText: (line: number) => string): void {
    this.lineText = lineText;
    for (const { startLine, endLine, text } of changes)
      this.replace(startLine, endLine - startLine + 1, countLines(text));
  }

  /** The tokens on lines [from, to), in order. */
  *tokensIn(from: number, to: number): Generator<LineToken> {
    for (let line = Math.max(0, from); line < Math.min(to, this.lines.length); line++) {
      let entries = this.lines[line];
      if (entries === undefined) entries = this.lines[line] = scanLine(this.lineText(line));
      for (const entry of entries) yield { line, ...entry };
    }
  }

  private replace(start: number, removed: number, added: number): void {
    const fresh = new Array<undefined>(added).fill(undefined);
    if (added <= MAX_SPLICE) {
      this.lines.splice(start, removed, ...fresh);
    } else {
      this.lines = [...this.lines.slice(0, start), ...fresh, ...this.lines.slice(start + removed)];
    }
  }
}
