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

const OIDC = 'OpenID Connect Core 1.0';
const ENTRA = 'Microsoft Entra ID';

/**
 * Registered (RFC 7519), OpenID Connect, OAuth and common vendor claims, keyed by claim name.
 *
 * @example
 * CLAIM_DESCRIPTIONS.exp.name // "Expiration Time"
 */
export const CLAIM_DESCRIPTIONS: Readonly<Record<string, ClaimDescription>> = {
  iss: { name: 'Issuer', description: 'Who issued the token, usually the URL of the authorization server.', source: 'RFC 7519' },
  sub: { name: 'Subject', description: 'Who the token is about: a user or client identifier, unique within the issuer.', source: 'RFC 7519' },
  aud: { name: 'Audience', description: 'Who the token is meant for; a recipient must reject a token whose audience does not name it.', source: 'RFC 7519' },
  exp: { name: 'Expiration Time', description: 'The time (seconds since 1970) on or after which the token must be rejected.', source: 'RFC 7519' },
  nbf: { name: 'Not Before', description: 'The time (seconds since 1970) before which the token must be rejected.', source: 'RFC 7519' },
  iat: { name: 'Issued At', description: 'When the token was issued (seconds since 1970).', source: 'RFC 7519' },
  jti: { name: 'JWT ID', description: 'A unique identifier for this token, used to detect replays.', source: 'RFC 7519' },
  typ: { name: 'Token Type', description: 'A vendor claim naming the kind of token, e.g. "Bearer", "ID" or "Refresh" (Keycloak).', source: 'Keycloak' },
  azp: { name: 'Authorized Party', description: 'The client the ID token was issued to.', source: OIDC },
  nonce: { name: 'Nonce', description: 'The value the client sent in the authentication request, echoed back to prevent replays.', source: OIDC },
  auth_time: { name: 'Authentication Time', description: 'When the user last authenticated (seconds since 1970).', source: OIDC },
  acr: { name: 'Authentication Context Class Reference', description: 'How strongly the user was authenticated, e.g. a level of assurance.', source: OIDC },
  amr: { name: 'Authentication Methods References', description: 'The methods used to authenticate, e.g. ["pwd", "mfa"].', source: 'RFC 8176' },
  at_hash: { name: 'Access Token Hash', description: 'Half of the hash of the access token issued with this ID token, binding the two.', source: OIDC },
  c_hash: { name: 'Code Hash', description: 'Half of the hash of the authorization code issued with this ID token.', source: OIDC },
  s_hash: { name: 'State Hash', description: 'Half of the hash of the state parameter, binding the ID token to the request.', source: 'FAPI 1.0' },
  sid: { name: 'Session ID', description: 'The identifier of the user session at the issuer, used for logout.', source: 'OpenID Connect Front-Channel Logout 1.0' },
  name: { name: 'Full Name', description: "The user's full name for display.", source: OIDC },
  given_name: { name: 'Given Name', description: "The user's given (first) name.", source: OIDC },
  family_name: { name: 'Family Name', description: "The user's family (last) name.", source: OIDC },
  middle_name: { name: 'Middle Name', description: "The user's middle name.", source: OIDC },
  nickname: { name: 'Nickname', description: 'A casual name for the user.', source: OIDC },
  preferred_username: { name: 'Preferred Username', description: 'The name the user prefers to be shown; not guaranteed unique or stable.', source: OIDC },
  profile: { name: 'Profile URL', description: "The URL of the user's profile page.", source: OIDC },
  picture: { name: 'Picture URL', description: "The URL of the user's profile picture.", source: OIDC },
  website: { name: 'Website', description: "The URL of the user's web page or blog.", source: OIDC },
  email: { name: 'Email', description: "The user's email address; trust it only if email_verified is true.", source: OIDC },
  email_verified: { name: 'Email Verified', description: 'Whether the issuer has verified that the user controls the email address.', source: OIDC },
  gender: { name: 'Gender', description: "The user's gender.", source: OIDC },
  birthdate: { name: 'Birthdate', description: "The user's birthday, as YYYY-MM-DD or YYYY.", source: OIDC },
  zoneinfo: { name: 'Time Zone', description: "The user's time zone, e.g. Europe/Paris.", source: OIDC },
  locale: { name: 'Locale', description: "The user's locale, e.g. en-US.", source: OIDC },
  phone_number: { name: 'Phone Number', description: "The user's phone number, preferably in E.164 format.", source: OIDC },
  phone_number_verified: { name: 'Phone Number Verified', description: 'Whether the issuer has verified the phone number.', source: OIDC },
  address: { name: 'Address', description: "The user's postal address, as a JSON object.", source: OIDC },
  updated_at: { name: 'Updated At', description: "When the user's profile was last updated (seconds since 1970).", source: OIDC },
  scope: { name: 'Scope', description: 'The space-separated permissions granted to the client.', source: 'RFC 8693' },
  scp: { name: 'Scopes', description: 'The permissions granted to the client (a string or an array, depending on the vendor).', source: `${ENTRA}, Okta` },
  client_id: { name: 'Client ID', description: 'The OAuth client that requested the token.', source: 'RFC 8693' },
  cnf: { name: 'Confirmation', description: 'The key the presenter must prove possession of (e.g. jkt for DPoP, x5t#S256 for mTLS).', source: 'RFC 7800' },
  act: { name: 'Actor', description: 'Who is acting on behalf of the subject (delegation).', source: 'RFC 8693' },
  may_act: { name: 'Authorized Actor', description: 'Who may act on behalf of the subject.', source: 'RFC 8693' },
  roles: { name: 'Roles', description: 'The roles granted to the subject.', source: 'RFC 9068' },
  groups: { name: 'Groups', description: 'The groups the subject belongs to.', source: 'RFC 9068' },
  entitlements: { name: 'Entitlements', description: 'The individual entitlements granted to the subject.', source: 'RFC 9068' },
  events: { name: 'Security Events', description: 'The security events this Security Event Token reports, keyed by event type URI.', source: 'RFC 8417' },
  txn: { name: 'Transaction Identifier', description: 'An identifier linking this token to a transaction across parties.', source: 'RFC 8417' },
  htm: { name: 'HTTP Method', description: 'The HTTP method of the request this DPoP proof is for.', source: 'RFC 9449' },
  htu: { name: 'HTTP URI', description: 'The URI (without query or fragment) of the request this DPoP proof is for.', source: 'RFC 9449' },
  ath: { name: 'Access Token Hash', description: 'The hash of the access token this DPoP proof is presented with.', source: 'RFC 9449' },
  tid: { name: 'Tenant ID', description: 'The Entra ID tenant the user signed in to.', source: ENTRA },
  oid: { name: 'Object ID', description: 'The immutable identifier of the user or service principal in the tenant.', source: ENTRA },
  upn: { name: 'User Principal Name', description: "The user's sign-in name, e.g. alice@contoso.com; it can change.", source: ENTRA },
  appid: { name: 'Application ID', description: 'The client that requested a v1.0 access token.', source: ENTRA },
  ver: { name: 'Version', description: 'The token format version, "1.0" or "2.0".', source: ENTRA },
  idp: { name: 'Identity Provider', description: 'Who authenticated the user, when it differs from the issuer.', source: ENTRA },
  hd: { name: 'Hosted Domain', description: "The user's Google Workspace domain.", source: 'Google' },
  token_use: { name: 'Token Use', description: 'What the token is for: "id" or "access".', source: 'Amazon Cognito' },
  'cognito:groups': { name: 'Cognito Groups', description: 'The user-pool groups the user belongs to.', source: 'Amazon Cognito' },
  realm_access: { name: 'Realm Access', description: 'The realm-level roles granted to the user.', source: 'Keycloak' },
  resource_access: { name: 'Resource Access', description: 'The client-level roles granted to the user, keyed by client.', source: 'Keycloak' },
};

/**
 * JOSE header parameters (RFC 7515, 7516, 7518, 7797), keyed by parameter name.
 *
 * @example
 * HEADER_DESCRIPTIONS.kid.name // "Key ID"
 */
export const HEADER_DESCRIPTIONS: Readonly<Record<string, ClaimDescription>> = {
  alg: { name: 'Algorithm', description: 'How the token is signed (JWS) or how its content key is managed (JWE).', source: 'RFC 7515' },
  typ: { name: 'Type', description: 'The media type of the whole token, e.g. "JWT" or "at+jwt".', source: 'RFC 7515' },
  cty: { name: 'Content Type', description: 'The media type of the payload; "JWT" means the payload is itself a token (nested JWT).', source: 'RFC 7515' },
  kid: { name: 'Key ID', description: 'Which key signed or encrypted the token, as a hint for picking it from a key set.', source: 'RFC 7515' },
  jku: { name: 'JWK Set URL', description: 'A URL of the key set holding the signing key; verifiers should not fetch keys from token-supplied URLs.', source: 'RFC 7515' },
  jwk: { name: 'JSON Web Key', description: 'The signing key itself, embedded; trusting it lets anyone sign.', source: 'RFC 7515' },
  x5u: { name: 'X.509 URL', description: 'A URL of the signing certificate chain.', source: 'RFC 7515' },
  x5c: { name: 'X.509 Certificate Chain', description: 'The signing certificate chain, base64 DER, leaf first.', source: 'RFC 7515' },
  x5t: { name: 'X.509 Thumbprint (SHA-1)', description: 'The SHA-1 thumbprint of the signing certificate.', source: 'RFC 7515' },
  'x5t#S256': { name: 'X.509 Thumbprint (SHA-256)', description: 'The SHA-256 thumbprint of the signing certificate.', source: 'RFC 7515' },
  crit: { name: 'Critical', description: 'Header extensions a recipient must understand, or else reject the token.', source: 'RFC 7515' },
  b64: { name: 'Base64url-Encode Payload', description: 'false means the payload is not base64url-encoded.', source: 'RFC 7797' },
  enc: { name: 'Encryption Algorithm', description: 'How the JWE content is encrypted, e.g. A256GCM.', source: 'RFC 7516' },
  zip: { name: 'Compression Algorithm', description: 'How the JWE plaintext was compressed before encryption ("DEF").', source: 'RFC 7516' },
  epk: { name: 'Ephemeral Public Key', description: "The sender's one-time public key for ECDH key agreement.", source: 'RFC 7518' },
  apu: { name: 'Agreement PartyUInfo', description: 'Information about the sender, mixed into ECDH key derivation.', source: 'RFC 7518' },
  apv: { name: 'Agreement PartyVInfo', description: 'Information about the recipient, mixed into ECDH key derivation.', source: 'RFC 7518' },
  iv: { name: 'Initialization Vector', description: 'The IV used to wrap the content key with AES-GCM key wrapping.', source: 'RFC 7518' },
  tag: { name: 'Authentication Tag', description: 'The tag from wrapping the content key with AES-GCM key wrapping.', source: 'RFC 7518' },
  p2s: { name: 'PBES2 Salt Input', description: 'The salt for deriving the key-wrapping key from a password.', source: 'RFC 7518' },
  p2c: { name: 'PBES2 Count', description: 'The iteration count for deriving the key-wrapping key from a password.', source: 'RFC 7518' },
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
  return entry && `${entry.name} — ${entry.description} (${entry.source})`;
}

// Months are 30 days and years 365: relative times are for reading, the ISO date is exact.
const UNITS: readonly [seconds: number, long: string, short: string][] = [
  [365 * 86400, 'year', 'y'],
  [30 * 86400, 'month', 'mo'],
  [86400, 'day', 'd'],
  [3600, 'hour', 'h'],
  [60, 'minute', 'min'],
  [1, 'second', 's'],
];

/**
 * A NumericDate relative to `now`, in the largest whole unit, rounded toward zero so it never
 * overstates the time left: 7199 s ahead is "in 1 hour". Under a second either way is "now".
 *
 * @example
 * formatRelative(nowSeconds + 7200, now) // "in 2 hours"
 * formatRelative(nowSeconds - 3 * 86400, now) // "3 days ago"
 */
export function formatRelative(seconds: number, now: Date): string {
  return relative(seconds, now, formatDuration);
}

/**
 * {@link formatRelative} with short units (s, min, h, d, mo, y), for status bars and badges.
 *
 * @example
 * formatRelativeShort(nowSeconds + 7200, now) // "in 2 h"
 */
export function formatRelativeShort(seconds: number, now: Date): string {
  return relative(seconds, now, (size) => inLargestUnit(size, (n, [, , short]) => `${n} ${short}`));
}

/**
 * A length of time in its largest whole unit, rounded down, as {@link formatRelative} words it.
 *
 * @example
 * formatDuration(2 * 365 * 86400) // "2 years"
 * formatDuration(0.5) // "less than a second"
 */
export function formatDuration(seconds: number): string {
  return inLargestUnit(Math.abs(seconds), (n, [, long]) => `${n} ${long}${n === 1 ? '' : 's'}`);
}

function inLargestUnit(size: number, phrase: (n: number, unit: (typeof UNITS)[number]) => string): string {
  const unit = UNITS.find(([unitSeconds]) => size >= unitSeconds);
  return unit ? phrase(Math.floor(size / unit[0]), unit) : 'less than a second';
}

function relative(seconds: number, now: Date, duration: (size: number) => string): string {
  const delta = seconds - now.getTime() / 1000;
  if (Math.abs(delta) < 1) return 'now';
  const text = duration(Math.abs(delta));
  return delta > 0 ? `in ${text}` : `${text} ago`;
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
