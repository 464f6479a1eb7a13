/**
 * What is risky about a token, for the editor's Problems: unsigned, expired, signed with a secret
 * everybody knows, or long-lived and hard-coded in source. Offline: the weak-secret check tries a
 * small built-in list (crackSecret), nothing leaves the machine.
 */
import * as l10n from '@vscode/l10n';
import { formatDuration } from './claims';
import { crackSecret } from './crackSecret';
import { decodeToken } from './decode';
import { utcText } from './status';
import type { DecodedToken } from './types';

export type RiskKind = 'algNone' | 'expired' | 'weakSecret' | 'longLived';

export interface TokenRisk {
  kind: RiskKind;
  message: string;
}

/** How many days of validity make a token long-lived: Problems and the audit share it. */
export const LONG_LIVED_DAYS = 30;

export interface RiskOptions {
  now?: Date;
  /** The token sits in source code, where a long-lived one is a leaked credential waiting to happen. */
  hardCoded?: boolean;
  /** A hard-coded token valid longer than this (iat, or now, to exp) is reported; default {@link LONG_LIVED_DAYS}. */
  longLivedDays?: number;
}

/**
 * The risks decoding alone reveals (all but the weak secret, which needs {@link findWeakSecret}).
 * A token that does not decode has none: the hover explains what is wrong with it.
 * @example tokenRisks(unsignedToken) // [{ kind: 'algNone', message: 'This token is unsigned …' }]
 */
export function tokenRisks(token: string, options: RiskOptions = {}): TokenRisk[] {
  const now = options.now ?? new Date();
  let decoded: DecodedToken;
  try {
    decoded = decodeToken(token, { now });
  } catch {
    return [];
  }
  const risks: TokenRisk[] = [];
  const { exp, iat } = decoded.times;
  if (decoded.kind === 'unsecured') {
    const alg = String(decoded.header.alg);
    risks.push({
      kind: 'algNone',
      message: l10n.t(
        'This token is unsigned (alg "{0}"): anyone can forge its claims, and a server that accepts it accepts forgeries',
        alg,
      ),
    });
  }
  if (decoded.status === 'expired' && exp) {
    risks.push({ kind: 'expired', message: l10n.t('This token expired {0} ({1})', exp.relative, utcText(exp.date)) });
  }
  if (options.hardCoded && decoded.kind !== 'jwe' && decoded.status !== 'expired') {
    const days = options.longLivedDays ?? LONG_LIVED_DAYS;
    if (!exp) {
      risks.push({
        kind: 'longLived',
        message: l10n.t(
          'A token that never expires (no exp) is hard-coded here: whoever reads this file can use it forever; load it from configuration or a secret store instead, and rotate it if this file was ever shared',
        ),
      });
    } else {
      const from = iat?.seconds ?? now.getTime() / 1000;
      if (exp.seconds - from > days * 86400) {
        // Without iat, the time from now: more than `days` ahead, so never "now".
        const span = formatDuration(exp.seconds - from);
        risks.push({
          kind: 'longLived',
          message: iat
            ? l10n.t(
                'A token valid for {0} is hard-coded here (more than {1} days); load it from configuration or a secret store instead, and rotate it if this file was ever shared',
                span,
                days,
              )
            : l10n.t(
                'A token valid for another {0} is hard-coded here (more than {1} days); load it from configuration or a secret store instead, and rotate it if this file was ever shared',
                span,
                days,
              ),
        });
      }
    }
  }
  return risks;
}

/**
 * Secrets that tutorials, samples and defaults use; tokens signed with one of them can be forged by
 * anyone. Kept short on purpose: this is a smoke alarm, not a cracker.
 */
export const WEAK_SECRETS: readonly string[] = [
  'secret',
  'your-256-bit-secret',
  'your-384-bit-secret',
  'your-512-bit-secret',
  'changeme',
  'change-me',
  'password',
  '123456',
  '12345678',
  'jwt_secret',
  'jwt-secret',
  'jwtsecret',
  'JWT_SECRET',
  'supersecret',
  'super-secret',
  'secretkey',
  'secret-key',
  'secret_key',
  'mysecret',
  'my-secret',
  'my_secret',
  'key',
  'test',
  'default',
  'admin',
  'qwerty',
  'shhhhh',
  'keyboard cat',
  'your_jwt_secret',
  'SECRET_KEY',
];

/**
 * The well-known secret `token` is signed with, or undefined (also for anything but HS256/384/512).
 * @example await findWeakSecret(jwtIoExampleToken) // 'your-256-bit-secret'
 */
export async function findWeakSecret(token: string): Promise<string | undefined> {
  try {
    // An SD-JWT's signature is its issuer-signed JWT's, the part before the first ~.
    return await crackSecret(token.trim().split('~', 1)[0]!, WEAK_SECRETS);
  } catch {
    return undefined; // not an HMAC token, or not a token at all
  }
}

/** The weak-secret risk as a sentence, for a secret {@link findWeakSecret} found. */
export function weakSecretRisk(secret: string): TokenRisk {
  return {
    kind: 'weakSecret',
    message: l10n.t(
      'This token is signed with the well-known secret "{0}": anyone can forge tokens the server accepts; sign with a long random secret and rotate it',
      secret,
    ),
  };
}
