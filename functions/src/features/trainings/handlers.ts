import * as v from 'valibot';
import { problemOfIssues } from '../../../../src/domain/issues';
import type { MutationOf } from '../../../../src/domain/mutations';
import type { Claims, PushResult } from '../../../../src/domain/protocol';
import type { FeedAnswer } from '../../../../src/domain/sync-protocol';
import {
  TRAININGS_PAGE_SIZE,
  TrainingInputSchema,
  type ApplyIntent,
  type Training,
} from '../../../../src/domain/trainings';
import { badRequest } from '../../api/errors';
import { pageSince } from '../../kit/page';
import { rejectedResult } from '../results';
import type { ServerStores } from '../stores';

/**
 * A person applies to a run as themselves (the token's staffId), once per mutation id and once per
 * run. Their 職層 comes from the directory; the rule runs in the store against the training and the
 * application as read in the same attempt as the write. `now` is the server's clock (a test sets it).
 */
export async function applyTrainingMutation(
  stores: ServerStores,
  claims: Claims,
  mutation: MutationOf<'training.apply'>,
): Promise<PushResult> {
  const now = new Date().toISOString();
  const profile = await stores.directory.getStaff(claims.orgId, claims.staffId);
  const intent: ApplyIntent = { kind: mutation.kind, trainingId: mutation.trainingId, runId: mutation.runId };
  const outcome = await stores.trainings.applyTrainingMutation(claims.orgId, mutation.id, claims.staffId, intent, {
    now,
    jobLevel: profile?.jobLevel ?? null,
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
  const [page, mine] = await Promise.all([
    pageSince(head, since, limit, (from, n) => stores.trainings.trainingsSince(claims.orgId, from, n)),
    stores.trainings.applicationsOf(claims.orgId, claims.staffId),
  ]);
  return { trainings: page.items, mine, version: page.version, more: page.more, reset: page.reset };
}

/** HR adds or edits a training (the route checks the role); a bad body or a refused edit is a 400 with its code. */
export async function putTraining(stores: ServerStores, orgId: string, body: unknown): Promise<Training> {
  const parsed = v.safeParse(TrainingInputSchema, body);
  if (!parsed.success) throw badRequest(problemOfIssues(parsed.issues));
  const result = await stores.trainings.putTraining(orgId, parsed.output);
  if (!result.ok) throw badRequest(result.problem);
  return result.training;
}
