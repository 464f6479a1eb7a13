import * as l10n from '@vscode/l10n';
import type { TimeClaim } from './types';

/** What a claim or header parameter means, and where it is defined. */
export interface ClaimDescription {
  /** The name the defining document gives it, e.g. "Expiration Time". */
  name: string;
  /** One sentence. */
  description: string;
  /** The defining document, e.g. "RFC 7519". */
  source: string;
}

/**
 * A table entry whose name and description are translated each time they are read, not when the
 * module loads (before the extension or the webview has configured the translations).
 */
function entry(name: () => string, description: () => string, source: string): ClaimDescription {
  return {
    get name() {
      return name();
    },
    get description() {
      return description();
    },
    source,
  };
}

const OIDC = 'OpenID Connect Core 1.0';
const ENTRA = 'Microsoft Entra ID';

/**
 * Registered (RFC 7519), OpenID Connect, OAuth and common vendor claims, keyed by claim name.
 *
 * @example
 * CLAIM_DESCRIPTIONS.exp.name // "Expiration Time"
 */
export const CLAIM_DESCRIPTIONS: Readonly<Record<string, ClaimDescription>> = {
  iss: entry(
    () => l10n.t('Issuer'),
    () => l10n.t('Who issued the token, usually the URL of the authorization server.'),
    'RFC 7519',
  ),
  sub: entry(
    () => l10n.t('Subject'),
    () => l10n.t('Who the token is about: a user or client identifier, unique within the issuer.'),
    'RFC 7519',
  ),
  aud: entry(
    () => l10n.t('Audience'),
    () => l10n.t('Who the token is meant for; a recipient must reject a token whose audience does not name it.'),
    'RFC 7519',
  ),
  exp: entry(
    () => l10n.t('Expiration Time'),
    () => l10n.t('The time (seconds since 1970) on or after which the token must be rejected.'),
    'RFC 7519',
  ),
  nbf: entry(
    () => l10n.t('Not Before'),
    () => l10n.t('The time (seconds since 1970) before which the token must be rejected.'),
    'RFC 7519',
  ),
  iat: entry(
    () => l10n.t('Issued At'),
    () => l10n.t('When the token was issued (seconds since 1970).'),
    'RFC 7519',
  ),
  jti: entry(
    () => l10n.t('JWT ID'),
    () => l10n.t('A unique identifier for this token, used to detect replays.'),
    'RFC 7519',
  ),
  typ: entry(
    () => l10n.t('Token Type'),
    () => l10n.t('A vendor claim naming the kind of token, e.g. "Bearer", "ID" or "Refresh" (Keycloak).'),
    'Keycloak',
  ),
  azp: entry(
    () => l10n.t('Authorized Party'),
    () => l10n.t('The client the ID token was issued to.'),
    OIDC,
  ),
  nonce: entry(
    () => l10n.t('Nonce'),
    () => l10n.t('The value the client sent in the authentication request, echoed back to prevent replays.'),
    OIDC,
  ),
  auth_time: entry(
    () => l10n.t('Authentication Time'),
    () => l10n.t('When the user last authenticated (seconds since 1970).'),
    OIDC,
  ),
  acr: entry(
    () => l10n.t('Authentication Context Class Reference'),
    () => l10n.t('How strongly the user was authenticated, e.g. a level of assurance.'),
    OIDC,
  ),
  amr: entry(
    () => l10n.t('Authentication Methods References'),
    () => l10n.t('The methods used to authenticate, e.g. ["pwd", "mfa"].'),
    'RFC 8176',
  ),
  at_hash: entry(
    () => l10n.t('Access Token Hash'),
    () => l10n.t('Half of the hash of the access token issued with this ID token, binding the two.'),
    OIDC,
  ),
  c_hash: entry(
    () => l10n.t('Code Hash'),
    () => l10n.t('Half of the hash of the authorization code issued with this ID token.'),
    OIDC,
  ),
  s_hash: entry(
    () => l10n.t('State Hash'),
    () => l10n.t('Half of the hash of the state parameter, binding the ID token to the request.'),
    'FAPI 1.0',
  ),
  sid: entry(
    () => l10n.t('Session ID'),
    () => l10n.t('The identifier of the user session at the issuer, used for logout.'),
    'OpenID Connect Front-Channel Logout 1.0',
  ),
  name: entry(
    () => l10n.t('Full Name'),
    () => l10n.t("The user's full name for display."),
    OIDC,
  ),
  given_name: entry(
    () => l10n.t('Given Name'),
    () => l10n.t("The user's given (first) name."),
    OIDC,
  ),
  family_name: entry(
    () => l10n.t('Family Name'),
    () => l10n.t("The user's family (last) name."),
    OIDC,
  ),
  middle_name: entry(
    () => l10n.t('Middle Name'),
    () => l10n.t("The user's middle name."),
    OIDC,
  ),
  nickname: entry(
    () => l10n.t('Nickname'),
    () => l10n.t('A casual name for the user.'),
    OIDC,
  ),
  preferred_username: entry(
    () => l10n.t('Preferred Username'),
    () => l10n.t('The name the user prefers to be shown; not guaranteed unique or stable.'),
    OIDC,
  ),
  profile: entry(
    () => l10n.t('Profile URL'),
    () => l10n.t("The URL of the user's profile page."),
    OIDC,
  ),
  picture: entry(
    () => l10n.t('Picture URL'),
    () => l10n.t("The URL of the user's profile picture."),
    OIDC,
  ),
  website: entry(
    () => l10n.t('Website'),
    () => l10n.t("The URL of the user's web page or blog."),
    OIDC,
  ),
  email: entry(
    () => l10n.t('Email'),
    () => l10n.t("The user's email address; trust it only if email_verified is true."),
    OIDC,
  ),
  email_verified: entry(
    () => l10n.t('Email Verified'),
    () => l10n.t('Whether the issuer has verified that the user controls the email address.'),
    OIDC,
  ),
  gender: entry(
    () => l10n.t('Gender'),
    () => l10n.t("The user's gender."),
    OIDC,
  ),
  birthdate: entry(
    () => l10n.t('Birthdate'),
    () => l10n.t("The user's birthday, as YYYY-MM-DD or YYYY."),
    OIDC,
  ),
  zoneinfo: entry(
    () => l10n.t('Time Zone'),
    () => l10n.t("The user's time zone, e.g. Europe/Paris."),
    OIDC,
  ),
  locale: entry(
    () => l10n.t('Locale'),
    () => l10n.t("The user's locale, e.g. en-US."),
    OIDC,
  ),
  phone_number: entry(
    () => l10n.t('Phone Number'),
    () => l10n.t("The user's phone number, preferably in E.164 format."),
    OIDC,
  ),
  phone_number_verified: entry(
    () => l10n.t('Phone Number Verified'),
    () => l10n.t('Whether the issuer has verified the phone number.'),
    OIDC,
  ),
  address: entry(
    () => l10n.t('Address'),
    () => l10n.t("The user's postal address, as a JSON object."),
    OIDC,
  ),
  updated_at: entry(
    () => l10n.t('Updated At'),
    () => l10n.t("When the user's profile was last updated (seconds since 1970)."),
    OIDC,
  ),
  scope: entry(
    () => l10n.t('Scope'),
    () => l10n.t('The space-separated permissions granted to the client.'),
    'RFC 8693',
  ),
  scp: entry(
    () => l10n.t('Scopes'),
    () => l10n.t('The permissions granted to the client (a string or an array, depending on the vendor).'),
    `${ENTRA}, Okta`,
  ),
  client_id: entry(
    () => l10n.t('Client ID'),
    () => l10n.t('The OAuth client that requested the token.'),
    'RFC 8693',
  ),
  cnf: entry(
    () => l10n.t('Confirmation'),
    () => l10n.t('The key the presenter must prove possession of (e.g. jkt for DPoP, x5t#S256 for mTLS).'),
    'RFC 7800',
  ),
  act: entry(
    () => l10n.t('Actor'),
    () => l10n.t('Who is acting on behalf of the subject (delegation).'),
    'RFC 8693',
  ),
  may_act: entry(
    () => l10n.t('Authorized Actor'),
    () => l10n.t('Who may act on behalf of the subject.'),
    'RFC 8693',
  ),
  roles: entry(
    () => l10n.t('Roles'),
    () => l10n.t('The roles granted to the subject.'),
    'RFC 9068',
  ),
  groups: entry(
    () => l10n.t('Groups'),
    () => l10n.t('The groups the subject belongs to.'),
    'RFC 9068',
  ),
  entitlements: entry(
    () => l10n.t('Entitlements'),
    () => l10n.t('The individual entitlements granted to the subject.'),
    'RFC 9068',
  ),
  events: entry(
    () => l10n.t('Security Events'),
    () => l10n.t('The security events this Security Event Token reports, keyed by event type URI.'),
    'RFC 8417',
  ),
  txn: entry(
    () => l10n.t('Transaction Identifier'),
    () => l10n.t('An identifier linking this token to a transaction across parties.'),
    'RFC 8417',
  ),
  htm: entry(
    () => l10n.t('HTTP Method'),
    () => l10n.t('The HTTP method of the request this DPoP proof is for.'),
    'RFC 9449',
  ),
  htu: entry(
    () => l10n.t('HTTP URI'),
    () => l10n.t('The URI (without query or fragment) of the request this DPoP proof is for.'),
    'RFC 9449',
  ),
  ath: entry(
    () => l10n.t('Access Token Hash'),
    () => l10n.t('The hash of the access token this DPoP proof is presented with.'),
    'RFC 9449',
  ),
  tid: entry(
    () => l10n.t('Tenant ID'),
    () => l10n.t('The Entra ID tenant the user signed in to.'),
    ENTRA,
  ),
  oid: entry(
    () => l10n.t('Object ID'),
    () => l10n.t('The immutable identifier of the user or service principal in the tenant.'),
    ENTRA,
  ),
  upn: entry(
    () => l10n.t('User Principal Name'),
    () => l10n.t("The user's sign-in name, e.g. alice@contoso.com; it can change."),
    ENTRA,
  ),
  appid: entry(
    () => l10n.t('Application ID'),
    () => l10n.t('The client that requested a v1.0 access token.'),
    ENTRA,
  ),
  ver: entry(
    () => l10n.t('Version'),
    () => l10n.t('The token format version, "1.0" or "2.0".'),
    ENTRA,
  ),
  idp: entry(
    () => l10n.t('Identity Provider'),
    () => l10n.t('Who authenticated the user, when it differs from the issuer.'),
    ENTRA,
  ),
  hd: entry(
    () => l10n.t('Hosted Domain'),
    () => l10n.t("The user's Google Workspace domain."),
    'Google',
  ),
  token_use: entry(
    () => l10n.t('Token Use'),
    () => l10n.t('What the token is for: "id" or "access".'),
    'Amazon Cognito',
  ),
  'cognito:groups': entry(
    () => l10n.t('Cognito Groups'),
    () => l10n.t('The user-pool groups the user belongs to.'),
    'Amazon Cognito',
  ),
  realm_access: entry(
    () => l10n.t('Realm Access'),
    () => l10n.t('The realm-level roles granted to the user.'),
    'Keycloak',
  ),
  resource_access: entry(
    () => l10n.t('Resource Access'),
    () => l10n.t('The client-level roles granted to the user, keyed by client.'),
    'Keycloak',
  ),
};

/**
 * JOSE header parameters (RFC 7515, 7516, 7518, 7797), keyed by parameter name.
 *
 * @example
 * HEADER_DESCRIPTIONS.kid.name // "Key ID"
 */
export const HEADER_DESCRIPTIONS: Readonly<Record<string, ClaimDescription>> = {
  alg: entry(
    () => l10n.t('Algorithm'),
    () => l10n.t('How the token is signed (JWS) or how its content key is managed (JWE).'),
    'RFC 7515',
  ),
  typ: entry(
    () => l10n.t('Type'),
    () => l10n.t('The media type of the whole token, e.g. "JWT" or "at+jwt".'),
    'RFC 7515',
  ),
  cty: entry(
    () => l10n.t('Content Type'),
    () => l10n.t('The media type of the payload; "JWT" means the payload is itself a token (nested JWT).'),
    'RFC 7515',
  ),
  kid: entry(
    () => l10n.t('Key ID'),
    () => l10n.t('Which key signed or encrypted the token, as a hint for picking it from a key set.'),
    'RFC 7515',
  ),
  jku: entry(
    () => l10n.t('JWK Set URL'),
    () =>
      l10n.t('A URL of the key set holding the signing key; verifiers should not fetch keys from token-supplied URLs.'),
    'RFC 7515',
  ),
  jwk: entry(
    () => l10n.t('JSON Web Key'),
    () => l10n.t('The signing key itself, embedded; trusting it lets anyone sign.'),
    'RFC 7515',
  ),
  x5u: entry(
    () => l10n.t('X.509 URL'),
    () => l10n.t('A URL of the signing certificate chain.'),
    'RFC 7515',
  ),
  x5c: entry(
    () => l10n.t('X.509 Certificate Chain'),
    () => l10n.t('The signing certificate chain, base64 DER, leaf first.'),
    'RFC 7515',
  ),
  x5t: entry(
    () => l10n.t('X.509 Thumbprint (SHA-1)'),
    () => l10n.t('The SHA-1 thumbprint of the signing certificate.'),
    'RFC 7515',
  ),
  'x5t#S256': entry(
    () => l10n.t('X.509 Thumbprint (SHA-256)'),
    () => l10n.t('The SHA-256 thumbprint of the signing certificate.'),
    'RFC 7515',
  ),
  crit: entry(
    () => l10n.t('Critical'),
    () => l10n.t('Header extensions a recipient must understand, or else reject the token.'),
    'RFC 7515',
  ),
  b64: entry(
    () => l10n.t('Base64url-Encode Payload'),
    () => l10n.t('false means the payload is not base64url-encoded.'),
    'RFC 7797',
  ),
  enc: entry(
    () => l10n.t('Encryption Algorithm'),
    () => l10n.t('How the JWE content is encrypted, e.g. A256GCM.'),
    'RFC 7516',
  ),
  zip: entry(
    () => l10n.t('Compression Algorithm'),
    () => l10n.t('How the JWE plaintext was compressed before encryption ("DEF").'),
    'RFC 7516',
  ),
  epk: entry(
    () => l10n.t('Ephemeral Public Key'),
    () => l10n.t("The sender's one-time public key for ECDH key agreement."),
    'RFC 7518',
  ),
  apu: entry(
    () => l10n.t('Agreement PartyUInfo'),
    () => l10n.t('Information about the sender, mixed into ECDH key derivation.'),
    'RFC 7518',
  ),
  apv: entry(
    () => l10n.t('Agreement PartyVInfo'),
    () => l10n.t('Information about the recipient, mixed into ECDH key derivation.'),
    'RFC 7518',
  ),
  iv: entry(
    () => l10n.t('Initialization Vector'),
    () => l10n.t('The IV used to wrap the content key with AES-GCM key wrapping.'),
    'RFC 7518',
  ),
  tag: entry(
    () => l10n.t('Authentication Tag'),
    () => l10n.t('The tag from wrapping the content key with AES-GCM key wrapping.'),
    'RFC 7518',
  ),
  p2s: entry(
    () => l10n.t('PBES2 Salt Input'),
    () => l10n.t('The salt for deriving the key-wrapping key from a password.'),
    'RFC 7518',
  ),
  p2c: entry(
    () => l10n.t('PBES2 Count'),
    () => l10n.t('The iteration count for deriving the key-wrapping key from a password.'),
    'RFC 7518',
  ),
};

/**
 * One line about a claim (or, with `where: 'header'`, a header parameter), or undefined when unknown.
 *
 * @example
 * describeClaim('exp') // "Expiration Time — The time (seconds since 1970) on or after which the token must be rejected. (RFC 7519)"
 * describeClaim('kid', 'header') // "Key ID — Which key signed or encrypted the token, … (RFC 7515)"
 */
export function describeClaim(name: string, where: 'payload' | 'header' = 'payload'): string | undefined {
  const table = where === 'header' ? HEADER_DESCRIPTIONS : CLAIM_DESCRIPTIONS;
  const entry = Object.hasOwn(table, name) ? table[name] : undefined;
  return entry && l10n.t('{0} — {1} ({2})', entry.name, entry.description, entry.source);
}

// Months are 30 days and years 365: relative times are for reading, the ISO date is exact.
type Unit = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';
const UNITS: readonly [seconds: number, unit: Unit][] = [
  [365 * 86400, 'year'],
  [30 * 86400, 'month'],
  [86400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** "1 hour", "2 hours": a whole sentence per unit and number, so each language words its own plural. */
function longUnit(n: number, unit: Unit): string {
  switch (unit) {
    case 'year':
      return n === 1 ? l10n.t('1 year') : l10n.t('{0} years', n);
    case 'month':
      return n === 1 ? l10n.t('1 month') : l10n.t('{0} months', n);
    case 'day':
      return n === 1 ? l10n.t('1 day') : l10n.t('{0} days', n);
    case 'hour':
      return n === 1 ? l10n.t('1 hour') : l10n.t('{0} hours', n);
    case 'minute':
      return n === 1 ? l10n.t('1 minute') : l10n.t('{0} minutes', n);
    case 'second':
      return n === 1 ? l10n.t('1 second') : l10n.t('{0} seconds', n);
  }
}

/** "2 h", "3 d": the short units of status bars and badges. */
function shortUnit(n: number, unit: Unit): string {
  switch (unit) {
    case 'year':
      return l10n.t('{0} y', n);
    case 'month':
      return l10n.t('{0} mo', n);
    case 'day':
      return l10n.t('{0} d', n);
    case 'hour':
      return l10n.t('{0} h', n);
    case 'minute':
      return l10n.t('{0} min', n);
    case 'second':
      return l10n.t('{0} s', n);
  }
}

/**
 * A NumericDate relative to `now`, in the largest whole unit, rounded toward zero so it never
 * overstates the time left: 7199 s ahead is "in 1 hour". Under a second either way is "now".
 *
 * @example
 * formatRelative(nowSeconds + 7200, now) // "in 2 hours"
 * formatRelative(nowSeconds - 3 * 86400, now) // "3 days ago"
 */
export function formatRelative(seconds: number, now: Date): string {
  return relativeText(relativeTime(seconds, now, formatDuration));
}

/**
 * {@link formatRelative} with short units (s, min, h, d, mo, y), for status bars and badges.
 *
 * @example
 * formatRelativeShort(nowSeconds + 7200, now) // "in 2 h"
 */
export function formatRelativeShort(seconds: number, now: Date): string {
  return relativeText(relativeTimeShort(seconds, now));
}

/**
 * A NumericDate relative to `now` in short units, as its parts: whether it is now, ahead or past,
 * and the short duration ("2 h"), for callers that word the whole sentence ("expires in {0}").
 *
 * @example
 * relativeTimeShort(nowSeconds + 7200, now) // { when: 'future', duration: '2 h' }
 */
export function relativeTimeShort(seconds: number, now: Date): RelativeTime {
  return relativeTime(seconds, now, (size) => inLargestUnit(size, shortUnit));
}

/**
 * A length of time in its largest whole unit, rounded down, as {@link formatRelative} words it.
 *
 * @example
 * formatDuration(2 * 365 * 86400) // "2 years"
 * formatDuration(0.5) // "less than a second"
 */
export function formatDuration(seconds: number): string {
  return inLargestUnit(Math.abs(seconds), longUnit);
}

function inLargestUnit(size: number, phrase: (n: number, unit: Unit) => string): string {
  const unit = UNITS.find(([unitSeconds]) => size >= unitSeconds);
  return unit ? phrase(Math.floor(size / unit[0]), unit[1]) : l10n.t('less than a second');
}

/** A time relative to now: under a second either way, ahead by `duration`, or `duration` past. */
export interface RelativeTime {
  when: 'now' | 'future' | 'past';
  /** The distance in words, e.g. "2 hours" or "2 h"; empty for 'now'. */
  duration: string;
}

function relativeTime(seconds: number, now: Date, duration: (size: number) => string): RelativeTime {
  const delta = seconds - now.getTime() / 1000;
  if (Math.abs(delta) < 1) return { when: 'now', duration: '' };
  return { when: delta > 0 ? 'future' : 'past', duration: duration(Math.abs(delta)) };
}

function relativeText({ when, duration }: RelativeTime): string {
  if (when === 'now') return l10n.t('now');
  return when === 'future' ? l10n.t('in {0}', duration) : l10n.t('{0} ago', duration);
}

/** The largest |NumericDate| a JavaScript Date can hold (±100,000,000 days from 1970). */
const MAX_DATE_SECONDS = 8.64e12;

/**
 * A NumericDate made readable, or undefined when it is not a finite number a Date can hold.
 *
 * @example
 * formatTimeClaim(1300819380, now) // { seconds: 1300819380, date: "2011-03-22T18:43:00.000Z", relative: "… years ago" }
 */
export function formatTimeClaim(seconds: number, now: Date): TimeClaim | undefined {
  if (!Number.isFinite(seconds) || Math.abs(seconds) > MAX_DATE_SECONDS) return undefined;
  return { seconds, date: new Date(seconds * 1000).toISOString(), relative: formatRelative(seconds, now) };
}
