// Flask session cookies to test against. Two independent sources of truth: cookies Flask 3 / itsdangerous
// 2.2 made (SecureCookieSessionInterface, SECRET_KEY "dev-secret-key", time.time() fixed at 1767225600),
// and a signer written here from the format's specification with Node's crypto and zlib.
import { createHash, createHmac } from 'node:crypto';
import { deflateSync } from 'node:zlib';

export const FLASK = {
  secret: 'dev-secret-key',
  signedAt: new Date(1767225600 * 1000),
  small: 'eyJ1c2VyX2lkIjo0MiwibmFtZSI6IkFkYSJ9.aVW5AA.7FS7rsrw-G_WruhkPkMSsuZ8te8',
  tagged:
    '.eJx1j00LgkAQhv_K8J4F1_WjWFTokhB06yYiLgkJpVIrCrL_vXE9dOryvPDOAzOzwkCtIGYZeDDzgMp60K5k4lQ8Rn_OMnB7dy0T53fnkZB0aXqSQiYkQiUiJWIqrrdNnZzKRCDDKE4Ox3-52S9nM5HqfEl9nbt13b5vD1PXPO8HQw2ZaXy2sOz07ce0fFG5Yvk9Ullb2S_T0Dn5.aVW5AA.iGt3InIAsXnTiQqfHujG60Aeo2Q',
  big: '.eJxF0DsOwlAMRNG9uA4SnuGXbIBFIIooegUFzSNUiL1TIN90t5pj-RPL3NeYbvFY23O3j-EfWaEKVxwqjhWninPFpWJkcJtmOxlP1pP5ZD8BEiEhEkMY2u7HEIYwhCEMYQhDGMYwhrcnYRjDGMYwhjE8xn2I96v1mOLa56XF9wcn5XIs.aVW5AA.rLdNcwkMEoVKeC8QMGMw7f28foU',
};

/**
 * itsdangerous' TimestampSigner + URLSafeSerializer, from its documentation: base64url without
 * padding; the timestamp a big-endian integer without leading zero bytes; HMAC-SHA1 over
 * "payload.timestamp" with the key derived as HMAC-SHA1(secret, salt) ("hmac") or
 * SHA1(salt + "signer" + secret) ("django-concat").
 */
export function sign(
  json: string,
  secret: string,
  seconds: number,
  options: { compress?: boolean; salt?: string; derivation?: 'hmac' | 'django-concat' } = {},
): string {
  const salt = options.salt ?? 'cookie-session';
  const payload = options.compress
    ? `.${deflateSync(json).toString('base64url')}`
    : Buffer.from(json).toString('base64url');
  const hex = seconds.toString(16);
  const timestamp = Buffer.from(hex.padStart(hex.length + (hex.length % 2), '0'), 'hex').toString('base64url');
  const key =
    options.derivation === 'django-concat'
      ? createHash('sha1').update(`${salt}signer${secret}`).digest()
      : createHmac('sha1', secret).update(salt).digest();
  const signature = createHmac('sha1', key).update(`${payload}.${timestamp}`).digest('base64url');
  return `${payload}.${timestamp}.${signature}`;
}
