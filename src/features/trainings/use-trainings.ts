import { useLiveQuery } from 'dexie-react-hooks';
import type { AppDb } from '../../db/schema';
import { refusalOf, type Refusal } from '../../domain/problems';
import type { Application, Training } from '../../domain/trainings';

export interface TrainingsView {
  trainings: Training[];
  /** My applications by run, as the server answered them. */
  applications: Map<string, Application>;
  /** Runs I applied to that the server has not answered yet (申込中). */
  pending: Set<string>;
  /** Runs whose cancellation is in the outbox (取消中). */
  cancelling: Set<string>;
  /** My applications the server refused, by run, with why. */
  refused: Map<string, Refusal>;
}

/** Everything the training screens read, from the device store; `undefined` while IndexedDB is read. */
export function useTrainings(db: AppDb): TrainingsView | undefined {
  return useLiveQuery(async () => {
    const [trainings, applications, outbox, rejected] = await Promise.all([
      db.trainings.toArray(),
      db.trainingApplications.toArray(),
      db.outbox.toArray(),
      db.rejected.toArray(),
    ]);
    const pending = new Set<string>();
    const cancelling = new Set<string>();
    for (const o of outbox) {
      if (o.mutation.kind === 'training.apply') pending.add(o.mutation.runId);
      if (o.mutation.kind === 'training.cancel') cancelling.add(o.mutation.runId);
    }
    const refused = new Map<string, Refusal>();
    for (const r of rejected.sort((a, b) => a.rejectedAt - b.rejectedAt))
      if (r.mutation.kind === 'training.apply' || r.mutation.kind === 'training.cancel')
        refused.set(r.mutation.runId, refusalOf(r));
    return {
      trainings,
      applications: new Map(applications.map((a) => [a.runId, a])),
      pending,
      cancelling,
      refused,
    };
  }, [db]);
}
