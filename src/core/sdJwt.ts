/**
 * SD-JWT (RFC 9901, Selective Disclosure for JSON Web Tokens): a JWS whose payload holds digests
 * of claims, followed by `~`-separated disclosures (base64url of `[salt, name, value]` for an
 * object property, `[salt, value]` for an array element) and, in a presentation, a key-binding JWT.
 * decodeSdJwt resolves the disclosures into the claims as a verifier does (RFC 9901 section 7.1)
 * and says, for each, whether the issuer signed its digest; it verifies no signature (verifyToken
 * checks the issuer's, and the key-binding JWT's with the holder key in cnf).
 *
 * Everything in it is attacker-controlled, so every step is bounded: at most MAX_DISCLOSURES
 * disclosures (splitToken refuses more), each JSON text at most MAX_JSON_DEPTH deep, the claims
 * with disclosures in place (recursive ones included) resolved down to MAX_JSON_DEPTH levels, each
 * disclosure applied at most once (so the claims never grow beyond the token's own size), and
 * claim names set as own properties (a disclosed "__proto__" is a claim like any other).
 */
import * as l10n from '@vscode/l10n';
import { decodeBase64url, encodeBase64url } from './base64url';
import { decodeToken, MAX_JSON_DEPTH, splitToken } from './decode';
import { JwtError } from './errors';
import { isJsonObject, jsonDepth, jsonType } from './json';
import type { DecodedToken } from './types';

/** One disclosure of an SD-JWT, decoded, and what became of it. */
export interface SdJwtDisclosure {
  /** As it appears in the token (base64url). */
  encoded: string;
  /** Its base64url digest with the SD-JWT's hash algorithm; '' when that algorithm is not supported. */
  digest: string;
  /** The salt; '' when the disclosure is malformed. */
  salt: string;
  /** The claim's name, for an object property; absent for an array element. */
  name?: string;
  /** The claim's value or the array element (undefined when the disclosure is malformed). */
  value: unknown;
  /** Whether the issuer signed its digest (in the payload or in another matched disclosure) and it was applied. */
  matched: boolean;
  /** Where it went in `claims`, e.g. `address.street_address` or `nationalities[0]`; when matched. */
  path?: string;
  /** Why it was not applied, when it was not; a verifier must then reject the SD-JWT (RFC 9901 section 7.1). */
  problem?: string;
}

/** A digest the issuer signed that no disclosure in the token matches: a claim that stays hidden, or a decoy. */
export interface SdJwtDigest {
  /**
   * Where it sits: the object whose `_sd` holds it (`''` for the top level, `address`), or the
   * array element it stands for (`nationalities[1]`, counting the issuer's elements).
   */
  path: string;
  digest: string;
  /** 'property' for a digest in an `_sd` array, 'element' for an array element `{"...": digest}`. */
  kind: 'property' | 'element';
}

/** The key-binding JWT of a presentation (SD-JWT+KB), decoded; verifyToken checks its signature. */
export interface SdJwtKeyBinding {
  header: Record<string, unknown>;
  payload: Record<string, unknown> | string | undefined;
  /** The sd_hash it should hold: the digest of everything before it; undefined when the hash algorithm is not supported. */
  sdHash?: string;
  /** Whether its sd_hash claim equals `sdHash`. */
  sdHashMatches: boolean;
  /** What RFC 9901 section 4.3 requires of it that it lacks: typ kb+jwt, iat, aud, nonce, sd_hash… */
  warnings: string[];
  /** The time claims, for display (decodeToken's). */
  times: DecodedToken['times'];
}

export interface SdJwtDecoded {
  /** The issuer-signed JWT's header and payload, as signed. */
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** The hash algorithm its digests use: `_sd_alg`, or "sha-256" by default. */
  hashAlg: string;
  /** Every disclosure in the token, in order. */
  disclosures: SdJwtDisclosure[];
  /**
   * The Processed SD-JWT Payload: the payload with the matched disclosures in place, and `_sd`,
   * `_sd_alg` and undisclosed array elements removed.
   */
  claims: Record<string, unknown>;
  /** The issuer's digests that no disclosure matched: what stays hidden. */
  undisclosed: SdJwtDigest[];
  /** Digests that appear more than once (RFC 9901 forbids it; each is applied once). */
  duplicateDigests: string[];
  /** The key-binding JWT, in a presentation that has one. */
  keyBinding?: SdJwtKeyBinding;
  /**
   * What is wrong with it as an SD-JWT, in sentences: unmatched or malformed disclosures, digests
   * seen twice, an unsupported hash algorithm, key-binding problems… (The issuer JWT's own warnings,
   * such as its times, come from decodeToken.)
   */
  warnings: string[];
}

/** Longest piece of the token a sentence quotes (claim names, paths, digests, _sd_alg): the rest is cut. */
const QUOTED = 60;

/** Text from the token as a sentence quotes it: cut to QUOTED characters. */
export function quoted(text: string): string {
  return text.length > QUOTED ? `${text.slice(0, QUOTED - 1)}…` : text;
}

/** The hash algorithms `_sd_alg` may name (IANA Named Information names) that WebCrypto computes. */
const HASHES: Record<string, string> = { 'sha-256': 'SHA-256', 'sha-384': 'SHA-384', 'sha-512': 'SHA-512' };
const DEFAULT_HASH = 'sha-256';

/**
 * Decodes an SD-JWT or SD-JWT+KB and resolves its disclosures into its claims, as RFC 9901
 * section 7.1 says, without verifying any signature. A disclosure whose digest the issuer did not
 * sign, that is malformed, names `_sd`, `...` or a claim already there, or that is sent twice, is
 * kept in `disclosures` with `matched: false` and the `problem`, and not applied; a digest seen
 * twice is applied once. The key-binding JWT's sd_hash is checked. Needs WebCrypto.
 *
 * @throws {JwtError} what splitToken and decodeToken throw for the issuer-signed JWT; `not-sd-jwt`
 *   for a text without `~`; `payload-not-object` when the issuer's payload is not a JSON object
 * @example
 * const { claims, disclosures, keyBinding } = await decodeSdJwt(presentation)
 * claims.given_name // "John"; disclosures[0].matched // true; keyBinding?.sdHashMatches // true
 */
export async function decodeSdJwt(text: string, options: { now?: Date } = {}): Promise<SdJwtDecoded> {
  const { sdJwt } = splitToken(text);
  if (!sdJwt) {
    throw new JwtError(
      'not-sd-jwt',
      l10n.t('This is not an SD-JWT: an SD-JWT is its issuer-signed JWT followed by ~, disclosures and ~'),
    );
  }
  const issuer = decodeToken(text, options);
  if (typeof issuer.payload !== 'object') {
    throw new JwtError(
      'payload-not-object',
      l10n.t("The SD-JWT's issuer-signed JWT has no JSON object as its payload, so it holds no claims to disclose"),
    );
  }
  const payload = issuer.payload;
  const warnings: string[] = [];
  if (issuer.kind === 'unsecured')
    warnings.push(l10n.t("The SD-JWT's issuer-signed JWT is unsigned (alg none), which RFC 9901 forbids"));

  const alg = payload._sd_alg;
  const hashAlg = typeof alg === 'string' ? alg : DEFAULT_HASH;
  const hash = HASHES[hashAlg];
  if (alg !== undefined && typeof alg !== 'string') {
    warnings.push(l10n.t('_sd_alg must be a string naming the hash algorithm, but it is {0}', jsonType(alg)));
  } else if (!hash) {
    warnings.push(
      l10n.t(
        'The digests use _sd_alg "{0}", which this tool cannot compute (it supports sha-256, sha-384 and sha-512), so no disclosure can be matched to them',
        quoted(hashAlg),
      ),
    );
  }
  const digestOf = async (ascii: string): Promise<string> =>
    hash ? encodeBase64url(new Uint8Array(await crypto.subtle.digest(hash, new TextEncoder().encode(ascii)))) : '';

  const disclosures = await Promise.all(
    sdJwt.disclosures.map(async ({ text: encoded }) => readDisclosure(encoded, await digestOf(encoded))),
  );
  const resolver = new Resolver(disclosures, warnings);
  const claims = resolver.object(payload, '', 0, true);
  for (const [i, d] of disclosures.entries()) {
    if (!d.matched && !d.problem) {
      d.problem = hash
        ? l10n.t('The issuer signed no digest of it')
        : l10n.t('Its digest cannot be computed (_sd_alg "{0}")', quoted(hashAlg));
    }
    if (!d.matched)
      warnings.push(
        hash
          ? l10n.t('{0}; a verifier must reject the SD-JWT', disclosureWarning(d, i + 1))
          : disclosureWarning(d, i + 1),
      );
  }

  const kbText = sdJwt.keyBinding.text;
  const keyBinding = kbText
    ? await readKeyBinding(
        kbText,
        payload,
        hash ? await digestOf(text.trim().slice(0, text.trim().length - kbText.length)) : undefined,
        options,
      )
    : undefined;
  if (keyBinding) warnings.push(...keyBinding.warnings);
  return {
    header: issuer.header,
    payload,
    hashAlg,
    disclosures,
    claims,
    undisclosed: resolver.undisclosed,
    duplicateDigests: resolver.duplicates,
    ...(keyBinding ? { keyBinding } : {}),
    warnings,
  };
}

/** Why disclosure number `n` (from 1) was not applied, naming it: `Disclosure 2 ("admin") is not applied: …`. */
export function disclosureWarning(d: SdJwtDisclosure, n: number): string {
  const label =
    d.name !== undefined ? quoted(JSON.stringify(d.name)) : d.salt ? l10n.t('an array element') : l10n.t('malformed');
  return l10n.t('Disclosure {0} ({1}) is not applied: {2}', n, label, d.problem ?? '');
}

/** Decodes one disclosure; a malformed one comes back with its problem. */
function readDisclosure(encoded: string, digest: string): SdJwtDisclosure {
  const bad = (problem: string): SdJwtDisclosure => ({
    encoded,
    digest,
    salt: '',
    value: undefined,
    matched: false,
    problem,
  });
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(decodeBase64url(encoded));
  } catch {
    return bad(l10n.t('It is not base64url of UTF-8 text'));
  }
  if (jsonDepth(json) > MAX_JSON_DEPTH)
    return bad(l10n.t('It nests brackets more than {0} levels deep', MAX_JSON_DEPTH));
  let array: unknown;
  try {
    array = JSON.parse(json);
  } catch {
    return bad(l10n.t('It is not JSON'));
  }
  if (!Array.isArray(array) || (array.length !== 2 && array.length !== 3))
    return bad(
      l10n.t(
        'It must be a JSON array of 2 elements (salt, value) or 3 (salt, name, value), but it is {0}',
        Array.isArray(array) ? l10n.t('an array of {0}', array.length) : jsonType(array),
      ),
    );
  const [salt, ...rest] = array as unknown[];
  if (typeof salt !== 'string') return bad(l10n.t('Its salt (first element) must be a string'));
  if (rest.length === 1) return { encoded, digest, salt, value: rest[0], matched: false };
  const [name, value] = rest;
  if (typeof name !== 'string') return bad(l10n.t('Its claim name (second element) must be a string'));
  return { encoded, digest, salt, name, value, matched: false };
}

/** Applies the disclosures to the payload (RFC 9901 section 7.1, step 3), keeping count of what it saw. */
class Resolver {
  readonly undisclosed: SdJwtDigest[] = [];
  readonly duplicates: string[] = [];
  /** Each disclosure by its digest; a disclosure sent twice is found once (the first). */
  private readonly byDigest = new Map<string, SdJwtDisclosure>();
  private readonly seen = new Set<string>();

  constructor(
    disclosures: SdJwtDisclosure[],
    private readonly warnings: string[],
  ) {
    for (const d of disclosures) {
      if (!d.digest || d.problem) continue;
      if (this.byDigest.has(d.digest)) d.problem = l10n.t('It is sent twice, which RFC 9901 forbids');
      else this.byDigest.set(d.digest, d);
    }
  }

  /** A JSON value with the disclosures applied inside it. */
  value(value: unknown, path: string, depth: number): unknown {
    if (Array.isArray(value)) return this.array(value, path, depth);
    if (isJsonObject(value)) return this.object(value, path, depth);
    return value;
  }

  object(object: Record<string, unknown>, path: string, depth: number, top = false): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(object)) {
      if (name === '_sd' || (top && name === '_sd_alg')) continue;
      if (name === '_sd_alg')
        this.warnings.push(
          l10n.t('_sd_alg belongs at the top level of the payload only, but {0} has one', where(path)),
        );
      define(result, name, this.value(value, join(path, name), depth + 1));
    }
    const digests = object._sd;
    if (digests === undefined) return result;
    if (!Array.isArray(digests) || !digests.every((d) => typeof d === 'string')) {
      this.warnings.push(l10n.t('_sd in {0} must be an array of digests (strings); it is ignored', where(path)));
      return result;
    }
    for (const digest of digests as string[]) {
      const d = this.take(digest, path);
      if (!d) {
        if (d === undefined) this.undisclosed.push({ path, digest, kind: 'property' });
        continue;
      }
      if (d.name === undefined) {
        d.problem = l10n.t(
          'It discloses an array element, but its digest is in the _sd of {0}, where claims go',
          where(path),
        );
      } else if (d.name === '_sd' || d.name === '...') {
        d.problem = l10n.t('It names the claim "{0}", which RFC 9901 reserves for digests', d.name);
      } else if (Object.hasOwn(result, d.name)) {
        d.problem = l10n.t(
          '{0} already has a claim "{1}", which a disclosure may not replace',
          where(path),
          quoted(d.name),
        );
      } else if (this.fits(d, join(path, d.name), depth)) {
        d.matched = true;
        d.path = join(path, d.name);
        define(result, d.name, this.value(d.value, d.path, depth + 1));
      }
    }
    return result;
  }

  array(array: unknown[], path: string, depth: number): unknown[] {
    const result: unknown[] = [];
    for (const [i, element] of array.entries()) {
      const at = `${path}[${i}]`;
      const digest = elementDigest(element);
      if (digest === undefined) {
        result.push(this.value(element, at, depth + 1));
        continue;
      }
      const d = this.take(digest, at);
      if (!d) {
        if (d === undefined) this.undisclosed.push({ path: at, digest, kind: 'element' });
        continue;
      }
      if (d.name !== undefined) {
        d.problem = l10n.t(
          'It discloses the claim "{0}", but its digest stands for the array element {1}',
          quoted(d.name),
          quoted(at),
        );
        continue;
      }
      if (!this.fits(d, at, depth)) continue;
      d.matched = true;
      d.path = at;
      result.push(this.value(d.value, at, depth + 1));
    }
    return result;
  }

  /**
   * The disclosure with `digest`, marking the digest seen: undefined when none matches, null when
   * the digest was seen before (a verifier must reject the SD-JWT; it is applied only once).
   */
  private take(digest: string, path: string): SdJwtDisclosure | undefined | null {
    if (this.seen.has(digest)) {
      this.duplicates.push(digest);
      this.warnings.push(
        l10n.t(
          'The digest {0} appears more than once (again in {1}); RFC 9901 forbids that and a verifier must reject the SD-JWT',
          quoted(digest),
          where(path),
        ),
      );
      return null;
    }
    this.seen.add(digest);
    const d = this.byDigest.get(digest);
    return d && !d.problem ? d : undefined;
  }

  /**
   * Whether a disclosure may go in at `depth` (the JSON depth of where it goes): the claims stay
   * within MAX_JSON_DEPTH levels, however deeply disclosures nest in disclosures.
   */
  private fits(d: SdJwtDisclosure, path: string, depth: number): boolean {
    if (depth < MAX_JSON_DEPTH) return true;
    d.problem = l10n.t('It goes deeper than {0} levels into the claims ({1})', MAX_JSON_DEPTH, quoted(path));
    return false;
  }
}

/** The digest in an array element `{"...": digest}` (one key, a string), or undefined. */
function elementDigest(element: unknown): string | undefined {
  if (!isJsonObject(element)) return undefined;
  const keys = Object.keys(element);
  return keys.length === 1 && keys[0] === '...' && typeof element['...'] === 'string' ? element['...'] : undefined;
}

/** Sets `name` as an own property, even "__proto__". */
function define(object: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
}

/** `address.street_address`; a name that is no identifier goes in brackets: `claims["a.b"]`. */
function join(path: string, name: string): string {
  if (!/^[A-Za-z_$][\w$-]*$/.test(name)) return `${path}[${JSON.stringify(name)}]`;
  return path ? `${path}.${name}` : name;
}

/** A path as sentences name it; '' is the top level. */
function where(path: string): string {
  return path ? quoted(path) : l10n.t('the top level');
}

/** The key-binding JWT decoded and checked against RFC 9901 section 4.3 (all but its signature). */
async function readKeyBinding(
  text: string,
  issuerPayload: Record<string, unknown>,
  sdHash: string | undefined,
  options: { now?: Date },
): Promise<SdJwtKeyBinding> {
  const warnings: string[] = [];
  let decoded: DecodedToken;
  try {
    decoded = decodeToken(text, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      header: {},
      payload: undefined,
      sdHash,
      sdHashMatches: false,
      times: {},
      warnings: [l10n.t('The key-binding JWT (after the last ~) does not decode: {0}', message)],
    };
  }
  const { header, payload } = decoded;
  if (header.typ !== 'kb+jwt')
    warnings.push(
      l10n.t(
        'The key-binding JWT\'s typ is {0}; RFC 9901 requires "kb+jwt"',
        header.typ === undefined ? l10n.t('missing') : quoted(JSON.stringify(header.typ)),
      ),
    );
  if (decoded.kind !== 'jws') warnings.push(unsignedKeyBinding(String(header.alg)));
  const claims = isJsonObject(payload) ? payload : {};
  if (!isJsonObject(payload)) warnings.push(l10n.t("The key-binding JWT's payload is not a JSON object"));
  const missing = ['iat', 'aud', 'nonce', 'sd_hash'].filter((name) => claims[name] === undefined);
  if (missing.length > 0)
    warnings.push(l10n.t('The key-binding JWT lacks {0}, which RFC 9901 requires', missing.join(', ')));
  for (const name of ['aud', 'nonce'] as const) {
    if (claims[name] !== undefined && typeof claims[name] !== 'string')
      warnings.push(
        l10n.t("The key-binding JWT's {0} must be a single string, but it is {1}", name, jsonType(claims[name])),
      );
  }
  const sdHashMatches = sdHash !== undefined && claims.sd_hash === sdHash;
  // The worst first: made for other disclosures, or altered.
  if (claims.sd_hash !== undefined && sdHash !== undefined && !sdHashMatches)
    warnings.unshift(
      l10n.t(
        "The key-binding JWT's sd_hash does not match the SD-JWT it came with (expected {0}): it was made for other disclosures, or the SD-JWT was altered",
        sdHash,
      ),
    );
  if (!isJsonObject(issuerPayload.cnf))
    warnings.push(
      l10n.t('The issuer-signed JWT names no holder key (cnf), so nothing can check who made the key-binding JWT'),
    );
  return { header, payload, sdHash, sdHashMatches, times: decoded.times, warnings };
}

/** The sentence for a key-binding JWT with alg "none" (or none at all). */
export function unsignedKeyBinding(alg: string): string {
  return l10n.t('The key-binding JWT is unsigned (alg {0}), which RFC 9901 forbids', quoted(JSON.stringify(alg)));
}
