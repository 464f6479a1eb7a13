import * as l10n from '@vscode/l10n';
import type { Finding } from './types';
import type { AuditContext } from './auditContext';

/** Header parameters RFC 7515, 7516 and 7518 define: crit must not list them (RFC 7515 section 4.1.11). */
// biome-ignore format: a table
const REGISTERED = new Set([
  'alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit',
  'enc', 'zip', 'epk', 'apu', 'apv', 'iv', 'tag', 'p2s', 'p2c',
]);
/** The extensions this tool understands. */
const UNDERSTOOD = new Set(['b64']);

/**
 * Critical extensions: crit that is malformed or names extensions a verifier may not understand,
 * and RFC 7797's unencoded payload (b64 false).
 * @example checkCrit(context) // [{ id: 'b64-false', severity: 'warning', … }]
 */
export function checkCrit(context: AuditContext): Finding[] {
  const { header } = context;
  if (!header) return [];
  const findings: Finding[] = [];
  const crit = header.crit;
  const listed = Array.isArray(crit) ? crit : [];
  if (Object.hasOwn(header, 'crit')) {
    const names = Array.isArray(crit) ? crit : [];
    let message: string | undefined;
    if (names.length === 0 || names.some((name) => typeof name !== 'string' || name === '')) {
      message = l10n.t(
        'crit must be a non-empty array of header parameter names, but it is {0}: RFC 7515 requires verifiers to reject the token. Fix the issuer',
        JSON.stringify(crit),
      );
    } else {
      const registered = names.filter((name) => REGISTERED.has(name));
      const absent = names.filter((name) => !REGISTERED.has(name) && !Object.hasOwn(header, name));
      const unknown = names.filter((name) => !REGISTERED.has(name) && !UNDERSTOOD.has(name));
      if (registered.length > 0) {
        message = l10n.t(
          'crit lists {0}, which the JOSE specifications already define; RFC 7515 forbids that, so verifiers must reject the token',
          registered.join(', '),
        );
      } else if (absent.length > 0) {
        message = l10n.t(
          'crit lists {0}, which the header does not contain; RFC 7515 requires verifiers to reject the token',
          absent.join(', '),
        );
      } else if (unknown.length > 0) {
        message = l10n.t(
          'crit marks extensions as critical that this tool does not know ({0}): a verifier must reject the token unless it implements them, and one that ignores crit may process the token in a way the issuer did not intend',
          unknown.join(', '),
        );
      }
    }
    if (message) findings.push({ id: 'crit-unknown', severity: 'warning', part: 'header', message });
  }
  if (header.b64 === false) {
    findings.push({
      id: 'b64-false',
      severity: 'warning',
      part: 'header',
      message: listed.includes('b64')
        ? l10n.t(
            'The payload is not base64url-encoded (b64 false, RFC 7797): it is signed as raw bytes. Verifiers that do not implement RFC 7797 compute a different signing input, and payloads with dots break the compact form; use it only when both sides expect it',
          )
        : l10n.t(
            'The payload is not base64url-encoded (b64 false, RFC 7797), but crit does not list b64 as RFC 7797 requires: verifiers that ignore b64 check a different signing input. List b64 in crit, or drop b64',
          ),
    });
  }
  return findings;
}
