import * as vscode from 'vscode';
import { TokenLines } from '../core';

/** What an edit did to the index: `indexed` is false for a document nobody has asked about. */
export interface TokensChange {
  event: vscode.TextDocumentChangeEvent;
  indexed: boolean;
}

/**
 * Each open document's tokens indexed by line (core/hints.ts), one index per document shared by the
 * hints and Problems: created on first use without reading the document (lines are scanned when
 * first asked for), kept up to date edit by edit before {@link onDidChange} tells its readers, and
 * dropped when the document closes.
 */
export class DocumentTokens implements vscode.Disposable {
  private readonly indexes = new Map<string, TokenLines>();
  private readonly changed = new vscode.EventEmitter<TokensChange>();
  /** Fires after an edit has been applied to the document's index. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions = [
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0) return;
      this.changed.fire({ event, indexed: this.update(event) });
    }),
    vscode.workspace.onDidCloseTextDocument((document) => this.indexes.delete(document.uri.toString())),
  ];

  /** The document's index. */
  of(document: vscode.TextDocument): TokenLines {
    const key = document.uri.toString();
    let index = this.indexes.get(key);
    if (!index) {
      index = new TokenLines(document.lineCount, (line) => document.lineAt(line).text);
      this.indexes.set(key, index);
    }
    return index;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
    this.indexes.clear();
  }

  private update({ document, contentChanges }: vscode.TextDocumentChangeEvent): boolean {
    const index = this.indexes.get(document.uri.toString());
    if (!index) return false;
    index.applyChanges(
      contentChanges.map(({ range, text }) => ({ startLine: range.start.line, endLine: range.end.line, text })),
      (line) => document.lineAt(line).text,
    );
    return true;
  }
}
