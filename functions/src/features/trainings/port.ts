import type { Application, ApplyContext, ApplyIntent, Training, TrainingInput } from '../../../../src/domain/trainings';
import type { Problem } from '../../../../src/domain/problems';
import type { HeadHandle } from '../../kit/batch-read';
import type { MutationOutcome, RetryPolicy } from '../../kit/versioned';

/**
 * The trainings' store port (T1-T2), implemented by the twin (memory.ts) and the adapter
 * (firestore.ts), held to contract.ts.
 *
 * Invariants:
 * - One version sequence per organisation for the catalogue: every change of a training (HR's edit,
 *   or an application that moves a run's counts) takes the next version by create-if-absent, in the
 *   same atomic write as the training, so "trainings changed since V" pages exactly.
 * - One application per person and run: the document `{runId}_{staffId}` is created in the same
 *   write. Applying again (another mutation id, another tab) changes nothing and is recorded as
 *   unchanged; the same id again is a duplicate.
 * - A refused application writes nothing and records nothing (the id may be used again).
 */
export interface TrainingStore {
  readonly retry: RetryPolicy;
  applyTrainingMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: ApplyIntent,
    ctx: ApplyContext,
  ): Promise<MutationOutcome>;
  /** HR adds or replaces a training (counts kept by mergeTrainingEdit); refused edits write nothing. */
  putTraining(
    orgId: string,
    input: TrainingInput,
  ): Promise<{ ok: true; training: Training } | { ok: false; problem: Problem }>;
  getTraining(orgId: string, trainingId: string): Promise<Training | null>;
  /** The highest catalogue version; 0 before any. One read. */
  trainingHead(orgId: string): Promise<number>;
  feedHead(orgId: string): HeadHandle<number>;
  /** Trainings whose last change is above `version`, in version order, at most `limit`. */
  trainingsSince(orgId: string, version: number, limit: number): Promise<Training[]>;
  /** One person's applications (one query). */
  applicationsOf(orgId: string, staffId: string): Promise<Application[]>;
}

export function withoutVersion(t: Training): Omit<Training, 'version'> {
  const { version: _version, ...rest } = t;
  return rest;
}
