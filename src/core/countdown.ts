/**
 * A token's expiry as a countdown, for a status bar: "JWT expires in 4:59", "JWT expires in 5 h 12 min",
 * "JWT expired 3 min ago", "JWT · no expiry". Editor-free: the status bar item (src/statusBar/) shows it,
 * the unit tests check it at fixed times.
 */
import * as l10n from '@vscode/l10n';
import { formatRelative, relativeTimeShort } from './claims';
import type { DecodedToken } from './types';

/**
 * What the countdown says and how loudly: `ok` (plenty of time, or no expiry), `soon` (expires within
 * the warning threshold), `expired`, `not-yet-valid` (nbf ahead), `encrypted` (a JWE's times are sealed).
 */
export type CountdownTone = 'ok' | 'soon' | 'expired' | 'not-yet-valid' | 'encrypted';

export interface Countdown {
  tone: CountdownTone;
  /** Short, for the status bar: "JWT expires in 4:59". */
  text: string;
  /** The same in words, for a screen reader: "JWT expires in 4 minutes". */
  spoken: string;
  /**
   * The NumericDate it counts to (or, once expired, from): its text changes as each second from it
   * passes, so a clock ticks in step with it. Undefined when the text never changes (no expiry, JWE).
   */
  countsTo?: number;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

/**
 * The countdown to `decoded`'s expiry at `nowMs` (ms since the epoch); `soon` when at most
 * `warnBeforeSeconds` are left. Counts down to the second in the last hour, in hours and minutes in the
 * last day, in days and hours in the last month, in months or years before that; rounded down, so it
 * never overstates the time left.
 * @example expiryCountdown(decodeToken(token), Date.now(), 300) // { tone: 'soon', text: 'JWT expires in 4:59', … }
 */
export function expiryCountdown(decoded: DecodedToken, nowMs: number, warnBeforeSeconds: number): Countdown {
  if (decoded.kind === 'jwe')
    return {
      tone: 'encrypted',
      text: l10n.t('JWE · expiry encrypted'),
      spoken: l10n.t('Encrypted JWT: when it expires is known only after decrypting it'),
    };
  const now = new Date(nowMs);
  const nowSeconds = nowMs / 1000;
  const { exp, nbf } = decoded.times;
  if (nbf && nbf.seconds > nowSeconds) {
    return {
      tone: 'not-yet-valid',
      text: l10n.t('JWT not yet valid · usable in {0}', countdownText(nbf.seconds - nowSeconds, nbf.seconds, now)),
      spoken: l10n.t('JWT not yet valid: usable {0}', formatRelative(nbf.seconds, now)),
      countsTo: nbf.seconds,
    };
  }
  if (!exp)
    return {
      tone: 'ok',
      text: l10n.t('JWT · no expiry'),
      spoken: l10n.t('JWT without expiry (no exp claim)'),
    };
  const left = exp.seconds - nowSeconds;
  if (left <= 0) {
    const { when, duration } = relativeTimeShort(exp.seconds, now);
    return {
      tone: 'expired',
      text: when === 'now' ? l10n.t('JWT expired just now') : l10n.t('JWT expired {0} ago', duration),
      spoken: l10n.t('JWT expired {0}', formatRelative(exp.seconds, now)),
      countsTo: exp.seconds,
    };
  }
  return {
    tone: left <= warnBeforeSeconds ? 'soon' : 'ok',
    text: left < 1 ? l10n.t('JWT expires now') : l10n.t('JWT expires in {0}', countdownText(left, exp.seconds, now)),
    spoken: l10n.t('JWT expires {0}', formatRelative(exp.seconds, now)),
    countsTo: exp.seconds,
  };
}

/** `left` seconds (> 0) until `at`: "4:59", "5 h 12 min", "3 d 4 h", then "2 mo", "73 y". */
function countdownText(left: number, at: number, now: Date): string {
  const whole = Math.floor(left);
  if (whole < HOUR) return `${Math.floor(whole / MINUTE)}:${String(whole % MINUTE).padStart(2, '0')}`;
  if (whole < DAY) return l10n.t('{0} h {1} min', Math.floor(whole / HOUR), Math.floor((whole % HOUR) / MINUTE));
  if (whole < 30 * DAY) return l10n.t('{0} d {1} h', Math.floor(whole / DAY), Math.floor((whole % DAY) / HOUR));
  return relativeTimeShort(at, now).duration;
}
