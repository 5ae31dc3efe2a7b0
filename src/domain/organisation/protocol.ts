import * as v from 'valibot';
import type { OrgUnit } from '../org';
import type { Problem } from '../problems';
import { UNIT_LIMITS, type OrgChange, type OrgProblem, type OrgSummary } from './batch';

/** The organisation upkeep's endpoints (HR only; functions/src/features/organisation). */
export const ORG_PATHS = {
  batches: '/org/batches',
  apply: (batchId: string) => `/org/batches/${batchId}/apply`,
} as const;

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(UNIT_LIMITS.id + 20));
const Text = v.pipe(v.string(), v.maxLength(UNIT_LIMITS.name * 4));

export const OrgChangeSchema = v.variant('op', [
  v.object({
    op: v.literal('add'),
    id: Id,
    kind: v.picklist(['bu', 'ka', 'kakari']),
    name: Text,
    kana: Text,
    parentId: v.nullable(Id),
  }),
  v.object({ op: v.literal('rename'), id: Id, name: Text, kana: v.optional(Text) }),
  v.object({ op: v.literal('move'), id: Id, parentId: v.nullable(Id) }),
  v.object({ op: v.literal('merge'), id: Id, into: Id }),
  v.object({ op: v.literal('abolish'), id: Id }),
]);

export const NewBatchSchema = v.object({
  effective: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  changes: v.pipe(v.array(OrgChangeSchema), v.maxLength(UNIT_LIMITS.changes)),
});

/** The preview: every change's problem and the summary; nothing is written but the staged batch. */
export interface OrgPreview {
  batchId: string;
  effective: string;
  problems: OrgProblem[];
  summary: OrgSummary;
  /** True when the batch is dated after today (JST): applying keeps it on the server until its day. */
  future: boolean;
}

export interface OrgApplyAnswer {
  batchId: string;
  status: 'applied' | 'scheduled';
  summary: OrgSummary;
}

export type { OrgChange, OrgProblem, OrgSummary, OrgUnit, Problem };
