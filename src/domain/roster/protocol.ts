import * as v from 'valibot';
import type { RowProblem } from './check';
import type { RosterSummary } from './plan';

/**
 * The roster import on the wire (issue 21, A1). A 40,000-row file is about 8 MB of JSON and a
 * request holds 256 KB, so the device sends the rows it read in parts, then asks for the dry run,
 * then for the apply job, step by step (no scheduler: each call does a bounded amount of work and
 * says whether more remains).
 */
export const ROSTER_PATHS = {
  imports: '/roster/imports',
  part: (id: string, n: number) => `/roster/imports/${encodeURIComponent(id)}/parts/${n}`,
  check: (id: string) => `/roster/imports/${encodeURIComponent(id)}/check`,
  apply: (id: string) => `/roster/imports/${encodeURIComponent(id)}/apply`,
} as const;

/** Rows per part: 500 rows of a roster are about 100 KB of JSON, well within a request. */
export const ROWS_PER_PART = 500;
export const MAX_ROSTER_ROWS = 60_000;
const MAX_CELLS = 64;

const CellsSchema = v.pipe(v.array(v.pipe(v.string(), v.maxLength(2000))), v.maxLength(MAX_CELLS));

export const NewImportSchema = v.object({
  fileName: v.pipe(v.string(), v.maxLength(260)),
  bytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
  encoding: v.picklist(['shift_jis', 'utf-8']),
  header: CellsSchema,
  rowCount: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_ROSTER_ROWS)),
});
export type NewImport = v.InferOutput<typeof NewImportSchema>;

export const ImportPartSchema = v.object({
  rows: v.pipe(
    v.array(
      v.object({
        line: v.pipe(v.number(), v.integer(), v.minValue(1)),
        cells: CellsSchema,
        extra: v.pipe(v.number(), v.integer(), v.minValue(0)),
      }),
    ),
    v.maxLength(ROWS_PER_PART),
  ),
});

export const CheckRequestSchema = v.object({ confirmPadded: v.optional(v.boolean(), false) });
export const ApplyRequestSchema = v.object({
  confirmPadded: v.optional(v.boolean(), false),
  /** HR chose to apply the valid rows of a file that has errors. */
  validOnly: v.optional(v.boolean(), false),
});

export interface DryRunAnswer {
  importId: string;
  summary: RosterSummary;
  /** Every row's problem, the header's first (line 0), in line order. */
  problems: RowProblem[];
  /** Lines with at least one error (they are not applied). */
  errorLines: number;
}

export interface ApplyAnswer {
  importId: string;
  done: boolean;
  /** Rows of the file gone through so far (the job's checkpoint). */
  processed: number;
  total: number;
  summary: RosterSummary;
  /** People whose grant of 人事 waits for a second HR account (the access module decides). */
  pendingHr: string[];
}
