// The core's messages go through @vscode/l10n: configured with a bundle (the extension does it at
// activation, the webview from its meta tag), decode errors, claim descriptions, relative times,
// status labels and hints come out translated, with their numbers filled in; the machine codes stay.
// Unconfigured (every other test), everything is English.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { CLAIM_DESCRIPTIONS, describeClaim, formatDuration, formatRelative } from '../../src/core/claims';
import { decodeToken } from '../../src/core/decode';
import { JwtError } from '../../src/core/errors';
import { tokenHint } from '../../src/core/hints';
import { keyDescription } from '../../src/core/keyFacts';
import { statusLabel } from '../../src/core/status';
import { verifyToken } from '../../src/core/verify';
import { HS256, jws } from './scan-helpers';

/** The shipped zh-cn bundle, less one entry to show that a missing translation falls back to English. */
const { Issuer: _untranslated, ...ZH_CN } = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'),
) as Record<string, string>;

const NOW = new Date('2026-03-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const DAY = 86400;

describe('the core in another language (@vscode/l10n configured)', () => {
  before(() => l10n.config({ contents: ZH_CN }));
  // An empty bundle is what the unconfigured module has: every other test sees English again.
  after(() => l10n.config({ contents: {} }));

  it('throws decoding errors in the language, numbers filled in, codes unchanged', () => {
    assert.throws(
      () => decodeToken('a.b'),
      (error: unknown) =>
        error instanceof JwtError &&
        error.code === 'segments' &&
        error.message === '段数不足：JWT 由 3 个以点分隔的部分组成（header.payload.signature），而此令牌有 2 个',
    );
  });

  it('describes claims in the language, translated when read rather than when the module loaded', () => {
    assert.equal(CLAIM_DESCRIPTIONS.exp!.name, '过期时间');
    assert.equal(describeClaim('exp'), '过期时间 — 自此时间（自 1970 年起的秒数）起，令牌必须被拒绝。（RFC 7519）');
    // The entry left out of the bundle stays English.
    assert.equal(CLAIM_DESCRIPTIONS.iss!.name, 'Issuer');
  });

  it('describes a saved key from its facts in the language of the moment', () => {
    assert.equal(keyDescription({ type: 'EC', crv: 'P-256', private: true }), 'EC P-256 私钥');
    assert.equal(
      keyDescription({ type: 'JWKS', private: false, keyCount: 2, kids: ['a', 'b'] }),
      '包含 2 个密钥的 JWKS（kid：a, b）',
    );
  });

  it('words relative times, status labels and hints as whole sentences', () => {
    assert.equal(formatRelative(NOW_S + 7200, NOW), '2 小时后');
    assert.equal(formatRelative(NOW_S - 3 * DAY, NOW), '3 天前');
    assert.equal(formatDuration(3 * DAY), '3 天');
    const expired = jws(HS256, { sub: 'u', exp: NOW_S - 3 * DAY - 5 });
    assert.equal(statusLabel(decodeToken(expired, { now: NOW })).text, '3 天前过期');
    assert.equal(tokenHint(expired, NOW.getTime()).text, '3 天前过期');
    assert.equal(tokenHint(jws(HS256, { sub: 'u', exp: NOW_S + 7200 }), NOW.getTime()).text, '2 小时后过期');
  });

  it('reports a wrong signature in the language, with a code to match on', async () => {
    const result = await verifyToken(jws(HS256, { sub: 'u' }), 'not the key');
    assert.equal(result.valid, false);
    assert.equal(result.code, 'signature-invalid');
    assert.equal(result.error, '签名不匹配：密钥错误或令牌已被篡改');
  });

  it('is English again once the bundle is emptied', () => {
    l10n.config({ contents: {} });
    try {
      assert.equal(formatRelative(NOW_S + 7200, NOW), 'in 2 hours');
      assert.equal(CLAIM_DESCRIPTIONS.exp!.name, 'Expiration Time');
    } finally {
      l10n.config({ contents: ZH_CN });
    }
  });
});
