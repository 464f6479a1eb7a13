import * as l10n from '@vscode/l10n';
import { decodeBase64url } from './base64url';
import { decodeHeaderObject, MAX_JSON_DEPTH, splitToken, type SplitToken } from './decode';
import { JwtError } from './errors';
import { isJsonObject, jsonDepth, jsonType } from './json';
import type { Finding } from './types';
import { checkAlgorithm } from './auditAlgorithm';
import { AUDIT_CHECKS } from './auditChecks';
import type { AuditCheck, AuditContext } from './auditContext';
import { checkCrit } from './auditCrit';
import { checkHeaderKeys } from './auditHeaderKeys';
import { checkJwe } from './auditJwe';
import { checkKid } from './auditKid';
import { checkSecret } from './auditSecret';
import { checkSdJwt } from './auditSdJwt';
import { checkSensitiveData } from './auditSensitive';
import { checkTimes } from './auditTimes';

export interface AuditOptions {
  /** The time expiry and clock checks measure against; defaults to the current time. */
  now?: Date;
  /** The HMAC secret the token should verify with, to judge its length (RFC 7518 section 3.2). */
  secret?: string;
}

/** Tokens travel in HTTP headers; servers and proxies commonly cap a header line at 8 KB. */
const HUGE_TOKEN = 8 * 1024;
const CHECKS: readonly AuditCheck[] = [
  checkAlgorithm,
  checkHeaderKeys,
  checkKid,
  checkCrit,
  checkJwe,
  checkSecret,
  checkTimes,
  checkSensitiveData,
  checkSdJwt,
];
const utf8 = new TextDecoder('utf-8', { fatal: true });
const ORDER = { error: 0, warning: 1, info: 2 } as const;
const RANK = new Map(AUDIT_CHECKS.map(({ id }, i) => [id, i]));

/**
 * An offline security review of a token: what is dangerous in its header, signature and claims,
 * each finding with a stable id and a sentence saying what it means, why it matters and what to
 * do. Nothing leaves the machine: the weak-secret check tries a short built-in list. An SD-JWT
 * is audited as its issuer-signed JWT, plus what only SD-JWTs can get wrong (its hash algorithm,
 * disclosures a verifier must reject, its key-binding JWT); a broken token gets the findings its readable parts allow,
 * plus a `token-malformed` note. Findings come errors first, then warnings, then notes, each
 * severity in the order AUDIT_CHECKS lists.
 *
 * @throws {JwtError} `not-a-string` for input that is not a string, and nothing else
 * @example
 * await auditToken('eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.')
 * // [{ id: 'alg-none', severity: 'error', part: 'header', message: 'The token is unsigned …' }, { id: 'exp-missing', … }]
 */
export async function auditToken(token: string, options: AuditOptions = {}): Promise<Finding[]> {
  if (typeof token !== 'string') {
    throw new JwtError('not-a-string', l10n.t('Expected the token as a string, got {0}', jsonType(token)));
  }
  const findings: Finding[] = [];
  // An SD-JWT (<jws>~<disclosure>~…) is audited as its issuer-signed JWT, the part before the first ~,
  // and then as an SD-JWT (checkSdJwt).
  const whole = token.trim().replace(/^bearer\s+/i, '');
  const text = whole.split('~', 1)[0]!;
  if (text.length > HUGE_TOKEN) {
    findings.push({
      id: 'token-huge',
      severity: 'warning',
      message: l10n.t(
        'The token is {0} characters long: many servers and proxies refuse request headers over 8 KB, and a token this size usually carries data that belongs in a lookup. Keep tokens to identifiers and a few claims',
        text.length,
      ),
    });
  }
  let split: SplitToken;
  try {
    split = splitToken(text);
  } catch (error) {
    findings.push(malformed(error));
    return findings;
  }
  const context: AuditContext = {
    token: text,
    ...(whole.includes('~') ? { sdJwt: whole } : {}),
    kind: split.kind,
    segments: split.segments,
    now: options.now ?? new Date(),
    secret: options.secret,
  };
  try {
    context.header = decodeHeaderObject(split.segments[0]!);
  } catch (error) {
    findings.push(malformed(error, 'header'));
  }
  if (split.kind !== 'jwe') {
    try {
      context.payload = readPayload(split.segments[1]!.text, context.header?.b64 === false);
    } catch {
      findings.push(
        malformed(
          l10n.t(
            'The payload (segment 2) does not decode to text, so its claims were not checked: the token was probably cut short or altered',
          ),
          'payload',
        ),
      );
    }
    try {
      context.signature = decodeBase64url(split.segments[2]!.text);
    } catch {
      findings.push(
        malformed(l10n.t('The signature (segment 3) is not base64url, so no verifier accepts it'), 'signature'),
      );
    }
  }
  for (const check of CHECKS) findings.push(...(await check(context)));
  // Stable: a check's own findings keep their order.
  return findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || RANK.get(a.id)! - RANK.get(b.id)!);
}

/** The payload's claims, or its text when that is not a JSON object. @throws when it is not UTF-8 base64url */
function readPayload(segment: string, unencoded: boolean): Record<string, unknown> | string {
  const text = unencoded ? segment : utf8.decode(decodeBase64url(segment));
  if (jsonDepth(text) > MAX_JSON_DEPTH) return text;
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : text;
  } catch {
    return text;
  }
}

function malformed(error: unknown, part?: Finding['part']): Finding {
  const reason = typeof error === 'string' ? error : error instanceof Error ? error.message : String(error);
  return {
    id: 'token-malformed',
    severity: 'info',
    ...(part ? { part } : {}),
    message: l10n.t('Only part of the token could be audited: {0}', reason),
  };
}
