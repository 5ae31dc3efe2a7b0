import { queueMutation } from '../../db/queue-mutation';
import type { AppDb } from '../../db/schema';

/** Applies to one run, offline too: queued in the outbox (申込中 until the server answers), sent once. */
export function applyForRun(db: AppDb, trainingId: string, runId: string) {
  return queueMutation(db, 'training.apply', { trainingId, runId });
}

/** Takes back my application to a run (the place goes to the first waiting), offline too. */
export function cancelRun(db: AppDb, trainingId: string, runId: string) {
  return queueMutation(db, 'training.cancel', { trainingId, runId });
}

/** A 課長 approves or declines an application of their section, offline too. */
export function decideApplication(db: AppDb, trainingId: string, runId: string, staffId: string, approve: boolean) {
  return queueMutation(db, 'training.decide', { trainingId, runId, staffId, approve });
}
