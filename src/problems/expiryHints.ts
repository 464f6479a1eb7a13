import * as vscode from 'vscode';
import { hintsForLines, type PlacedHint } from '../core';
import type { DocumentTokens, TokensChange } from './documentTokens';

/** Lines hinted above and below the visible ones, so a short scroll shows hints at once. */
const MARGIN_LINES = 40;
/** setTimeout's longest delay (about 24.8 days); a later change is rescheduled then. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Inline hints after each token in the visible editors ("expires in 2 h", "unsigned"). Each
 * document's tokens are indexed by line and kept up to date edit by edit (core/hints.ts); only the
 * visible lines are hinted, and one timer redraws them when the first label would change.
 */
export class ExpiryHints implements vscode.Disposable {
  private readonly shown = new Map<vscode.TextEditor, { hints: PlacedHint[]; nextChange?: number }>();
  private readonly types = {
    ok: vscode.window.createTextEditorDecorationType({
      after: { color: new vscode.ThemeColor('jwt.hintForeground'), margin: '0 0 0 1em' },
    }),
    problem: vscode.window.createTextEditorDecorationType({
      after: { color: new vscode.ThemeColor('jwt.hintProblemForeground'), margin: '0 0 0 1em' },
    }),
  };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[];
  /** `jwt.hints.enabled` per document, read once: a settings lookup on every edit costs milliseconds on a big log. */
  private enabledFor = new WeakMap<vscode.TextDocument, boolean>();

  /** `tokens`: the documents' token index, shared with Problems. */
  constructor(private readonly tokens: DocumentTokens) {
    this.subscriptions = [
      vscode.window.onDidChangeVisibleTextEditors(() => this.renderAll()),
      vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor }) => this.render(textEditor)),
      tokens.onDidChange((change) => this.onChange(change)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('jwt.hints')) return;
        this.enabledFor = new WeakMap();
        this.renderAll();
      }),
    ];
    this.renderAll();
  }

  /** The hints last drawn in `editor` (what a user sees after each token). */
  hintsShown(editor: vscode.TextEditor): readonly PlacedHint[] {
    return this.shown.get(editor)?.hints ?? [];
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.types.ok.dispose();
    this.types.problem.dispose();
  }

  private enabled(document: vscode.TextDocument): boolean {
    let enabled = this.enabledFor.get(document);
    if (enabled === undefined) {
      enabled = vscode.workspace.getConfiguration('jwt.hints', document).get<boolean>('enabled', true);
      this.enabledFor.set(document, enabled);
    }
    return enabled;
  }

  private onChange({ event: { document }, indexed }: TokensChange): void {
    if (!indexed) return;
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.render(editor);
  }

  private renderAll(): void {
    this.shown.clear();
    for (const editor of vscode.window.visibleTextEditors) this.render(editor);
  }

  private render(editor: vscode.TextEditor): void {
    const { document } = editor;
    const hints: PlacedHint[] = [];
    let nextChange: number | undefined;
    if (this.enabled(document)) {
      const index = this.tokens.of(document);
      const now = Date.now();
      for (const [from, to] of visibleSpans(editor)) {
        const result = hintsForLines(index, from, to, now);
        hints.push(...result.hints);
        nextChange = earliest(nextChange, result.nextChange);
      }
    }
    this.shown.set(editor, { hints, nextChange });
    for (const tone of ['ok', 'problem'] as const) {
      const options = hints
        .filter((h) => h.hint.tone === tone)
        .map(({ line, column, hint }) => ({
          range: new vscode.Range(line, column, line, column),
          renderOptions: { after: { contentText: hint.text } },
        }));
      editor.setDecorations(this.types[tone], options);
    }
    this.schedule();
  }

  /** One timer for all visible editors, set for the first label that changes. */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const visible = new Set(vscode.window.visibleTextEditors);
    let next: number | undefined;
    for (const [editor, { nextChange }] of this.shown) {
      if (!visible.has(editor)) this.shown.delete(editor);
      else next = earliest(next, nextChange);
    }
    if (next !== undefined)
      this.timer = setTimeout(() => this.renderAll(), Math.min(MAX_DELAY_MS, Math.max(0, next - Date.now())));
  }
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

/** The visible line spans [from, to) with their margins, merged where they overlap (folds split the view). */
function visibleSpans(editor: vscode.TextEditor): [number, number][] {
  const spans: [number, number][] = [];
  for (const range of editor.visibleRanges) {
    const from = Math.max(0, range.start.line - MARGIN_LINES);
    const to = range.end.line + MARGIN_LINES + 1;
    const last = spans[spans.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else spans.push([from, to]);
  }
  return spans;
}
