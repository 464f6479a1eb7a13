import { readKey } from './key';

/**
 * A shared secret's bytes (as a saved key keeps it, an oct JWK, or as text), for uses that need the
 * secret itself, such as a Flask SECRET_KEY. Undefined when the key is not a shared secret.
 * @example sharedSecretBytes('{"kty":"oct","k":"c2VjcmV0"}') // the bytes of "secret"
 */
export function sharedSecretBytes(key: string | object): Uint8Array | undefined {
  const input = readKey(key);
  return input.type === 'secret' ? input.bytes : undefined;
}
