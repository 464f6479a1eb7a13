/** JSON helpers for precise messages: where a text stops being JSON, and what a value is. */
import * as l10n from '@vscode/l10n';
import { quoteChar } from './errors';

/** A JSON syntax error located in its text: 0-based offset, 1-based line and column. */
export interface JsonSyntaxError {
  reason: string;
  offset: number;
  line: number;
  column: number;
}

// Sticky scanners for findJsonError: a run of ordinary string characters (one character class, so
// fast on long strings), an escape sequence, and a number or literal.
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON strings may not hold raw control characters, so a run stops at one
const PLAIN = /[^"\\\u0000-\u001f]*/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
const SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])|true\b|false\b|null\b/y;

/**
 * Finds the first JSON syntax error in `text`, or undefined if it is valid JSON. Engines word and
 * locate JSON.parse errors differently (and some quote the input, which may be a secret), so we scan
 * ourselves. Iterative and linear, so deep nesting cannot overflow the stack; meant to run only
 * after JSON.parse has failed.
 *
 * @example
 * findJsonError('{"a":1,}') // { reason: "expected a property name in double quotes, found '}'", offset: 7, line: 1, column: 8 }
 */
export function findJsonError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const closers: string[] = [];
  const found = (): string =>
    i < text.length ? quoteChar(String.fromCodePoint(text.codePointAt(i)!)) : l10n.t('the end of the text');
  const fail = (reason: string): JsonSyntaxError => locate(text, i, reason);
  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  // Each reader advances past its token and returns an error reason, or undefined on success.
  const readString = (): string | undefined => {
    for (i++; ; i = ESCAPE.lastIndex) {
      PLAIN.lastIndex = i;
      PLAIN.test(text);
      i = PLAIN.lastIndex;
      if (text[i] === '"') {
        i++;
        return undefined;
      }
      if (i >= text.length) return l10n.t('the string is not closed');
      if (text[i] !== '\\') return l10n.t('{0} inside a string must be escaped', found());
      ESCAPE.lastIndex = i;
      if (!ESCAPE.test(text)) return l10n.t('invalid escape sequence in a string');
    }
  };
  const readKey = (): string | undefined => {
    skipSpace();
    if (text[i] !== '"') return l10n.t('expected a property name in double quotes, found {0}', found());
    const bad = readString();
    if (bad) return bad;
    skipSpace();
    if (text[i] !== ':') return l10n.t("expected ':' after the property name, found {0}", found());
    i++;
    return undefined;
  };
  const readScalar = (): string | undefined => {
    SCALAR.lastIndex = i;
    if (!SCALAR.test(text)) return l10n.t('expected a value, found {0}', found());
    i = SCALAR.lastIndex;
    return undefined;
  };

  for (;;) {
    // Expect a value at i.
    skipSpace();
    const open = text[i];
    if (open === '{' || open === '[') {
      i++;
      skipSpace();
      const close = open === '{' ? '}' : ']';
      if (text[i] === close)
        i++; // an empty container is a complete value
      else {
        closers.push(close);
        const bad = close === '}' ? readKey() : undefined;
        if (bad) return fail(bad);
        continue;
      }
    } else {
      const bad = open === '"' ? readString() : readScalar();
      if (bad) return fail(bad);
    }

    // After a value: close finished containers, then expect the next member.
    for (;;) {
      skipSpace();
      const close = closers[closers.length - 1];
      if (close === undefined)
        return i < text.length ? fail(l10n.t('unexpected {0} after the end of the JSON value', found())) : undefined;
      if (text[i] === close) {
        closers.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return fail(l10n.t("expected ',' or '{0}', found {1}", close, found()));
      i++;
      const bad = close === '}' ? readKey() : undefined;
      if (bad) return fail(bad);
      break;
    }
  }
}

/**
 * Where and why `text` is not JSON, as a message fragment.
 *
 * @example
 * describeJsonError('{"a":1,}') // "expected a property name in double quotes, found '}' (line 1, column 8)"
 */
export function describeJsonError(text: string): string {
  const error = findJsonError(text);
  return error
    ? l10n.t('{0} (line {1}, column {2})', error.reason, error.line, error.column)
    : l10n.t('it could not be parsed');
}

function locate(text: string, offset: number, reason: string): JsonSyntaxError {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { reason, offset, line, column: offset - lineStart + 1 };
}

/**
 * How a message names a value's JSON type.
 *
 * @example
 * jsonType([]) // "an array"
 */
export function jsonType(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return l10n.t('an array');
  switch (typeof value) {
    case 'boolean':
      return l10n.t('a boolean');
    case 'object':
      return l10n.t('an object');
    case 'string':
      return l10n.t('a string');
    case 'number':
      return l10n.t('a number');
    case 'bigint':
      return l10n.t('a bigint');
    case 'function':
      return l10n.t('a function');
    default:
      return l10n.t('a symbol');
  }
}

/**
 * How deeply valid JSON text nests objects and arrays, in one pass and without recursion.
 *
 * @example
 * jsonDepth('{"a":[1]}') // 2
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{' || c === '[') max = Math.max(max, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return max;
}

/** A JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
