import assert from 'node:assert/strict';
import { findTokens } from '../../src/core/scan';
import { TokenLines, hintColumn, nextHintChange, tokenHint, type LineChange } from '../../src/core/hints';
import { b64, jwe, jws, unsecured, HS256 } from './scan-helpers';
import { prng } from '../../bench/prng.mjs';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const nowSeconds = NOW / 1000;
const withTimes = (claims: object): string => jws(HS256, { sub: 'u', ...claims });

describe('tokenHint', () => {
  const cases: Array<[string, string, string, 'ok' | 'problem']> = [
    ['a token that expires later', withTimes({ exp: nowSeconds + 7200 }), 'expires in 2 h', 'ok'],
    ['an expired token', withTimes({ exp: nowSeconds - 3 * 86400 - 5 }), 'expired 3 d ago', 'problem'],
    ['a token that expired this second', withTimes({ exp: nowSeconds }), 'expired just now', 'problem'],
    ['a token without exp', withTimes({ iat: nowSeconds }), 'no expiry', 'ok'],
    [
      'a token not valid yet',
      withTimes({ nbf: nowSeconds + 90, exp: nowSeconds + 3600 }),
      'usable in 1 min',
      'problem',
    ],
    ['an unsecured token', unsecured({ exp: nowSeconds + 60 }), 'unsigned', 'problem'],
    ['an encrypted token', jwe(), 'encrypted', 'ok'],
    ['a token whose payload does not decode', `${b64(HS256)}.e30xx.c2ln`, 'malformed token', 'problem'],
  ];
  for (const [name, token, text, tone] of cases) {
    it(`labels ${name} "${text}"`, () => assert.deepEqual(tokenHint(token, NOW), { text, tone }));
  }
});

describe('nextHintChange', () => {
  it('is the first millisecond at which the label differs', () => {
    const deltas = [1.5, 59, 61, 3599, 3600.25, 7201, 86399, 86400 * 29.5, 86400 * 364, 86400 * 800];
    for (const delta of [...deltas, ...deltas.map((d) => -d)]) {
      const token = withTimes({ exp: nowSeconds + delta });
      const at = nextHintChange(token, NOW);
      assert.ok(at !== undefined && at > NOW, `a change for exp ${delta} s away`);
      assert.equal(
        tokenHint(token, at - 1).text,
        tokenHint(token, NOW).text,
        `still the same label just before, for ${delta}`,
      );
      assert.notEqual(tokenHint(token, at).text, tokenHint(token, NOW).text, `a new label at the change, for ${delta}`);
    }
  });

  it('turns "usable in …" into "expires in …" when nbf passes', () => {
    const token = withTimes({ nbf: nowSeconds + 30, exp: nowSeconds + 7200 });
    const at = nextHintChange(token, NOW + 29_500)!;
    assert.equal(at, (nowSeconds + 30) * 1000);
    assert.equal(tokenHint(token, at).text, 'expires in 1 h');
  });

  it('is undefined for labels that never change', () => {
    assert.equal(nextHintChange(withTimes({}), NOW), undefined);
    assert.equal(nextHintChange(jwe(), NOW), undefined);
    assert.equal(nextHintChange(unsecured(), NOW), undefined);
  });
});

/** Every token of `text`, per line, the slow obvious way. */
function expected(text: string): Array<{ line: number; token: string; start: number }> {
  return text
    .split(/\r?\n/)
    .flatMap((line, i) => findTokens(line).map((m) => ({ line: i, token: m.token, start: m.start })));
}
const actual = (index: TokenLines) =>
  [...index.tokensIn(0, Infinity)].map(({ line, match }) => ({ line, token: match.token, start: match.start }));

/** Applies a replacement of text offsets [from, to) and describes it as a LineChange against the text before it. */
function edit(text: string, from: number, to: number, insert: string): { text: string; change: LineChange } {
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
  return {
    text: text.slice(0, from) + insert + text.slice(to),
    change: { startLine: lineOf(from), endLine: lineOf(to), text: insert },
  };
}

describe('TokenLines', () => {
  const A = withTimes({ exp: nowSeconds + 60 });
  const B = unsecured({ sub: 'b' });

  it('finds tokens line by line', () => {
    const index = new TokenLines(`x\nAuthorization: Bearer ${A}\r\n\nt=${B} u=${A}\n`);
    assert.equal(index.lineCount, 5);
    assert.deepEqual(
      [...index.tokensIn(0, 5)].map(({ line, match }) => [line, match.start, match.kind]),
      [
        [1, 22, 'jws'],
        [3, 2, 'unsecured'],
        [3, 5 + B.length, 'jws'],
      ],
    );
    assert.deepEqual([...index.tokensIn(2, 3)], []);
  });

  it('follows inserted and deleted lines', () => {
    let text = `a\n${A}\nb\n${B}\n`;
    const index = new TokenLines(text);
    const lines = () => text.split('\n');
    for (const [from, to, insert] of [
      [0, 0, 'new\nlines\n'],
      [text.indexOf('b'), text.indexOf('b') + 1 + B.length + 2, ''],
      [2, 3, `${B}\n`],
    ] as const) {
      const next = edit(text, from, to, insert);
      text = next.text;
      index.applyChanges([next.change], (line) => lines()[line]!);
      assert.deepEqual(actual(index), expected(text));
    }
  });

  it('agrees with a full rescan after random edits, one or several per event', () => {
    const pieces = [A, B, jwe(), 'x.y.z', 'plain words', '\n', '\n\n', '\r\n', '.', ' ', A.slice(0, 30), A.slice(30)];
    const random = prng(7);
    const int = (n: number) => Math.floor(random() * n);
    let text = Array.from({ length: 40 }, () => pieces[int(pieces.length)]).join('');
    const index = new TokenLines(text);
    for (let round = 0; round < 300; round++) {
      const changes: LineChange[] = [];
      for (let n = 1 + int(3); n > 0; n--) {
        const from = int(text.length + 1);
        const to = Math.min(text.length, from + int(60));
        // Never split a CRLF: documents keep line breaks whole.
        if (text[from - 1] === '\r' || text[to - 1] === '\r') continue;
        const next = edit(text, from, to, int(2) ? pieces[int(pieces.length)]! : '');
        text = next.text;
        changes.push(next.change);
      }
      const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
      index.applyChanges(changes, (line) => lines[line]!);
      assert.deepEqual(actual(index), expected(text), `after round ${round}`);
      assert.equal(index.lineCount, lines.length);
    }
  });

  it("built from a document's lines, reads a line only when asked for it, and again only after an edit", () => {
    let lines = Array.from({ length: 1000 }, (_, i) => (i % 100 === 7 ? `t=${A}` : `line ${i}`));
    const read: number[] = [];
    const reader = (line: number) => {
      read.push(line);
      return lines[line]!;
    };
    const index = new TokenLines(lines.length, reader);
    assert.deepEqual(read, []);
    assert.deepEqual(
      [...index.tokensIn(0, 20)].map(({ line, match }) => [line, match.start]),
      [[7, 2]],
    );
    assert.deepEqual(
      read,
      Array.from({ length: 20 }, (_, i) => i),
    );
    read.length = 0;
    [...index.tokensIn(0, 20)];
    assert.deepEqual(read, [], 'read twice');
    // A token typed on line 3: only that line is read again.
    lines = lines.map((text, i) => (i === 3 ? `typed ${B}` : text));
    index.applyChanges([{ startLine: 3, endLine: 3, text: `typed ${B}` }], reader);
    assert.deepEqual(
      [...index.tokensIn(0, 20)].map(({ line }) => line),
      [3, 7],
    );
    assert.deepEqual(read, [3]);
    assert.equal([...index.tokensIn(0, Infinity)].length, 11);
  });

  it('takes a paste of many lines at once', () => {
    const index = new TokenLines('start\nend');
    const paste = Array.from({ length: 25_000 }, (_, i) => (i % 5 === 0 ? A : 'line')).join('\n');
    const text = `start\n${paste}\nend`;
    const lines = text.split('\n');
    index.applyChanges([{ startLine: 0, endLine: 0, text: `start\n${paste}` }], (line) => lines[line]!);
    assert.equal(index.lineCount, lines.length);
    assert.equal([...index.tokensIn(0, Infinity)].length, 5000);
  });
});

describe('hintColumn', () => {
  const T = withTimes({ exp: nowSeconds + 60 });
  /** Where the hint goes on `line`, as the text before it. */
  const before = (line: string): string => {
    const [match] = findTokens(line);
    assert.ok(match, `a token in ${line}`);
    return line.slice(0, hintColumn(line, match)).replace(T, 'TOKEN');
  };
  const cases: Array<[string, string, string]> = [
    ['no quotes', `ACCESS_TOKEN=${T}`, 'ACCESS_TOKEN=TOKEN'],
    ['no quotes, text after', `Bearer ${T} sent`, 'Bearer TOKEN'],
    ['double quotes', `SERVICE_TOKEN="${T}"`, 'SERVICE_TOKEN="TOKEN"'],
    ['single quotes', `token = '${T}'`, "token = 'TOKEN'"],
    ['backticks', `const t = \`${T}\``, 'const t = `TOKEN`'],
    ['a quoted Bearer header', `"Authorization": "Bearer ${T}"`, '"Authorization": "Bearer TOKEN"'],
    ['a JSON member ending the line', `  "token": "${T}",`, '  "token": "TOKEN",'],
    ['a statement ending the line', `const t = '${T}';  `, "const t = 'TOKEN';"],
    ['a comma inside the line', `f("${T}", other)`, 'f("TOKEN"'],
    ['a closing bracket', `{"t":"${T}"}`, '{"t":"TOKEN"'],
    ['an escaped quote in a JSON-encoded string', `"{\\"t\\":\\"${T}\\"}"`, '"{\\"t\\":\\"TOKEN\\"'],
    ['a quote that opens nothing', `${T}"`, 'TOKEN'],
    ['mismatched quotes', `x="${T}'`, 'x="TOKEN'],
  ];
  for (const [name, line, expected] of cases) {
    it(`puts the hint after ${name}`, () => assert.equal(before(line), expected));
  }

  it('is what TokenLines keeps for each token', () => {
    const index = new TokenLines(`a="${T}"\nb=${T}`);
    assert.deepEqual(
      [...index.tokensIn(0, 2)].map(({ line, hintColumn }) => [line, hintColumn]),
      [
        [0, T.length + 4],
        [1, T.length + 2],
      ],
    );
  });
});
