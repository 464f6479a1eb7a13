import * as l10n from '@vscode/l10n';
import { crackSecret } from './crackSecret';
import { WEAK_SECRETS, weakSecretRisk } from './risks';
import { signingWarnings } from './sign';
import type { Finding } from './types';
import { verifyToken } from './verify';
import type { AuditContext } from './auditContext';

const HMAC_ALGS = new Set(['HS256', 'HS384', 'HS512']);
/** The blank secret first: misconfigured servers sign with an empty string from an unset variable. */
const CANDIDATES = ['', ...WEAK_SECRETS];

/**
 * HMAC secrets: one everybody knows (the built-in list, and the blank secret), and a secret the
 * caller gave that verifies but is shorter than the hash (RFC 7518 section 3.2).
 * @example await checkSecret(context) // [{ id: 'weak-secret', severity: 'error', message: '… "secret" …' }]
 */
export async function checkSecret(context: AuditContext): Promise<Finding[]> {
  const { header, kind, token, secret } = context;
  const alg = header?.alg;
  if (kind !== 'jws' || typeof alg !== 'string' || !HMAC_ALGS.has(alg)) return [];
  const findings: Finding[] = [];
  let weak: string | undefined;
  try {
    weak = await crackSecret(token, CANDIDATES);
  } catch {
    // a token crackSecret cannot read: its other checks say why
  }
  if (weak !== undefined) {
    findings.push({
      id: 'weak-secret',
      severity: 'error',
      part: 'signature',
      message:
        weak === ''
          ? l10n.t(
              "This token is signed with an empty secret: anyone can forge tokens the server accepts. The server's secret is probably an unset variable; sign with a long random secret and rotate it",
            )
          : weakSecretRisk(weak).message,
    });
  } else if (secret !== undefined) {
    const [short] = signingWarnings(alg, secret);
    if (short !== undefined && (await verifies(token, secret))) {
      findings.push({
        id: 'weak-secret',
        severity: 'warning',
        part: 'signature',
        message: l10n.t(
          'The secret you gave verifies this token, but it is short, and short secrets can be guessed offline from any one token. {0}',
          short,
        ),
      });
    }
  }
  return findings;
}

async function verifies(token: string, secret: string): Promise<boolean> {
  try {
    return (await verifyToken(token, secret)).valid;
  } catch {
    return false;
  }
}
