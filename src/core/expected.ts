import * as l10n from '@vscode/l10n';
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
  const skew = tolerance > 0;
  if (typeof claims.exp === 'number') {
    const ok = seconds < claims.exp + tolerance;
    const message = ok
      ? skew
        ? l10n.t('not expired (allowing {0} s of clock skew)', tolerance)
        : l10n.t('not expired')
      : skew
        ? l10n.t('expired (allowing {0} s of clock skew)', tolerance)
        : l10n.t('expired');
    checks.push({ claim: 'exp', ok, message });
  }
  if (typeof claims.nbf === 'number') {
    const ok = seconds >= claims.nbf - tolerance;
    const message = ok
      ? skew
        ? l10n.t('already usable (allowing {0} s of clock skew)', tolerance)
        : l10n.t('already usable')
      : skew
        ? l10n.t('not usable yet (allowing {0} s of clock skew)', tolerance)
        : l10n.t('not usable yet');
    checks.push({ claim: 'nbf', ok, message });
  }
  return checks;
}

function checkIssuer(iss: unknown, issuer: string): ClaimCheck {
  if (iss === undefined)
    return { claim: 'iss', ok: false, message: l10n.t('iss is missing, expected {0}', JSON.stringify(issuer)) };
  const ok = iss === issuer;
  return {
    claim: 'iss',
    ok,
    message: ok
      ? l10n.t('iss is {0}', JSON.stringify(issuer))
      : l10n.t('iss is {0}, expected {1}', String(JSON.stringify(iss)), JSON.stringify(issuer)),
  };
}

function checkAudience(aud: unknown, audience: string): ClaimCheck {
  if (aud === undefined)
    return { claim: 'aud', ok: false, message: l10n.t('aud is missing, expected {0}', JSON.stringify(audience)) };
  const ok = aud === audience || (Array.isArray(aud) && aud.includes(audience));
  return {
    claim: 'aud',
    ok,
    message: ok
      ? l10n.t('aud includes {0}', JSON.stringify(audience))
      : l10n.t('aud is {0}, which does not include {1}', String(JSON.stringify(aud)), JSON.stringify(audience)),
  };
}
