import { findTokens } from './scan';
import type { DecodedToken } from './types';

/**
 * The compact token a JWS payload (or a JWE's decrypted plaintext) carries, or undefined when it
 * carries none. The payload text counts when findTokens sees one token spanning all of it, or, when
 * the header says cty "JWT", when it is any one-line text: then a broken inner token still shows
 * as a layer, with its own error.
 *
 * @example innerToken(decodeToken(jwsOverJwe)) // "eyJhbGciOiJkaXIi…" (the JWE inside the JWS)
 */
export function innerToken(decoded: Pick<DecodedToken, 'header' | 'payload'>): string | undefined {
  const { payload, header } = decoded;
  if (typeof payload !== 'string') return undefined;
  const text = payload.trim();
  const [match] = findTokens(text);
  if (match && match.start === 0 && match.end === text.length) return text;
  const cty = typeof header.cty === 'string' ? header.cty.toUpperCase() : '';
  return (cty === 'JWT' || cty === 'APPLICATION/JWT') && text !== '' && !/\s/.test(text) ? text : undefined;
}
