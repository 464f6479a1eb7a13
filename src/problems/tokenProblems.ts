import * as vscode from 'vscode';
import type { SecurityReviews } from '../audit/securityReview';
import {
  findWeakSecret,
  tokenRisks,
  weakSecretRisk,
  type RiskKind,
  type RiskOptions,
  type Finding,
  type TokenRisk,
} from '../core';
import { SKIPPED_SCHEMES } from '../contributions';
import type { DocumentTokens, TokensChange } from './documentTokens';

/** Problems are recomputed once typing pauses this long, never on the keystroke itself. */
const DEBOUNCE_MS = 400;
/** A log can hold thousands of tokens: beyond these, a document's problems stop there. */
const MAX_PROBLEMS = 1000;
const MAX_WEAK_SECRET_CHECKS = 200;
/** Tokens per document the security review (core auditToken) looks at, and how many it reviews at once. */
const MAX_AUDITS = 2000;
const AUDIT_BATCH = 64;
const WEAK_CACHE_SIZE = 5000;
/** The `source` of our Problems: the quick fixes act on these only. */
export const PROBLEM_SOURCE = 'JWT';

/** Languages whose files are source code: a long-lived token there is a credential checked in. */
const CODE_LANGUAGES = new Set([
  'javascript',
  'javascriptreact',
  'typescript',
  'typescriptreact',
  'python',
  'java',
  'kotlin',
  'scala',
  'groovy',
  'go',
  'rust',
  'c',
  'cpp',
  'csharp',
  'fsharp',
  'vb',
  'ruby',
  'php',
  'swift',
  'objective-c',
  'dart',
  'elixir',
  'erlang',
  'clojure',
  'haskell',
  'lua',
  'perl',
  'r',
  'julia',
  'shellscript',
  'powershell',
  'bat',
  'vue',
  'svelte',
]);

type Level = 'error' | 'warning' | 'information' | 'hint' | 'off';
const SEVERITY: Record<Exclude<Level, 'off'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};
/** The defaults, as in package.json: forgery risks loud, an expired token (common in logs) quiet. */
const DEFAULT_LEVEL: Record<RiskKind, Level> = {
  algNone: 'warning',
  expired: 'information',
  weakSecret: 'error',
  longLived: 'warning',
};

/**
 * Review findings that say what one of the four risk kinds already says: the kind's problem (and its
 * setting) stays, the finding is skipped. `exp-missing` is the long-lived kind's "never expires",
 * skipped where that kind reported the token.
 */
const SAME_AS_RISK: Readonly<Record<string, RiskKind>> = {
  'alg-none': 'algNone',
  expired: 'expired',
  'weak-secret': 'weakSecret',
  'long-lived': 'longLived',
};

/**
 * A finding's level: `jwt.problems.securityReview` by id, else its own severity (notes are not
 * reported unless a setting asks for them).
 */
function findingLevel(finding: Finding, settings: Record<string, unknown>): Level {
  const set = Object.hasOwn(settings, finding.id) ? settings[finding.id] : undefined;
  if (set === 'off' || (typeof set === 'string' && Object.hasOwn(SEVERITY, set))) return set as Level;
  return finding.severity === 'info' ? 'off' : finding.severity;
}

/** One slice of work between yields: the extension host stays responsive while a big log is checked. */
const SLICE_MS = 5;
/** Lines read between two looks at the clock when they hold no token: a hundred take well under a millisecond. */
const LINES_PER_STEP = 128;
/** A token's risks depend on the clock (expired, not yet valid): reuse them for this long, then recompute. */
const RISK_REUSE_MS = 60_000;
const RISK_CACHE_SIZE = 50_000;

interface CachedRisks {
  risks: readonly TokenRisk[];
  at: number;
  options: string;
}

/**
 * Problems for risky tokens (core/risks.ts) in open documents. Each document's tokens are indexed by
 * line and kept up to date edit by edit (core/hints.ts), so an edit rescans only the lines it touched;
 * once typing pauses, the problems are rebuilt from the index in slices of a few milliseconds, with each
 * token's risks remembered, so a 10 MB log never holds the extension host for more than a frame. The
 * weak-secret check is asynchronous and remembered per token.
 */
export class TokenProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('jwt');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The latest run per document: an older one still going stops at its next slice. */
  private readonly runs = new Map<string, number>();
  private runCount = 0;
  private readonly risks = new Map<string, CachedRisks>();
  private readonly weakSecrets = new Map<string, Promise<string | undefined>>();
  /** What each document's Problems were last set to. */
  private readonly published = new Map<string, vscode.Diagnostic[]>();
  private readonly subscriptions: vscode.Disposable[];

  /**
   * `tokens`: the documents' token index, shared with the hints; `reviews`: the security review's
   * findings become Problems too (jwt.problems.securityReview).
   */
  constructor(
    private readonly tokens: DocumentTokens,
    private readonly reviews?: SecurityReviews,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      tokens.onDidChange(({ event }: TokensChange) => this.schedule(event.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('jwt.problems'))
          for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
      }),
    ];
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const s of this.subscriptions) s.dispose();
    this.runs.clear();
    this.collection.dispose();
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.collection.delete(document.uri);
    this.published.delete(key);
    this.runs.delete(key);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (SKIPPED_SCHEMES.has(document.uri.scheme)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.update(document);
      }, delay),
    );
  }

  private async update(document: vscode.TextDocument): Promise<void> {
    // A language change closes the document and opens it again as a new object: the old one is done.
    if (document.isClosed) return;
    const key = document.uri.toString();
    const config = vscode.workspace.getConfiguration('jwt.problems', document);
    if (!config.get<boolean>('enabled', true)) {
      this.collection.delete(document.uri);
      this.published.delete(key);
      return;
    }
    const run = ++this.runCount;
    this.runs.set(key, run);
    const current = () => this.runs.get(key) === run && !document.isClosed;
    // Read once a run: a setting lookup per token is most of the time a big log's check takes.
    const levels = new Map<RiskKind, Level>();
    const level = (kind: RiskKind) => {
      let at = levels.get(kind);
      if (at === undefined) {
        at = config.get<Level>(kind, DEFAULT_LEVEL[kind]);
        levels.set(kind, at);
      }
      return at;
    };
    const options = {
      now: new Date(),
      hardCoded: CODE_LANGUAGES.has(document.languageId),
      longLivedDays: config.get<number>('longLivedDays', 30),
    };
    const optionsKey = `${options.hardCoded}:${options.longLivedDays}`;
    const version = document.version;
    const diagnostics: vscode.Diagnostic[] = [];
    const report = (message: string, code: string, at: Level, range: vscode.Range) => {
      // "off", or a value the settings editor would not allow: nothing to report.
      const severity = Object.hasOwn(SEVERITY, at) ? SEVERITY[at as keyof typeof SEVERITY] : undefined;
      if (severity === undefined || diagnostics.length >= MAX_PROBLEMS) return;
      const diagnostic = new vscode.Diagnostic(range, message, severity);
      diagnostic.source = PROBLEM_SOURCE;
      diagnostic.code = code;
      diagnostics.push(diagnostic);
    };
    const add = (risk: TokenRisk, range: vscode.Range) => report(risk.message, risk.kind, level(risk.kind), range);
    const reviewSettings = config.get<Record<string, unknown>>('securityReview', {}) ?? {};
    const audits: Array<{ token: string; range: vscode.Range; longLived: boolean }> = [];
    const index = this.tokens.of(document);
    const weakChecks: Array<{ token: string; range: vscode.Range }> = [];
    let sliceStart = performance.now();
    const due = () => performance.now() - sliceStart > SLICE_MS;
    /** Yields to the host's other work; false when a newer run has taken over. */
    const pause = async () => {
      await nextTask();
      sliceStart = performance.now();
      return current();
    };
    // A hundred lines at a time (the index scans a line when first asked for), yielding between
    // slices: lines without tokens cost time too. A token whose risks are not cached costs tens of
    // microseconds, so the clock is also read before each token.
    // The first slice waits for its turn too: another document's run may have one due now.
    if (!(await pause())) return;
    for (let from = 0; from < index.lineCount && diagnostics.length < MAX_PROBLEMS; from += LINES_PER_STEP) {
      if (due() && !(await pause())) return;
      for (const { line, match } of index.tokensIn(from, from + LINES_PER_STEP)) {
        if (diagnostics.length >= MAX_PROBLEMS) break;
        if (due() && !(await pause())) return;
        const range = new vscode.Range(line, match.start, line, match.end);
        const risks = this.risksOf(match.token, options, optionsKey);
        for (const risk of risks) add(risk, range);
        if (this.reviews && audits.length < MAX_AUDITS)
          audits.push({ token: match.token, range, longLived: risks.some((r) => r.kind === 'longLived') });
        if (
          (match.kind === 'jws' || match.kind === 'sd-jwt') &&
          level('weakSecret') !== 'off' &&
          weakChecks.length < MAX_WEAK_SECRET_CHECKS
        )
          weakChecks.push({ token: match.token, range });
      }
    }
    // Sending a thousand Problems to the window takes milliseconds of its own: a task of its own too.
    await nextTask();
    if (!current()) return;
    this.publish(document.uri, diagnostics);
    // The security review and the weak-secret check are asynchronous: a batch of tokens at a time, each
    // batch a task of its own, stopping when a newer run starts.
    const shown = diagnostics.length;
    const reviews = this.reviews;
    for (let i = 0; reviews && i < audits.length && diagnostics.length < MAX_PROBLEMS; i += AUDIT_BATCH) {
      // Not in the task that sent the Problems: VS Code's own handling of them takes milliseconds.
      if (i === 0) await nextTask();
      const batch = audits.slice(i, i + AUDIT_BATCH);
      const results = await Promise.all(batch.map(({ token }) => reviews.review(token)));
      if (!current()) return;
      batch.forEach(({ range, longLived }, j) => {
        for (const finding of results[j]!) {
          if (Object.hasOwn(SAME_AS_RISK, finding.id)) continue;
          if (finding.id === 'exp-missing' && longLived) continue;
          report(finding.message, finding.id, findingLevel(finding, reviewSettings), range);
        }
      });
      await nextTask();
    }
    for (let i = 0; i < weakChecks.length && diagnostics.length < MAX_PROBLEMS; i += AUDIT_BATCH) {
      const batch = weakChecks.slice(i, i + AUDIT_BATCH);
      const secrets = await Promise.all(batch.map(({ token }) => this.weakSecret(token)));
      if (!current()) return;
      batch.forEach(({ range }, j) => {
        const secret = secrets[j];
        if (secret !== undefined) add(weakSecretRisk(secret), range);
      });
      await nextTask();
    }
    // An edit since then has scheduled a fresh run: these ranges may be stale.
    if (current() && document.version === version && diagnostics.length > shown)
      this.publish(document.uri, diagnostics);
  }

  /**
   * Sets the document's Problems unless they are the ones it has: sending a thousand problems to the
   * window costs the extension host several milliseconds, and most edits change none of them.
   */
  private publish(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): void {
    const key = uri.toString();
    const last = this.published.get(key);
    if (last && sameDiagnostics(last, diagnostics)) return;
    this.published.set(key, [...diagnostics]);
    this.collection.set(uri, diagnostics);
  }

  /** A token's risks, decoded once and reused while the clock cannot have changed them much. */
  private risksOf(token: string, options: RiskOptions & { now: Date }, optionsKey: string): readonly TokenRisk[] {
    const now = options.now.getTime();
    const cached = this.risks.get(token);
    if (cached && cached.options === optionsKey && now - cached.at < RISK_REUSE_MS) return cached.risks;
    if (this.risks.size >= RISK_CACHE_SIZE) this.risks.clear();
    const risks = tokenRisks(token, options);
    this.risks.set(token, { risks, at: now, options: optionsKey });
    return risks;
  }

  private weakSecret(token: string): Promise<string | undefined> {
    let found = this.weakSecrets.get(token);
    if (!found) {
      if (this.weakSecrets.size >= WEAK_CACHE_SIZE) this.weakSecrets.clear();
      found = findWeakSecret(token);
      this.weakSecrets.set(token, found);
    }
    return found;
  }
}

/** Runs waiting for their next slice, across all documents, oldest first. */
const waiting: Array<() => void> = [];

/**
 * Lets the extension host's other work in: the rest runs as a task of its own. One slice per task
 * across all documents' runs: timers due together run in one go, so two big documents checked at
 * once would otherwise hold the host for both slices.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (waiting.length === 1) setTimeout(nextSlice, 0);
  });
}

function nextSlice(): void {
  waiting.shift()?.();
  if (waiting.length > 0) setTimeout(nextSlice, 0);
}

function sameDiagnostics(a: readonly vscode.Diagnostic[], b: readonly vscode.Diagnostic[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (d, i) =>
        d.range.isEqual(b[i]!.range) &&
        d.message === b[i]!.message &&
        d.code === b[i]!.code &&
        d.severity === b[i]!.severity,
    )
  );
}
