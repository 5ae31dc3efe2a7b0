import type { CsvEncoding, CsvRow } from '../../../../src/domain/csv/read';
import type { RosterRow } from '../../../../src/domain/roster/check';
import type { RosterSummary } from '../../../../src/domain/roster/plan';
import type { RetryPolicy } from '../../kit/versioned';

/**
 * The roster import's store port (issue 21, A1): the files HR sent (in parts), each import's job
 * checkpoint, and the changes kept until their 発令日. Implemented by the twin (memory.ts) and the
 * adapter (firestore.ts), held to contract.ts. People themselves are the directory's (its port).
 *
 * Invariants:
 * - A part written twice holds the second write (a resent part is harmless).
 * - A kept change's id is `{staffId}_{effective}`: the same row kept twice is one change.
 * - The checkpoint only moves forward (`advance` refuses to move it back), so a rerun after an
 *   interruption never repeats work recorded as done, and two runs at once cannot undo each other.
 */
export interface RosterStore {
  readonly retry: RetryPolicy;
  putImport(orgId: string, meta: ImportMeta): Promise<void>;
  getImport(orgId: string, importId: string): Promise<ImportMeta | null>;
  /** Moves the checkpoint to `line` (and the status), unless it is already there or beyond. */
  advance(orgId: string, importId: string, step: ImportStep): Promise<void>;
  putPart(orgId: string, importId: string, n: number, rows: readonly CsvRow[]): Promise<void>;
  /** The parts 0..count-1, null where one was never sent. */
  getParts(orgId: string, importId: string, count: number): Promise<(CsvRow[] | null)[]>;
  putPending(orgId: string, changes: readonly PendingChange[]): Promise<void>;
  listPending(orgId: string): Promise<PendingChange[]>;
  deletePending(orgId: string, ids: readonly string[]): Promise<void>;
}

export type ImportStatus = 'open' | 'applying' | 'done';

export interface ImportMeta {
  id: string;
  /** The HR person who sent the file. */
  by: string;
  createdAt: string;
  fileName: string;
  bytes: number;
  encoding: CsvEncoding;
  header: string[];
  rowCount: number;
  parts: number;
  status: ImportStatus;
  /** The file line up to which the apply job is done (0 before it starts). */
  checkpoint: number;
  /** The dry run's summary as it was when the job started (what HR confirmed). */
  summary?: RosterSummary;
  finishedAt?: string;
}

export interface ImportStep {
  checkpoint: number;
  status: ImportStatus;
  summary?: RosterSummary;
  finishedAt?: string;
}

/** A row dated in the future, kept on the server (not in the directory) until its day. */
export interface PendingChange {
  id: string;
  staffId: string;
  /** `YYYY-MM-DD`, the 発令日: applied at the first request after 00:00 JST of that day. */
  effective: string;
  importId: string;
  by: string;
  row: RosterRow;
}

export const pendingId = (staffId: string, effective: string) => `${staffId}_${effective}`;
