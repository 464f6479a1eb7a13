import * as l10n from '@vscode/l10n';
// The parser alone: the package's index also brings its stringify.
import parseJson5 from 'json5/lib/parse';
import { isJsonObject, jsonType } from './json';

/** Why a text is not a claims object, and where: 0-based offset, 1-based line and column within the text. */
export interface PayloadProblem {
  reason: string;
  offset: number;
  line: number;
  column: number;
}

export type PayloadParse = { ok: true; claims: Record<string, unknown> } | { ok: false; problem: PayloadProblem };

/**
 * Reads a claims object from JSON or a JavaScript object literal (unquoted keys, single quotes,
 * trailing commas, comments), as people select it from code. Never throws: a problem comes with
 * its position so an editor can point at it.
 *
 * @example
 * parsePayload("{ sub: 'alice', admin: true, }") // { ok: true, claims: { sub: 'alice', admin: true } }
 * parsePayload('{ "a": x }').problem // { reason: "invalid character 'x'", offset: 7, line: 1, column: 8 }
 */
export function parsePayload(text: string): PayloadParse {
  const parsed = parseLenientJson(text);
  if (!parsed.ok) return parsed;
  const { value } = parsed;
  if (isJsonObject(value)) return { ok: true, claims: value };
  const start = text.length - text.trimStart().length;
  return {
    ok: false,
    problem: {
      reason: l10n.t('expected an object of claims in braces, found {0}', jsonType(value)),
      offset: start,
      ...lineColumn(text, start),
    },
  };
}

/**
 * JSON or a JavaScript object literal, any value; a syntax error comes with its position. Not part
 * of the public API (template files are read with it too).
 */
export function parseLenientJson(text: string): { ok: true; value: unknown } | { ok: false; problem: PayloadProblem } {
  try {
    return { ok: true, value: parseJson5(text) };
  } catch (error) {
    const { message, lineNumber, columnNumber } = error as SyntaxError & { lineNumber?: number; columnNumber?: number };
    const line = lineNumber ?? 1;
    const column = columnNumber ?? 1;
    // json5 says "JSON5: invalid character 'x' at 2:6"; the position is reported separately.
    const reason = message.replace(/^JSON5: /, '').replace(/ at \d+:\d+$/, '');
    return { ok: false, problem: { reason, offset: offsetOf(text, line, column), line, column } };
  }
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) break;
    offset = next + 1;
  }
  return Math.min(text.length, offset + column - 1);
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
