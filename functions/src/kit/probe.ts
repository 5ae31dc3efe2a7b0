/**
 * A tiny feature built on the kit, in both forms, for the kit's own contract (kit.contract.ts):
 * tallies `{ id, value }` that take versions, written by client mutations, optionally unlinked.
 * Test code only.
 */
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';
import * as v from 'valibot';
import { problem } from '../../../src/domain/problems';
import { FirestoreBatchReader, MemoryBatchReader, type BatchReader, type HeadHandle } from './batch-read';
import { FirestoreCounters, MemoryCounters, type Counts } from './counters';
import { firestoreHead, firestorePage, firestoreVersionedWrite, parseHeadVersion } from './firestore';
import {
  emptyGate,
  memoryHead,
  memoryPage,
  memoryVersionedWrite,
  tick,
  type MemoryGate,
  type MemoryMutations,
} from './memory';
import { ReadCounter } from './reads';
import { rejectWith, UNCHANGED, versionDocId, type MutationOutcome, type RetryPolicy } from './versioned';

export interface Tally {
  id: string;
  value: number;
  version: number;
}

/** `value` 'refuse' is refused; the same value as stored changes nothing. */
export interface TallyIntent {
  id: string;
  value: number | 'refuse';
}

export const ALREADY_TOOK_PART = problem('probe.alreadyTookPart');

export interface KitProbe {
  reads: ReadCounter;
  reader: BatchReader;
  retry: RetryPolicy;
  apply(
    orgId: string,
    mutationId: string,
    actor: string,
    intent: TallyIntent,
    unlinkedScope?: string,
  ): Promise<MutationOutcome>;
  since(orgId: string, version: number, limit: number): Promise<Tally[]>;
  head(orgId: string): HeadHandle<number>;
  count(orgId: string, counter: string, version: number, delta: Counts): Promise<void>;
  counts(orgId: string, counter: string): Promise<Counts>;
  /** Everything stored for `orgId`, as plain values: what the unlinked test inspects. */
  stored(
    orgId: string,
  ): Promise<{ mutations: unknown[]; participations: unknown[]; tallies: unknown[]; gates: unknown[] }>;
}

export class MemoryProbe implements KitProbe {
  readonly reads = new ReadCounter();
  readonly reader = new MemoryBatchReader(this.reads);
  readonly #orgs = new Map<
    string,
    { gate: MemoryGate; mutations: MemoryMutations; participations: Set<string>; tallies: Map<string, Tally> }
  >();
  readonly #counters = new MemoryCounters(this.reads);

  constructor(readonly retry: RetryPolicy) {}

  apply(orgId: string, mutationId: string, actor: string, intent: TallyIntent, unlinkedScope?: string) {
    const org = this.#org(orgId);
    return memoryVersionedWrite({
      policy: this.retry,
      reads: this.reads,
      mutations: () => org.mutations,
      gate: () => org.gate,
      mutationId,
      actor,
      appliedAt: () => new Date().toISOString(),
      ...(unlinkedScope !== undefined && {
        unlinked: {
          scope: unlinkedScope,
          staffId: actor,
          refusal: ALREADY_TOOK_PART,
          participations: () => org.participations,
        },
      }),
      extraReads: 1,
      decide: () => {
        if (intent.value === 'refuse') return rejectWith(problem('probe.refused'));
        const value = intent.value;
        if (org.tallies.get(intent.id)?.value === value) return UNCHANGED;
        return {
          write: { commit: (version: number) => void org.tallies.set(intent.id, { id: intent.id, value, version }) },
        };
      },
    });
  }

  async since(orgId: string, version: number, limit: number) {
    await tick();
    return memoryPage(this.reads, this.#org(orgId).tallies.values(), version, limit);
  }

  head(orgId: string) {
    return memoryHead(`${orgId}/meta/head`, () => this.#org(orgId).gate.head);
  }

  async count(orgId: string, counter: string, _version: number, delta: Counts) {
    await tick();
    this.#counters.increment(`${orgId}/${counter}`, delta);
  }

  async counts(orgId: string, counter: string) {
    await tick();
    return this.#counters.read([`${orgId}/${counter}`])[0] ?? {};
  }

  async stored(orgId: string) {
    const org = this.#org(orgId);
    return structuredClone({
      mutations: [...org.mutations.values()],
      participations: [...org.participations],
      tallies: [...org.tallies.values()],
      gates: [...org.gate.versions.entries()],
    });
  }

  #org(orgId: string) {
    let org = this.#orgs.get(orgId);
    if (!org) {
      org = { gate: emptyGate(), mutations: new Map(), participations: new Set(), tallies: new Map() };
      this.#orgs.set(orgId, org);
    }
    return org;
  }
}

const TallySchema = v.object({ id: v.string(), value: v.number(), version: v.number() });

export class FirestoreProbe implements KitProbe {
  readonly reads = new ReadCounter();
  readonly reader: BatchReader;
  readonly #counters: FirestoreCounters;

  constructor(
    private readonly db: Firestore,
    readonly retry: RetryPolicy,
  ) {
    this.reader = new FirestoreBatchReader(db, this.reads);
    this.#counters = new FirestoreCounters(db, this.reads);
  }

  apply(orgId: string, mutationId: string, actor: string, intent: TallyIntent, unlinkedScope?: string) {
    const org = this.#org(orgId);
    const tallyRef = org.collection('tallies').doc(intent.id);
    return firestoreVersionedWrite({
      db: this.db,
      policy: this.retry,
      reads: this.reads,
      headRef: org.collection('meta').doc('head'),
      versionRef: (version) => org.collection('versions').doc(versionDocId(version)),
      mutationRef: org.collection('mutations').doc(mutationId),
      actor,
      appliedAt: () => new Date().toISOString(),
      ...(unlinkedScope !== undefined && {
        unlinked: {
          scope: unlinkedScope,
          staffId: actor,
          refusal: ALREADY_TOOK_PART,
          participations: org.collection('participations'),
        },
      }),
      extra: [tallyRef],
      decide: (_head, [tallySnap]) => {
        if (intent.value === 'refuse') return rejectWith(problem('probe.refused'));
        const value = intent.value;
        if (tallySnap?.exists && v.parse(TallySchema, tallySnap.data()).value === value) return UNCHANGED;
        return { write: { stage: (batch, version) => void batch.set(tallyRef, { id: intent.id, value, version }) } };
      },
    });
  }

  since(orgId: string, version: number, limit: number) {
    return firestorePage(this.reads, this.#org(orgId).collection('tallies'), version, limit, (d) =>
      v.parse(TallySchema, d),
    );
  }

  head(orgId: string) {
    return firestoreHead(this.#org(orgId).collection('meta').doc('head'), parseHeadVersion);
  }

  async count(orgId: string, counter: string, version: number, delta: Counts) {
    const batch = this.db.batch();
    this.#counters.increment(batch, this.#org(orgId).collection('counters').doc(counter), version, delta);
    await batch.commit();
  }

  async counts(orgId: string, counter: string) {
    const [c] = await this.#counters.read([this.#org(orgId).collection('counters').doc(counter)]);
    return c ?? {};
  }

  async stored(orgId: string) {
    const org = this.#org(orgId);
    const all = async (name: string) => (await org.collection(name).get()).docs.map((d) => d.data());
    return {
      mutations: await all('mutations'),
      participations: (await org.collection('participations').get()).docs.map((d) => d.id),
      tallies: await all('tallies'),
      gates: await all('versions'),
    };
  }

  #org(orgId: string): DocumentReference {
    return this.db.collection('kit').doc(orgId);
  }
}
