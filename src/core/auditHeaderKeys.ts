import * as l10n from '@vscode/l10n';
import type { Finding } from './types';
import type { AuditContext } from './auditContext';

// DPoP proofs (RFC 9449) must carry their public key as jwk: that is the point of them.
const DPOP_TYP = /^(?:application\/)?dpop\+jwt$/i;

/**
 * Keys the token brings or points to: an embedded jwk (CVE-2018-0114) or x5c, and jku or x5u URLs,
 * judged against the iss host.
 * @example checkHeaderKeys(context) // [{ id: 'header-key-url', severity: 'error', … }]
 */
export function checkHeaderKeys(context: AuditContext): Finding[] {
  const { header, payload } = context;
  if (!header) return [];
  const findings: Finding[] = [];
  if (Object.hasOwn(header, 'jwk')) {
    const dpop = typeof header.typ === 'string' && DPOP_TYP.test(header.typ);
    findings.push({
      id: 'header-jwk',
      severity: dpop ? 'info' : 'error',
      part: 'header',
      message: dpop
        ? l10n.t(
            'The header embeds its public key (jwk), as a DPoP proof must; the server checks the proof with it and binds the access token to that key, so the key proves possession, not identity',
          )
        : l10n.t(
            "The header embeds its own key (jwk): a verifier that checks the signature with it accepts any token an attacker signs with their own key (CVE-2018-0114). Verify with keys from your configuration or the issuer's JWKS, never from the token",
          ),
    });
  }
  if (Object.hasOwn(header, 'x5c')) {
    findings.push({
      id: 'header-jwk',
      severity: 'warning',
      part: 'header',
      message: l10n.t(
        'The header carries certificates (x5c), so the key is carried in the token: trusting it is only safe when the chain is validated up to a trust anchor you chose and the subject is checked; otherwise anyone can sign with a self-made certificate',
      ),
    });
  }
  const iss = typeof payload === 'object' && typeof payload.iss === 'string' ? payload.iss : undefined;
  const issHost = iss === undefined ? undefined : hostOf(iss);
  for (const name of ['jku', 'x5u'] as const) {
    if (!Object.hasOwn(header, name)) continue;
    const value = header[name];
    const url = typeof value === 'string' ? parseUrl(value) : undefined;
    const shown = JSON.stringify(value ?? null);
    let message: string;
    let severity: Finding['severity'] = 'error';
    if (!url) {
      message = l10n.t(
        'The header says where to fetch its key ({0}: {1}), but that is not a URL. A verifier must never fetch keys from where the token says; take them from configuration',
        name,
        shown,
      );
    } else if (url.protocol !== 'https:') {
      message = l10n.t(
        "The header says to fetch its key over {0} ({1}: {2}): keys fetched without TLS can be swapped in transit, and a verifier that follows the token's URL lets the attacker pick the key. Take keys from configuration or the issuer's https JWKS",
        url.protocol.replace(/:$/, ''),
        name,
        shown,
      );
    } else if (url.hostname !== issHost) {
      message =
        issHost === undefined
          ? l10n.t(
              'The header says where to fetch its key ({0}: {1}) and no issuer URL (iss) vouches for that host: a verifier that follows it lets whoever made the token choose the key. Allow-list key URLs, or take keys from configuration',
              name,
              shown,
            )
          : l10n.t(
              "The header says to fetch its key from {0}, not from the issuer's host {1} ({2}): a verifier that follows it lets whoever made the token choose the key. Allow-list key URLs, or take keys from configuration",
              url.hostname,
              issHost,
              name,
            );
    } else {
      severity = 'warning';
      message = l10n.t(
        "The header says where to fetch its key ({0}: {1}), on the issuer's own host. Safe only if the verifier allow-lists that URL rather than following whatever the token says",
        name,
        shown,
      );
    }
    findings.push({ id: 'header-key-url', severity, part: 'header', message });
  }
  return findings;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** The host of an issuer URL, lower-cased; undefined for an issuer that is not a URL with a host. */
function hostOf(iss: string): string | undefined {
  return parseUrl(iss)?.hostname || undefined;
}
