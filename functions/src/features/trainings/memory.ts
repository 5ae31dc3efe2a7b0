import {
  applicationDocId,
  applyToRun,
  mergeTrainingEdit,
  type Application,
  type ApplyContext,
  type ApplyIntent,
  type Training,
  type TrainingInput,
} from '../../../../src/domain/trainings';
import type { Problem } from '../../../../src/domain/problems';
import type { HeadHandle } from '../../kit/batch-read';
import {
  emptyGate,
  memoryHead,
  memoryPage,
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
}

/** The in-memory twin of the trainings' Firestore adapter. */
export class MemoryTrainings implements TrainingStore {
  readonly #orgs = new Map<string, OrgTrainings>();

  constructor(
    private readonly env: MemoryEnv,
    readonly retry: RetryPolicy,
  ) {}

  applyTrainingMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: ApplyIntent,
    ctx: ApplyContext,
  ): Promise<MutationOutcome> {
    const appId = applicationDocId(intent.runId, actorStaffId);
    return memoryVersionedWrite({
      policy: this.retry,
      reads: this.env.reads,
      mutations: () => this.env.mutations(orgId),
      gate: () => this.#org(orgId).gate,
      mutationId,
      actor: actorStaffId,
      appliedAt: () => ctx.now,
      extraReads: 2,
      decide: () => {
        const org = this.#org(orgId);
        const stored = org.trainings.get(intent.trainingId);
        const existing = org.applications.get(appId) ?? null;
        const outcome = applyToRun(stored ? withoutVersion(stored) : null, existing, intent, ctx);
        if (!outcome.ok) return rejectWith(outcome.problem);
        if (!outcome.changed) return UNCHANGED;
        return {
          write: {
            conflicts: () => org.applications.has(appId),
            commit: (version) => {
              org.applications.set(appId, {
                trainingId: intent.trainingId,
                runId: intent.runId,
                staffId: actorStaffId,
                status: outcome.status,
                at: ctx.now,
                version,
              });
              org.trainings.set(intent.trainingId, structuredClone({ ...outcome.training, version }));
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
      gate: () => this.#org(orgId).gate,
      decide: () => {
        this.env.reads.add(1); // the training, as the adapter reads it after the head
        const stored = this.#org(orgId).trainings.get(input.id);
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
        this.#org(orgId).trainings.set(input.id, structuredClone(result.training));
      },
    });
    if (!result) throw new Error('putTraining decided nothing');
    return result;
  }

  async getTraining(orgId: string, trainingId: string): Promise<Training | null> {
    await this.#read(1);
    const t = this.#org(orgId).trainings.get(trainingId);
    return t ? structuredClone(t) : null;
  }

  async trainingHead(orgId: string): Promise<number> {
    await this.#read(1);
    return this.#org(orgId).gate.head;
  }

  feedHead(orgId: string): HeadHandle<number> {
    return memoryHead(`${orgId}/trainingMeta/head`, () => this.#org(orgId).gate.head);
  }

  async trainingsSince(orgId: string, version: number, limit: number): Promise<Training[]> {
    await tick();
    return memoryPage(this.env.reads, this.#org(orgId).trainings.values(), version, limit);
  }

  async applicationsOf(orgId: string, staffId: string): Promise<Application[]> {
    await tick();
    const mine = [...this.#org(orgId).applications.values()]
      .filter((a) => a.staffId === staffId)
      .sort((a, b) => a.version - b.version)
      .map((a) => ({ ...a }));
    this.env.reads.addQuery(mine.length);
    return mine;
  }

  async #read(documents: number): Promise<void> {
    await tick();
    this.env.reads.add(documents);
  }

  #org(orgId: string): OrgTrainings {
    let org = this.#orgs.get(orgId);
    if (!org) {
      org = { gate: emptyGate(), trainings: new Map(), applications: new Map() };
      this.#orgs.set(orgId, org);
    }
    return org;
  }
}
