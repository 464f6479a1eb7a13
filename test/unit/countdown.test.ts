import assert from 'node:assert/strict';
import { expiryCountdown } from '../../src/core/countdown';
import { decodeToken } from '../../src/core/decode';
import { HS256, jwe, jws, unsecured } from './scan-helpers';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const nowSeconds = NOW / 1000;
const at = (claims: object) => decodeToken(jws(HS256, { sub: 'u', ...claims }), { now: new Date(NOW) });
const countdown = (claims: object, warnBefore = 300) => expiryCountdown(at(claims), NOW, warnBefore);

describe('expiryCountdown', () => {
  const cases: Array<[string, number, string, 'ok' | 'soon' | 'expired']> = [
    ['to the second in the last hour, under the threshold', 299.6, 'JWT expires in 4:59', 'soon'],
    ['at the threshold itself', 300, 'JWT expires in 5:00', 'soon'],
    ['just over the threshold', 301, 'JWT expires in 5:01', 'ok'],
    ['with a minute to the second', 3599, 'JWT expires in 59:59', 'ok'],
    ['in hours and minutes in the last day', 5 * 3600 + 12 * 60 + 59, 'JWT expires in 5 h 12 min', 'ok'],
    ['in days and hours in the last month', 3 * 86400 + 4 * 3600 + 1, 'JWT expires in 3 d 4 h', 'ok'],
    ['in months beyond', 65 * 86400, 'JWT expires in 2 mo', 'ok'],
    ['in years further still', 3 * 365 * 86400 + 5, 'JWT expires in 3 y', 'ok'],
    ['as now in its last second', 0.5, 'JWT expires now', 'soon'],
    ['as just expired at its exp', 0, 'JWT expired just now', 'expired'],
    ['in seconds just after', -42.5, 'JWT expired 42 s ago', 'expired'],
    ['in minutes after', -3 * 60 - 10, 'JWT expired 3 min ago', 'expired'],
    ['in days long after', -3 * 86400, 'JWT expired 3 d ago', 'expired'],
  ];
  for (const [name, left, text, tone] of cases) {
    it(`counts ${name}: "${text}"`, () => {
      const result = countdown({ exp: nowSeconds + left });
      assert.equal(result.text, text);
      assert.equal(result.tone, tone);
      assert.equal(result.countsTo, nowSeconds + left);
    });
  }

  it('says in words what the screen reader reads', () => {
    assert.equal(countdown({ exp: nowSeconds + 299 }).spoken, 'JWT expires in 4 minutes');
    assert.equal(countdown({ exp: nowSeconds - 3 * 3600 }).spoken, 'JWT expired 3 hours ago');
  });

  it('never warns with a threshold of 0, and warns a day ahead with 86400', () => {
    assert.equal(countdown({ exp: nowSeconds + 10 }, 0).tone, 'ok');
    assert.equal(countdown({ exp: nowSeconds + 3600 }, 86400).tone, 'soon');
  });

  it('says a token without exp has no expiry, and does not tick', () => {
    const result = countdown({ iat: nowSeconds });
    assert.deepEqual(
      { tone: result.tone, text: result.text, countsTo: result.countsTo },
      { tone: 'ok', text: 'JWT · no expiry', countsTo: undefined },
    );
  });

  it('counts down to nbf while the token is not valid yet', () => {
    const result = countdown({ nbf: nowSeconds + 90, exp: nowSeconds + 3600 });
    assert.equal(result.tone, 'not-yet-valid');
    assert.equal(result.text, 'JWT not yet valid · usable in 1:30');
    assert.equal(result.countsTo, nowSeconds + 90);
  });

  it('counts down for an unsigned token as for any other (its times still apply)', () => {
    const decoded = decodeToken(unsecured({ exp: nowSeconds + 61 }), { now: new Date(NOW) });
    assert.equal(expiryCountdown(decoded, NOW, 300).text, 'JWT expires in 1:01');
  });

  it("says a JWE's expiry is encrypted, and does not tick", () => {
    const result = expiryCountdown(decodeToken(jwe()), NOW, 300);
    assert.equal(result.tone, 'encrypted');
    assert.equal(result.text, 'JWE · expiry encrypted');
    assert.equal(result.countsTo, undefined);
  });
});
