/**
 * Verifies a token with the keys its issuer publishes: `iss` + /.well-known/openid-configuration
 * (then RFC 8414's /.well-known/oauth-authorization-server), the discovered issuer must equal
 * `iss`, then the key by kid from `jwks_uri` through jose's remote JWK set. The only network access
 * in the core, and only when asked: https, except to this machine (loopback) for local servers.
 */
import * as l10n from '@vscode/l10n';
import { decodeToken } from './decode';
import { loadJose, type Jose } from './jose';

export interface IssuerVerifyResult {
  valid: boolean;
  /** The token's iss, when it has one. */
  issuer?: string;
  /** Where the keys came from. */
  jwksUri?: string;
  alg?: string;
  kid?: string;
  error?: string;
}

export interface IssuerVerifyOptions {
  /** Per request; default 5 s. */
  timeoutMs?: number;
  /** Discovery and key sets already fetched; pass the same one to reuse them (e.g. for a session). */
  cache?: IssuerCache;
}

type RemoteKeys = ReturnType<Jose['createRemoteJWKSet']>;

/** What one editor session has learned about issuers: discovered key set URLs and the key sets. */
export class IssuerCache {
  readonly jwksUris = new Map<string, Promise<string>>();
  readonly keySets = new Map<string, RemoteKeys>();
}

const DEFAULT_TIMEOUT_MS = 5000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Fetches the issuer's published keys and checks the token's signature with the one its kid names
 * (not its times: decodeToken reports those). Never rejects; failures come back as a sentence.
 * @example await verifyWithIssuer(idToken) // { valid: true, issuer: 'https://accounts.example.com', kid: 'k1', alg: 'RS256', jwksUri: '…' }
 */
export async function verifyWithIssuer(token: string, options: IssuerVerifyOptions = {}): Promise<IssuerVerifyResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const cache = options.cache ?? new IssuerCache();
  const result: IssuerVerifyResult = { valid: false };
  const { compactVerify, createRemoteJWKSet, errors } = await loadJose();
  try {
    const { kind, header, payload } = decodeToken(token);
    result.alg = String(header.alg);
    if (typeof header.kid === 'string') result.kid = header.kid;
    if (kind !== 'jws') {
      throw new Error(
        kind === 'jwe'
          ? l10n.t('An encrypted token (JWE) has no signature to verify')
          : l10n.t('An unsigned token (alg "none") has no signature to verify'),
      );
    }
    if (result.alg.startsWith('HS')) {
      throw new Error(
        l10n.t(
          '{0} tokens are signed with a shared secret, which no issuer publishes; verify it with the secret instead',
          result.alg,
        ),
      );
    }
    const iss = typeof payload === 'object' ? payload.iss : undefined;
    if (typeof iss !== 'string' || iss === '')
      throw new Error(l10n.t('The token has no "iss" (issuer) claim, so there is nowhere to look for its keys'));
    result.issuer = iss;
    checkUrl(iss, 'issuer');
    let jwksUri = cache.jwksUris.get(iss);
    if (!jwksUri) {
      jwksUri = discoverJwksUri(iss, timeoutMs);
      cache.jwksUris.set(iss, jwksUri);
      // A failure is not remembered: the next try asks again.
      jwksUri.catch(() => cache.jwksUris.delete(iss));
    }
    result.jwksUri = await jwksUri;
    let keys = cache.keySets.get(result.jwksUri);
    if (!keys)
      cache.keySets.set(
        result.jwksUri,
        (keys = createRemoteJWKSet(new URL(result.jwksUri), { timeoutDuration: timeoutMs })),
      );
    await compactVerify(token.trim(), keys);
    result.valid = true;
  } catch (error) {
    result.error = explain(errors, error, result, timeoutMs);
  }
  return result;
}

/** Only https, or plain http to this machine: keys fetched in the clear could be swapped on the way. */
function checkUrl(value: string, what: 'issuer' | 'jwks_uri'): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      what === 'issuer'
        ? l10n.t('The issuer "{0}" is not a URL', value)
        : l10n.t('The jwks_uri "{0}" is not a URL', value),
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new Error(
      what === 'issuer'
        ? l10n.t(
            'The issuer "{0}" is not an https URL; keys are fetched over https only (plain http only from this machine)',
            value,
          )
        : l10n.t(
            'The jwks_uri "{0}" is not an https URL; keys are fetched over https only (plain http only from this machine)',
            value,
          ),
    );
  }
  return url;
}

/** The discovery documents to try, in order: OpenID Connect's (appended), then RFC 8414's (inserted before the path). */
function discoveryUrls(iss: string): string[] {
  const url = new URL(iss);
  const path = url.pathname.replace(/\/$/, '');
  return [
    `${url.origin}${path}/.well-known/openid-configuration`,
    `${url.origin}/.well-known/oauth-authorization-server${path}`,
  ];
}

async function discoverJwksUri(iss: string, timeoutMs: number): Promise<string> {
  const tried: string[] = [];
  for (const url of discoveryUrls(iss)) {
    const response = await fetchWithin(url, timeoutMs);
    if (response.status === 404) {
      tried.push(url);
      continue;
    }
    if (!response.ok) throw new Error(l10n.t('{0} answered HTTP {1}', url, response.status));
    let metadata: Record<string, unknown>;
    try {
      metadata = (await response.json()) as Record<string, unknown>;
    } catch {
      throw new Error(l10n.t('{0} did not return JSON', url));
    }
    if (metadata.issuer !== iss) {
      throw new Error(
        l10n.t(
          'The discovery document at {0} names the issuer {1}, not the token\'s iss "{2}"; its keys cannot vouch for this token',
          url,
          String(JSON.stringify(metadata.issuer)),
          iss,
        ),
      );
    }
    if (typeof metadata.jwks_uri !== 'string')
      throw new Error(l10n.t('The discovery document at {0} has no jwks_uri', url));
    return checkUrl(metadata.jwks_uri, 'jwks_uri').href;
  }
  throw new Error(
    l10n.t('The issuer publishes no discovery document (HTTP 404 for {0} and {1})', tried[0]!, tried[1]!),
  );
}

async function fetchWithin(url: string, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json' },
      redirect: 'error',
    });
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      throw new Error(l10n.t('{0} did not answer within {1} seconds', url, timeoutMs / 1000));
    }
    throw new Error(
      error instanceof Error && error.cause instanceof Error
        ? l10n.t('Could not reach {0}: {1}', url, error.cause.message)
        : l10n.t('Could not reach {0}', url),
    );
  }
}

function explain(errors: Jose['errors'], error: unknown, result: IssuerVerifyResult, timeoutMs: number): string {
  const kid = result.kid === undefined ? l10n.t('no kid') : l10n.t('kid "{0}"', result.kid);
  const jwksUri = String(result.jwksUri);
  const alg = String(result.alg);
  if (error instanceof errors.JWKSNoMatchingKey) {
    return result.kid === undefined
      ? l10n.t("The issuer's key set ({0}) has no {1} key with no kid", jwksUri, alg)
      : l10n.t('The issuer\'s key set ({0}) has no {1} key with kid "{2}"', jwksUri, alg, result.kid);
  }
  if (error instanceof errors.JWKSMultipleMatchingKeys)
    return l10n.t("The issuer's key set has several keys that fit ({0}) and none of them verifies the signature", kid);
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return l10n.t(
      "The signature does not match the issuer's key ({0}): the token was altered, or {1} did not issue it",
      kid,
      String(result.issuer),
    );
  }
  if (error instanceof errors.JWKSTimeout)
    return l10n.t('The key set at {0} did not answer within {1} seconds', jwksUri, timeoutMs / 1000);
  if (error instanceof errors.JWKSInvalid || error instanceof errors.JOSEError)
    return l10n.t('The key set at {0} could not be used: {1}', jwksUri, error.message);
  return error instanceof Error ? error.message : String(error);
}
