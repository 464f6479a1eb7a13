/**
 * Verifies a token with the keys its issuer publishes: `iss` + /.well-known/openid-configuration
 * (then RFC 8414's /.well-known/oauth-authorization-server), the discovered issuer must equal
 * `iss`, then the key by kid from `jwks_uri` through jose's remote JWK set. The only network access
 * in the core, and only when asked: https, except to this machine (loopback) for local servers.
 * Servers are not trusted to behave: answers are read as a stream and cut at 1 MiB, a server that
 * stops sending is a timeout, and messages name the host contacted as the URL parser spells it
 * (punycode for non-ASCII names, so a look-alike issuer shows what it really is).
 */
import * as l10n from '@vscode/l10n';
import { decodeToken } from './decode';
import { loadJose, type Jose } from './jose';
import { isJsonObject } from './json';
import { readStreamCapped } from './readStreamCapped';

export interface IssuerVerifyResult {
  valid: boolean;
  /** The token's iss, when it has one. */
  issuer?: string;
  /** The issuer's host as contacted: punycode for a non-ASCII name, with the port if any. */
  host?: string;
  /** Where the keys came from. */
  jwksUri?: string;
  alg?: string;
  kid?: string;
  error?: string;
}

export interface IssuerVerifyOptions {
  /** Per request, for the whole answer (headers and body); default 5 s. */
  timeoutMs?: number;
  /** Discovery and key sets already fetched; pass the same one to reuse them (e.g. for a session). */
  cache?: IssuerCache;
  /** The fetch to use; the global one by default (tests and proxies inject their own). */
  fetch?: typeof fetch;
}

type RemoteKeys = ReturnType<Jose['createRemoteJWKSet']>;

/** What one editor session has learned about issuers: discovered key set URLs and the key sets. */
export class IssuerCache {
  readonly jwksUris = new Map<string, Promise<string>>();
  readonly keySets = new Map<string, RemoteKeys>();
}

const DEFAULT_TIMEOUT_MS = 5000;
/** Discovery documents and key sets are a few kilobytes; a bigger answer is not read further. */
const MAX_ISSUER_RESPONSE_BYTES = 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Fetches the issuer's published keys and checks the token's signature with the one its kid names
 * (not its times: decodeToken reports those). Never rejects; failures come back as a sentence.
 * @example await verifyWithIssuer(idToken) // { valid: true, issuer: 'https://accounts.example.com', host: 'accounts.example.com', kid: 'k1', alg: 'RS256', jwksUri: '…' }
 */
export async function verifyWithIssuer(token: string, options: IssuerVerifyOptions = {}): Promise<IssuerVerifyResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const cache = options.cache ?? new IssuerCache();
  const fetcher = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const result: IssuerVerifyResult = { valid: false };
  const { compactVerify, createRemoteJWKSet, customFetch, errors } = await loadJose();
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
    const issuerUrl = checkUrl(iss, 'issuer');
    result.host = issuerUrl.host;
    let jwksUri = cache.jwksUris.get(iss);
    if (!jwksUri) {
      jwksUri = discoverJwksUri(iss, issuerUrl, timeoutMs, fetcher);
      cache.jwksUris.set(iss, jwksUri);
      // A failure is not remembered: the next try asks again.
      jwksUri.catch(() => cache.jwksUris.delete(iss));
    }
    result.jwksUri = await jwksUri;
    let keys = cache.keySets.get(result.jwksUri);
    if (!keys) {
      const url = new URL(result.jwksUri);
      keys = createRemoteJWKSet(url, {
        timeoutDuration: timeoutMs,
        [customFetch]: cappedFetch(fetcher, timeoutMs, 'jwks'),
      });
      cache.keySets.set(result.jwksUri, keys);
    }
    await compactVerify(token.trim().split('~', 1)[0]!, keys); // an SD-JWT's issuer-signed JWT
    result.valid = true;
  } catch (error) {
    result.error = explain(errors, error, result, timeoutMs);
  }
  return result;
}

/**
 * Only https, or plain http to this machine: keys fetched in the clear could be swapped on the way.
 * A jwks_uri also stays off this machine unless the issuer is on it: a remote issuer has no keys
 * here, and must not make us send requests to local services.
 */
function checkUrl(value: string, what: 'issuer' | 'jwks_uri', issuer?: URL): URL {
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
  if (issuer && LOOPBACK.has(url.hostname) && !LOOPBACK.has(issuer.hostname)) {
    throw new Error(
      l10n.t(
        'The issuer at {0} names a key set on this machine ({1}); keys of a remote issuer are not fetched from here',
        issuer.host,
        url.href,
      ),
    );
  }
  return url;
}

/** The discovery documents to try, in order: OpenID Connect's (appended), then RFC 8414's (inserted before the path). */
function discoveryUrls(url: URL): URL[] {
  const path = url.pathname.replace(/\/$/, '');
  return [
    new URL(`${url.origin}${path}/.well-known/openid-configuration`),
    new URL(`${url.origin}/.well-known/oauth-authorization-server${path}`),
  ];
}

async function discoverJwksUri(iss: string, issuerUrl: URL, timeoutMs: number, fetcher: typeof fetch): Promise<string> {
  const tried: string[] = [];
  for (const url of discoveryUrls(issuerUrl)) {
    const signal = AbortSignal.timeout(timeoutMs);
    const response = await fetchWithin(fetcher, url, timeoutMs, signal);
    if (response.status === 404) {
      tried.push(url.href);
      continue;
    }
    if (!response.ok) throw new Error(l10n.t('{0} answered HTTP {1}', url.href, response.status));
    const body = await readCapped(response, url, timeoutMs, signal, 'discovery');
    let metadata: unknown;
    try {
      metadata = JSON.parse(new TextDecoder().decode(body));
    } catch {
      throw new Error(l10n.t('{0} did not return JSON', url.href));
    }
    if (!isJsonObject(metadata)) throw new Error(l10n.t('{0} did not return a JSON object', url.href));
    if (metadata.issuer !== iss) {
      throw new Error(
        l10n.t(
          'The discovery document at {0} names the issuer {1}, not the token\'s iss "{2}"; its keys cannot vouch for this token',
          url.href,
          String(JSON.stringify(metadata.issuer)),
          iss,
        ),
      );
    }
    if (typeof metadata.jwks_uri !== 'string')
      throw new Error(l10n.t('The discovery document at {0} has no jwks_uri', url.href));
    return checkUrl(metadata.jwks_uri, 'jwks_uri', issuerUrl).href;
  }
  throw new Error(
    l10n.t('The issuer publishes no discovery document (HTTP 404 for {0} and {1})', tried[0]!, tried[1]!),
  );
}

const isTimeout = (error: unknown, signal?: AbortSignal | null): boolean =>
  !!signal?.aborted || (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'));

function timedOut(url: URL, timeoutMs: number, what: 'discovery' | 'jwks'): Error {
  return new Error(
    what === 'jwks'
      ? l10n.t('The key set at {0} did not answer within {1} seconds', url.href, timeoutMs / 1000)
      : l10n.t('{0} did not answer within {1} seconds', url.href, timeoutMs / 1000),
  );
}

async function fetchWithin(fetcher: typeof fetch, url: URL, timeoutMs: number, signal: AbortSignal): Promise<Response> {
  try {
    return await fetcher(url.href, { signal, headers: { accept: 'application/json' }, redirect: 'error' });
  } catch (error) {
    if (isTimeout(error, signal)) throw timedOut(url, timeoutMs, 'discovery');
    throw new Error(
      error instanceof Error && error.cause instanceof Error
        ? l10n.t('Could not reach {0}: {1}', url.href, error.cause.message)
        : l10n.t('Could not reach {0}', url.href),
    );
  }
}

/**
 * The body, read chunk by chunk and cut off past {@link MAX_ISSUER_RESPONSE_BYTES}; a server that
 * stops sending before the end is a timeout, not bad JSON.
 */
async function readCapped(
  response: Response,
  url: URL,
  timeoutMs: number,
  signal: AbortSignal | null | undefined,
  what: 'discovery' | 'jwks',
): Promise<Uint8Array> {
  const tooLarge = (): Error =>
    new Error(
      what === 'jwks'
        ? l10n.t(
            'The key set at {0} is larger than {1} bytes, far more than any key set; it was not read further',
            url.href,
            MAX_ISSUER_RESPONSE_BYTES,
          )
        : l10n.t(
            '{0} sent more than {1} bytes, far more than any discovery document; it was not read further',
            url.href,
            MAX_ISSUER_RESPONSE_BYTES,
          ),
    );
  if (Number(response.headers.get('content-length')) > MAX_ISSUER_RESPONSE_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  return readStreamCapped(reader, MAX_ISSUER_RESPONSE_BYTES, tooLarge, (error): never => {
    if (isTimeout(error, signal)) throw timedOut(url, timeoutMs, what);
    throw new Error(
      l10n.t('The answer from {0} broke off: {1}', url.href, error instanceof Error ? error.message : String(error)),
    );
  });
}

/** jose's key set fetch through {@link readCapped}: jose keeps its caching and cooldown, we keep the limits. */
function cappedFetch(fetcher: typeof fetch, timeoutMs: number, what: 'jwks') {
  return async (input: string, init: RequestInit): Promise<Response> => {
    const url = new URL(input);
    let response: Response;
    try {
      response = await fetcher(input, init);
    } catch (error) {
      if (isTimeout(error, init.signal)) throw timedOut(url, timeoutMs, what);
      throw new Error(
        error instanceof Error && error.cause instanceof Error
          ? l10n.t('Could not reach {0}: {1}', url.href, error.cause.message)
          : l10n.t('Could not reach {0}', url.href),
      );
    }
    if (response.status !== 200) return response;
    const body = await readCapped(response, url, timeoutMs, init.signal, what);
    return new Response(body as BodyInit, { status: 200, headers: { 'content-type': 'application/json' } });
  };
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
      String(result.host ?? result.issuer),
    );
  }
  if (error instanceof errors.JWKSTimeout)
    return l10n.t('The key set at {0} did not answer within {1} seconds', jwksUri, timeoutMs / 1000);
  if (error instanceof errors.JWKSInvalid || error instanceof errors.JOSEError)
    return l10n.t('The key set at {0} could not be used: {1}', jwksUri, error.message);
  return error instanceof Error ? error.message : String(error);
}
