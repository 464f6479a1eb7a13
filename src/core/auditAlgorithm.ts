import * as l10n from '@vscode/l10n';
import type { Finding } from './types';
import type { AuditContext } from './auditContext';

// The IANA "JSON Web Signature and Encryption Algorithms" registry, exactly as registered (case matters).
// biome-ignore format: a table
const JWS_ALGS = new Set([
  'HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'ES256K',
  'PS256', 'PS384', 'PS512', 'EdDSA', 'Ed25519', 'Ed448', 'ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87',
]);
// biome-ignore format: a table
const JWE_ALGS = new Set([
  'RSA1_5', 'RSA-OAEP', 'RSA-OAEP-256', 'RSA-OAEP-384', 'RSA-OAEP-512', 'A128KW', 'A192KW', 'A256KW',
  'dir', 'ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW', 'ECDH-ES+A256KW', 'A128GCMKW', 'A192GCMKW',
  'A256GCMKW', 'PBES2-HS256+A128KW', 'PBES2-HS384+A192KW', 'PBES2-HS512+A256KW',
]);
const JWE_ENCS = new Set(['A128CBC-HS256', 'A192CBC-HS384', 'A256CBC-HS512', 'A128GCM', 'A192GCM', 'A256GCM']);

/** ECDSA: the curve's order n, and r‖s each as long as n (RFC 7518 section 3.4). */
const ECDSA: Readonly<Record<string, { size: number; order: bigint }>> = {
  ES256: { size: 32, order: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n },
  ES384: {
    size: 48,
    order: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
  },
  ES512: {
    size: 66,
    order:
      0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
  },
};

/**
 * The algorithm and the signature: alg none in any spelling, algorithms nobody registered, a
 * missing signature, and ECDSA signatures of the "psychic signatures" shape (CVE-2022-21449).
 * @example checkAlgorithm(context) // [{ id: 'alg-none', severity: 'error', … }]
 */
export function checkAlgorithm(context: AuditContext): Finding[] {
  const { header, kind, signature } = context;
  if (!header) return [];
  const findings: Finding[] = [];
  const { alg } = header;
  if (typeof alg === 'string' && alg.trim().toLowerCase() === 'none') {
    findings.push({
      id: 'alg-none',
      severity: 'error',
      part: 'header',
      message:
        alg === 'none'
          ? l10n.t(
              'The token is unsigned (alg "none"): anyone can create or change it. A server must never accept it; configure the verifier with the algorithms you expect, and sign tokens',
            )
          : l10n.t(
              'The token is unsigned (alg "{0}"): anyone can create or change it, and this spelling of "none" is a known trick to slip past case-sensitive checks. Configure the verifier with the algorithms you expect, never "none"',
              alg,
            ),
    });
    return findings;
  }
  const registered = kind === 'jwe' ? JWE_ALGS : JWS_ALGS;
  if (typeof alg !== 'string' || !registered.has(alg)) {
    findings.push({ id: 'alg-unknown', severity: 'error', part: 'header', message: unknownAlg(alg, kind) });
  }
  if (kind === 'jwe' && !(typeof header.enc === 'string' && JWE_ENCS.has(header.enc))) {
    findings.push({
      id: 'alg-unknown',
      severity: 'error',
      part: 'header',
      message: l10n.t(
        'The content encryption "enc" ({0}) is not a registered JWE algorithm (A128GCM, A256GCM, A128CBC-HS256, …); libraries will reject the token or, worse, guess',
        JSON.stringify(header.enc ?? null),
      ),
    });
  }
  if (kind === 'unsecured') {
    findings.push({
      id: 'signature-empty',
      severity: 'error',
      part: 'signature',
      message: l10n.t(
        'The signature is empty although alg is {0}: the token is effectively unsigned. A verifier that skips the check for an empty signature accepts forgeries; reject such tokens',
        JSON.stringify(alg ?? null),
      ),
    });
  } else if (kind === 'jws' && typeof alg === 'string' && Object.hasOwn(ECDSA, alg) && signature) {
    const psychic = psychicSignature(alg, signature);
    if (psychic) findings.push(psychic);
  }
  return findings;
}

function unknownAlg(alg: unknown, kind: AuditContext['kind']): string {
  if (typeof alg !== 'string') return l10n.t('The header has no usable "alg" (it is {0})', JSON.stringify(alg ?? null));
  const other = kind === 'jwe' ? JWS_ALGS : JWE_ALGS;
  const near = [...JWS_ALGS, ...JWE_ALGS].find((name) => name.toLowerCase() === alg.trim().toLowerCase());
  if (other.has(alg)) {
    return kind === 'jwe'
      ? l10n.t('alg "{0}" is a signature algorithm, but this token is encrypted (a JWE); libraries will reject it', alg)
      : l10n.t(
          'alg "{0}" is a key encryption algorithm, but this token is signed (a JWS); libraries will reject it',
          alg,
        );
  }
  return near
    ? l10n.t(
        'alg "{0}" is not a registered algorithm, only close to "{1}": algorithm names are case-sensitive and exact. A verifier that normalises the name may pick a different code path than one that does not; fix the issuer',
        alg,
        near,
      )
    : l10n.t(
        'alg "{0}" is not a registered JOSE algorithm: standard libraries reject it, and a verifier that accepts it runs code nobody reviewed. Use a registered algorithm such as RS256, ES256 or HS256',
        alg,
      );
}

/** An ECDSA signature whose r or s is zero or not below n, or whose length is wrong. */
function psychicSignature(alg: string, signature: Uint8Array): Finding | undefined {
  const { size, order } = ECDSA[alg]!;
  if (signature.length !== 2 * size) {
    return {
      id: 'signature-psychic',
      severity: 'warning',
      part: 'signature',
      message: l10n.t(
        'The {0} signature is {1} bytes, not the {2} bytes of r and s side by side that JWS requires (RFC 7518 section 3.4); a DER-encoded signature? Standard verifiers reject it; lenient ones may parse r and s unchecked, the ground CVE-2022-21449 grew on',
        alg,
        signature.length,
        2 * size,
      ),
    };
  }
  const r = toBigInt(signature.subarray(0, size));
  const s = toBigInt(signature.subarray(size));
  if (r === 0n || s === 0n || r >= order || s >= order) {
    return {
      id: 'signature-psychic',
      severity: 'error',
      part: 'signature',
      message:
        r === 0n && s === 0n
          ? l10n.t(
              'The {0} signature is all zeros: a "psychic signature" (CVE-2022-21449) that Java 15 to 18 accepted for any token and key. Someone is probing the verifier; make sure its runtime is patched',
              alg,
            )
          : l10n.t(
              'The {0} signature has r or s zero or not below the curve order, which no real signature has: the "psychic signatures" attack (CVE-2022-21449). Make sure the verifier checks that 0 < r, s < n (patched Java 15 to 18 does)',
              alg,
            ),
    };
  }
  return undefined;
}

function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}
