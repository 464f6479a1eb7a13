// Our synchronous base64url decoder (jose loads lazily, so decoding and key reading cannot use its
// base64url) must read what jose's reads. jose is the oracle; it is more forgiving in two ways we
// keep out on purpose: '=' padding and whitespace, which base64url in JOSE never has.
import assert from 'node:assert/strict';
import { base64url } from 'jose';
import { decodeBase64url } from '../../src/core/base64url';
import { prng } from '../../bench/prng.mjs';

const rand = prng(0xb64);
const int = (n: number): number => Math.floor(rand() * n);
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('decodeBase64url', () => {
  it('round-trips with jose’s encode for every length from 0 to 300 bytes', () => {
    for (let length = 0; length <= 300; length++) {
      const bytes = Uint8Array.from({ length }, () => int(256));
      assert.deepEqual(decodeBase64url(base64url.encode(bytes)), bytes, `length ${length}`);
    }
  });

  it('decodes any text of the alphabet as jose does, leftover bits ignored', () => {
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: int(40) }, () => B64URL[int(64)]!).join('');
      if (text.length % 4 === 1) continue;
      assert.deepEqual(decodeBase64url(text), base64url.decode(text), text);
    }
    // "aGl" has two bits past "hi": nonzero here, and ignored by both.
    assert.deepEqual(decodeBase64url('aGl'), base64url.decode('aGl'));
    assert.deepEqual(decodeBase64url('aGl'), new TextEncoder().encode('hi'));
  });

  it('rejects, as jose does, a length of 4n+1 and characters outside the alphabet', () => {
    for (const text of ['a', 'aGk0a', 'aG.k', 'aG+k', 'aG/k', 'a%Gk', 'aGé', 'aG\u{1F600}', 'aG\u0000k']) {
      assert.throws(() => decodeBase64url(text), Error, text);
      assert.throws(() => base64url.decode(text), text);
    }
  });

  it('rejects padding and whitespace, which jose lets through', () => {
    for (const text of ['aGk=', 'aGk ', ' aGk', 'aG\nk'])
      assert.throws(() => decodeBase64url(text), Error, JSON.stringify(text));
  });
});
