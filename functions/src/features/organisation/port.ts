import type { OrgChange, OrgSummary, UnitMapping } from '../../../../src/domain/organisation/batch';
import type { RetryPolicy } from '../../kit/versioned';

/**
 * The organisation upkeep's store port (issue 21, A4): the batches HR staged, scheduled or applied,
 * and the kept mapping from old units to new ones. Implemented by the twin (memory.ts) and the
 * adapter (firestore.ts), held to contract.ts. The units themselves are the directory's (its port's
 * putUnitChanges, which logs each as a change page for the devices).
 *
 * Invariants:
 * - A batch's status only moves forward (staged → scheduled → applied, or staged → applied):
 *   `advance` says whether it moved, so of two requests applying one batch at once one wins.
 * - A mapping written twice is one mapping (its id is `{effective}_{from}`).
 * - Only scheduled batches are listed by `listScheduled` (the due check and the future
 *   organisation read them; a staged preview is nobody's business but HR's).
 */
export interface OrganisationStore {
  readonly retry: RetryPolicy;
  putBatch(orgId: string, batch: OrgBatch): Promise<void>;
  getBatch(orgId: string, batchId: string): Promise<OrgBatch | null>;
  /** Scheduled batches, by effective day then id. */
  listScheduled(orgId: string): Promise<OrgBatch[]>;
  /** Moves the batch to `status` if that is forward of where it is; true when it moved. */
  advance(orgId: string, batchId: string, status: BatchStatus, at: string): Promise<boolean>;
  putMappings(orgId: string, mappings: readonly UnitMapping[]): Promise<void>;
  listMappings(orgId: string): Promise<UnitMapping[]>;
}

export type BatchStatus = 'staged' | 'scheduled' | 'applied';
export const STATUS_ORDER: Record<BatchStatus, number> = { staged: 0, scheduled: 1, applied: 2 };

export interface OrgBatch {
  id: string;
  /** The HR person who staged it. */
  by: string;
  createdAt: string;
  /** `YYYY-MM-DD`: applied at the first request after 00:00 JST of that day. */
  effective: string;
  changes: OrgChange[];
  summary: OrgSummary;
  status: BatchStatus;
  /** When it was applied (server clock). */
  appliedAt?: string;
}

export const mappingId = (m: UnitMapping) => `${m.effective}_${m.from}`;
