/**
 * The trainings' store port on Cloud Firestore.
 *
 *   orgs/{orgId}/trainings/{trainingId}                  Training (with its runs' counts and last version)
 *   orgs/{orgId}/trainingApplications/{runId}_{staffId}  Application (one per person and run)
 *   orgs/{orgId}/trainingVersions/{000000000042}         { version, trainingId }  (the version gate)
 *   orgs/{orgId}/trainingMeta/head                       { headVersion }
 *   orgs/{orgId}/mutations/{mutationId}                  MutationRecord, shared by every feature
 *
 * Indexes: the automatic single-field ones (`trainings.version`, `trainingApplications.staffId`).
 *
 * An application is the kit's versioned write: gate and record first, then the application's
 * create (a second tab's application collides on it or on the version and re-reads to find it
 * there), then the training with its new counts. HR's edit is a version bump that reads the
 * training after the head, so counts moved by an application in between are not lost: that
 * application took the version the edit wants.
 */
import type { DocumentReference } from 'firebase-admin/firestore';
import * as v from 'valibot';
import {
  applicationDocId,
  ApplicationSchema,
  applyToRun,
  mergeTrainingEdit,
  TrainingSchema,
  type Application,
  type ApplyContext,
  type ApplyIntent,
  type Training,
  type TrainingInput,
} from '../../../../src/domain/trainings';
import type { Problem } from '../../../../src/domain/problems';
import type { HeadHandle } from '../../kit/batch-read';
import {
  firestoreHead,
  firestorePage,
  firestoreVersionBump,
  firestoreVersionedWrite,
  parseHeadVersion,
  readDoc,
  readQuery,
} from '../../kit/firestore';
import { rejectWith, UNCHANGED, versionDocId, type MutationOutcome, type RetryPolicy } from '../../kit/versioned';
import type { FirestoreEnv } from '../stores';
import { withoutVersion, type TrainingStore } from './port';

export class FirestoreTrainings implements TrainingStore {
  constructor(
    private readonly env: FirestoreEnv,
    readonly retry: RetryPolicy,
  ) {}

  applyTrainingMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: ApplyIntent,
    ctx: ApplyContext,
  ): Promise<MutationOutcome> {
    const org = this.#org(orgId);
    const trainingRef = org.collection('trainings').doc(intent.trainingId);
    const applicationRef = org.collection('trainingApplications').doc(applicationDocId(intent.runId, actorStaffId));
    return firestoreVersionedWrite({
      db: this.env.db,
      policy: this.retry,
      reads: this.env.reads,
      headRef: this.#headRef(orgId),
      versionRef: (version) => this.#versionRef(orgId, version),
      mutationRef: org.collection('mutations').doc(mutationId),
      actor: actorStaffId,
      appliedAt: () => ctx.now,
      extra: [trainingRef, applicationRef],
      decide: (_head, [trainingSnap, applicationSnap]) => {
        const stored = trainingSnap?.exists ? v.parse(TrainingSchema, trainingSnap.data()) : null;
        const existing = applicationSnap?.exists ? v.parse(ApplicationSchema, applicationSnap.data()) : null;
        const outcome = applyToRun(stored ? withoutVersion(stored) : null, existing, intent, ctx);
        if (!outcome.ok) return rejectWith(outcome.problem);
        if (!outcome.changed) return UNCHANGED;
        return {
          write: {
            gate: { trainingId: intent.trainingId },
            stage: (batch, version) => {
              const application: Application = {
                trainingId: intent.trainingId,
                runId: intent.runId,
                staffId: actorStaffId,
                status: outcome.status,
                at: ctx.now,
                version,
              };
              batch.create(applicationRef, application);
              batch.set(trainingRef, { ...outcome.training, version });
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
    const ref = this.#org(orgId).collection('trainings').doc(input.id);
    await firestoreVersionBump({
      db: this.env.db,
      policy: this.retry,
      reads: this.env.reads,
      headRef: this.#headRef(orgId),
      versionRef: (version) => this.#versionRef(orgId, version),
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

  async getTraining(orgId: string, trainingId: string): Promise<Training | null> {
    const snap = await readDoc(this.env.reads, this.#org(orgId).collection('trainings').doc(trainingId));
    return snap.exists ? v.parse(TrainingSchema, snap.data()) : null;
  }

  async trainingHead(orgId: string): Promise<number> {
    return parseHeadVersion(await readDoc(this.env.reads, this.#headRef(orgId)));
  }

  feedHead(orgId: string): HeadHandle<number> {
    return firestoreHead(this.#headRef(orgId), parseHeadVersion);
  }

  trainingsSince(orgId: string, version: number, limit: number): Promise<Training[]> {
    return firestorePage(this.env.reads, this.#org(orgId).collection('trainings'), version, limit, (d) =>
      v.parse(TrainingSchema, d),
    );
  }

  async applicationsOf(orgId: string, staffId: string): Promise<Application[]> {
    const snap = await readQuery(
      this.env.reads,
      this.#org(orgId).collection('trainingApplications').where('staffId', '==', staffId),
    );
    return snap.docs.map((d) => v.parse(ApplicationSchema, d.data())).sort((a, b) => a.version - b.version);
  }

  #org(orgId: string): DocumentReference {
    return this.env.db.collection('orgs').doc(orgId);
  }

  #headRef(orgId: string): DocumentReference {
    return this.#org(orgId).collection('trainingMeta').doc('head');
  }

  #versionRef(orgId: string, version: number): DocumentReference {
    return this.#org(orgId).collection('trainingVersions').doc(versionDocId(version));
  }
}
