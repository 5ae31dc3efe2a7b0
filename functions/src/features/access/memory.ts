import type { HeadHandle } from '../../kit/batch-read';
import { memoryHead, tick } from '../../kit/memory';
import type { RetryPolicy } from '../../kit/versioned';
import type { MemoryEnv } from '../stores';
import type { AuthAdmin } from './auth-admin';
import type { AccessState, AccessStore, PendingGrant } from './port';

/** The access store's twin: a map per organisation, reads counted as the adapter's. */
export class MemoryAccess implements AccessStore {
  readonly #states = new Map<string, Map<string, AccessState>>();
  readonly #pending = new Map<string, Map<string, PendingGrant>>();

  constructor(
    private readonly env: MemoryEnv,
    readonly retry: RetryPolicy,
    readonly auth: AuthAdmin,
  ) {}

  tokenGate(orgId: string, staffId: string): HeadHandle<AccessState | null> {
    return memoryHead(`access/${orgId}/${staffId}`, () => {
      const s = this.#org(this.#states, orgId).get(staffId);
      return s ? structuredClone(s) : null;
    });
  }

  async getStates(orgId: string, staffIds: readonly string[]): Promise<Map<string, AccessState>> {
    await tick();
    const unique = [...new Set(staffIds)];
    this.env.reads.add(unique.length);
    const states = this.#org(this.#states, orgId);
    const out = new Map<string, AccessState>();
    for (const id of unique) {
      const s = states.get(id);
      if (s) out.set(id, structuredClone(s));
    }
    return out;
  }

  async putStates(orgId: string, list: readonly AccessState[]): Promise<void> {
    await tick();
    const states = this.#org(this.#states, orgId);
    for (const s of list) states.set(s.staffId, structuredClone(s));
  }

  async activeHr(orgId: string): Promise<string[]> {
    await tick();
    const ids = [...this.#org(this.#states, orgId).values()]
      .filter((s) => s.role === 'hr' && s.active)
      .map((s) => s.staffId)
      .sort();
    this.env.reads.addQuery(ids.length);
    return ids;
  }

  async listPending(orgId: string): Promise<PendingGrant[]> {
    await tick();
    const list = [...this.#org(this.#pending, orgId).values()].sort((a, b) => a.staffId.localeCompare(b.staffId));
    this.env.reads.addQuery(list.length);
    return list.map((g) => structuredClone(g));
  }

  async putPending(orgId: string, grants: readonly PendingGrant[]): Promise<void> {
    await tick();
    const pending = this.#org(this.#pending, orgId);
    for (const g of grants) pending.set(g.staffId, structuredClone(g));
  }

  async deletePending(orgId: string, staffIds: readonly string[]): Promise<void> {
    await tick();
    const pending = this.#org(this.#pending, orgId);
    for (const id of staffIds) pending.delete(id);
  }

  #org<T>(maps: Map<string, Map<string, T>>, orgId: string): Map<string, T> {
    let m = maps.get(orgId);
    if (!m) {
      m = new Map();
      maps.set(orgId, m);
    }
    return m;
  }
}
