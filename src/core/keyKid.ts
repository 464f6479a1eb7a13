import { readKey } from './key';

/**
 * The `kid` a key names itself by: a JWK's own kid, so a token signed with it can say which key
 * signed it. Undefined for other keys, and for a key that cannot be read (signing reports that).
 * @example keyKid('{"kty":"oct","k":"c2VjcmV0","kid":"prod"}') // 'prod'
 */
export function keyKid(key: string | object): string | undefined {
  try {
    const input = readKey(key);
    return input.type === 'jwk' && typeof input.jwk.kid === 'string' ? input.jwk.kid : undefined;
  } catch {
    return undefined;
  }
}
