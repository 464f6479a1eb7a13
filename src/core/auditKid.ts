import * as l10n from '@vscode/l10n';
import type { Finding } from './types';
import type { AuditContext } from './auditContext';

const MAX_KID_CHECKED = 1024;
// Path tricks, checked on the kid as given and percent-decoded: traversal, absolute Unix, Windows
// and UNC paths, home directories, file: URLs, NUL bytes, and /dev/null (a key of no bytes).
// "../" anywhere also catches filter bypasses such as "....//".
const TRAVERSAL = /\.\.[/\\]|(?:^|[/\\])\.\.$/;
const NUL = /\0/;
const PATH = [TRAVERSAL, NUL, /^[/\\]/, /^~[/\\]/, /^[a-z]:[/\\]/i, /^file:/i, /\/dev\/(?:null|zero|stdin|fd\/)/i];
// Shell: command separators, pipes, substitution, redirection to a file, line breaks.
const SHELL = /[;|`\r\n]|\$[({]|&&|>\s*[/~]/;
// SQL: a quote that closes a string and goes on with a condition, a comment or a statement, or the
// keyword pairs of a query. Quotes alone are left alone: "O'Brien-key" is a name, not an attack.
const SQL = [
  /['"]\s*\)*\s*(?:or|and|union|select|having|order\s+by|waitfor)\b/i,
  /['"]\s*(?:--|#|\/\*)/,
  /\bunion\b(?:\s+all)?\s+select\b/i,
  /\bselect\b\s.*\bfrom\b\s/i,
  /\b(?:drop|truncate|alter)\s+table\b/i,
  /\b(?:sleep|benchmark|pg_sleep)\s*\(/i,
  /\bor\s+(\w+)\s*=\s*\1\b/i,
];

/**
 * The key id: not a string, path traversal (it may name the file the key is read from) and SQL or
 * shell injection (it may be pasted into a query or a command).
 * @example checkKid(context) // [{ id: 'kid-path', severity: 'error', … }]
 */
export function checkKid(context: AuditContext): Finding[] {
  const { header } = context;
  if (!header || !Object.hasOwn(header, 'kid')) return [];
  const { kid } = header;
  if (typeof kid !== 'string') {
    return [
      {
        id: 'kid-type',
        severity: 'warning',
        part: 'header',
        message: l10n.t(
          'kid is {0}, not a string (RFC 7515 section 4.1.4): code that looks keys up by kid may coerce it, match the wrong key or crash; a common way to probe for type confusion. Issue string kids only',
          JSON.stringify(kid),
        ),
      },
    ];
  }
  const findings: Finding[] = [];
  // Decoded twice: servers that decode once more than their filter let %252e%252e%252f through. Real
  // kids are short; the start is enough, and keeps the patterns' backtracking bounded.
  const start = kid.slice(0, MAX_KID_CHECKED);
  const once = percentDecoded(start);
  const forms = [start, once, percentDecoded(once)];
  const shown = JSON.stringify(kid.length > 80 ? `${kid.slice(0, 80)}…` : kid);
  // A kid that is a URL (https://…/keys#1) is unusual, not an attack: its slashes are not a path.
  const rules = /^https?:\/\/[^/\\\s]+/i.test(kid) ? [TRAVERSAL, NUL] : PATH;
  if (forms.some((form) => rules.some((rule) => rule.test(form)))) {
    findings.push({
      id: 'kid-path',
      severity: 'error',
      part: 'header',
      message: l10n.t(
        'kid {0} looks like a file path (traversal, an absolute path, a file: URL, a NUL byte or /dev/null): a server that reads the key from a file named by kid can be made to use a file whose contents the attacker knows, even an empty one. Look kids up in a fixed table, never on disk',
        shown,
      ),
    });
  }
  if (forms.some((form) => SHELL.test(form) || SQL.some((rule) => rule.test(form)))) {
    findings.push({
      id: 'kid-injection',
      severity: 'error',
      part: 'header',
      message: l10n.t(
        'kid {0} contains SQL or shell syntax: a server that puts kid into a query or a command can be made to return a key the attacker chose (for example an empty string) or to run code. Look kids up with parameterized queries against an allow-list',
        shown,
      ),
    });
  }
  return findings;
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
