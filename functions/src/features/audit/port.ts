import type { AuditLogEntry, AuditQuery } from '../../../../src/domain/audit';
import type { RetryPolicy } from '../../kit/versioned';

/**
 * The audit log's store (A3), implemented by the twin (memory.ts) and the adapter (firestore.ts),
 * held to contract.ts.
 *
 * Invariants:
 * - Append-only: `append` creates an entry (create-if-absent on its id) and nothing updates or
 *   deletes one; no endpoint of the API offers either.
 * - `list` answers newest first, by `auditKey` (time, then id), filtered as `matchesAudit` says,
 *   at most `limit` entries.
 */
export interface AuditStore {
  /** No versioned writes; kept so that every feature's twin and adapter are checked alike. */
  readonly retry: RetryPolicy;
  append(orgId: string, entries: readonly AuditLogEntry[]): Promise<void>;
  list(orgId: string, query: AuditQuery, limit: number): Promise<AuditLogEntry[]>;
}
