import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { prng } from '../../bench/prng.mjs';
import { crackJob } from '../../src/core/crackSecret';
import { nativeSecretMatcher, type SecretMatcher, webCryptoSecretMatcher } from '../../src/core/secretMatcher';

/** Secrets around HMAC's block sizes (64 bytes for SHA-256, 128 for SHA-384/512) and in every UTF-8 width. */
function secrets(): string[] {
  const random = prng(7);
  const alphabet = ['a', 'Z', '9', '-', 'é', 'ß', '密', '码', '🔑', ' ', '\u0000'];
  const some = (length: number) =>
    Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  const around = [1, 2, 31, 32, 33, 63, 64, 65, 66, 127, 128, 129, 130, 200, 300];
  return [
    'a',
    'secret',
    'your-256-bit-secret',
    'lone \ud800 surrogate',
    ...around.map((n) => 'x'.repeat(n)),
    ...around.map((n) => 'é'.repeat(Math.ceil(n / 2))),
    ...around.map((n) => '🔑'.repeat(Math.ceil(n / 4))),
    ...Array.from({ length: 40 }, (_, i) => some(1 + i * 4)),
  ];
}

const matchers: [string, (token: string) => SecretMatcher | undefined][] = [
  ["Node's native hash", (token) => nativeSecretMatcher(crackJob(token)!)],
  ['WebCrypto', (token) => webCryptoSecretMatcher(crackJob(token)!)],
];

describe('secretMatcher', () => {
  it("runs on Node's native hash in Node", () => {
    assert.ok(nativeSecretMatcher({ hash: 'SHA-256', input: new Uint8Array(1), signature: new Uint8Array(32) }));
  });

  for (const [name, matcherFor] of matchers) {
    it(`${name}: agrees with jose's HMAC for each algorithm, key length and UTF-8 width`, async () => {
      for (const alg of ['HS256', 'HS384', 'HS512']) {
        for (const secret of secrets()) {
          const token = await new SignJWT({ sub: 'u', n: secret.length })
            .setProtectedHeader({ alg })
            .sign(new TextEncoder().encode(secret));
          const matcher = matcherFor(token)!;
          // The secret at the end, after near misses that share its first or last bytes and a longer word.
          const words = [`${secret}x`, secret.slice(1), `x${secret}`, secret.repeat(3), secret];
          assert.equal(await matcher(words), 4, `${alg}, a secret of ${secret.length} characters`);
          assert.equal(await matcher(words.slice(0, 4)), -1, `${alg}, only near misses`);
        }
      }
    });
  }
});
