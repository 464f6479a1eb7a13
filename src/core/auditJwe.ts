import * as l10n from '@vscode/l10n';
import type { Finding } from './types';
import type { AuditContext } from './auditContext';

/** RFC 7518 section 4.8.1.2 asks for at least 1000 PBES2 iterations; past this a token is a CPU bomb (CVE-2022-36083). */
const P2C_MIN = 1000;
const P2C_MAX = 1_000_000;

/**
 * Encrypted tokens: RSA1_5 key encryption, compression before encryption, and PBES2 iteration
 * counts too low to slow guessing or high enough to stall a server.
 * @example checkJwe(context) // [{ id: 'jwe-zip', severity: 'warning', … }]
 */
export function checkJwe(context: AuditContext): Finding[] {
  const { header, kind } = context;
  if (!header || kind !== 'jwe') return [];
  const findings: Finding[] = [];
  if (header.alg === 'RSA1_5') {
    findings.push({
      id: 'jwe-rsa1_5',
      severity: 'warning',
      part: 'header',
      message: l10n.t(
        "The key is encrypted with RSA1_5 (RSAES-PKCS1-v1_5), open to Bleichenbacher's padding-oracle attack: a server whose errors or timing differ on bad padding lets an attacker decrypt tokens. Use RSA-OAEP-256 or ECDH-ES (RFC 8725 section 3.2)",
      ),
    });
  }
  if (Object.hasOwn(header, 'zip')) {
    findings.push({
      id: 'jwe-zip',
      severity: 'warning',
      part: 'header',
      message: l10n.t(
        "The plaintext is compressed before encryption (zip {0}): the ciphertext's length then leaks how well secret and attacker-chosen parts compress together (as in CRIME and BREACH), and decompression bombs become possible. Encrypt without zip",
        JSON.stringify(header.zip),
      ),
    });
  }
  const { p2c } = header;
  if (typeof header.alg === 'string' && header.alg.startsWith('PBES2') && typeof p2c === 'number') {
    if (p2c < P2C_MIN) {
      findings.push({
        id: 'jwe-p2c',
        severity: 'warning',
        part: 'header',
        message: l10n.t(
          'The key is derived from a password with only {0} PBES2 iterations (p2c); RFC 7518 asks for at least {1}, or guessing the password is cheap. Use more iterations, or a random key instead of a password',
          p2c,
          P2C_MIN,
        ),
      });
    } else if (p2c > P2C_MAX) {
      findings.push({
        id: 'jwe-p2c',
        severity: 'warning',
        part: 'header',
        message: l10n.t(
          'The header asks for {0} PBES2 iterations (p2c): a server that obeys spends seconds of CPU per token, a denial of service (CVE-2022-36083). Verifiers should cap p2c',
          p2c,
        ),
      });
    }
  }
  return findings;
}
