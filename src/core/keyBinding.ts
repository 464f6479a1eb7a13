import * as l10n from '@vscode/l10n';
import type { JWK } from 'jose';
import { isJsonObject } from './json';
import { loadJose } from './jose';
import { keyProblem, publicJwk } from './key';
import { decodeSdJwt, unsignedKeyBinding } from './sdJwt';
import type { KeyBindingCheck } from './types';

/**
 * Checks the key-binding JWT of an SD-JWT+KB (RFC 9901 section 7.3, step 5): its signature with
 * the holder key the issuer put in cnf.jwk, its typ "kb+jwt", its sd_hash against the SD-JWT it came
 * with, and that it has iat, aud and nonce (whether they are the ones a verifier expects is the
 * verifier's business: they are returned for display). Undefined when the token has no key-binding
 * JWT. Trust it only once the issuer's signature is verified: the issuer's payload names the key.
 * Never rejects.
 *
 * @example (await checkKeyBinding(presentation))?.valid // true
 */
export async function checkKeyBinding(
  token: string,
  options: { now?: Date } = {},
): Promise<KeyBindingCheck | undefined> {
  let alg = '';
  try {
    const { payload, keyBinding } = await decodeSdJwt(token, options);
    if (!keyBinding) return undefined;
    const claims = isJsonObject(keyBinding.payload) ? keyBinding.payload : {};
    alg = typeof keyBinding.header.alg === 'string' ? keyBinding.header.alg : '';
    const shown = (value: unknown): string | undefined =>
      value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
    const facts = {
      alg,
      ...(typeof keyBinding.header.typ === 'string' ? { typ: keyBinding.header.typ } : {}),
      ...(keyBinding.times.iat ? { iat: keyBinding.times.iat } : {}),
      ...(claims.aud !== undefined ? { aud: shown(claims.aud) } : {}),
      ...(claims.nonce !== undefined ? { nonce: shown(claims.nonce) } : {}),
      sdHashMatches: keyBinding.sdHashMatches,
    };
    const fail = (error: string): KeyBindingCheck => ({ valid: false, ...facts, error });
    if (keyBinding.payload === undefined) return fail(keyBinding.warnings[0]!);
    const cnf = payload.cnf;
    const jwk = isJsonObject(cnf) && isJsonObject(cnf.jwk) ? (cnf.jwk as JWK) : undefined;
    if (!jwk) {
      return fail(l10n.t('The issuer-signed JWT has no holder key (cnf.jwk) to check the key-binding JWT with'));
    }
    if (alg === '' || alg.toLowerCase() === 'none') return fail(unsignedKeyBinding(alg));
    const problem = keyProblem(
      jwk,
      alg,
      l10n.t('the key-binding JWT is signed with {0}', alg),
      l10n.t('The holder key (cnf.jwk)'),
    );
    if (problem) return fail(problem);
    const { compactVerify, errors } = await loadJose();
    const compact = token.trim().slice(token.trim().lastIndexOf('~') + 1);
    try {
      await compactVerify(compact, publicJwk(jwk));
    } catch (error) {
      if (error instanceof errors.JWSSignatureVerificationFailed)
        return fail(
          l10n.t(
            "The key-binding JWT's signature does not match the holder key (cnf.jwk): someone else made it, or it was altered",
          ),
        );
      throw error;
    }
    // Then what decodeSdJwt found wrong with it: typ, missing claims, sd_hash…
    if (keyBinding.warnings[0]) return fail(keyBinding.warnings[0]);
    if (!keyBinding.sdHashMatches) {
      return fail(
        l10n.t("The key-binding JWT's sd_hash cannot be checked: this tool cannot compute the SD-JWT's _sd_alg"),
      );
    }
    return { valid: true, ...facts };
  } catch (error) {
    return {
      valid: false,
      alg,
      sdHashMatches: false,
      error: l10n.t(
        'The key-binding JWT could not be checked: {0}',
        error instanceof Error ? error.message : String(error),
      ),
    };
  }
}
