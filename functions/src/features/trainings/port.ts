import type {
  Application,
  AttendanceInput,
  RecordContext,
  Training,
  TrainingInput,
  TrainingIntent,
} from '../../../../src/domain/trainings';
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
 * - A run's waiting list is kept in order on the server (`trainingQueues/{runId}`), read and
 *   written in the same attempt as the training: a place freed by a cancellation or a 課長's
 *   refusal goes to the first on it, in the same write.
 * - A 課長's decision is one per application: deciding again changes nothing.
 */
export interface TrainingStore {
  readonly retry: RetryPolicy;
  applyTrainingMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: TrainingIntent,
    ctx: RecordContext,
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
  /** Applications awaiting the approval of the 課長 of `unitId` (one query). */
  awaitingApprovalIn(orgId: string, unitId: string): Promise<Application[]>;
  /** Everyone's applications to one run, for HR's roll-call (one query). */
  applicationsOfRun(orgId: string, runId: string): Promise<Application[]>;
  /**
   * HR's roll-call of one run (recordAttendance decides; a refused call writes nothing): the
   * applications take the next version, so each person's feed brings them.
   */
  recordAttendance(
    orgId: string,
    input: AttendanceInput,
  ): Promise<{ ok: true; changed: number } | { ok: false; problem: Problem }>;
}

export function withoutVersion(t: Training): Omit<Training, 'version'> {
  const { version: _version, ...rest } = t;
  return rest;
}
