/**
 * Token templates: claims with placeholders, filled in when a token is made from them.
 *
 * Placeholders sit in string values of the header and payload (and in inputs' defaults):
 * - `${now}` the time in seconds since the epoch; `${now+1h}`, `${now-5m}` relative to it
 *   (s, m, h, d, w, or plain seconds);
 * - `${uuid}` a random UUID (version 4), a new one at each use;
 * - `${input:id}` what the user answered for the template's input `id`;
 * - `${env:NAME}` an environment variable of the extension host (where the host has them).
 *
 * A string that is one placeholder and nothing else takes its value's type: `"${now+1h}"` becomes
 * a number, as does an input of type "number"; an optional input left empty removes the claim.
 * Inside a longer string a placeholder becomes text: `"user-${uuid}"`.
 */
import * as l10n from '@vscode/l10n';
import { JwtError } from './errors';
import { durationSeconds } from './expiry';
import { isJsonObject, jsonType } from './json';
import { parseLenientJson } from './payload';
import { SIGNING_ALGORITHMS } from './sign';

/** What a template makes: a JWS, or a Flask session cookie (itsdangerous, signed with SECRET_KEY). */
export type TemplateKind = 'jwt' | 'flask';

/** A value the user is asked for before the token is made. */
export interface TemplateInput {
  /** What `${input:id}` refers to: letters, digits, `_`, `-` and `.`. */
  id: string;
  /** The question, shown as the input box's prompt. Default: the id. */
  description?: string;
  /** The input box's initial text; may itself hold `${uuid}`, `${now}` or `${env:NAME}`. */
  default?: string;
  /** "number": the answer must be a number and becomes one; "url": an absolute URL. Default "string". */
  type?: 'string' | 'number' | 'url';
  /** An empty answer is allowed, and removes a claim that is this input alone. */
  optional?: boolean;
  /** A regular expression the answer must match (the whole answer). */
  pattern?: string;
}

export interface TokenTemplate {
  /** Stable: the built-ins' ids never change; a user template's id is its name. */
  id: string;
  name: string;
  description?: string;
  kind: TemplateKind;
  /** JWT only: the algorithms to offer, the first as the default; one means no question. Empty: any. */
  algs: string[];
  /** JWT only: extra protected header parameters (never `alg`). */
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  inputs: TemplateInput[];
  /** Where the template came from, for messages: "built-in" or the file's path. */
  source?: string;
}

/** What the placeholders draw on. */
export interface ExpandOptions {
  /** Answers by input id. */
  values?: Readonly<Record<string, string | number>>;
  now?: Date;
  /**
   * Reads an environment variable; leave it out where there are none (a web worker, or an untrusted
   * workspace): `${env:NAME}` is then refused with a message saying so.
   */
  env?: (name: string) => string | undefined;
  /** For tests: makes the `${uuid}` values. Default: random, crypto.getRandomValues. */
  uuid?: () => string;
}

/** The header and payload with every placeholder filled in, ready to sign. */
export interface ExpandedTemplate {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** What reading a templates file gave: the good templates, and a sentence for each that was skipped. */
export interface TemplateFile {
  templates: TokenTemplate[];
  problems: string[];
}

const PLACEHOLDER = /\$\{([^{}]*)\}/g;
const WHOLE = /^\$\{([^{}]*)\}$/;
const INPUT_ID = /^[A-Za-z_][\w.-]*$/;
/** Placeholders nest at most this deep in a template's JSON: a guard, not a limit anyone meets. */
const MAX_DEPTH = 32;

type Placeholder =
  | { type: 'now'; offset: number }
  | { type: 'uuid' }
  | { type: 'input'; id: string }
  | { type: 'env'; name: string };

/** The empty answer of an optional input, where it stands alone: the claim goes away. */
const REMOVED = Symbol('removed');

/**
 * Reads what is between `${` and `}`.
 * @throws {JwtError} `template-placeholder` naming it and where it is
 */
function readPlaceholder(body: string, where: string): Placeholder {
  const text = body.trim();
  if (text === 'uuid') return { type: 'uuid' };
  const now = /^now\s*(?:([+-])\s*(.+))?$/.exec(text);
  if (now) {
    if (!now[1]) return { type: 'now', offset: 0 };
    const seconds = durationSeconds(now[2]!);
    if (seconds === undefined)
      throw placeholderError(
        l10n.t(
          '{0} in {1}: "{2}" is not a duration; write e.g. ${now+15m}, ${now+1h}, ${now-1d} or ${now+3600}',
          `\${${body}}`,
          where,
          now[2]!.trim(),
        ),
      );
    return { type: 'now', offset: now[1] === '-' ? -seconds : seconds };
  }
  const named = /^(input|env):\s*(.*)$/.exec(text);
  if (named?.[1] === 'input') {
    const id = named[2]!.trim();
    if (!INPUT_ID.test(id))
      throw placeholderError(
        l10n.t('{0} in {1}: an input id is letters, digits, "_", "-" and "."', `\${${body}}`, where),
      );
    return { type: 'input', id };
  }
  if (named?.[1] === 'env') {
    const name = named[2]!.trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw placeholderError(
        l10n.t('{0} in {1}: an environment variable name is letters, digits and "_"', `\${${body}}`, where),
      );
    return { type: 'env', name };
  }
  throw placeholderError(
    l10n.t(
      'Unknown placeholder {0} in {1}: use ${now}, ${now+1h}, ${uuid}, ${input:name} or ${env:NAME}',
      `\${${body}}`,
      where,
    ),
  );
}

function placeholderError(message: string): JwtError {
  return new JwtError('template-placeholder', message);
}

/** Every placeholder in a value, with where it is ("payload.exp"), in order. */
function* placeholders(value: unknown, where: string, depth = 0): Generator<[Placeholder, string]> {
  if (depth > MAX_DEPTH) throw templateError(l10n.t('{0} nests more than {1} levels deep', where, MAX_DEPTH));
  if (typeof value === 'string') {
    for (const m of value.matchAll(PLACEHOLDER)) yield [readPlaceholder(m[1]!, where), where];
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* placeholders(item, `${where}[${i}]`, depth + 1);
  } else if (isJsonObject(value)) {
    for (const [key, item] of Object.entries(value)) yield* placeholders(item, `${where}.${key}`, depth + 1);
  }
}

function templateError(message: string): JwtError {
  return new JwtError('template-invalid', message);
}

/** A random version 4 UUID, from crypto.getRandomValues (randomUUID needs a secure context). */
function randomUuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Fills in the placeholders of one value. */
class Expander {
  private readonly nowSeconds: number;
  private readonly inputs: ReadonlyMap<string, TemplateInput>;

  constructor(
    template: Pick<TokenTemplate, 'inputs'>,
    private readonly options: ExpandOptions,
  ) {
    this.nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
    this.inputs = new Map(template.inputs.map((input) => [input.id, input]));
  }

  /** The value with placeholders filled in; REMOVED for an optional input left empty that stands alone. */
  value(value: unknown, where: string, depth = 0): unknown {
    if (depth > MAX_DEPTH) throw templateError(l10n.t('{0} nests more than {1} levels deep', where, MAX_DEPTH));
    if (typeof value === 'string') return this.text(value, where);
    if (Array.isArray(value))
      return value.map((item, i) => this.value(item, `${where}[${i}]`, depth + 1)).filter((item) => item !== REMOVED);
    if (isJsonObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const filled = this.value(item, `${where}.${key}`, depth + 1);
        if (filled !== REMOVED) out[key] = filled;
      }
      return out;
    }
    return value;
  }

  private text(value: string, where: string): unknown {
    const whole = WHOLE.exec(value);
    if (whole) return this.typed(readPlaceholder(whole[1]!, where), where);
    return value.replace(PLACEHOLDER, (_, body: string) => {
      const filled = this.typed(readPlaceholder(body, where), where);
      return filled === REMOVED ? '' : String(filled);
    });
  }

  private typed(placeholder: Placeholder, where: string): unknown {
    switch (placeholder.type) {
      case 'now':
        return this.nowSeconds + placeholder.offset;
      case 'uuid':
        return (this.options.uuid ?? randomUuid)();
      case 'env':
        return this.env(placeholder.name, where);
      case 'input':
        return this.input(placeholder.id, where);
    }
  }

  private env(name: string, where: string): string {
    if (!this.options.env)
      throw placeholderError(
        l10n.t(
          '{0} in {1} cannot be filled in: environment variables are not available here (VS Code for the Web, or a workspace you have not trusted)',
          `\${env:${name}}`,
          where,
        ),
      );
    const value = this.options.env(name);
    if (value === undefined)
      throw placeholderError(
        l10n.t('{0} in {1}: the environment variable {2} is not set', `\${env:${name}}`, where, name),
      );
    return value;
  }

  private input(id: string, where: string): unknown {
    const input = this.inputs.get(id);
    if (!input)
      throw placeholderError(
        l10n.t('{0} in {1}: the template has no input "{2}" (declare it in "inputs")', `\${input:${id}}`, where, id),
      );
    const given = this.options.values?.[id];
    if (given === undefined)
      throw placeholderError(l10n.t('{0} in {1}: no value was given for it', `\${input:${id}}`, where));
    const text = String(given);
    const problem = checkTemplateInput(input, text);
    if (problem) throw new JwtError('template-input', l10n.t('The input "{0}": {1}', id, problem));
    if (text.trim() === '' && input.optional) return REMOVED;
    return input.type === 'number' ? Number(text) : text;
  }
}

/**
 * The template's header and payload with every placeholder filled in: times relative to `now`, a
 * new UUID for each `${uuid}`, the answers for `${input:…}`, environment variables for `${env:…}`.
 *
 * @throws {JwtError} `template-placeholder` (unknown placeholder, undeclared input, missing answer,
 *   environment variables not available or not set), `template-input` (an answer that fails its
 *   input's checks), `template-invalid`
 * @example
 * expandTemplate(template, { values: { client_id: 'my-app' }, now: new Date(0) }).payload
 * // { iss: 'my-app', sub: 'my-app', exp: 300, iat: 0, jti: '…' }
 */
export function expandTemplate(
  template: Pick<TokenTemplate, 'header' | 'payload' | 'inputs'>,
  options: ExpandOptions = {},
): ExpandedTemplate {
  const expander = new Expander(template, options);
  return {
    header: expander.value(template.header, 'header') as Record<string, unknown>,
    payload: expander.value(template.payload, 'payload') as Record<string, unknown>,
  };
}

/**
 * An input's default with its placeholders filled in (`${uuid}`, `${now}`, `${env:NAME}`), for the
 * input box to start from; "" when it has none.
 * @throws {JwtError} `template-placeholder` as expandTemplate does (a default cannot name inputs)
 */
export function inputDefault(input: TemplateInput, options: Omit<ExpandOptions, 'values'> = {}): string {
  if (input.default === undefined) return '';
  const filled = new Expander({ inputs: [] }, options).value(input.default, `inputs.${input.id}.default`);
  return filled === REMOVED ? '' : String(filled);
}

/**
 * What is wrong with an answer for `input`, in a sentence for the input box; undefined when it is fine.
 * @example checkTemplateInput({ id: 'iss', type: 'url' }, 'example') // 'Enter an absolute URL, such as https://…'
 */
export function checkTemplateInput(input: TemplateInput, value: string): string | undefined {
  const text = value.trim();
  if (text === '') return input.optional ? undefined : l10n.t('Enter a value (this one is required)');
  if (input.type === 'number' && !/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text))
    return l10n.t('Enter a number, such as 42');
  if (input.type === 'url' && !isAbsoluteUrl(text))
    return l10n.t('Enter an absolute URL, such as https://auth.example.com');
  if (input.pattern !== undefined) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(`^(?:${input.pattern})$`, 'u');
    } catch {
      return l10n.t('The template’s pattern for this input is not a valid regular expression');
    }
    if (!pattern.test(value)) return l10n.t('Enter a value that matches {0}', input.pattern);
  }
  return undefined;
}

function isAbsoluteUrl(text: string): boolean {
  try {
    return /^[a-z][\w+.-]*:/i.test(text) && new URL(text).protocol.length > 1 && !/\s/.test(text);
  } catch {
    return false;
  }
}

/**
 * Reads a templates file (`.vscode/jwt-templates.json`: JSON, comments and trailing commas
 * allowed): `{ "templates": [ { "name", "kind"?, "alg"?, "header"?, "payload", "inputs"? } ] }`.
 * A template with a mistake is left out, and a sentence says which and why; the others are kept.
 * @example readTemplates(text, '.vscode/jwt-templates.json').templates.map((t) => t.name)
 */
export function readTemplates(text: string, source?: string): TemplateFile {
  const parsed = parseLenientJson(text);
  if (!parsed.ok) {
    const { reason, line, column } = parsed.problem;
    return {
      templates: [],
      problems: [l10n.t('The file is not JSON: {0} at line {1}, column {2}', reason, line, column)],
    };
  }
  const list = isJsonObject(parsed.value) ? parsed.value.templates : undefined;
  if (!Array.isArray(list))
    return { templates: [], problems: [l10n.t('The file needs a "templates" array, e.g. { "templates": [ … ] }')] };
  const templates: TokenTemplate[] = [];
  const problems: string[] = [];
  for (const [i, raw] of list.entries()) {
    const label =
      isJsonObject(raw) && typeof raw.name === 'string' && raw.name.trim()
        ? l10n.t('Template {0} ("{1}")', i + 1, raw.name.trim())
        : l10n.t('Template {0}', i + 1);
    try {
      templates.push(readTemplate(raw, source));
    } catch (error) {
      problems.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { templates, problems };
}

/**
 * One template from its JSON, checked: its fields, its inputs, and every placeholder it holds.
 * @throws {JwtError} `template-invalid` or `template-placeholder`, a sentence without the prefix naming it
 */
function readTemplate(raw: unknown, source: string | undefined): TokenTemplate {
  if (!isJsonObject(raw)) throw templateError(l10n.t('a template is an object, not {0}', jsonType(raw)));
  const name = typeof raw.name === 'string' ? raw.name.trim() : '';
  if (!name) throw templateError(l10n.t('"name" is missing: give the template a name to pick it by'));
  const kind = raw.kind ?? 'jwt';
  if (kind !== 'jwt' && kind !== 'flask')
    throw templateError(l10n.t('"kind" is "jwt" (the default) or "flask", not {0}', JSON.stringify(kind)));
  if (!isJsonObject(raw.payload))
    throw templateError(l10n.t('"payload" must be an object of claims, not {0}', jsonType(raw.payload)));
  const header = raw.header ?? {};
  if (!isJsonObject(header)) throw templateError(l10n.t('"header" must be an object, not {0}', jsonType(header)));
  if (kind === 'flask' && (raw.header !== undefined || raw.alg !== undefined))
    throw templateError(l10n.t('a Flask session has no "header" or "alg": it is signed with the SECRET_KEY'));
  if ('alg' in header) throw templateError(l10n.t('put the algorithm in the template\'s "alg", not in "header"'));
  const template: TokenTemplate = {
    id: name,
    name,
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    kind,
    algs: readAlgs(raw.alg),
    header,
    payload: raw.payload,
    inputs: readInputs(raw.inputs),
    ...(source ? { source } : {}),
  };
  checkPlaceholders(template);
  return template;
}

function readAlgs(raw: unknown): string[] {
  if (raw === undefined) return [];
  const algs = typeof raw === 'string' ? [raw] : raw;
  const known = SIGNING_ALGORITHMS as readonly string[];
  if (!Array.isArray(algs) || algs.length === 0 || !algs.every((a) => typeof a === 'string' && known.includes(a)))
    throw templateError(l10n.t('"alg" is one of {0}, or a list of them (the first is the default)', known.join(', ')));
  return [...new Set(algs as string[])];
}

function readInputs(raw: unknown): TemplateInput[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw templateError(l10n.t('"inputs" must be a list, not {0}', jsonType(raw)));
  const seen = new Set<string>();
  return raw.map((item, i): TemplateInput => {
    const where = `inputs[${i}]`;
    if (!isJsonObject(item)) throw templateError(l10n.t('{0} is an object, not {1}', where, jsonType(item)));
    const { id, description, type, optional, pattern } = item;
    if (typeof id !== 'string' || !INPUT_ID.test(id))
      throw templateError(
        l10n.t('{0} needs an "id" of letters, digits, "_", "-" and "." (what ${input:id} names)', where),
      );
    if (seen.has(id)) throw templateError(l10n.t('two inputs have the id "{0}"', id));
    seen.add(id);
    if (description !== undefined && typeof description !== 'string')
      throw templateError(l10n.t('{0}: "{1}" must be text', where, 'description'));
    if (type !== undefined && type !== 'string' && type !== 'number' && type !== 'url')
      throw templateError(l10n.t('{0}: "type" is "string", "number" or "url", not {1}', where, JSON.stringify(type)));
    if (optional !== undefined && typeof optional !== 'boolean')
      throw templateError(l10n.t('{0}: "optional" is true or false', where));
    if (pattern !== undefined) {
      if (typeof pattern !== 'string') throw templateError(l10n.t('{0}: "{1}" must be text', where, 'pattern'));
      try {
        new RegExp(pattern, 'u');
      } catch {
        throw templateError(l10n.t('{0}: "pattern" is not a valid regular expression', where));
      }
    }
    const fallback = item.default;
    if (fallback !== undefined && typeof fallback !== 'string' && typeof fallback !== 'number')
      throw templateError(l10n.t('{0}: "default" must be text or a number', where));
    return {
      id,
      ...(description !== undefined ? { description } : {}),
      ...(fallback !== undefined ? { default: String(fallback) } : {}),
      ...(type !== undefined ? { type } : {}),
      ...(optional !== undefined ? { optional } : {}),
      ...(pattern !== undefined ? { pattern } : {}),
    };
  });
}

/**
 * Checks every placeholder of a template: each one known, each input declared, and inputs' defaults
 * free of `${input:…}`.
 * @throws {JwtError} `template-placeholder`
 */
function checkPlaceholders(template: TokenTemplate): void {
  const declared = new Set(template.inputs.map((input) => input.id));
  for (const [placeholder, where] of [
    ...placeholders(template.header, 'header'),
    ...placeholders(template.payload, 'payload'),
  ]) {
    if (placeholder.type === 'input' && !declared.has(placeholder.id))
      throw placeholderError(
        l10n.t(
          '{0} in {1}: the template has no input "{2}" (declare it in "inputs")',
          `\${input:${placeholder.id}}`,
          where,
          placeholder.id,
        ),
      );
  }
  for (const input of template.inputs) {
    for (const [placeholder, where] of placeholders(input.default, `inputs.${input.id}.default`)) {
      if (placeholder.type === 'input')
        throw placeholderError(l10n.t('{0}: a default cannot use another input', where));
    }
  }
}
