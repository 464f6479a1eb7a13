import type { KeyStore } from '../keys/keyStore';
import type { VerifyOutcome } from '../protocol';
import { verifyWithKey } from '../verify/verifyWithKey';

const CACHE_SIZE = 64;

/**
 * Signature checks for hovers: with the saved key whose kid the token names, else the key pinned
 * to the workspace; none when neither exists. Results are cached per key and token (hovers repeat
 * as the mouse moves) and dropped when the saved keys change.
 */
export class HoverVerifier {
  private readonly cache = new Map<string, Promise<VerifyOutcome>>();

  constructor(private readonly store: KeyStore) {
    store.onDidChange(() => this.cache.clear());
  }

  verify(token: string, header: Record<string, unknown>): Promise<VerifyOutcome> | undefined {
    const byKid = typeof header.kid === 'string' ? this.store.list().find((key) => key.kid === header.kid) : undefined;
    const key = byKid ?? this.store.pinned();
    if (!key) return undefined;
    const id = `${key.name}\n${token}`;
    let outcome = this.cache.get(id);
    if (!outcome) {
      outcome = verifyWithKey(this.store, token, { kind: 'saved', name: key.name });
      this.cache.set(id, outcome);
      if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    }
    return outcome;
  }
}
