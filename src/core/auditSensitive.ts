import * as l10n from '@vscode/l10n';
import type { Finding } from './types';
import type { AuditContext } from './auditContext';

/** What a value looks like; passwords are known by their claim name, the rest by their shape. */
type Kind = 'password' | 'card' | 'private-key' | 'aws' | 'gcp' | 'github' | 'slack' | 'stripe' | 'cn-id' | 'ssn';

interface Hit {
  path: string;
  kind: Kind;
  /** The value as the message shows it: a few characters at most. */
  masked?: string;
}

/** Enough for any real payload; a crafted one stops being searched here. */
const MAX_VALUES = 10_000;
const MAX_DEPTH = 32;
const MAX_FINDINGS = 20;

// Claim names that hold a password or secret: exact, or as the last word ("db_password", "clientSecret").
const SECRET_NAMES = new Set(['pwd', 'pass', 'pw']);
const SECRET_SUFFIXES = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'apikey',
  'privatekey',
  'secretkey',
  'secretaccesskey',
];
// Values that say the secret was taken out: masks and "[REDACTED]". Anything else counts, even "x".
const NOT_A_SECRET = /^(?:[*•]+|[[<(]?(?:redacted|hidden|masked)[\]>)]?)$/i;
const PHONE_NAMES = /phone|mobile|fax|msisdn|(?:^|[_-])tel(?:$|[_-])/i;
// Identifiers: Facebook, Discord or database ids are long digit strings that pass Luhn one time in ten.
const ID_NAMES = /^(?:sub|jti|sid|uid|oid|tid|id|ids|nonce|azp|aud)$|[_-]ids?$|[a-z]Ids?$/;

const PATTERNS: readonly [Kind, RegExp][] = [
  ['private-key', /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/],
  ['aws', /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/],
  ['gcp', /(?<![\w-])AIza[\w-]{35}(?![\w-])/],
  ['github', /(?<!\w)(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{22,})(?!\w)/],
  ['slack', /(?<![A-Za-z0-9])xox[abpr]-[A-Za-z0-9-]{10,}/],
  ['stripe', /(?<![A-Za-z0-9])[sr]k_live_[A-Za-z0-9]{10,}/],
];
// Runs of digits with single spaces or dashes between, not glued to letters, digits or dashes (UUIDs).
const DIGIT_RUN = /(?<![\w-])\d(?:[ -]?\d)*(?![\w-])/g;
const CN_ID = /(?<![\w-])[1-9]\d{16}[\dX](?![\w-])/gi;
const SSN = /(?<![\w-])(\d{3})-(\d{2})-(\d{4})(?![\w-])/g;
const CN_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Sensitive values in the payload, which anyone holding the token can read: passwords and secrets
 * by claim name, and by shape payment card numbers (Luhn), private keys, cloud access keys, China
 * resident ID numbers and US Social Security numbers, at any depth. Messages name the claim and
 * never show the value.
 * @example checkSensitiveData(context) // [{ id: 'sensitive-data', message: 'The claim "password" …' }]
 */
export function checkSensitiveData(context: AuditContext): Finding[] {
  const { payload, now } = context;
  if (payload === undefined) return [];
  const hits: Hit[] = [];
  const stack: [value: unknown, path: string, name: string | undefined, depth: number][] = [
    [payload, '', undefined, 0],
  ];
  for (let seen = 0; stack.length > 0 && seen < MAX_VALUES && hits.length < MAX_FINDINGS; seen++) {
    const [value, path, name, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (name !== undefined && secretName(name) && value.trim() !== '' && !NOT_A_SECRET.test(value.trim())) {
        hits.push({ path, kind: 'password' });
      }
      hits.push(...scanText(value, path, name, now));
    } else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1e12) {
      hits.push(...scanText(String(value), path, name, now).filter((hit) => hit.kind === 'card'));
    } else if (typeof value === 'object' && value !== null && depth < MAX_DEPTH) {
      // Pushed in reverse so findings come in the payload's order.
      const entries = Array.isArray(value)
        ? value.map((item, i) => [item, `${path}[${i}]`, name] as const)
        : Object.entries(value).map(([key, item]) => [item, joinPath(path, key), key] as const);
      for (let i = entries.length - 1; i >= 0; i--) stack.push([...entries[i]!, depth + 1]);
    }
  }
  return hits.slice(0, MAX_FINDINGS).map(toFinding);
}

function secretName(name: string): boolean {
  const normalized = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_NAMES.has(normalized) || SECRET_SUFFIXES.some((suffix) => normalized.endsWith(suffix));
}

function joinPath(path: string, key: string): string {
  const plain = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  return path === '' ? plain : plain.startsWith('"') ? `${path}[${plain}]` : `${path}.${plain}`;
}

/** The sensitive shapes in one text, at most one hit of each kind. */
function scanText(text: string, path: string, name: string | undefined, now: Date): Hit[] {
  const hits: Hit[] = [];
  for (const [kind, pattern] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) hits.push({ path, kind, masked: kind === 'private-key' ? undefined : mask(match[0]) });
  }
  const ids = new Set<string>();
  for (const [id] of text.matchAll(CN_ID)) {
    if (chinaId(id, now)) {
      ids.add(id.slice(0, 17));
      hits.push({ path, kind: 'cn-id', masked: mask(id) });
      break;
    }
  }
  // Numbers under a phone-like name are phone numbers, whatever digits they happen to have.
  if (name !== undefined && PHONE_NAMES.test(name)) return hits;
  for (const [ssn, area, group, serial] of text.matchAll(SSN)) {
    if (area !== '000' && area !== '666' && !area!.startsWith('9') && group !== '00' && serial !== '0000') {
      hits.push({ path, kind: 'ssn', masked: mask(ssn) });
      break;
    }
  }
  if (ID_NAMES.test(name ?? '')) return hits;
  for (const [run] of text.matchAll(DIGIT_RUN)) {
    const digits = run.replace(/[ -]/g, '');
    if (!ids.has(digits.slice(0, 17)) && cardNumber(digits)) {
      hits.push({ path, kind: 'card', masked: `…${digits.slice(-4)}` });
      break;
    }
  }
  return hits;
}

/** 13 to 19 digits, an issuer prefix of the major networks (2 to 6), a valid Luhn check digit, not one digit repeated. */
function cardNumber(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19 || !/^[2-6]/.test(digits) || /^(\d)\1*$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A China resident ID: a region code not starting with 0, a birth date between 1900 and now, and the ISO 7064 MOD 11-2 check character. */
function chinaId(id: string, now: Date): boolean {
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getTime() > now.getTime() || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day)
    return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * CN_WEIGHTS[i]!;
  return '10X98765432'[sum % 11] === id[17]!.toUpperCase();
}

/** Enough of a value to recognise it by, never enough to use it. */
function mask(value: string): string {
  return value.length < 12 ? '…' : `${value.slice(0, 4)}…${value.slice(-2)}`;
}

function kindText(kind: Kind): string {
  switch (kind) {
    case 'password':
      return l10n.t('a password or secret');
    case 'card':
      return l10n.t('a payment card number');
    case 'private-key':
      return l10n.t('a private key');
    case 'aws':
      return l10n.t('an AWS access key');
    case 'gcp':
      return l10n.t('a Google API key');
    case 'github':
      return l10n.t('a GitHub token');
    case 'slack':
      return l10n.t('a Slack token');
    case 'stripe':
      return l10n.t('a Stripe live secret key');
    case 'cn-id':
      return l10n.t('a China resident ID number');
    case 'ssn':
      return l10n.t('a US Social Security number');
  }
}

function toFinding({ path, kind, masked }: Hit): Finding {
  const what = kindText(kind);
  return {
    id: 'sensitive-data',
    severity: kind === 'cn-id' || kind === 'ssn' ? 'warning' : 'error',
    part: 'payload',
    message:
      masked === undefined
        ? l10n.t(
            '{0} holds what looks like {1}. The payload is only base64url-encoded, not encrypted: anyone who sees the token can read it. Keep it out of the token (look it up server-side) or encrypt the token (JWE), and rotate it if the token was shared',
            claimName(path),
            what,
          )
        : l10n.t(
            '{0} holds what looks like {1} ({2}). The payload is only base64url-encoded, not encrypted: anyone who sees the token can read it. Keep it out of the token (look it up server-side) or encrypt the token (JWE), and rotate it if the token was shared',
            claimName(path),
            what,
            masked,
          ),
  };
}

function claimName(path: string): string {
  // The path is empty only for a payload that is text rather than claims.
  return path === '' ? l10n.t('The payload') : l10n.t('The claim {0}', JSON.stringify(path));
}
