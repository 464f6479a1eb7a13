import * as l10n from '@vscode/l10n';

/** A check auditToken runs: its stable finding id and a short title, translated when read. */
export interface AuditCheckInfo {
  id: string;
  readonly title: string;
}

const check = (id: string, title: () => string): AuditCheckInfo => ({
  id,
  get title() {
    return title();
  },
});

/**
 * Every check auditToken runs, in the order its findings come, so the panel can list the checks a
 * token passed. Ids are stable: tests, settings and the panel use them.
 * @example AUDIT_CHECKS.find((c) => c.id === 'alg-none')?.title // "Unsigned token (alg none)"
 */
export const AUDIT_CHECKS: readonly AuditCheckInfo[] = [
  check('token-malformed', () => l10n.t('Token decodes')),
  check('token-huge', () => l10n.t('Token size')),
  check('alg-none', () => l10n.t('Unsigned token (alg none)')),
  check('alg-unknown', () => l10n.t('Registered algorithm')),
  check('signature-empty', () => l10n.t('Signature present')),
  check('signature-psychic', () => l10n.t('ECDSA signature shape (psychic signatures)')),
  check('header-jwk', () => l10n.t('Key embedded in the header (jwk, x5c)')),
  check('header-key-url', () => l10n.t('Key URL in the header (jku, x5u)')),
  check('kid-type', () => l10n.t('kid is a string')),
  check('kid-path', () => l10n.t('kid path traversal')),
  check('kid-injection', () => l10n.t('kid SQL or shell injection')),
  check('crit-unknown', () => l10n.t('Critical header parameters (crit)')),
  check('b64-false', () => l10n.t('Unencoded payload (b64 false)')),
  check('jwe-rsa1_5', () => l10n.t('JWE key encryption RSA1_5')),
  check('jwe-zip', () => l10n.t('JWE compression (zip)')),
  check('jwe-p2c', () => l10n.t('JWE password-based iteration count (p2c)')),
  check('weak-secret', () => l10n.t('Weak HMAC secret')),
  check('exp-missing', () => l10n.t('Expiry (exp) present')),
  check('expired', () => l10n.t('Not expired')),
  check('long-lived', () => l10n.t('Lifetime')),
  check('exp-before-iat', () => l10n.t('exp after iat')),
  check('nbf-after-exp', () => l10n.t('nbf before exp')),
  check('clock-timezone', () => l10n.t('Time zone mistake in iat or nbf')),
  check('iat-future', () => l10n.t('iat not in the future')),
  check('sensitive-data', () => l10n.t('Sensitive data in the payload')),
  check('sd-alg', () => l10n.t('SD-JWT hash algorithm (_sd_alg)')),
  check('sd-disclosures', () => l10n.t('SD-JWT disclosures the issuer vouched for')),
  check('sd-key-binding', () => l10n.t('SD-JWT key-binding JWT')),
  check('sd-kb-missing', () => l10n.t('SD-JWT key binding with a holder key (cnf)')),
];
