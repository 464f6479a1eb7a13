import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { crackSecret } from '../../src/core/crackSecret';
import { RFC7515, assertRejectsJwtError, makeToken } from './helpers';

const sign = (secret: string, alg = 'HS256') =>
  new SignJWT({ sub: 'u' }).setProtectedHeader({ alg }).sign(new TextEncoder().encode(secret));
/** Signed by node:crypto, which (unlike WebCrypto and jose) takes an empty key. */
const signWithNode = (secret: string) => {
  const input = makeToken({ alg: 'HS256' }, { sub: 'u' }, '').slice(0, -1);
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};
const filler = (count: number) => Array.from({ length: count }, (_, i) => `word-${i}`);

async function* slowly(words: string[]): AsyncGenerator<string> {
  for (const word of words) {
    await Promise.resolve();
    yield word;
  }
}

describe('crackSecret', () => {
  it('finds the secret among the words, with each HMAC algorithm', async () => {
    for (const alg of ['HS256', 'HS384', 'HS512']) {
      const token = await sign('hunter2', alg);
      assert.equal(await crackSecret(token, [...filler(300), 'hunter2', 'other']), 'hunter2', alg);
    }
  });

  it('resolves to undefined when no word verifies, after trying them all', async () => {
    const progress: number[] = [];
    const found = await crackSecret(await sign('not-in-the-list'), filler(600), {
      onProgress: (tried) => progress.push(tried),
    });
    assert.equal(found, undefined);
    assert.deepEqual(progress, [256, 512, 600]);
  });

  it('finds the empty secret and unicode secrets (UTF-8 encoded)', async () => {
    assert.equal(await crackSecret(signWithNode(''), ['a', '', 'b']), '');
    assert.equal(
      await crackSecret(await sign('pässwörd 密码 🔑'), ['password', 'pässwörd 密码 🔑']),
      'pässwörd 密码 🔑',
    );
  });

  it('reads async iterables', async () => {
    assert.equal(await crackSecret(await sign('needle'), slowly([...filler(700), 'needle'])), 'needle');
    assert.equal(await crackSecret(await sign('needle'), slowly([])), undefined);
  });

  it('rejects with code "cancelled" when the signal aborts', async () => {
    const controller = new AbortController();
    const token = await sign('never');
    const words = (function* () {
      for (let i = 0; ; i++) yield `w${i}`;
    })();
    await assertRejectsJwtError(
      () =>
        crackSecret(token, words, {
          signal: controller.signal,
          onProgress: (tried) => tried >= 1024 && controller.abort(),
        }),
      'cancelled',
    );
    controller.abort();
    await assertRejectsJwtError(() => crackSecret(token, ['never'], { signal: controller.signal }), 'cancelled');
  });

  it('refuses tokens not signed with a shared secret', async () => {
    await assertRejectsJwtError(() => crackSecret(RFC7515.A2.token, ['x']), 'unsupported-alg', /HS256.*"RS256"/);
    await assertRejectsJwtError(() => crackSecret(RFC7515.A5.token, ['x']), 'unsupported-alg');
    await assertRejectsJwtError(() => crackSecret('not a token', ['x']), 'whitespace');
  });

  it('resolves to undefined for a signature of the wrong length', async () => {
    assert.equal(await crackSecret(makeToken({ alg: 'HS256' }, { sub: 'u' }, 'c2ln'), ['secret']), undefined);
  });
});
