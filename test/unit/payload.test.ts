import assert from 'node:assert/strict';
import { parsePayload } from '../../src/core/payload';

describe('parsePayload', () => {
  it('reads JSON and JavaScript object literals', () => {
    assert.deepEqual(parsePayload('{"sub":"a","n":1}'), { ok: true, claims: { sub: 'a', n: 1 } });
    assert.deepEqual(parsePayload("{\n  sub: 'alice', // who\n  roles: ['admin',],\n}"), {
      ok: true,
      claims: { sub: 'alice', roles: ['admin'] },
    });
  });

  it('locates a syntax error by line and column', () => {
    const parsed = parsePayload('{\n  sub: x\n}');
    assert.equal(parsed.ok, false);
    if (parsed.ok) return;
    assert.deepEqual(parsed.problem, { reason: "invalid character 'x'", offset: 9, line: 2, column: 8 });
  });

  it('reports an unclosed object at the end', () => {
    const parsed = parsePayload('{ a: 1');
    assert.ok(!parsed.ok);
    assert.equal(parsed.problem.reason, 'invalid end of input');
    assert.equal(parsed.problem.offset, 6);
  });

  it('refuses values that are not objects, pointing at them', () => {
    const parsed = parsePayload('\n  [1, 2]');
    assert.ok(!parsed.ok);
    assert.deepEqual(parsed.problem, {
      reason: 'expected an object of claims in braces, found an array',
      offset: 3,
      line: 2,
      column: 3,
    });
  });
});
