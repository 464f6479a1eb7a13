import assert from 'node:assert/strict';
import { SignJWT, generateKeyPair } from 'jose';
import { WEAK_SECRETS, findWeakSecret, tokenRisks, weakSecretRisk } from '../../src/core/risks';
import { RFC7515 } from './helpers';
import { jwe, unsecured } from './scan-helpers';

const now = new Date('2026-03-01T00:00:00Z');
const nowSeconds = now.getTime() / 1000;
const sign = (claims: object, secret: string, alg = 'HS256') =>
  new SignJWT({ sub: 'u', ...claims }).setProtectedHeader({ alg }).sign(new TextEncoder().encode(secret));
const kinds = (token: string, options = {}) => tokenRisks(token, { now, ...options }).map((r) => r.kind);

/** The example token on jwt.io, signed with "your-256-bit-secret". */
const JWT_IO =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('tokenRisks', () => {
  it('reports unsigned tokens, naming the alg', () => {
    const [risk] = tokenRisks(unsecured({ exp: nowSeconds + 60 }), { now });
    assert.equal(risk?.kind, 'algNone');
    assert.match(risk!.message, /unsigned \(alg "none"\): anyone can forge/);
  });

  it('reports expired tokens with when they expired', async () => {
    const [risk] = tokenRisks(await sign({ exp: nowSeconds - 2 * 86400 }, 'x'.repeat(32)), { now });
    assert.deepEqual(risk, { kind: 'expired', message: 'This token expired 2 days ago (2026-02-27 00:00:00 UTC)' });
  });

  it('reports long-lived and never-expiring tokens only when hard-coded', async () => {
    const year = await sign({ iat: nowSeconds, exp: nowSeconds + 365 * 86400 }, 'x'.repeat(32));
    const forever = await sign({ iat: nowSeconds }, 'x'.repeat(32));
    const noIat = await sign({ exp: nowSeconds + 90 * 86400 }, 'x'.repeat(32));
    const week = await sign({ iat: nowSeconds, exp: nowSeconds + 7 * 86400 }, 'x'.repeat(32));
    assert.deepEqual(kinds(year), []);
    assert.deepEqual(kinds(year, { hardCoded: true }), ['longLived']);
    assert.match(
      tokenRisks(year, { now, hardCoded: true })[0]!.message,
      /valid for 1 year is hard-coded here \(more than 30 days\)/,
    );
    assert.match(tokenRisks(forever, { now, hardCoded: true })[0]!.message, /never expires \(no exp\)/);
    assert.match(tokenRisks(noIat, { now, hardCoded: true })[0]!.message, /valid for another 3 months/);
    assert.deepEqual(kinds(week, { hardCoded: true }), []);
    assert.deepEqual(kinds(week, { hardCoded: true, longLivedDays: 5 }), ['longLived']);
  });

  it('has nothing to say about encrypted or undecodable tokens', () => {
    assert.deepEqual(kinds(jwe(), { hardCoded: true }), []);
    assert.deepEqual(kinds('eyJhbGciOiJIUzI1NiJ9.%%%.sig'), []);
  });
});

describe('findWeakSecret', () => {
  it('finds the secret of the jwt.io example token', async () => {
    assert.equal(await findWeakSecret(JWT_IO), 'your-256-bit-secret');
  });

  it('finds every listed secret, with each HMAC algorithm', async () => {
    for (const [i, secret] of WEAK_SECRETS.entries()) {
      const alg = ['HS256', 'HS384', 'HS512'][i % 3]!;
      assert.equal(await findWeakSecret(await sign({}, secret, alg)), secret, `${alg} with "${secret}"`);
    }
  });

  it('finds nothing for strong secrets, other algorithms and non-tokens', async () => {
    assert.equal(await findWeakSecret(await sign({}, 'a long random secret 7f3a9c2e1b')), undefined);
    assert.equal(await findWeakSecret(RFC7515.A1.token), undefined);
    const { privateKey } = await generateKeyPair('ES256');
    assert.equal(
      await findWeakSecret(await new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).sign(privateKey)),
      undefined,
    );
    assert.equal(await findWeakSecret(unsecured()), undefined);
    assert.equal(await findWeakSecret('not a token'), undefined);
  });

  it('words the risk so the user knows what to do', () => {
    assert.match(
      weakSecretRisk('secret').message,
      /well-known secret "secret": anyone can forge .* long random secret/,
    );
  });
});
