import * as vscode from 'vscode';
import { findTokens, findWeakSecret, tokenRisks, weakSecretRisk, type RiskKind, type TokenRisk } from '../core';
import { SKIPPED_SCHEMES } from '../contributions';

/** Problems are recomputed once typing pauses this long, never on the keystroke itself. */
const DEBOUNCE_MS = 400;
/** A log can hold thousands of tokens: beyond these, a document's problems stop there. */
const MAX_PROBLEMS = 1000;
const MAX_WEAK_SECRET_CHECKS = 200;
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
 * Problems for risky tokens (core/risks.ts) in open documents: computed on open and, debounced, on
 * change; the weak-secret check is asynchronous and remembered per token.
 */
export class TokenProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('jwt');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly weakSecrets = new Map<string, Promise<string | undefined>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument(({ document }) => this.schedule(document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((document) => this.collection.delete(document.uri)),
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
    this.collection.dispose();
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
    const config = vscode.workspace.getConfiguration('jwt.problems', document);
    if (!config.get<boolean>('enabled', true)) {
      this.collection.delete(document.uri);
      return;
    }
    const level = (kind: RiskKind) => config.get<Level>(kind, DEFAULT_LEVEL[kind]);
    const options = {
      now: new Date(),
      hardCoded: CODE_LANGUAGES.has(document.languageId),
      longLivedDays: config.get<number>('longLivedDays', 30),
    };
    const version = document.version;
    const diagnostics: vscode.Diagnostic[] = [];
    const add = (risk: TokenRisk, range: vscode.Range) => {
      // "off", or a value the settings editor would not allow: nothing to report.
      const severity = SEVERITY[level(risk.kind) as keyof typeof SEVERITY];
      if (severity === undefined || diagnostics.length >= MAX_PROBLEMS) return;
      const diagnostic = new vscode.Diagnostic(range, risk.message, severity);
      diagnostic.source = PROBLEM_SOURCE;
      diagnostic.code = risk.kind;
      diagnostics.push(diagnostic);
    };
    const weakChecks: Promise<void>[] = [];
    for (const match of findTokens(document.getText())) {
      if (diagnostics.length >= MAX_PROBLEMS) break;
      const range = new vscode.Range(document.positionAt(match.start), document.positionAt(match.end));
      for (const risk of tokenRisks(match.token, options)) add(risk, range);
      if (match.kind === 'jws' && level('weakSecret') !== 'off' && weakChecks.length < MAX_WEAK_SECRET_CHECKS) {
        weakChecks.push(
          this.weakSecret(match.token).then((secret) => {
            if (secret !== undefined) add(weakSecretRisk(secret), range);
          }),
        );
      }
    }
    this.collection.set(document.uri, diagnostics);
    if (weakChecks.length === 0) return;
    await Promise.all(weakChecks);
    // An edit since then has scheduled a fresh run: these ranges may be stale.
    if (document.version === version && !document.isClosed) this.collection.set(document.uri, diagnostics);
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
