import assert from 'node:assert/strict';
import {
  CLAIM_DESCRIPTIONS,
  HEADER_DESCRIPTIONS,
  describeClaim,
  formatDuration,
  formatRelative,
  formatRelativeShort,
  formatTimeClaim,
} from '../../src/core/claims';

const NOW = new Date('2024-01-01T00:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const DAY = 86400;

describe('claim descriptions', () => {
  it('covers the registered, OIDC and common vendor claims', () => {
    const required = [
      'iss',
      'sub',
      'aud',
      'exp',
      'nbf',
      'iat',
      'jti',
      'azp',
      'scope',
      'scp',
      'nonce',
      'auth_time',
      'amr',
      'acr',
      'at_hash',
      'c_hash',
      'sid',
      'email',
      'email_verified',
      'name',
      'given_name',
      'family_name',
      'preferred_username',
      'picture',
      'locale',
      'zoneinfo',
      'phone_number',
      'roles',
      'groups',
      'tid',
      'oid',
      'upn',
      'client_id',
      'cnf',
      'act',
      'may_act',
    ];
    for (const claim of required) assert.ok(CLAIM_DESCRIPTIONS[claim], claim);
    assert.ok(Object.keys(CLAIM_DESCRIPTIONS).length >= 30);
  });

  it('covers the JOSE header parameters', () => {
    for (const name of [
      'alg',
      'typ',
      'kid',
      'cty',
      'jku',
      'jwk',
      'x5u',
      'x5c',
      'x5t',
      'x5t#S256',
      'crit',
      'enc',
      'zip',
      'epk',
      'apu',
      'apv',
      'b64',
    ]) {
      assert.ok(HEADER_DESCRIPTIONS[name], name);
    }
  });

  it('fills every entry', () => {
    for (const [claim, entry] of Object.entries({ ...CLAIM_DESCRIPTIONS, ...HEADER_DESCRIPTIONS })) {
      assert.ok(entry.name && entry.description.endsWith('.') && entry.source, claim);
    }
  });

  it('describes a claim in one line, or not at all', () => {
    assert.equal(
      describeClaim('exp'),
      'Expiration Time — The time (seconds since 1970) on or after which the token must be rejected. (RFC 7519)',
    );
    assert.match(describeClaim('kid', 'header')!, /^Key ID — /);
    assert.match(describeClaim('typ')!, /Keycloak/);
    assert.match(describeClaim('typ', 'header')!, /RFC 7515/);
    assert.equal(describeClaim('no_such_claim'), undefined);
    assert.equal(describeClaim('toString'), undefined);
    assert.equal(describeClaim('__proto__'), undefined);
  });
});

describe('formatRelative', () => {
  const cases: [offset: number, long: string, short: string][] = [
    [0, 'now', 'now'],
    [0.9, 'now', 'now'],
    [-0.9, 'now', 'now'],
    [1, 'in 1 second', 'in 1 s'],
    [-59, '59 seconds ago', '59 s ago'],
    [60, 'in 1 minute', 'in 1 min'],
    [7199, 'in 1 hour', 'in 1 h'],
    [7200, 'in 2 hours', 'in 2 h'],
    [-3 * DAY, '3 days ago', '3 d ago'],
    [29 * DAY, 'in 29 days', 'in 29 d'],
    [45 * DAY, 'in 1 month', 'in 1 mo'],
    [-364 * DAY, '12 months ago', '12 mo ago'],
    [400 * DAY, 'in 1 year', 'in 1 y'],
    [-2 * 365 * DAY, '2 years ago', '2 y ago'],
  ];
  for (const [offset, long, short] of cases) {
    it(`${offset} s → "${long}" / "${short}"`, () => {
      assert.equal(formatRelative(NOW_S + offset, NOW), long);
      assert.equal(formatRelativeShort(NOW_S + offset, NOW), short);
    });
  }

  it('formats durations the same way', () => {
    assert.equal(formatDuration(2 * 365 * DAY), '2 years');
    assert.equal(formatDuration(-90), '1 minute');
    assert.equal(formatDuration(0.5), 'less than a second');
  });
});

describe('formatTimeClaim', () => {
  it('gives the ISO date in UTC and the relative time', () => {
    assert.deepEqual(formatTimeClaim(1300819380, NOW), {
      seconds: 1300819380,
      date: '2011-03-22T18:43:00.000Z',
      relative: '12 years ago',
    });
    assert.equal(formatTimeClaim(-86400, NOW)?.date, '1969-12-31T00:00:00.000Z');
    assert.equal(formatTimeClaim(1.5, NOW)?.date, '1970-01-01T00:00:01.500Z');
  });

  it('gives undefined for what no Date can hold', () => {
    for (const seconds of [1e20, -1e20, Infinity, NaN]) assert.equal(formatTimeClaim(seconds, NOW), undefined);
    assert.ok(formatTimeClaim(8.64e12, NOW));
  });
});
