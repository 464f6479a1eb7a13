import { isJsonObject } from './json';

/** What a verifier expects of the claims, like PyJWT's decode(issuer=, audience=, leeway=). */
export interface ExpectedClaims {
  issuer?: string;
  audience?: string;
  /** Seconds of clock skew allowed for exp and nbf (PyJWT's leeway). */
  clockTolerance?: number;
}

/** One claim checked against what was expected. */
export interface ClaimCheck {
  claim: 'iss' | 'aud' | 'exp' | 'nbf';
  ok: boolean;
  message: string;
}

/**
 * Checks iss and aud against what is expected (each only when given) and exp and nbf against now,
 * allowing `clockTolerance` seconds; one entry per checked claim, each with a sentence.
 *
 * @example
 * checkExpectedClaims({ iss: 'a', aud: ['x', 'y'] }, { issuer: 'b', audience: 'y' })
 * // [{ claim: 'iss', ok: false, message: 'iss is "a", expected "b"' }, { claim: 'aud', ok: true, … }]
 */
export function checkExpectedClaims(payload: unknown, expected: ExpectedClaims, now = new Date()): ClaimCheck[] {
  const claims = isJsonObject(payload) ? payload : {};
  const checks: ClaimCheck[] = [];
  if (expected.issuer) checks.push(checkIssuer(claims.iss, expected.issuer));
  if (expected.audience) checks.push(checkAudience(claims.aud, expected.audience));
  const tolerance = Math.max(0, expected.clockTolerance ?? 0);
  const seconds = now.getTime() / 1000;
  const leeway = tolerance > 0 ? ` (allowing ${tolerance} s of clock skew)` : '';
  if (typeof claims.exp === 'number') {
    const ok = seconds < claims.exp + tolerance;
    checks.push({ claim: 'exp', ok, message: ok ? `not expired${leeway}` : `expired${leeway}` });
  }
  if (typeof claims.nbf === 'number') {
    const ok = seconds >= claims.nbf - tolerance;
    checks.push({ claim: 'nbf', ok, message: ok ? `already valid${leeway}` : `not valid yet${leeway}` });
  }
  return checks;
}

function checkIssuer(iss: unknown, issuer: string): ClaimCheck {
  if (iss === undefined) return { claim: 'iss', ok: false, message: `iss is missing, expected ${JSON.stringify(issuer)}` };
  const ok = iss === issuer;
  return { claim: 'iss', ok, message: ok ? `iss is ${JSON.stringify(issuer)}` : `iss is ${JSON.stringify(iss)}, expected ${JSON.stringify(issuer)}` };
}

function checkAudience(aud: unknown, audience: string): ClaimCheck {
  if (aud === undefined) return { claim: 'aud', ok: false, message: `aud is missing, expected ${JSON.stringify(audience)}` };
  const ok = aud === audience || (Array.isArray(aud) && aud.includes(audience));
  return { claim: 'aud', ok, message: ok ? `aud includes ${JSON.stringify(audience)}` : `aud is ${JSON.stringify(aud)}, which does not include ${JSON.stringify(audience)}` };
}
