import * as l10n from '@vscode/l10n';
import { formatDuration, formatRelative, formatTimeClaim } from './claims';
import { LONG_LIVED_DAYS } from './risks';
import { utcText } from './status';
import type { Finding } from './types';
import type { AuditContext } from './auditContext';

/** iat may run this far ahead of `now` before we blame the issuer's clock (as decodeToken does). */
const CLOCK_SKEW_SECONDS = 60;
/** A time-zone mistake shifts by whole hours, up to UTC+14; this much slack covers the token's age and clock drift. */
const ZONE_SLACK_SECONDS = 120;
const MAX_ZONE_HOURS = 14;

/**
 * The time claims: no exp, expired, valid for longer than {@link LONG_LIVED_DAYS} days, impossible
 * orders, and iat or nbf in the future, by whole hours when a local time was taken for UTC.
 * @example checkTimes(context) // [{ id: 'exp-missing', severity: 'warning', … }]
 */
export function checkTimes(context: AuditContext): Finding[] {
  const { payload, now } = context;
  if (typeof payload !== 'object') return [];
  const findings: Finding[] = [];
  const add = (id: string, severity: Finding['severity'], message: string): void => {
    findings.push({ id, severity, part: 'payload', message });
  };
  const time = (name: string): number | undefined => {
    const value = payload[name];
    return typeof value === 'number' && formatTimeClaim(value, now) ? value : undefined;
  };
  const exp = time('exp');
  const iat = time('iat');
  const nbf = time('nbf');
  const nowSeconds = now.getTime() / 1000;

  if (!Object.hasOwn(payload, 'exp')) {
    add(
      'exp-missing',
      'warning',
      l10n.t(
        'The token has no expiry (exp): once issued or leaked it works forever, unless the server tracks and revokes it. Issue tokens with a short exp and refresh them',
      ),
    );
  } else if (exp === undefined) {
    add(
      'exp-missing',
      'warning',
      l10n.t(
        'exp is {0}, not a NumericDate (seconds since 1970): strict libraries reject the token, and lenient ones may treat it as never expiring. Issue exp as a number of seconds',
        JSON.stringify(payload.exp).slice(0, 40),
      ),
    );
  } else if (nowSeconds >= exp) {
    const iso = new Date(exp * 1000).toISOString();
    add('expired', 'info', l10n.t('This token expired {0} ({1})', formatRelative(exp, now), utcText(iso)));
  }
  if (exp !== undefined) {
    const from = iat ?? nowSeconds;
    if (exp - from > LONG_LIVED_DAYS * 86400) {
      add(
        'long-lived',
        'warning',
        iat === undefined
          ? l10n.t(
              'The token stays valid for another {0} (more than {1} days): a leaked token is useful that long. Prefer short-lived access tokens (minutes to hours) with refresh',
              formatDuration(exp - from),
              LONG_LIVED_DAYS,
            )
          : l10n.t(
              'The token is valid for {0} from iat to exp (more than {1} days): a leaked token is useful that long. Prefer short-lived access tokens (minutes to hours) with refresh',
              formatDuration(exp - from),
              LONG_LIVED_DAYS,
            ),
      );
    }
    if (iat !== undefined && exp < iat) {
      add(
        'exp-before-iat',
        'warning',
        l10n.t(
          'exp is before iat: the token expired before it was issued, so the issuer computes times wrongly (a sign, a unit or a time zone). Fix the issuer',
        ),
      );
    }
    if (nbf !== undefined && nbf > exp) {
      add(
        'nbf-after-exp',
        'warning',
        l10n.t('nbf is after exp: the token is never valid, so the issuer computes times wrongly. Fix the issuer'),
      );
    }
  }
  for (const [name, value] of [
    ['iat', iat],
    ['nbf', nbf],
  ] as const) {
    if (value === undefined || value - nowSeconds <= CLOCK_SKEW_SECONDS) continue;
    const ahead = value - nowSeconds;
    const hours = Math.round(ahead / 3600);
    if (hours >= 1 && hours <= MAX_ZONE_HOURS && Math.abs(ahead - hours * 3600) <= ZONE_SLACK_SECONDS) {
      add(
        'clock-timezone',
        'warning',
        l10n.t(
          "{0} is {1} hours in the future, almost exactly: the mark of a local time taken as UTC, such as Python's naive datetime.now() given to PyJWT. Servers then reject the token until that many hours pass. Use datetime.now(timezone.utc), or time.time()",
          name,
          hours,
        ),
      );
    } else if (name === 'iat') {
      add(
        'iat-future',
        'warning',
        l10n.t(
          "iat is in the future ({0}): the issuer's clock is wrong or the time was computed wrongly, and verifiers that check iat reject the token. Sync the issuer's clock (NTP) and use UTC seconds",
          formatRelative(value, now),
        ),
      );
    }
  }
  return findings;
}
