import * as l10n from '@vscode/l10n';
import type { Finding } from './types';
import type { AuditContext } from './auditContext';
import { isJsonObject } from './json';
import { decodeSdJwt, disclosureWarning, quoted } from './sdJwt';

/** _sd_alg values too weak to bind disclosures: broken or truncated hashes (IANA Named Information names). */
const WEAK = /^(?:md5|sha-1|sha1|sha-256-(?:32|64|96|120|128))$/i;
/** Strong hashes RFC 9901 allows that this tool cannot compute (WebCrypto has SHA-2 only). */
const STRONG_ELSEWHERE = /^(?:sha3-(?:224|256|384|512)|blake2[sb]-\d+|k12-\d+)$/;
const SUPPORTED = ['sha-256', 'sha-384', 'sha-512'];

/**
 * SD-JWTs (RFC 9901), audited on top of their issuer-signed JWT: the hash their digests use
 * (`sd-alg`), disclosures a verifier must reject (`sd-disclosures`), the key-binding JWT
 * (`sd-key-binding`), and a holder key without key binding (`sd-kb-missing`, a note).
 * @example await checkSdJwt(context) // [{ id: 'sd-disclosures', severity: 'error', … }]
 */
export async function checkSdJwt({ sdJwt, payload }: AuditContext): Promise<Finding[]> {
  if (!sdJwt || !isJsonObject(payload)) return [];
  const findings: Finding[] = [];
  const alg = payload._sd_alg;
  if (typeof alg === 'string' && !SUPPORTED.includes(alg)) {
    findings.push(
      WEAK.test(alg)
        ? {
            id: 'sd-alg',
            severity: 'error',
            part: 'payload',
            message: l10n.t(
              'The disclosures are bound to the issuer by _sd_alg "{0}", a hash too weak for that: a holder who finds another disclosure with the same digest can change what the issuer vouched for (RFC 9901 section 9.4). Use sha-256 or stronger',
              quoted(alg),
            ),
          }
        : {
            id: 'sd-alg',
            severity: STRONG_ELSEWHERE.test(alg) ? 'info' : 'warning',
            part: 'payload',
            message: STRONG_ELSEWHERE.test(alg)
              ? l10n.t(
                  'The digests use _sd_alg "{0}", which this tool cannot compute, so it could not check the disclosures; many verifiers support only sha-256',
                  quoted(alg),
                )
              : l10n.t(
                  'The digests use _sd_alg "{0}", a hash algorithm this tool does not know: verifiers that do not know it reject the SD-JWT, and its disclosures could not be checked. Use sha-256',
                  quoted(alg),
                ),
          },
    );
  }
  let decoded: Awaited<ReturnType<typeof decodeSdJwt>>;
  try {
    decoded = await decodeSdJwt(sdJwt);
  } catch {
    return findings; // token-malformed says why the token does not decode
  }
  const problems = [
    ...decoded.disclosures.flatMap((d, i) => (d.matched ? [] : [disclosureWarning(d, i + 1)])),
    ...decoded.duplicateDigests.map((digest) => l10n.t('The digest {0} appears more than once', quoted(digest))),
  ];
  if (problems.length > 0 && SUPPORTED.includes(decoded.hashAlg)) {
    findings.push({
      id: 'sd-disclosures',
      severity: 'error',
      part: 'payload',
      message:
        problems.length === 1
          ? l10n.t(
              'A verifier must reject this SD-JWT (RFC 9901 section 7.1). {0}. A disclosure the issuer did not vouch for can carry any claim: never trust claims from it',
              problems[0]!,
            )
          : l10n.t(
              'A verifier must reject this SD-JWT (RFC 9901 section 7.1), for {0} reasons; the first: {1}. A disclosure the issuer did not vouch for can carry any claim: never trust claims from it',
              problems.length,
              problems[0]!,
            ),
    });
  }
  const { keyBinding } = decoded;
  if (keyBinding) {
    // A wrong sd_hash (made for other disclosures, or altered) is an error; the rest breaks RFC 9901's rules.
    const wrongHash = !keyBinding.sdHashMatches && keyBinding.sdHash !== undefined && keyBinding.payload !== undefined;
    const [first] = keyBinding.warnings;
    if (first) {
      findings.push({
        id: 'sd-key-binding',
        severity: wrongHash ? 'error' : 'warning',
        message: l10n.t('The key-binding JWT does not follow RFC 9901, and verifiers reject it: {0}', first),
      });
    }
  } else if (isJsonObject(payload.cnf)) {
    findings.push({
      id: 'sd-kb-missing',
      severity: 'info',
      message: l10n.t(
        'The SD-JWT binds a holder key (cnf) but carries no key-binding JWT: as issued to a holder that is normal, but presented like this anyone who copied it can use it. Verifiers that need proof of possession must require key binding',
      ),
    });
  }
  return findings;
}
