/**
 * The in-memory form of the kit, for the twins. It keeps Firestore's shape where behaviour
 * depends on it: a read and its commit are separate asynchronous steps (so concurrent callers
 * interleave and really collide), a commit checks every create-if-absent first and then applies
 * all of its writes or none, and the twins store copies.
 */
import type { BatchedRead, HeadHandle } from './batch-read';
import type { ReadCounter } from './reads';
import {
  CONFLICT,
  linkedRecord,
  participationDocId,
  replayOutcome,
  retryVersioned,
  UNLINKED_RECORD,
  type Decision,
  type MutationOutcome,
  type MutationRecord,
  type RetryPolicy,
  type UnlinkedParticipation,
} from './versioned';

/** Lets other callers run between a read and a write, as a network round trip would. */
export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** One organisation's mutation records, shared by every feature: one id space for all kinds. */
export type MemoryMutations = Map<string, MutationRecord>;

/** A feature's version sequence: the head and the taken versions (each with its gate document). */
export interface MemoryGate<G = unknown> {
  head: number;
  versions: Map<number, G | undefined>;
}

export function emptyGate<G>(): MemoryGate<G> {
  return { head: 0, versions: new Map() };
}

/** What a memory attempt writes at `version`: `conflicts` is checked at commit, before anything is applied. */
export interface MemoryStage<G> {
  /** The gate document of this version (e.g. the directory's change); defaults to none. */
  gate?: G;
  /** A create-if-absent of the feature's own that another writer may have made meanwhile. */
  conflicts?: () => boolean;
  commit(version: number): void;
}

export interface MemoryWriteSpec<G> {
  policy: RetryPolicy;
  reads: ReadCounter;
  mutations: () => MemoryMutations;
  gate: () => MemoryGate<G>;
  mutationId: string;
  actor: string;
  appliedAt: () => string;
  unlinked?: UnlinkedParticipation & { participations: () => Set<string> };
  /** Runs right after the read (the head is as read); reads the twin's state synchronously. */
  decide(head: number): Decision<MemoryStage<G>>;
  /** Documents the attempt reads besides head and mutation record (for the read count). */
  extraReads?: number;
}

/** The versioned write on the twin; see versioned.ts for what it guarantees. */
export function memoryVersionedWrite<G>(spec: MemoryWriteSpec<G>): Promise<MutationOutcome> {
  return retryVersioned(spec.policy, async () => {
    await tick();
    spec.reads.add(2 + (spec.unlinked ? 1 : 0) + (spec.extraReads ?? 0));
    const mutations = spec.mutations();
    const gate = spec.gate();
    const head = gate.head;
    const existing = mutations.get(spec.mutationId);
    if (existing) return replayOutcome(existing, spec.actor);
    const participation = spec.unlinked ? participationDocId(spec.unlinked.scope, spec.unlinked.staffId) : null;
    if (spec.unlinked && participation && spec.unlinked.participations().has(participation))
      return { status: 'rejected', problem: spec.unlinked.refusal } as const;
    const decision = spec.decide(head);
    if ('rejected' in decision) return { status: 'rejected', problem: decision.rejected } as const;
    const record = spec.unlinked ? UNLINKED_RECORD : null;
    await tick();
    if (mutations.has(spec.mutationId)) return CONFLICT;
    if (participation && spec.unlinked?.participations().has(participation)) return CONFLICT;
    if ('unchanged' in decision) {
      mutations.set(spec.mutationId, record ?? linkedRecord(spec.actor, 0, spec.appliedAt()));
      if (participation) spec.unlinked?.participations().add(participation);
      return { status: 'applied', version: 0 } as const;
    }
    const version = head + 1;
    const stage = decision.write;
    if (gate.versions.has(version) || stage.conflicts?.()) return CONFLICT;
    gate.versions.set(version, stage.gate);
    mutations.set(spec.mutationId, record ?? linkedRecord(spec.actor, version, spec.appliedAt()));
    if (participation) spec.unlinked?.participations().add(participation);
    stage.commit(version);
    gate.head = version;
    return { status: 'applied', version } as const;
  });
}

/**
 * A write at the next version(s) that is not a client mutation (a settings change, an opt-out
 * re-log): `count` versions taken at once, committed by `commit(first)`.
 */
export function memoryVersionBump<G>(spec: {
  policy: RetryPolicy;
  reads: ReadCounter;
  gate: () => MemoryGate<G>;
  /** How many versions to take, decided after the read; 0 writes nothing. */
  decide(head: number): number;
  commit(first: number): void;
}): Promise<void> {
  return retryVersioned(spec.policy, async () => {
    await tick();
    spec.reads.add(1);
    const gate = spec.gate();
    const head = gate.head;
    const count = spec.decide(head);
    if (count === 0) return undefined;
    await tick();
    for (let k = 1; k <= count; k++) if (gate.versions.has(head + k)) return CONFLICT;
    for (let k = 1; k <= count; k++) gate.versions.set(head + k, undefined);
    spec.commit(head + 1);
    gate.head = head + count;
    return undefined;
  });
}

/** A head for the sync's batched read, read from the twin's state. */
export function memoryHead<H>(key: string, read: () => H): HeadHandle<H> {
  let box: { value: H } | null = null;
  const batched: BatchedRead = {
    backend: 'memory',
    key,
    take: () => {
      box = { value: read() };
    },
  };
  return {
    read: batched,
    value: () => {
      if (!box) throw new Error('the head was not read: pass its read to BatchReader.readAll first');
      return box.value;
    },
  };
}

/** Items with a version above `version`, in version order, at most `limit`: the twin's page query. */
export function memoryPage<T extends { version: number }>(
  reads: ReadCounter,
  items: Iterable<T>,
  version: number,
  limit: number,
): T[] {
  const page = [...items]
    .filter((x) => x.version > version)
    .sort((a, b) => a.version - b.version)
    .slice(0, limit)
    .map((x) => structuredClone(x));
  reads.addQuery(page.length);
  return page;
}

/**
 * A twin's organisations, each with its version sequence, and the reads every sequenced twin makes
 * of them: the head (one read), the head for the sync's batched read, the "changed since" page.
 * Written once here; the twins of the nominations and the trainings use it.
 */
export class MemoryOrgs<O extends { gate: MemoryGate }> {
  readonly #orgs = new Map<string, O>();

  /** `meta` is the adapter's head collection (its batched-read key is `{orgId}/{meta}/head`). */
  constructor(
    private readonly reads: ReadCounter,
    private readonly meta: string,
    private readonly fresh: () => O,
  ) {}

  /** The organisation's state, made empty on first use. */
  of(orgId: string): O {
    let org = this.#orgs.get(orgId);
    if (!org) {
      org = this.fresh();
      this.#orgs.set(orgId, org);
    }
    return org;
  }

  /** A round trip that fetches `documents` documents by id. */
  async read(documents: number): Promise<void> {
    await tick();
    this.reads.add(documents);
  }

  async head(orgId: string): Promise<number> {
    await this.read(1);
    return this.of(orgId).gate.head;
  }

  feedHead(orgId: string): HeadHandle<number> {
    return memoryHead(`${orgId}/${this.meta}/head`, () => this.of(orgId).gate.head);
  }

  async since<T extends { version: number }>(
    orgId: string,
    items: (org: O) => Iterable<T>,
    version: number,
    limit: number,
  ): Promise<T[]> {
    await tick();
    return memoryPage(this.reads, items(this.of(orgId)), version, limit);
  }
}
