import type * as vscode from 'vscode';
import { TokenLines } from '../core';

/**
 * Each document's tokens indexed by line (core/hints.ts), built on first use and kept up to date edit
 * by edit, so an edit rescans only the lines it touched. The hints and Problems each keep one.
 */
export class DocumentTokens {
  private readonly indexes = new Map<string, TokenLines>();

  /** The document's index, built from its text the first time. */
  of(document: vscode.TextDocument): TokenLines {
    const key = document.uri.toString();
    let index = this.indexes.get(key);
    if (!index) {
      index = new TokenLines(document.getText());
      this.indexes.set(key, index);
    }
    return index;
  }

  /** Applies an edit to the document's index, if it has one; false when it has none (nothing to keep up). */
  update({ document, contentChanges }: vscode.TextDocumentChangeEvent): boolean {
    const index = this.indexes.get(document.uri.toString());
    if (!index || contentChanges.length === 0) return false;
    index.applyChanges(
      contentChanges.map(({ range, text }) => ({ startLine: range.start.line, endLine: range.end.line, text })),
      (line) => document.lineAt(line).text,
    );
    return true;
  }

  forget(document: vscode.TextDocument): void {
    this.indexes.delete(document.uri.toString());
  }
}
