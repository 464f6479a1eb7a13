// Shared test material: the RFC 7515 / 7519 example tokens and keys (public test vectors),
// key pairs generated once per run, certificates made with the openssl CLI, and small builders.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base64url, exportJWK, exportPKCS8, exportSPKI, generateKeyPair, type JWK } from 'jose';
import { JwtError, type JwtErrorCode } from '../../src/core';

const RFC_PAYLOAD = 'eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ';

/** RFC 7515 Appendix A (A.1 is also the RFC 7519 section 3.1 example). */
export const RFC7515 = {
  A1: {
    token: `eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.${RFC_PAYLOAD}.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk`,
    jwk: { kty: 'oct', k: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow' },
  },
  A2: {
    token:
      `eyJhbGciOiJSUzI1NiJ9.${RFC_PAYLOAD}.` +
      'cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4' +
      'BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqv' +
      'hJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw',
    jwk: {
      kty: 'RSA',
      e: 'AQAB',
      n:
        'ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSH' +
        'SXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ',
    },
  },
  A3: {
    token: `eyJhbGciOiJFUzI1NiJ9.${RFC_PAYLOAD}.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q`,
    jwk: {
      kty: 'EC',
      crv: 'P-256',
      x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
      y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
    },
  },
  /** ES512 over the 7-byte payload "Payload": a payload that is not JSON. */
  A4: {
    token:
      'eyJhbGciOiJFUzUxMiJ9.UGF5bG9hZA.' +
      'AdwMgeerwtHoh-l192l60hp9wAHZFVJbLfD_UxMi70cwnZOYaRI1bKPWROc-mZZqwqT2SI-KGDKB34XO0aw_7XdtAG8GaSwFKdCAPZgoXD2YBJZCPEX3xKpRwcdOO8KpEHwJjyqOgzDO7iKvU8vcnwNrmxYbSW9ERBXukOXolLzeO_Jn',
    jwk: {
      kty: 'EC',
      crv: 'P-521',
      x: 'AekpBQ8ST8a8VcfVOTNl353vSrDCLLJXmPk06wTjxrrjcBpXp5EOnYG_NjFZ6OvLFV1jSfS9tsz4qUxcWceqwQGk',
      y: 'ADSmRA43Z1DSNx_RvcLI87cdL07l6jQyyBXMoxVg_l2Th-x3S1WDhjDly79ajL4Kkd0AZMaZmh9ubmf63e3kyMj2',
    },
  },
  A5: { token: `eyJhbGciOiJub25lIn0.${RFC_PAYLOAD}.` },
} as const;

/** A compact token from a header and payload; objects are JSON-encoded, strings used as the raw payload text. */
export function makeToken(header: unknown, payload: unknown = {}, signature = 'c2lnbmF0dXJl'): string {
  const part = (value: unknown): string => base64url.encode(typeof value === 'string' ? value : JSON.stringify(value));
  return `${part(header)}.${part(payload)}.${signature}`;
}

/** A key pair in every form the core accepts. */
export interface KeySet {
  privateJwk: JWK;
  publicJwk: JWK;
  pkcs8: string;
  spki: string;
}

const families: Record<string, Promise<KeySet>> = {};

/** Keys for `alg`, generated once per family and run (RSA once for all RS* and PS*). */
export function keysFor(alg: string): Promise<KeySet> {
  const family = /^(RS|PS)/.test(alg) ? 'RS256' : alg === 'Ed25519' ? 'EdDSA' : alg;
  families[family] ??= (async () => {
    const { privateKey, publicKey } = await generateKeyPair(family, { extractable: true });
    return {
      privateJwk: await exportJWK(privateKey),
      publicJwk: await exportJWK(publicKey),
      pkcs8: await exportPKCS8(privateKey),
      spki: await exportSPKI(publicKey),
    };
  })();
  return families[family]!;
}

/** True when the openssl CLI is available, for certificate tests. */
export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs openssl in a scratch directory and returns the named files it wrote. Test-only material,
 * generated fresh each run.
 */
export function openssl(runs: string[][], outputs: string[]): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'jwt-toolkit-test-'));
  try {
    for (const args of runs) execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    return Object.fromEntries(outputs.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A self-signed certificate and its PKCS#8 key; `keyArgs` as for `openssl req -newkey`. */
export function makeCertificate(...keyArgs: string[]): { cert: string; key: string } {
  const { 'cert.pem': cert, 'key.pem': key } = openssl(
    [
      [
        'req',
        '-x509',
        '-newkey',
        ...keyArgs,
        '-nodes',
        '-keyout',
        'key.pem',
        '-out',
        'cert.pem',
        '-subj',
        '/CN=jwt-toolkit test',
        '-days',
        '1',
      ],
    ],
    ['cert.pem', 'key.pem'],
  );
  return { cert: cert!, key: key! };
}

/** Asserts that `run` throws a JwtError with `code`, and a message matching `message` if given. */
export function assertJwtError(run: () => unknown, code: JwtErrorCode, message?: RegExp | string): JwtError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  return checkJwtError(caught, code, message);
}

/** {@link assertJwtError} for promises. */
export async function assertRejectsJwtError(
  run: () => Promise<unknown>,
  code: JwtErrorCode,
  message?: RegExp | string,
): Promise<JwtError> {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  return checkJwtError(caught, code, message);
}

function checkJwtError(caught: unknown, code: JwtErrorCode, message?: RegExp | string): JwtError {
  assert.ok(caught instanceof JwtError, `expected a JwtError, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  if (typeof message === 'string') assert.equal(caught.message, message);
  else if (message) assert.match(caught.message, message);
  return caught;
}
