// statusLabel keeps two facts apart: what the token's times say and whether its signature was
// verified. Only a verified signature may be called valid or verified, or get the pass icon and
// the 'ok' tone: the times of an unchecked token are claims anyone could have written.
import assert from 'node:assert/strict';
import { decodeToken } from '../../src/core/decode';
import { statusLabel, type SignatureCheck } from '../../src/core/status';
import { HS256, jws } from './scan-helpers';

const NOW = new Date('2026-03-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const decode = (payload: object) => decodeToken(jws(HS256, payload), { now: NOW });

describe('statusLabel', () => {
  const live = decode({ sub: 'u', exp: NOW_S + 72 * 365 * 86400 });
  const noExpiry = decode({ sub: 'u' });

  it('never calls a token with an unchecked signature valid, nor gives it the pass icon or the ok tone', () => {
    for (const decoded of [live, noExpiry, decode({ sub: 'u', exp: NOW_S + 7200, nbf: NOW_S - 10 })]) {
      for (const signature of [undefined, 'unchecked', 'invalid', { valid: false }] as Array<
        SignatureCheck | undefined
      >) {
        const label = statusLabel(decoded, signature);
        assert.doesNotMatch(label.text, /\bvalid\b(?! yet)|verified/i, label.text);
        assert.notEqual(label.icon, 'pass', label.text);
        assert.notEqual(label.tone, 'ok', label.text);
      }
    }
  });

  it('says the signature was not checked, in a neutral tone, by default', () => {
    assert.deepEqual(statusLabel(live), {
      icon: 'circle-large-outline',
      text: 'Not expired (expires in 72 years) · signature not checked',
      tone: 'neutral',
    });
    assert.deepEqual(statusLabel(noExpiry), {
      icon: 'circle-large-outline',
      text: 'No expiry (no exp claim) · signature not checked',
      tone: 'neutral',
    });
  });

  it('says verified, with pass and ok, only after a verified signature', () => {
    const expiring = decode({ sub: 'u', exp: NOW_S + 7200 });
    assert.deepEqual(statusLabel(expiring, 'verified'), {
      icon: 'pass',
      text: 'Signature verified · expires in 2 hours',
      tone: 'ok',
    });
    assert.deepEqual(statusLabel(expiring, { valid: true }), statusLabel(expiring, 'verified'));
    assert.equal(statusLabel(noExpiry, 'verified').text, 'Signature verified · no expiry (no exp claim)');
  });

  it('calls a failed signature bad', () => {
    assert.deepEqual(statusLabel(live, 'invalid'), {
      icon: 'error',
      text: 'Signature invalid · expires in 72 years',
      tone: 'bad',
    });
    assert.equal(statusLabel(noExpiry, { valid: false }).tone, 'bad');
  });

  it('keeps expired, not yet valid, unsigned and encrypted as they were, whatever the signature', () => {
    for (const signature of ['verified', 'unchecked', 'invalid'] as const) {
      assert.deepEqual(statusLabel(decode({ exp: NOW_S - 3 * 86400 }), signature), {
        icon: 'error',
        text: 'Expired 3 days ago',
        tone: 'bad',
      });
      assert.deepEqual(statusLabel(decode({ nbf: NOW_S + 7200 }), signature), {
        icon: 'clock',
        text: 'Not yet valid: usable in 2 hours',
        tone: 'bad',
      });
    }
    assert.equal(statusLabel(decodeToken('eyJhbGciOiJub25lIn0.e30.')).tone, 'bad');
  });
});
