import assert from 'node:assert/strict';
import { durationSeconds, EXPIRY_PRESETS, withExpiry } from '../../src/core/expiry';

describe('expiry', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const iat = now.getTime() / 1000;

  it('reads durations', () => {
    assert.equal(durationSeconds('15m'), 900);
    assert.equal(durationSeconds('1h'), 3600);
    assert.equal(durationSeconds('7d'), 604800);
    assert.equal(durationSeconds(' 90 '), 90);
    assert.equal(durationSeconds(120), 120);
    for (const bad of ['', '0', '-5m', '1.5h', 'soon', 0, -1, 1.5])
      assert.equal(durationSeconds(bad), undefined, String(bad));
  });

  it('sets iat and exp for every preset except keep', () => {
    const claims = { sub: 'a', exp: 1 };
    assert.equal(withExpiry(claims, 'keep', now), claims);
    assert.deepEqual(withExpiry(claims, '1h', now), { sub: 'a', exp: iat + 3600, iat });
    assert.deepEqual(withExpiry(claims, 60, now), { sub: 'a', exp: iat + 60, iat });
    assert.deepEqual(
      EXPIRY_PRESETS.map((p) => p.expiry),
      ['keep', '15m', '1h', '1d', '7d'],
    );
  });

  it('refuses what is not a duration', () => {
    assert.throws(() => withExpiry({}, 'later' as never, now), /The expiry "later" is not a duration/);
  });
});
