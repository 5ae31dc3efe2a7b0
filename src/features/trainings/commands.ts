import { queueMutation } from '../../db/queue-mutation';
import type { AppDb } from '../../db/schema';

/** Applies to one run, offline too: queued in the outbox (申込中 until the server answers), sent once. */
export function applyForRun(db: AppDb, trainingId: string, runId: string) {
  return queueMutation(db, 'training.apply', { trainingId, runId });
}
