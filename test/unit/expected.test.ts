import assert from 'node:assert/strict';
import { checkExpectedClaims } from '../../src/core/expected';

describe('checkExpectedClaims', () => {
  const now = new Date(1_000_000 * 1000);

  it('checks iss and aud only when expected', () => {
    assert.deepEqual(checkExpectedClaims({ iss: 'a', aud: 'x' }, {}, now), []);
    assert.deepEqual(checkExpectedClaims({ iss: 'a', aud: ['x', 'y'] }, { issuer: 'a', audience: 'y' }, now), [
      { claim: 'iss', ok: true, message: 'iss is "a"' },
      { claim: 'aud', ok: true, message: 'aud includes "y"' },
    ]);
  });

  it('reports each mismatch in a sentence', () => {
    assert.deepEqual(checkExpectedClaims({ iss: 'evil', aud: ['x'] }, { issuer: 'good', audience: 'y' }, now), [
      { claim: 'iss', ok: false, message: 'iss is "evil", expected "good"' },
      { claim: 'aud', ok: false, message: 'aud is ["x"], which does not include "y"' },
    ]);
    assert.deepEqual(
      checkExpectedClaims({}, { issuer: 'good', audience: 'y' }, now).map((c) => c.message),
      ['iss is missing, expected "good"', 'aud is missing, expected "y"'],
    );
  });

  it('allows clock skew on exp and nbf', () => {
    const claims = { exp: 1_000_000 - 30, nbf: 1_000_000 + 30 };
    assert.deepEqual(
      checkExpectedClaims(claims, {}, now).map((c) => [c.claim, c.ok]),
      [
        ['exp', false],
        ['nbf', false],
      ],
    );
    assert.deepEqual(checkExpectedClaims(claims, { clockTolerance: 60 }, now), [
      { claim: 'exp', ok: true, message: 'not expired (allowing 60 s of clock skew)' },
      { claim: 'nbf', ok: true, message: 'already usable (allowing 60 s of clock skew)' },
    ]);
  });
});
