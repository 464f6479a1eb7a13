import { AUDIT_CHECKS, auditToken, type Finding } from '../core';

/** A token's findings depend on the clock (expired, iat in the future): reuse them for this long, then review afresh. */
const REUSE_MS = 60_000;
/** Tokens remembered at most; past this the cache starts over (a log can hold many thousands). */
const CACHE_SIZE = 20_000;

/** A check a token passed, as the panel lists it. */
export interface PassedCheck {
  id: string;
  title: string;
}

/**
 * The offline security review (core auditToken) for the editor's faces — the panel, the hover and
 * Problems share one instance, so a token is reviewed once a minute at most, whichever asks first.
 */
export class SecurityReviews {
  private readonly cache = new Map<string, { findings: Promise<readonly Finding[]>; at: number }>();

  /** The token's findings, errors first; never rejects (a token that cannot be audited has none). */
  review(token: string): Promise<readonly Finding[]> {
    const now = Date.now();
    const cached = this.cache.get(token);
    if (cached && now - cached.at < REUSE_MS) return cached.findings;
    if (this.cache.size >= CACHE_SIZE) this.cache.clear();
    const findings = auditToken(token).catch((): Finding[] => []);
    this.cache.set(token, { findings, at: now });
    return findings;
  }
}

/** The checks auditToken ran that found nothing, in AUDIT_CHECKS order. */
export function passedChecks(findings: readonly Finding[]): PassedCheck[] {
  const found = new Set(findings.map((f) => f.id));
  return AUDIT_CHECKS.filter((c) => !found.has(c.id)).map((c) => ({ id: c.id, title: c.title }));
}

/** A finding's short name: its check's title (translated), or its id for a check AUDIT_CHECKS does not list. */
export function findingTitle(finding: Finding): string {
  return AUDIT_CHECKS.find((c) => c.id === finding.id)?.title ?? finding.id;
}
