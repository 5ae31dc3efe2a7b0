/**
 * The trainings' store port on Cloud Firestore.
 *
 *   orgs/{orgId}/trainings/{trainingId}                  Training (with its runs' counts and last version)
 *   orgs/{orgId}/trainingApplications/{runId}_{staffId}  Application (one per person and run)
 *   orgs/{orgId}/trainingQueues/{runId}                  { trainingId, waiting: QueueEntry[] }  (the waiting list, in order)
 *   orgs/{orgId}/trainingVersions/{000000000042}         { version, trainingId }  (the version gate)
 *   orgs/{orgId}/trainingMeta/head                       { headVersion }
 *   orgs/{orgId}/mutations/{mutationId}                  MutationRecord, shared by every feature
 *
 * Indexes: the automatic single-field ones (`trainings.version`, `trainingApplications.staffId`,
 * `trainingApplications.runId`); the approvals query is two equalities (`approverUnitId`, `status`),
 * which Firestore serves by merging the single-field indexes.
 *
 * Every record change is the kit's versioned write over one consistent read of the training, the
 * target's application and the run's waiting list: gate and record first, then a new application's
 * create (a second tab's application collides on it or on the version and re-reads to find it
 * there), then the other applications, the list and the training with its new counts. HR's edit and
 * roll-call are version bumps that read what they change after the head, so counts or statuses moved
 * by an application in between are not lost: that application took the version the bump wants.
 */
import type { Query } from 'firebase-admin/firestore';
import * as v from 'valibot';
import {
  applicationDocId,
  ApplicationSchema,
  applyTrainingIntent,
  mergeTrainingEdit,
  recordAttendance,
  RunQueueSchema,
  targetOf,
  TrainingSchema,
  type Application,
  type AttendanceInput,
  type RecordContext,
  type Training,
  type TrainingInput,
  type TrainingIntent,
} from '../../../../src/domain/trainings';
import type { Problem } from '../../../../src/domain/problems';
import type { HeadHandle } from '../../kit/batch-read';
import {
  FirestoreSequence,
  firestoreVersionBump,
  firestoreVersionedWrite,
  readDoc,
  readQuery,
  withoutUndefined,
} from '../../kit/firestore';
import { rejectWith, UNCHANGED, type MutationOutcome, type RetryPolicy } from '../../kit/versioned';
import type { FirestoreEnv } from '../stores';
import { withoutVersion, type TrainingStore } from './port';

export class FirestoreTrainings implements TrainingStore {
  readonly #seq: FirestoreSequence;

  constructor(
    private readonly env: FirestoreEnv,
    readonly retry: RetryPolicy,
  ) {
    this.#seq = new FirestoreSequence(env.db, env.reads, { meta: 'trainingMeta', versions: 'trainingVersions' });
  }

  applyTrainingMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: TrainingIntent,
    ctx: RecordContext,
  ): Promise<MutationOutcome> {
    const org = this.#seq.org(orgId);
    const trainingRef = org.collection('trainings').doc(intent.trainingId);
    const appRef = (staffId: string) =>
      org.collection('trainingApplications').doc(applicationDocId(intent.runId, staffId));
    const target = targetOf(intent, actorStaffId);
    const queueRef = org.collection('trainingQueues').doc(intent.runId);
    return firestoreVersionedWrite({
      ...this.#seq.writeSpec(orgId),
      policy: this.retry,
      mutationRef: org.collection('mutations').doc(mutationId),
      actor: actorStaffId,
      appliedAt: () => ctx.now,
      extra: [trainingRef, appRef(target), queueRef],
      decide: (_head, [trainingSnap, applicationSnap, queueSnap]) => {
        const stored = trainingSnap?.exists ? v.parse(TrainingSchema, trainingSnap.data()) : null;
        const existing = applicationSnap?.exists ? v.parse(ApplicationSchema, applicationSnap.data()) : null;
        const queue = queueSnap?.exists ? v.parse(RunQueueSchema, queueSnap.data()).waiting : [];
        const outcome = applyTrainingIntent(
          { training: stored ? withoutVersion(stored) : null, application: existing, queue },
          intent,
          actorStaffId,
          ctx,
        );
        if (!outcome.ok) return rejectWith(outcome.problem);
        if (!outcome.changed) return UNCHANGED;
        const { change } = outcome;
        return {
          write: {
            gate: { trainingId: intent.trainingId },
            stage: (batch, version) => {
              for (const a of change.put) {
                const application: Application = withoutUndefined({ ...a, version });
                // A new application is a create: one per person and run, whatever the mutation id.
                if (intent.kind === 'training.apply' && a.staffId === actorStaffId)
                  batch.create(appRef(a.staffId), application);
                else batch.set(appRef(a.staffId), application);
              }
              for (const staffId of change.remove) batch.delete(appRef(staffId));
              batch.set(queueRef, { trainingId: intent.trainingId, waiting: change.queue });
              batch.set(trainingRef, { ...change.training, version });
            },
          },
        };
      },
    });
  }

  async putTraining(
    orgId: string,
    input: TrainingInput,
  ): Promise<{ ok: true; training: Training } | { ok: false; problem: Problem }> {
    let result: { ok: true; training: Training } | { ok: false; problem: Problem } | undefined;
    const ref = this.#seq.org(orgId).collection('trainings').doc(input.id);
    await firestoreVersionBump({
      ...this.#seq.writeSpec(orgId),
      policy: this.retry,
      decide: async (head) => {
        const snap = await readDoc(this.env.reads, ref);
        const stored = snap.exists ? v.parse(TrainingSchema, snap.data()) : null;
        const merged = mergeTrainingEdit(stored ? withoutVersion(stored) : null, input);
        if (!merged.ok) {
          result = merged;
          return { count: 0 };
        }
        const training: Training = { ...merged.training, version: head + 1 };
        result = { ok: true, training };
        return { count: 1, gate: { trainingId: input.id }, stage: (batch) => void batch.set(ref, training) };
      },
    });
    if (!result) throw new Error('putTraining decided nothing');
    return result;
  }

  async recordAttendance(
    orgId: string,
    input: AttendanceInput,
  ): Promise<{ ok: true; changed: number } | { ok: false; problem: Problem }> {
    let result: { ok: true; changed: number } | { ok: false; problem: Problem } | undefined;
    const org = this.#seq.org(orgId);
    await firestoreVersionBump({
      ...this.#seq.writeSpec(orgId),
      policy: this.retry,
      decide: async (head) => {
        const [snap, apps] = await Promise.all([
          readDoc(this.env.reads, org.collection('trainings').doc(input.trainingId)),
          this.applicationsOfRun(orgId, input.runId),
        ]);
        const stored = snap.exists ? v.parse(TrainingSchema, snap.data()) : null;
        const outcome = recordAttendance(stored ? withoutVersion(stored) : null, apps, input);
        if (!outcome.ok) {
          result = outcome;
          return { count: 0 };
        }
        result = { ok: true, changed: outcome.put.length };
        if (outcome.put.length === 0) return { count: 0 };
        return {
          count: 1,
          gate: { trainingId: input.trainingId, runId: input.runId },
          stage: (batch) => {
            for (const a of outcome.put)
              batch.set(
                org.collection('trainingApplications').doc(applicationDocId(a.runId, a.staffId)),
                withoutUndefined({ ...a, version: head + 1 }),
              );
          },
        };
      },
    });
    if (!result) throw new Error('recordAttendance decided nothing');
    return result;
  }

  async getTraining(orgId: string, trainingId: string): Promise<Training | null> {
    const snap = await readDoc(this.env.reads, this.#seq.org(orgId).collection('trainings').doc(trainingId));
    return snap.exists ? v.parse(TrainingSchema, snap.data()) : null;
  }

  trainingHead(orgId: string): Promise<number> {
    return this.#seq.head(orgId);
  }

  feedHead(orgId: string): HeadHandle<number> {
    return this.#seq.feedHead(orgId);
  }

  trainingsSince(orgId: string, version: number, limit: number): Promise<Training[]> {
    return this.#seq.since(orgId, 'trainings', version, limit, (d) => v.parse(TrainingSchema, d));
  }

  applicationsOf(orgId: string, staffId: string): Promise<Application[]> {
    return this.#applications(orgId, [['staffId', staffId]]);
  }

  awaitingApprovalIn(orgId: string, unitId: string): Promise<Application[]> {
    return this.#applications(orgId, [
      ['approverUnitId', unitId],
      ['status', 'awaitingApproval'],
    ]);
  }

  applicationsOfRun(orgId: string, runId: string): Promise<Application[]> {
    return this.#applications(orgId, [['runId', runId]]);
  }

  async #applications(orgId: string, equal: readonly [string, string][]): Promise<Application[]> {
    let query: Query = this.#seq.org(orgId).collection('trainingApplications');
    for (const [field, value] of equal) query = query.where(field, '==', value);
    const snap = await readQuery(this.env.reads, query);
    return snap.docs.map((d) => v.parse(ApplicationSchema, d.data())).sort((a, b) => a.version - b.version);
  }
}
