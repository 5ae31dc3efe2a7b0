import {
  applicationDocId,
  applyTrainingIntent,
  mergeTrainingEdit,
  recordAttendance,
  targetOf,
  type Application,
  type AttendanceInput,
  type QueueEntry,
  type RecordContext,
  type Training,
  type TrainingInput,
  type TrainingIntent,
} from '../../../../src/domain/trainings';
import type { Problem } from '../../../../src/domain/problems';
import type { HeadHandle } from '../../kit/batch-read';
import {
  emptyGate,
  MemoryOrgs,
  memoryVersionBump,
  memoryVersionedWrite,
  tick,
  type MemoryGate,
} from '../../kit/memory';
import { rejectWith, UNCHANGED, type MutationOutcome, type RetryPolicy } from '../../kit/versioned';
import type { MemoryEnv } from '../stores';
import { withoutVersion, type TrainingStore } from './port';

interface OrgTrainings {
  gate: MemoryGate;
  trainings: Map<string, Training>;
  applications: Map<string, Application>;
  /** Each run's waiting list, by run id. */
  queues: Map<string, QueueEntry[]>;
}

/** The in-memory twin of the trainings' Firestore adapter. */
export class MemoryTrainings implements TrainingStore {
  readonly #orgs: MemoryOrgs<OrgTrainings>;

  constructor(
    private readonly env: MemoryEnv,
    readonly retry: RetryPolicy,
  ) {
    this.#orgs = new MemoryOrgs(env.reads, 'trainingMeta', () => ({
      gate: emptyGate(),
      trainings: new Map(),
      applications: new Map(),
      queues: new Map(),
    }));
  }

  applyTrainingMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: TrainingIntent,
    ctx: RecordContext,
  ): Promise<MutationOutcome> {
    const appId = applicationDocId(intent.runId, targetOf(intent, actorStaffId));
    return memoryVersionedWrite({
      policy: this.retry,
      reads: this.env.reads,
      mutations: () => this.env.mutations(orgId),
      gate: () => this.#orgs.of(orgId).gate,
      mutationId,
      actor: actorStaffId,
      appliedAt: () => ctx.now,
      extraReads: 3,
      decide: () => {
        const org = this.#orgs.of(orgId);
        const stored = org.trainings.get(intent.trainingId);
        const existing = org.applications.get(appId) ?? null;
        const outcome = applyTrainingIntent(
          {
            training: stored ? withoutVersion(stored) : null,
            application: existing ? { ...existing } : null,
            queue: org.queues.get(intent.runId) ?? [],
          },
          intent,
          actorStaffId,
          ctx,
        );
        if (!outcome.ok) return rejectWith(outcome.problem);
        if (!outcome.changed) return UNCHANGED;
        const { change } = outcome;
        return {
          write: {
            // The adapter creates a new application (one per person and run): a second tab's collides.
            conflicts: () => intent.kind === 'training.apply' && org.applications.has(appId),
            commit: (version) => {
              for (const staffId of change.remove) org.applications.delete(applicationDocId(intent.runId, staffId));
              for (const a of change.put)
                org.applications.set(applicationDocId(a.runId, a.staffId), structuredClone({ ...a, version }));
              org.queues.set(intent.runId, structuredClone(change.queue));
              org.trainings.set(intent.trainingId, structuredClone({ ...change.training, version }));
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
    await memoryVersionBump({
      policy: this.retry,
      reads: this.env.reads,
      gate: () => this.#orgs.of(orgId).gate,
      decide: () => {
        this.env.reads.add(1); // the training, as the adapter reads it after the head
        const stored = this.#orgs.of(orgId).trainings.get(input.id);
        const merged = mergeTrainingEdit(stored ? withoutVersion(stored) : null, input);
        if (!merged.ok) {
          result = merged;
          return 0;
        }
        result = { ok: true, training: { ...merged.training, version: 0 } };
        return 1;
      },
      commit: (version) => {
        if (!result?.ok) return;
        result = { ok: true, training: { ...result.training, version } };
        this.#orgs.of(orgId).trainings.set(input.id, structuredClone(result.training));
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
    let put: Omit<Application, 'version'>[] = [];
    await memoryVersionBump({
      policy: this.retry,
      reads: this.env.reads,
      gate: () => this.#orgs.of(orgId).gate,
      decide: () => {
        const org = this.#orgs.of(orgId);
        const stored = org.trainings.get(input.trainingId);
        const apps = [...org.applications.values()].filter((a) => a.runId === input.runId);
        this.env.reads.add(1); // the training
        this.env.reads.addQuery(apps.length); // the run's applications
        const outcome = recordAttendance(stored ? withoutVersion(stored) : null, apps, input);
        result = outcome.ok ? { ok: true, changed: outcome.put.length } : outcome;
        put = outcome.ok ? outcome.put : [];
        return put.length > 0 ? 1 : 0;
      },
      commit: (version) => {
        const org = this.#orgs.of(orgId);
        for (const a of put)
          org.applications.set(applicationDocId(a.runId, a.staffId), structuredClone({ ...a, version }));
      },
    });
    if (!result) throw new Error('recordAttendance decided nothing');
    return result;
  }

  async getTraining(orgId: string, trainingId: string): Promise<Training | null> {
    await this.#orgs.read(1);
    const t = this.#orgs.of(orgId).trainings.get(trainingId);
    return t ? structuredClone(t) : null;
  }

  trainingHead(orgId: string): Promise<number> {
    return this.#orgs.head(orgId);
  }

  feedHead(orgId: string): HeadHandle<number> {
    return this.#orgs.feedHead(orgId);
  }

  trainingsSince(orgId: string, version: number, limit: number): Promise<Training[]> {
    return this.#orgs.since(orgId, (org) => org.trainings.values(), version, limit);
  }

  applicationsOf(orgId: string, staffId: string): Promise<Application[]> {
    return this.#query(orgId, (a) => a.staffId === staffId);
  }

  awaitingApprovalIn(orgId: string, unitId: string): Promise<Application[]> {
    return this.#query(orgId, (a) => a.approverUnitId === unitId && a.status === 'awaitingApproval');
  }

  applicationsOfRun(orgId: string, runId: string): Promise<Application[]> {
    return this.#query(orgId, (a) => a.runId === runId);
  }

  async #query(orgId: string, keep: (a: Application) => boolean): Promise<Application[]> {
    await tick();
    const found = [...this.#orgs.of(orgId).applications.values()]
      .filter(keep)
      .sort((a, b) => a.version - b.version)
      .map((a) => structuredClone(a));
    this.env.reads.addQuery(found.length);
    return found;
  }
}
