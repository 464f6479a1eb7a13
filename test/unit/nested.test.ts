import assert from 'node:assert/strict';
import { CompactEncrypt, CompactSign } from 'jose';
import { decodeToken } from '../../src/core/decode';
import { inspectToken } from '../../src/core/inspect';
import { innerToken } from '../../src/core/nested';
import { makeToken } from './helpers';

const encoder = new TextEncoder();
const KEY = encoder.encode('k'.repeat(32));

async function signText(payload: string, header: object = {}): Promise<string> {
  return new CompactSign(encoder.encode(payload)).setProtectedHeader({ alg: 'HS256', ...header }).sign(KEY);
}

describe('innerToken', () => {
  it('finds a JWS carried by a JWS, with or without cty "JWT"', async () => {
    const inner = await signText('{"sub":"inner"}');
    assert.equal(innerToken(decodeToken(await signText(inner, { cty: 'JWT' }))), inner);
    assert.equal(innerToken(decodeToken(await signText(inner))), inner);
  });

  it('finds a JWE carried by a JWS', async () => {
    const jwe = await new CompactEncrypt(encoder.encode('{}'))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .encrypt(KEY);
    assert.equal(innerToken(decodeToken(await signText(jwe, { cty: 'JWT' }))), jwe);
  });

  it('with cty "JWT", takes one-line text even when it is no token', () => {
    assert.equal(innerToken({ header: { alg: 'HS256', cty: 'jwt' }, payload: 'abc.def' }), 'abc.def');
    assert.equal(innerToken({ header: { alg: 'HS256', cty: 'JWT' }, payload: 'two words' }), undefined);
  });

  it('finds nothing in claims, plain text, or text that merely contains a token', async () => {
    const inner = await signText('{}');
    assert.equal(innerToken(decodeToken(makeToken({ alg: 'HS256' }, { sub: 'a' }))), undefined);
    assert.equal(innerToken({ header: { alg: 'HS256' }, payload: 'hello' }), undefined);
    assert.equal(innerToken({ header: { alg: 'HS256' }, payload: `token: ${inner}` }), undefined);
    assert.equal(innerToken({ header: { alg: 'dir', enc: 'A256GCM' }, payload: undefined }), undefined);
  });
});

describe('inspectToken layers', () => {
  it('inspects the inner token as the next layer', async () => {
    const inner = await signText(JSON.stringify({ sub: 'inner' }));
    const outer = inspectToken(await signText(inner, { cty: 'JWT' }));
    assert.equal(outer.inner?.token, inner);
    assert.deepEqual(outer.inner?.decoded?.payload, { sub: 'inner' });
    assert.equal(outer.inner?.inner, undefined);
  });

  it('shows a broken inner token with its error', async () => {
    const outer = inspectToken(await signText('abc.def', { cty: 'JWT' }));
    assert.equal(outer.inner?.error?.code, 'segments');
  });

  it('stops unwrapping after four layers', async () => {
    let token = await signText('{}');
    for (let i = 0; i < 5; i++) token = await signText(token, { cty: 'JWT' });
    let layers = 0;
    for (let layer: ReturnType<typeof inspectToken> | undefined = inspectToken(token); layer; layer = layer.inner)
      layers++;
    assert.equal(layers, 4);
  });
});
