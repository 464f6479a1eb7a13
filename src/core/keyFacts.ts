import * as l10n from '@vscode/l10n';
import type { JWK } from 'jose';
import { loadJose } from './jose';
import { isJsonObject } from './json';
import { chosenFor, describeKey, keyProblem, pemToJwk, publicJwk, readKey, signedWith, type KeyType } from './key';

/** What can be said about a key without showing it, plus its normalized form for storing. */
export interface KeyFacts {
  /** The key as JSON text: a JWK (an oct JWK for a shared secret) or a JWKS. Secret: never display it. */
  material: string;
  type: 'secret' | 'RSA' | 'EC' | 'OKP' | 'JWKS';
  crv?: string;
  /** The key's own "alg" member, if any. */
  alg?: string;
  kid?: string;
  /** True when it can sign: a shared secret or a private key. */
  private: boolean;
  /**
   * The RFC 7638 thumbprint of the public half. None for shared secrets: a hash of a weak secret
   * would let anyone who sees it guess the secret offline.
   */
  thumbprint?: string;
  /** A JWKS's number of keys, and the kids among them. */
  keyCount?: number;
  kids?: string[];
  /** "an RSA private key", "a shared secret", "a JWKS of 3 keys": {@link keyDescription} of the rest. */
  description: string;
}

/**
 * What a key is, from its facts, in the display language of the moment: saved keys keep their facts
 * and are described afresh whenever they are listed.
 */
export function keyDescription(facts: Pick<KeyFacts, 'type' | 'crv' | 'private' | 'keyCount' | 'kids'>): string {
  switch (facts.type) {
    case 'secret':
      return describeKey({ kty: 'oct' });
    case 'JWKS':
      return jwksDescription(facts.keyCount ?? 0, facts.kids ?? []);
    default:
      return describeKey({ kty: facts.type, crv: facts.crv }, facts.private ? 'private' : 'public');
  }
}

/**
 * Reads any key the core accepts (secret, PEM, JWK, JWKS, base64 DER, OpenSSH…) into KeyFacts. Text
 * holding public-key material is described as that key, never as a shared secret (see readKey;
 * `keyType` is what the user said the text is, when asked).
 *
 * @throws {JwtError} `key-format` for input readKey or pemToJwk cannot read
 * @example
 * (await readKeyFacts(pkcs8Pem)).description // "an EC P-256 private key"
 */
export async function readKeyFacts(key: string | object, keyType?: KeyType): Promise<KeyFacts> {
  const input = readKey(key, keyType);
  const { base64url, calculateJwkThumbprint } = await loadJose();
  if (input.type === 'secret') {
    const kid = octKid(key);
    const jwk = { kty: 'oct', k: base64url.encode(input.bytes), ...(kid === undefined ? {} : { kid }) };
    return described({ material: JSON.stringify(jwk), type: 'secret', kid, private: true });
  }
  if (input.type === 'jwks') {
    return described({
      material: JSON.stringify({ keys: input.keys.map((k) => (k.kty === 'oct' ? k : publicJwk(k))) }),
      type: 'JWKS',
      private: false,
      keyCount: input.keys.length,
      kids: input.keys.map((k) => k.kid).filter((kid): kid is string => typeof kid === 'string'),
    });
  }
  const jwk: JWK = input.type === 'pem' ? await pemToJwk(input) : input.jwk;
  return described({
    material: JSON.stringify(jwk),
    type: jwk.kty as 'RSA' | 'EC' | 'OKP',
    crv: jwk.crv,
    alg: jwk.alg,
    kid: jwk.kid,
    private: typeof jwk.d === 'string',
    thumbprint: await calculateJwkThumbprint(publicJwk(jwk)),
  });
}

function described(facts: Omit<KeyFacts, 'description'>): KeyFacts {
  return { ...facts, description: keyDescription(facts) };
}

/** "a JWKS of 3 keys (kids: a, b)". */
function jwksDescription(count: number, kids: string[]): string {
  if (kids.length === 0) return count === 1 ? l10n.t('a JWKS of 1 key') : l10n.t('a JWKS of {0} keys', count);
  const list = kids.join(', ');
  return count === 1
    ? l10n.t('a JWKS of 1 key (kids: {0})', list)
    : l10n.t('a JWKS of {0} keys (kids: {1})', count, list);
}

/** The kid of an oct JWK given as object or JSON text (readKey keeps only a secret's bytes). */
function octKid(key: string | object): string | undefined {
  let jwk: unknown = key;
  if (typeof key === 'string') {
    try {
      jwk = JSON.parse(key);
    } catch {
      return undefined;
    }
  }
  const kid = isJsonObject(jwk) && jwk.kty === 'oct' ? jwk.kid : undefined;
  return typeof kid === 'string' ? kid : undefined;
}

/**
 * Why a key cannot sign (or verify) with `alg`, or undefined when it can. A JWKS can only verify
 * and holds keys of several kinds, so it is taken as fitting any asymmetric algorithm.
 *
 * @example
 * keyMisfit(hsSecretFacts, 'RS256', 'sign') // "The key is a shared secret but you chose RS256, which needs an RSA key"
 */
export function keyMisfit(
  facts: Pick<KeyFacts, 'type' | 'crv' | 'alg' | 'private'>,
  alg: string,
  purpose: 'sign' | 'verify',
): string | undefined {
  if (facts.type === 'JWKS') {
    if (purpose === 'sign') return l10n.t('A JWKS can only verify; signing needs one private key');
    return alg.startsWith('HS') ? l10n.t('A JWKS cannot verify {0}, which needs a shared secret', alg) : undefined;
  }
  const kty = facts.type === 'secret' ? 'oct' : facts.type;
  const usage = purpose === 'sign' ? chosenFor(alg) : signedWith(alg);
  let problem: string | undefined;
  try {
    problem = keyProblem({ kty, crv: facts.crv, alg: facts.alg }, alg, usage);
  } catch (error) {
    return (error as Error).message; // an algorithm no key fits, e.g. "none"
  }
  if (problem) return problem;
  return purpose === 'sign' && !facts.private
    ? l10n.t('The key is a public key; signing needs the private key')
    : undefined;
}
