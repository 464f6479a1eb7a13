import * as l10n from '@vscode/l10n';

/** Expiry presets for signing: keep the payload's own times, or set iat to now and exp after it. */
export type Expiry = 'keep' | '15m' | '1h' | '1d' | '7d' | number;

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** A preset whose label is translated when read, not when the module loads. */
const preset = (expiry: Expiry, label: () => string): { expiry: Expiry; readonly label: string } => ({
  expiry,
  get label() {
    return label();
  },
});

/** The presets a menu offers, in order. */
export const EXPIRY_PRESETS: ReadonlyArray<{ expiry: Expiry; readonly label: string }> = [
  preset('keep', () => l10n.t("Keep the payload's own iat/exp")),
  preset('15m', () => l10n.t('Expires in 15 minutes')),
  preset('1h', () => l10n.t('Expires in 1 hour')),
  preset('1d', () => l10n.t('Expires in 1 day')),
  preset('7d', () => l10n.t('Expires in 7 days')),
];

/**
 * Seconds in a duration such as "90m", "12h", "7d" or "3600" (seconds), or undefined when it is
 * not a positive whole duration.
 *
 * @example
 * durationSeconds('15m') // 900
 */
export function durationSeconds(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isInteger(text) && text > 0 ? text : undefined;
  const match = /^\s*(\d+)\s*([smhdw]?)\s*$/i.exec(text);
  if (!match) return undefined;
  const seconds = Number(match[1]) * UNIT_SECONDS[(match[2] || 's').toLowerCase()]!;
  return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : undefined;
}

/**
 * The claims with iat = now and exp = now + the duration, or unchanged for "keep".
 *
 * @throws {Error} for a duration that is not a positive whole number of seconds, minutes, hours, days or weeks
 * @example
 * withExpiry({ sub: 'a' }, '1h', new Date(0)) // { sub: 'a', iat: 0, exp: 3600 }
 */
export function withExpiry(claims: Record<string, unknown>, expiry: Expiry, now = new Date()): Record<string, unknown> {
  if (expiry === 'keep') return claims;
  const seconds = durationSeconds(expiry);
  if (seconds === undefined) {
    throw new Error(
      l10n.t(
        'The expiry {0} is not a duration; use e.g. "15m", "1h", "1d", "7d" or a number of seconds',
        String(JSON.stringify(expiry)),
      ),
    );
  }
  const iat = Math.floor(now.getTime() / 1000);
  return { ...claims, iat, exp: iat + seconds };
}
