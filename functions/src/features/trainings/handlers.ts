import * as v from 'valibot';
import { problemOfIssues } from '../../../../src/domain/issues';
import type { MutationOf } from '../../../../src/domain/mutations';
import type { Claims, PushResult } from '../../../../src/domain/protocol';
import type { FeedAnswer } from '../../../../src/domain/sync-protocol';
import {
  AttendanceInputSchema,
  TRAININGS_PAGE_SIZE,
  TrainingInputSchema,
  type Application,
  type Training,
  type TrainingIntent,
} from '../../../../src/domain/trainings';
import { sectionOf } from '../../../../src/domain/unit-tree';
import { intentOf } from '../../../../src/domain/mutations';
import { badRequest } from '../../api/errors';
import { pageSince } from '../../kit/page';
import { rejectedResult } from '../results';
import type { ServerStores } from '../stores';

type TrainingMutation = MutationOf<'training.apply'> | MutationOf<'training.cancel'> | MutationOf<'training.decide'>;

/** The person's 職層 and their section (the 課 whose 課長 approves), from the directory: two reads. */
async function whoIs(stores: ServerStores, orgId: string, staffId: string) {
  const [profile, units] = await Promise.all([
    stores.directory.getStaff(orgId, staffId),
    stores.directory.listUnits(orgId),
  ]);
  const unitId = profile ? sectionOf(new Map(units.map((u) => [u.id, u])), profile.unitId) : null;
  return { jobLevel: profile?.jobLevel ?? null, unitId };
}

/**
 * A person applies to a run or cancels as themselves (the token's staffId), once per mutation id and
 * once per run; a 課長 decides on an application of their section. The actor's 職層 and section come
 * from the directory; the rule runs in the store against the training, the application and the run's
 * waiting list as read in the same attempt as the write. `now` is the server's clock (a test sets it).
 */
export async function applyTrainingMutation(
  stores: ServerStores,
  claims: Claims,
  mutation: TrainingMutation,
): Promise<PushResult> {
  const now = new Date().toISOString();
  const actor = await whoIs(stores, claims.orgId, claims.staffId);
  const intent = intentOf(mutation) as TrainingIntent;
  const outcome = await stores.trainings.applyTrainingMutation(claims.orgId, mutation.id, claims.staffId, intent, {
    now,
    role: claims.role,
    ...actor,
  });
  if (outcome.status === 'rejected') return rejectedResult(mutation.id, outcome.problem);
  return { id: mutation.id, status: outcome.status };
}

/**
 * "Which trainings changed since V" (the catalogue is the same for everyone), and the viewer's own
 * applications whenever the feed moved: a person holds a few dozen a year, so they come whole, and
 * no one's applications reach another phone. From a head already read; up to date reads nothing.
 */
export async function trainingsAnswer(
  stores: ServerStores,
  claims: Claims,
  head: number,
  since: number,
  limit = TRAININGS_PAGE_SIZE,
): Promise<FeedAnswer<'trainings'>> {
  if (since === head) return { trainings: [], version: since, more: false, reset: false };
  const [page, mine, toApprove] = await Promise.all([
    pageSince(head, since, limit, (from, n) => stores.trainings.trainingsSince(claims.orgId, from, n)),
    stores.trainings.applicationsOf(claims.orgId, claims.staffId),
    claims.role === 'manager' ? awaitingMyApproval(stores, claims) : undefined,
  ]);
  return {
    trainings: page.items,
    mine,
    ...(toApprove ? { toApprove } : {}),
    version: page.version,
    more: page.more,
    reset: page.reset,
  };
}

/** A 課長's pending approvals: their section from the directory (two reads), then one query. */
async function awaitingMyApproval(stores: ServerStores, claims: Claims): Promise<Application[]> {
  const { unitId } = await whoIs(stores, claims.orgId, claims.staffId);
  return unitId ? stores.trainings.awaitingApprovalIn(claims.orgId, unitId) : [];
}

/** HR adds or edits a training (the route checks the role); a bad body or a refused edit is a 400 with its code. */
export async function putTraining(stores: ServerStores, orgId: string, body: unknown): Promise<Training> {
  const parsed = v.safeParse(TrainingInputSchema, body);
  if (!parsed.success) throw badRequest(problemOfIssues(parsed.issues));
  const result = await stores.trainings.putTraining(orgId, parsed.output);
  if (!result.ok) throw badRequest(result.problem);
  return result.training;
}

/** HR's roll-call of one run (the route checks the role); a bad body or a refused mark is a 400 with its code. */
export async function recordAttendance(
  stores: ServerStores,
  orgId: string,
  body: unknown,
): Promise<{ changed: number }> {
  const parsed = v.safeParse(AttendanceInputSchema, body);
  if (!parsed.success) throw badRequest(problemOfIssues(parsed.issues));
  const result = await stores.trainings.recordAttendance(orgId, parsed.output);
  if (!result.ok) throw badRequest(result.problem);
  return { changed: result.changed };
}
