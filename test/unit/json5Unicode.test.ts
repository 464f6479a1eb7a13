import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { ID_Continue, ID_Start, Space_Separator } from '../../src/core/json5Unicode';

const ours = { Space_Separator, ID_Start, ID_Continue };
const tables = createRequire(__filename)('json5/lib/unicode') as Record<keyof typeof ours, RegExp>;

describe('json5Unicode', () => {
  it("accepts every character json5's own tables accept, and only letters Unicode added since", () => {
    for (const name of ['Space_Separator', 'ID_Start', 'ID_Continue'] as const) {
      const added: number[] = [];
      for (let code = 0; code <= 0x10ffff; code++) {
        if (code >= 0xd800 && code <= 0xdfff) continue;
        const c = String.fromCodePoint(code);
        const theirs = tables[name].test(c);
        const mine = ours[name].test(c);
        if (theirs) assert.ok(mine, `${name} refuses U+${code.toString(16)}`);
        else if (mine) added.push(code);
      }
      // Unicode versions since json5's tables assigned more letters (CJK extensions G to I alone are
      // some 10,000); in ASCII, only letters, digits and "_", which json5 checks before it asks the tables.
      const ascii = added.filter((code) => code <= 0x7f).map((code) => String.fromCharCode(code));
      assert.ok(
        ascii.every((c) => /[A-Za-z0-9_]/.test(c)),
        `${name}: ${ascii.join('')}`,
      );
      assert.ok(added.length < 40_000, `${name}: ${added.length} more`);
    }
  });
});
