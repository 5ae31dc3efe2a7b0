import { auditKey, matchesAudit, type AuditLogEntry, type AuditQuery } from '../../../../src/domain/audit';
import { tick } from '../../kit/memory';
import type { MemoryEnv } from '../stores';
import type { RetryPolicy } from '../../kit/versioned';
import type { AuditStore } from './port';

/** The audit log's twin: a list per organisation, reads counted as the adapter's query. */
export class MemoryAudit implements AuditStore {
  readonly #entries = new Map<string, Map<string, AuditLogEntry>>();

  constructor(
    private readonly env: MemoryEnv,
    readonly retry: RetryPolicy,
  ) {}

  async append(orgId: string, entries: readonly AuditLogEntry[]): Promise<void> {
    await tick();
    let org = this.#entries.get(orgId);
    if (!org) {
      org = new Map();
      this.#entries.set(orgId, org);
    }
    for (const e of entries) {
      if (org.has(e.id)) throw new Error(`audit entry ${e.id} exists: entries are never overwritten`);
    }
    for (const e of entries) org.set(e.id, structuredClone(e));
  }

  async list(orgId: string, query: AuditQuery, limit: number): Promise<AuditLogEntry[]> {
    await tick();
    const page = [...(this.#entries.get(orgId)?.values() ?? [])]
      .filter((e) => matchesAudit(e, query))
      .sort((a, b) => (auditKey(a) < auditKey(b) ? 1 : -1))
      .slice(0, limit)
      .map((e) => structuredClone(e));
    this.env.reads.addQuery(page.length);
    return page;
  }
}
