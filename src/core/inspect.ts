import { decodeHeaderObject, decodeToken, splitToken, type SplitToken } from './decode';
import type { SegmentName } from './types';
import { JwtError } from './errors';
import { innerToken } from './nested';
import type { DecodedToken } from './types';

/** A token split into its coloured parts, for display. */
export interface TokenPart {
  /**
   * The segment; for an SD-JWT, its issuer-signed JWT's segments, then each 'disclosure' and the
   * 'key-binding' JWT (empty text when there is none: the SD-JWT ends with `~`); 'invalid' for text
   * that does not split into segments.
   */
  name: SegmentName | 'disclosure' | 'key-binding' | 'invalid';
  text: string;
}

/**
 * Everything the editor can show about a string that should be a token, even a broken one:
 * the decoded token when it decodes, else the error as a sentence plus whatever still decodes
 * (a token with a broken payload still shows its header).
 */
export interface TokenInspection {
  token: string;
  parts: TokenPart[];
  decoded?: DecodedToken;
  error?: { code: string; message: string };
  /** The header alone, when the token as a whole did not decode but its header did. */
  header?: Record<string, unknown>;
  /** The token the payload carries (a nested JWT), inspected: the next layer in. */
  inner?: TokenInspection;
}

/** Real nesting is two layers (a JWS inside a JWE); deeper chains stop being unwrapped here. */
const MAX_LAYERS = 4;

/**
 * Decodes what it can of `token` and never throws. A payload that is itself a token is inspected
 * too, as `inner`; `layer` is how deep `token` sits (1: outermost), so chains stop somewhere.
 * @example inspectToken('eyJhbGciOiJIUzI1NiJ9.%%%.sig').header // { alg: 'HS256' }, with error set
 */
export function inspectToken(token: string, options: { now?: Date } = {}, layer = 1): TokenInspection {
  let split: SplitToken | undefined;
  try {
    split = splitToken(token);
  } catch {
    // shown whole, as one invalid part
  }
  const parts: TokenPart[] = split
    ? split.segments.map((s): TokenPart => ({ name: s.name, text: s.text }))
    : [{ name: 'invalid', text: token }];
  if (split?.sdJwt) {
    for (const { text } of split.sdJwt.disclosures) parts.push({ name: 'disclosure', text });
    parts.push({ name: 'key-binding', text: split.sdJwt.keyBinding.text });
  }
  try {
    const decoded = decodeToken(token, options);
    const inner = layer < MAX_LAYERS ? innerToken(decoded) : undefined;
    return {
      token,
      parts,
      decoded,
      ...(inner === undefined ? {} : { inner: inspectToken(inner, options, layer + 1) }),
    };
  } catch (e) {
    const error =
      e instanceof JwtError ? { code: e.code, message: e.message } : { code: 'unknown', message: String(e) };
    // Whenever the first segment is base64url of a JSON object, even without a usable alg.
    let header: Record<string, unknown> | undefined;
    try {
      header = split && decodeHeaderObject(split.segments[0]!);
    } catch {
      // no header to show either
    }
    return { token, parts, error, header };
  }
}
