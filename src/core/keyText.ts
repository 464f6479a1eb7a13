/**
 * What a pasted key text is. Public-key material arrives in many wrappings (PEM indented in YAML,
 * with escaped "\n" in JSON or .env, bare base64 DER, OpenSSH lines, JWK inside a string literal…),
 * and text that holds such material must never be taken for an HMAC secret: anyone who has the
 * public key could then forge HS256 tokens (the RS256→HS256 key-confusion attack). So structures
 * are parsed, not guessed from their first characters.
 */
import * as l10n from '@vscode/l10n';
import type { JWK } from 'jose';
import { decodeBase64url } from './base64url';
import { base64Of, derKeyAlgorithm, derKeyShape, pkcs1ToSpki, readDer, type DerKeyShape } from './der';
import { JwtError } from './errors';
import { findJsonError, isJsonObject } from './json';
import { readSshWire, SSH_KEY_TYPES } from './sshKey';

/** What kind of key a text is. */
export type KeyTextKind =
  | 'secret'
  | 'public-key'
  | 'certificate'
  | 'private-key'
  | 'jwk'
  | 'jwks'
  | 'ssh-public-key'
  | 'pem-other';

/** How the key is written. */
export type KeyTextForm = 'text' | 'pem' | 'base64' | 'hex' | 'der' | 'json' | 'openssh';

/** What {@link classifyKeyText} found. */
export interface KeyTextClass {
  kind: KeyTextKind;
  form: KeyTextForm;
  /**
   * True when the text is or holds asymmetric key material (a public key, a certificate, a private
   * key, an RSA/EC/OKP JWK or a JWKS with one): it is never used as an HMAC secret.
   */
  keyMaterial: boolean;
  /**
   * False when the material was only found inside other text (a base64 run among words): the host
   * may ask whether the text is a shared secret after all. Even then it is not used for HMAC unless
   * the caller says it is a secret (`keyType: 'secret'`).
   */
  certain: boolean;
  /** The PEM label, OpenSSH key type, JWK kty or DER structure, when there is one. */
  detail?: string;
  /** The key algorithm read from the structure ("RSA", "EC", "Ed25519"…), when it names one. */
  algorithm?: string;
  /** "a public key (PEM)", "an OpenSSH public key (ssh-ed25519)", "a shared secret": for messages. */
  description: string;
}

/** A key text read: what it is and, when it can be used, its usable form. Not part of the public API. */
export interface FoundKey {
  class: KeyTextClass;
  pem?: { label: 'PUBLIC KEY' | 'CERTIFICATE' | 'PRIVATE KEY'; pem: string };
  /** A parsed JWK or JWKS object. */
  json?: Record<string, unknown>;
  /** A key converted from another format (OpenSSH). */
  jwk?: JWK;
  /** Why recognised material cannot be used. */
  problem?: JwtError;
}

/** Longer texts are not searched for embedded keys (an RSA 16384-bit PEM is under 4 KB). */
const SEARCH_LIMIT = 256 * 1024;
/** Fewer base64 characters than the smallest key structure (an Ed25519 SPKI is 60). */
const MIN_RUN = 40;

/**
 * Says what a key text is: a shared secret, or public-key material in any common wrapping (PEM,
 * base64 or hex DER, raw DER, OpenSSH, JWK or JWKS JSON, also escaped or inside other text).
 * @example classifyKeyText('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI… me@host') // { kind: 'ssh-public-key', keyMaterial: true, … }
 * @example classifyKeyText('correct horse battery staple').kind // 'secret'
 */
export function classifyKeyText(text: string): KeyTextClass {
  return findKeyText(text).class;
}

/** Reads a key text; never throws (problems come back in `problem`). */
export function findKeyText(raw: string): FoundKey {
  const text = raw.trim();
  const plain = unescapeLineBreaks(text);
  return (
    findSsh2(plain) ??
    findPem(plain) ??
    findOpenSsh(plain) ??
    findJson(text, plain) ??
    findXmlRsa(plain) ??
    wholeEncoded(plain) ??
    rawDer(raw) ??
    urlEncoded(text) ??
    embeddedBase64(plain) ?? { class: SECRET() }
  );
}

/** A key URL-encoded, as in a query string or a cookie ("-----BEGIN%20PUBLIC%20KEY-----%0AMIIB…"). */
function urlEncoded(text: string): FoundKey | undefined {
  if (!/%[0-9A-Fa-f]{2}/.test(text)) return undefined;
  // As encodeURIComponent writes it, and as a form does ("+" for a space); a certain reading first.
  let uncertain: FoundKey | undefined;
  for (const form of [text, text.replace(/\+/g, ' ')]) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(form);
    } catch {
      continue;
    }
    const found = decoded === text ? undefined : findKeyText(decoded);
    if (found?.class.keyMaterial && found.class.certain) return found;
    if (found?.class.keyMaterial) uncertain ??= found;
  }
  return uncertain;
}

/**
 * Reads key bytes: DER or OpenSSH wire data of a key, or the UTF-8 text of any key form (a PEM file
 * read as bytes); otherwise a secret. Never throws.
 */
export function findKeyBytes(bytes: Uint8Array): FoundKey {
  const found = fromBytes(bytes, 'der', true);
  if (found) return found;
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  const inText = text === undefined ? undefined : findKeyText(text);
  return inText?.class.keyMaterial ? inText : { class: SECRET() };
}

const SECRET = (): KeyTextClass => ({
  kind: 'secret',
  form: 'text',
  keyMaterial: false,
  certain: true,
  description: l10n.t('a shared secret'),
});

/** Escaped line breaks (JSON strings, .env files, doubly escaped too) as real ones. */
function unescapeLineBreaks(text: string): string {
  return text
    .replace(/\\+r\\+n|\\+n|\\+r/g, '\n')
    .replace(/\\+t/g, '\t')
    .replace(/\\+\//g, '/'); // JSON may escape "/" (PHP's json_encode does)
}

const FORMS = (): Record<KeyTextForm, string> => ({
  text: l10n.t('text'),
  pem: 'PEM',
  base64: l10n.t('base64 DER'),
  hex: l10n.t('hex DER'),
  der: l10n.t('DER bytes'),
  json: 'JSON',
  openssh: 'OpenSSH',
});

/** Algorithms whose names are read with "an" (an RSA…, an EC…, an Ed25519…, an X25519…). */
const AN = /^(?:RSA|RSA-PSS|EC|Ed25519|Ed448|X25519|X448)$/;

function describe(kind: KeyTextKind, form: KeyTextForm, detail?: string, algorithm?: string): string {
  const how = FORMS()[form];
  const named = algorithm !== undefined && AN.test(algorithm) ? algorithm : undefined;
  switch (kind) {
    case 'public-key':
      if (detail === 'PKCS#1') return l10n.t('an RSA public key (PKCS#1, {0})', how);
      return named ? l10n.t('an {0} public key ({1})', named, how) : l10n.t('a public key ({0})', how);
    case 'certificate':
      return named
        ? l10n.t('an X.509 certificate of an {0} key ({1})', named, how)
        : l10n.t('an X.509 certificate ({0})', how);
    case 'private-key':
      return named ? l10n.t('an {0} private key ({1})', named, how) : l10n.t('a private key ({0})', how);
    case 'jwk':
      return l10n.t('a JWK of key type {0}', detail ?? '?');
    case 'jwks':
      return l10n.t('a JWKS (a set of public keys)');
    case 'ssh-public-key':
      return l10n.t('an OpenSSH public key ({0})', detail ?? 'ssh');
    case 'pem-other':
      return l10n.t('a PEM block ("{0}")', detail ?? '');
    default:
      return l10n.t('a shared secret');
  }
}

function classOf(
  kind: KeyTextKind,
  form: KeyTextForm,
  detail?: string,
  certain = true,
  keyMaterial = kind !== 'secret',
  algorithm?: string,
): KeyTextClass {
  return {
    kind,
    form,
    keyMaterial,
    certain,
    ...(detail === undefined ? {} : { detail }),
    ...(algorithm === undefined ? {} : { algorithm }),
    description: describe(kind, form, detail, algorithm),
  };
}

/** For a PEM label that needs converting first: what it holds and the command that converts it. */
function conversion(label: string): string | undefined {
  switch (label) {
    case 'RSA PRIVATE KEY':
      return l10n.t(
        'This PEM ("{0}") is a PKCS#1 RSA private key; convert it to PKCS#8 with: {1}',
        label,
        'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem',
      );
    case 'EC PRIVATE KEY':
      return l10n.t(
        'This PEM ("{0}") is a SEC1 EC private key; convert it to PKCS#8 with: {1}',
        label,
        'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem',
      );
    case 'ENCRYPTED PRIVATE KEY':
      return l10n.t(
        'This PEM ("{0}") is a passphrase-protected key; decrypt it with: {1}',
        label,
        'openssl pkcs8 -in key.pem -out key-plain.pem',
      );
    case 'OPENSSH PRIVATE KEY':
      return l10n.t(
        'This PEM ("{0}") is an OpenSSH key; convert a copy to PKCS#8 with: {1}',
        label,
        'ssh-keygen -p -m PKCS8 -f copy-of-key',
      );
    default:
      return undefined;
  }
}

function pemKind(label: string): KeyTextKind {
  if (/PRIVATE KEY$/.test(label)) return 'private-key';
  if (/CERTIFICATE$/.test(label)) return 'certificate';
  if (/PUBLIC KEY$/.test(label)) return 'public-key';
  return 'pem-other';
}

/** A PEM block anywhere in the text (the first one: chains and `openssl x509 -text` output work). */
function findPem(text: string): FoundKey | undefined {
  // Any armour-like line counts as key material, even with a damaged first line ("-----begin …", four dashes).
  const at = text.search(/-{3,}\s*BEGIN /i);
  if (at === -1) return opensslText(text);
  const rest = text.slice(at);
  const label = /^-----BEGIN ([A-Z0-9 ]+)-----/.exec(rest)?.[1];
  const fail = (kind: KeyTextKind, message: string, detail?: string): FoundKey => ({
    class: classOf(kind, 'pem', detail ?? label),
    problem: new JwtError('key-format', message),
  });
  if (!label)
    return fail('pem-other', l10n.t('Malformed PEM: the first line should look like "-----BEGIN PUBLIC KEY-----"'), '');
  const kind = pemKind(label);
  const detail = label === 'RSA PUBLIC KEY' ? 'PKCS#1' : label;
  const convert = conversion(label);
  if (convert) return fail(kind, convert, detail);
  const known =
    label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY' || label === 'CERTIFICATE' || label === 'PRIVATE KEY';
  if (!known) {
    // "EC PUBLIC KEY", "X509 CERTIFICATE"…: usable when the body is a structure read under a known label.
    const shape = pemShape(rest, label);
    if (shape && shape.shape !== 'pkcs1-private' && shape.shape !== 'sec1')
      return fromDer(shape.shape, shape.der, 'pem', true);
    return fail(
      kind,
      l10n.t('PEM "{0}" is not a supported key format; use PUBLIC KEY, CERTIFICATE or PRIVATE KEY', label),
      detail,
    );
  }
  const begin = `-----BEGIN ${label}-----`;
  const end = rest.indexOf(`-----END ${label}-----`);
  if (end === -1)
    return fail(kind, l10n.t('Malformed PEM: there is no "-----END {0}-----" line (was it cut short?)', label), detail);
  // Whitespace, quotes closing and reopening a concatenated string literal ("…" + "…"), and stray backslashes.
  const body = rest
    .slice(begin.length, end)
    .replace(/(["'`])\s*\+\s*\1/g, '')
    .replace(/[\s\\]+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) {
    return fail(kind, l10n.t('Malformed PEM: the text between the BEGIN and END lines is not base64'), detail);
  }
  const der = decodeBase64url(body.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
  if (!readDer(der) || der[0] !== 0x30) {
    return fail(
      kind,
      l10n.t('Malformed PEM: the key data is incomplete or damaged (was part of it lost when copying?)'),
      detail,
    );
  }
  // PKCS#1 also turns up under the SPKI label (hand-made files); it is the same key.
  if (label === 'RSA PUBLIC KEY' || (label === 'PUBLIC KEY' && derKeyShape(der) === 'pkcs1-public')) {
    if (derKeyShape(der) !== 'pkcs1-public')
      return fail(
        kind,
        l10n.t('Malformed PEM: the key data is incomplete or damaged (was part of it lost when copying?)'),
        detail,
      );
    return {
      class: classOf(kind, 'pem', 'PKCS#1', true, true, 'RSA'),
      pem: { label: 'PUBLIC KEY', pem: pemOf('PUBLIC KEY', pkcs1ToSpki(der)) },
    };
  }
  const shape = derKeyShape(der);
  const algorithm = shape && derKeyAlgorithm(der, shape);
  // jose wants the block alone, from its BEGIN line: drop anything around it, such as further certificates of a chain.
  return {
    class: classOf(kind, 'pem', detail, true, true, algorithm),
    pem: { label, pem: `${begin}\n${body}\n-----END ${label}-----` },
  };
}

/** The DER inside a PEM block with any label, when it is a key structure. */
function pemShape(rest: string, label: string): { shape: DerKeyShape; der: Uint8Array } | undefined {
  const end = rest.indexOf(`-----END ${label}-----`);
  if (end === -1) return undefined;
  const der = base64Bytes(rest.slice(`-----BEGIN ${label}-----`.length, end).replace(/[\s\\]+/g, ''));
  const shape = der && derKeyShape(der);
  return shape ? { shape, der: der! } : undefined;
}

/** `openssl pkey -pubin -text` output without its PEM: the key's numbers in hex, not a key file. */
function opensslText(text: string): FoundKey | undefined {
  if (
    !/(?:Public-Key|Private-Key): \(\d+ bit/.test(text) &&
    !/(?:Modulus|pub|priv):\s*\n?\s*(?:[0-9a-f]{2}:){8}/i.test(text)
  )
    return undefined;
  return {
    class: classOf('public-key', 'text', 'openssl -text'),
    problem: new JwtError(
      'key-format',
      l10n.t(
        "This is openssl's text dump of a key, not a key file; give its PEM (openssl pkey -pubin -in key.pem -pubout)",
      ),
    ),
  };
}

function pemOf(label: string, der: Uint8Array): string {
  return `-----BEGIN ${label}-----\n${base64Of(der).replace(/.{64}(?=.)/g, '$&\n')}\n-----END ${label}-----`;
}

/** Bytes of base64 or base64url text (padding optional), or undefined. */
function base64Bytes(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  try {
    return decodeBase64url(text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
  } catch {
    return undefined;
  }
}

/** A key found as DER or OpenSSH wire bytes, however they were encoded. */
function fromBytes(bytes: Uint8Array, form: KeyTextForm, certain: boolean): FoundKey | undefined {
  const shape = derKeyShape(bytes);
  if (shape) return fromDer(shape, bytes, form, certain);
  const ssh = readSshWire(bytes);
  if (ssh) return fromSsh(ssh.type, ssh.jwk, form === 'der' ? 'der' : 'openssh', certain);
  return undefined;
}

const DER_KINDS: Readonly<Record<DerKeyShape, [KeyTextKind, string]>> = {
  spki: ['public-key', 'SPKI'],
  'pkcs1-public': ['public-key', 'PKCS#1'],
  certificate: ['certificate', 'X.509'],
  pkcs8: ['private-key', 'PKCS#8'],
  'pkcs1-private': ['private-key', 'PKCS#1'],
  sec1: ['private-key', 'SEC1'],
};

function fromDer(shape: DerKeyShape, der: Uint8Array, form: KeyTextForm, certain: boolean): FoundKey {
  const [kind, detail] = DER_KINDS[shape];
  const found: FoundKey = { class: classOf(kind, form, detail, certain, true, derKeyAlgorithm(der, shape)) };
  switch (shape) {
    case 'spki':
      return { ...found, pem: { label: 'PUBLIC KEY', pem: pemOf('PUBLIC KEY', der) } };
    case 'pkcs1-public':
      return { ...found, pem: { label: 'PUBLIC KEY', pem: pemOf('PUBLIC KEY', pkcs1ToSpki(der)) } };
    case 'certificate':
      return { ...found, pem: { label: 'CERTIFICATE', pem: pemOf('CERTIFICATE', der) } };
    case 'pkcs8':
      return { ...found, pem: { label: 'PRIVATE KEY', pem: pemOf('PRIVATE KEY', der) } };
    default:
      return {
        ...found,
        problem: new JwtError('key-format', conversion(shape === 'sec1' ? 'EC PRIVATE KEY' : 'RSA PRIVATE KEY')!),
      };
  }
}

function fromSsh(type: string, jwk: JWK | undefined, form: KeyTextForm, certain = true): FoundKey {
  const found: FoundKey = { class: classOf('ssh-public-key', form, type, certain) };
  if (jwk) return { ...found, jwk };
  return {
    ...found,
    problem: new JwtError(
      'key-format',
      l10n.t(
        'OpenSSH {0} keys cannot verify JWTs; supported are ssh-rsa, ecdsa-sha2-nistp256/384/521 and ssh-ed25519',
        type,
      ),
    ),
  };
}

/** "ssh-rsa AAAA… comment" anywhere in the text: the wire data must name the same key type. */
function findOpenSsh(text: string): FoundKey | undefined {
  const line = /(?:^|[\s"'`=:,([{])((?:ssh|ecdsa|sk)-[\w@.-]+)[ \t]+([A-Za-z0-9+/]{16,}={0,3})/.exec(text);
  if (!line || !SSH_KEY_TYPES.test(line[1]!)) return undefined;
  const type = line[1]!;
  const wire = base64Bytes(line[2]!);
  const name = new TextEncoder().encode(type);
  const named =
    !!wire && wire.length > 4 + name.length && wire[3] === name.length && name.every((byte, i) => wire[4 + i] === byte);
  if (!named) return undefined;
  const ssh = readSshWire(wire);
  if (ssh?.type === type) return fromSsh(type, ssh.jwk, 'openssh');
  return {
    class: classOf('ssh-public-key', 'openssh', type),
    problem: new JwtError(
      'key-format',
      l10n.t('The OpenSSH public key ({0}) is damaged: its data does not parse', type),
    ),
  };
}

/** RFC 4716: "---- BEGIN SSH2 PUBLIC KEY ----", header lines, base64 of the wire format. */
function findSsh2(text: string): FoundKey | undefined {
  const block = /---- BEGIN SSH2 PUBLIC KEY ----([\s\S]*?)---- END SSH2 PUBLIC KEY ----/.exec(text);
  if (!block) return undefined;
  const body = block[1]!.replace(/^[^:\n]*:(?:.*\\\r?\n)*.*$/gm, '').replace(/\s+/g, '');
  const wire = base64Bytes(body);
  const ssh = wire && readSshWire(wire);
  if (ssh) return fromSsh(ssh.type, ssh.jwk, 'openssh');
  return {
    class: classOf('ssh-public-key', 'openssh', 'SSH2'),
    problem: new JwtError(
      'key-format',
      l10n.t('The OpenSSH public key ({0}) is damaged: its data does not parse', 'SSH2'),
    ),
  };
}

/** JSON texts the key may be: as is, unescaped once, a string literal's content, the outermost {…} of each. */
function jsonCandidates(text: string, plain: string): string[] {
  const out = [text, text.replace(/\\(["\\/'])/g, '$1'), plain];
  if (/^"[\s\S]*"$/.test(text)) {
    try {
      const inner: unknown = JSON.parse(text);
      if (typeof inner === 'string') out.push(inner.trim());
    } catch {
      // not a JSON string literal
    }
  }
  if (/^'[\s\S]*'$/.test(text)) out.push(text.slice(1, -1).replace(/\\'/g, "'").replace(/\\\\/g, '\\'));
  for (const candidate of [...out]) {
    const open = candidate.indexOf('{');
    const close = candidate.lastIndexOf('}');
    if (open > 0 || (open === 0 && close < candidate.length - 1)) out.push(candidate.slice(open, close + 1));
  }
  return out.filter((candidate) => candidate.startsWith('{'));
}

/** A JS object literal as JSON: single-quoted strings, bare keys and trailing commas allowed. */
function looseJson(text: string): string {
  return text
    .replace(/'((?:[^'\\"]|\\.)*)'/g, '"$1"')
    .replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":')
    .replace(/,\s*([}\]])/g, '$1');
}

function jwkClass(value: Record<string, unknown>): FoundKey | undefined {
  if (Array.isArray(value.keys)) {
    const asymmetric = value.keys.some((entry) => !isJsonObject(entry) || entry.kty !== 'oct');
    return { class: classOf('jwks', 'json', undefined, true, asymmetric), json: value };
  }
  if (typeof value.kty === 'string')
    return { class: classOf('jwk', 'json', value.kty, true, value.kty !== 'oct'), json: value };
  // Public members without "kty": still an RSA or EC/OKP key, never a secret (readKey then says "no kty").
  const kty =
    typeof value.n === 'string' && typeof value.e === 'string'
      ? 'RSA'
      : typeof value.crv === 'string' && typeof value.x === 'string'
        ? typeof value.y === 'string'
          ? 'EC'
          : 'OKP'
        : undefined;
  if (kty) return { class: classOf('jwk', 'json', kty), json: value };
  return undefined;
}

/** A JWK (kty) or JWKS (keys array), however it is wrapped. */
function findJson(text: string, plain: string): FoundKey | undefined {
  if (!/kty|keys|"[nx]"/.test(text)) return undefined;
  const candidates = jsonCandidates(text, plain);
  for (const candidate of [...candidates, ...candidates.map(looseJson)]) {
    try {
      const parsed: unknown = JSON.parse(candidate);
      const found = isJsonObject(parsed) ? jwkClass(parsed) : undefined;
      if (found) return found;
    } catch {
      // the next candidate
    }
  }
  // Unreadable: still a key when it names an asymmetric key type; an error when it looks like a JWK at all.
  const asymmetric = /["']?kty["']?\s*:\s*["']?(RSA|EC|OKP)\b/.exec(plain.replace(/\\(["'])/g, '$1'));
  const looksLikeJwk = text.startsWith('{') && /"(?:kty|keys)"/.test(text);
  if (!asymmetric && !looksLikeJwk) return undefined;
  // Position only: the reason would quote a character of the key.
  const error = text.startsWith('{') ? findJsonError(text) : undefined;
  return {
    class: classOf(/"keys"/.test(text) ? 'jwks' : 'jwk', 'json', asymmetric?.[1], true, !!asymmetric),
    problem: new JwtError(
      'key-format',
      error
        ? l10n.t(
            'The key looks like a JWK or JWKS but is not valid JSON: the syntax breaks at line {0}, column {1}',
            error.line,
            error.column,
          )
        : l10n.t('The key looks like a JWK or JWKS but is not valid JSON: the syntax breaks'),
    ),
  };
}

/** .NET's XML form of an RSA key: <RSAKeyValue><Modulus>…</Modulus><Exponent>…</Exponent>…</RSAKeyValue>. */
function findXmlRsa(text: string): FoundKey | undefined {
  if (!/<RSAKeyValue>/i.test(text)) return undefined;
  const member = (name: string): string | undefined =>
    new RegExp(`<${name}>\\s*([A-Za-z0-9+/=\\s]+?)\\s*</${name}>`, 'i')
      .exec(text)?.[1]
      ?.replace(/\s+/g, '')
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  const [n, e] = [member('Modulus'), member('Exponent')];
  const found: FoundKey = {
    class: classOf(member('D') ? 'private-key' : 'public-key', 'text', 'RSAKeyValue', true, true, 'RSA'),
  };
  if (!n || !e)
    return { ...found, problem: new JwtError('key-format', l10n.t('The RSAKeyValue XML has no Modulus and Exponent')) };
  if (member('D'))
    return {
      ...found,
      problem: new JwtError(
        'key-format',
        l10n.t('The RSAKeyValue XML holds a private key; give its public half or a PKCS#8 PEM'),
      ),
    };
  return { ...found, jwk: { kty: 'RSA', n, e } };
}

/** The whole text as base64 (line breaks and quotes allowed) or hex of a key structure. */
function wholeEncoded(text: string): FoundKey | undefined {
  const compact = text.replace(/^(["'`])([\s\S]*)\1$/, '$2').replace(/\s+/g, '');
  if (compact.length < MIN_RUN) return undefined;
  if (/^(?:[0-9a-fA-F]{2}:?)+$/.test(compact)) {
    const hex = compact.replace(/:/g, '');
    const bytes = new Uint8Array(hex.length / 2).map((_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
    const found = fromBytes(bytes, 'hex', true);
    if (found) return found;
  }
  const bytes = base64Bytes(compact);
  if (!bytes) return undefined;
  return fromBytes(bytes, 'base64', true) ?? encodedText(bytes);
}

/** Base64 of a key's text, as Kubernetes secrets hold a PEM: the text inside, when it is key material. */
function encodedText(bytes: Uint8Array): FoundKey | undefined {
  let inner: string;
  try {
    inner = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  if (!/-----BEGIN |kty|keys|ssh-|ecdsa-/.test(inner)) return undefined;
  const found = findKeyText(inner);
  return found.class.keyMaterial ? found : undefined;
}

/** The text as the bytes themselves (DER read as Latin-1 or UTF-8 text). */
function rawDer(text: string): FoundKey | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control bytes are what tell DER read as text from words
  if (!/[\u0000-\u0008\u000e-\u001f\u007f-\uffff]/.test(text) || text.length > SEARCH_LIMIT) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a character over U+00FF means the bytes were read as UTF-8
  if (!/[^\u0000-\u00ff]/.test(text)) {
    const found = fromBytes(
      Uint8Array.from(text, (c) => c.charCodeAt(0)),
      'der',
      true,
    );
    if (found) return found;
  }
  return fromBytes(new TextEncoder().encode(text), 'der', true);
}

/** What may surround a key and still leave no doubt: a name, an `=` or `:`, quotes and brackets. */
const WRAPPER = /^[\s"'`=:,;{}()[\]<>/]*(?:[A-Za-z_][\w.-]*[\s"'`=:,;{}()[\]<>/]*)?$/;

/**
 * Base64 of a key structure among other text ("PUBLIC_KEY=MIIB…", a YAML value over several
 * lines): each long run of base64 characters, and runs separated only by line breaks joined.
 * Certain when nothing but a name and punctuation surrounds it; among free text, less so.
 */
function embeddedBase64(text: string): FoundKey | undefined {
  if (text.length > SEARCH_LIMIT) return undefined;
  const groups: RegExpExecArray[][] = [];
  let last = -1;
  for (const run of text.matchAll(/[A-Za-z0-9+/_-]{4,}={0,2}/g)) {
    if (last !== -1 && /^[\s"'`+\\]*$/.test(text.slice(last, run.index))) groups[groups.length - 1]!.push(run);
    else groups.push([run]);
    last = run.index + run[0].length;
  }
  // Each group whole, and without up to three words before or after it ("key:", a trailing comment word).
  for (const group of groups) {
    for (let from = 0; from < Math.min(4, group.length); from++) {
      for (let to = group.length; to > Math.max(from, group.length - 4); to--) {
        const runs = group.slice(from, to);
        const joined = runs.map((run) => run[0]).join('');
        if (joined.length < MIN_RUN) continue;
        const bytes = base64Bytes(joined);
        const found = bytes && fromBytes(bytes, 'base64', false);
        if (!found) continue;
        const start = runs[0]!.index;
        const end = runs[runs.length - 1]!.index + runs[runs.length - 1]![0].length;
        found.class.certain = WRAPPER.test(text.slice(0, start)) && WRAPPER.test(text.slice(end));
        return found;
      }
    }
  }
  return undefined;
}
