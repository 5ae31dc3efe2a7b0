/**
 * The Firestore form of the kit, for the adapters. Operations are restricted to what the local
 * stand-in (@firestore-emulator/server) also does, so the contract suites exercise this very code.
 *
 * In every batch the create-if-absent writes come first. Real Firestore applies a batch all or
 * nothing; the stand-in applies writes one by one and stops at the first refused one. With the
 * refusable writes first, a refused batch leaves nothing behind there too.
 */
import {
  FieldValue,
  type CollectionReference,
  type DocumentData,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type Query,
  type QuerySnapshot,
  type WriteBatch,
} from 'firebase-admin/firestore';
import * as v from 'valibot';
import type { BatchedRead, HeadHandle } from './batch-read';
import type { ReadCounter } from './reads';
import {
  CONFLICT,
  HeadSchema,
  linkedRecord,
  MutationRecordSchema,
  participationDocId,
  replayOutcome,
  retryVersioned,
  UNLINKED_RECORD,
  versionDocId,
  type Conflict,
  type Decision,
  type MutationOutcome,
  type RetryPolicy,
  type UnlinkedParticipation,
} from './versioned';

/** gRPC status of a refused create(). */
export const ALREADY_EXISTS = 6;

/** A refused create means another writer got there first: the attempt re-runs with fresh reads. */
export async function commitOrConflict(commit: Promise<unknown>): Promise<Conflict | undefined> {
  try {
    await commit;
    return undefined;
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === ALREADY_EXISTS)
      return CONFLICT;
    throw error;
  }
}

/** Counted reads: what Firestore bills (see reads.ts). */
export async function readDoc(reads: ReadCounter, ref: DocumentReference): Promise<DocumentSnapshot> {
  const snap = await ref.get();
  reads.add(1);
  return snap;
}

export async function readDocs(
  reads: ReadCounter,
  db: Firestore,
  refs: readonly DocumentReference[],
): Promise<DocumentSnapshot[]> {
  if (refs.length === 0) return [];
  const snaps = await db.getAll(...refs);
  reads.add(refs.length);
  return snaps;
}

export async function readQuery(reads: ReadCounter, query: Query): Promise<QuerySnapshot> {
  const snap = await query.get();
  reads.addQuery(snap.size);
  return snap;
}

export function parseHeadVersion(snap: DocumentSnapshot | undefined): number {
  return snap?.exists ? v.parse(HeadSchema, snap.data()).headVersion : 0;
}

/** A head for the sync's batched read. */
export function firestoreHead<H>(ref: DocumentReference, parse: (snap: DocumentSnapshot) => H): HeadHandle<H> {
  let box: { value: H } | null = null;
  const batched: BatchedRead = {
    backend: 'firestore',
    ref,
    take: (snap) => {
      box = { value: parse(snap) };
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

/** What an attempt writes at `version`, after the kit's creates (gate, record, participation). */
export interface FirestoreStage {
  /** Fields of the gate document besides `version`. */
  gate?: DocumentData;
  stage(batch: WriteBatch, version: number): void;
}

export interface FirestoreWriteSpec {
  db: Firestore;
  policy: RetryPolicy;
  reads: ReadCounter;
  headRef: DocumentReference;
  versionRef: (version: number) => DocumentReference;
  mutationRef: DocumentReference;
  actor: string;
  appliedAt: () => string;
  unlinked?: UnlinkedParticipation & { participations: CollectionReference };
  /** Read in the same getAll as the head and the record: one consistent read. */
  extra?: readonly DocumentReference[];
  decide(head: number, extra: readonly DocumentSnapshot[], headSnap: DocumentSnapshot): Decision<FirestoreStage>;
}

/** The versioned write on Firestore; see versioned.ts for what it guarantees. */
export function firestoreVersionedWrite(spec: FirestoreWriteSpec): Promise<MutationOutcome> {
  const participationRef = spec.unlinked
    ? spec.unlinked.participations.doc(participationDocId(spec.unlinked.scope, spec.unlinked.staffId))
    : null;
  return retryVersioned(spec.policy, async () => {
    // One getAll is one consistent read: whatever commits after it takes the version this attempt
    // wants, so a stale read cannot win.
    const refs = [
      spec.headRef,
      spec.mutationRef,
      ...(participationRef ? [participationRef] : []),
      ...(spec.extra ?? []),
    ];
    const snaps = await readDocs(spec.reads, spec.db, refs);
    const [headSnap, mutationSnap] = snaps;
    if (!headSnap || !mutationSnap) throw new Error('getAll answered fewer documents than asked');
    if (mutationSnap.exists) return replayOutcome(v.parse(MutationRecordSchema, mutationSnap.data()), spec.actor);
    const extra = snaps.slice(participationRef ? 3 : 2);
    if (spec.unlinked && snaps[2]?.exists) return { status: 'rejected', problem: spec.unlinked.refusal } as const;
    const head = parseHeadVersion(headSnap);
    const decision = spec.decide(head, extra, headSnap);
    if ('rejected' in decision) return { status: 'rejected', problem: decision.rejected } as const;
    const batch = spec.db.batch();
    const record = (version: number) =>
      spec.unlinked ? UNLINKED_RECORD : linkedRecord(spec.actor, version, spec.appliedAt());
    // Only the bare participation: no version, no time, nothing the content also holds.
    const participate = () => {
      if (participationRef && spec.unlinked)
        batch.create(participationRef, { scope: spec.unlinked.scope, staffId: spec.unlinked.staffId });
    };
    if ('unchanged' in decision) {
      batch.create(spec.mutationRef, record(0));
      participate();
      return (await commitOrConflict(batch.commit())) ?? ({ status: 'applied', version: 0 } as const);
    }
    const version = head + 1;
    // Refusable creates first: the gate (another writer took this version: re-read and retry),
    // the record (the same id landed meanwhile: the re-read answers duplicate), the participation.
    batch.create(spec.versionRef(version), { ...decision.write.gate, version });
    batch.create(spec.mutationRef, record(version));
    participate();
    decision.write.stage(batch, version);
    batch.set(spec.headRef, { headVersion: version }, { merge: true });
    return (await commitOrConflict(batch.commit())) ?? ({ status: 'applied', version } as const);
  });
}

/**
 * A write at the next version(s) that is not a client mutation (a settings change, an opt-out
 * re-log): `count` versions taken at once; `stage` writes the content, the kit the gates and head.
 */
export function firestoreVersionBump(spec: {
  db: Firestore;
  policy: RetryPolicy;
  reads: ReadCounter;
  headRef: DocumentReference;
  versionRef: (version: number) => DocumentReference;
  /** How many versions to take (0 writes nothing), and what to write at them. */
  decide(
    head: number,
    headSnap: DocumentSnapshot,
  ): Promise<{ count: number; gate?: DocumentData; stage?(batch: WriteBatch, first: number): void }>;
}): Promise<void> {
  return retryVersioned(spec.policy, async () => {
    const headSnap = await readDoc(spec.reads, spec.headRef);
    const head = parseHeadVersion(headSnap);
    const plan = await spec.decide(head, headSnap);
    if (plan.count === 0) return undefined;
    const batch = spec.db.batch();
    for (let k = 1; k <= plan.count; k++) batch.create(spec.versionRef(head + k), { ...plan.gate, version: head + k });
    plan.stage?.(batch, head + 1);
    batch.set(spec.headRef, { headVersion: head + plan.count }, { merge: true });
    return commitOrConflict(batch.commit());
  });
}

/** Items with a version above `version`, in version order, at most `limit`. */
export async function firestorePage<T>(
  reads: ReadCounter,
  collection: Query,
  version: number,
  limit: number,
  parse: (data: unknown) => T,
): Promise<T[]> {
  const snap = await readQuery(reads, collection.where('version', '>', version).orderBy('version').limit(limit));
  return snap.docs.map((d) => parse(d.data()));
}

/** Firestore refuses `undefined` field values; optional fields that are absent are left out. */
export function withoutUndefined<T extends object>(x: T): T {
  // The filtered entries are the object's own, so the result has T's shape minus absent keys.
  return Object.fromEntries(Object.entries(x).filter(([, value]) => value !== undefined)) as T;
}

/**
 * FieldValue from the firebase-admin copy that made `db`: the seed script and the stack tests
 * use the repo root's copy, the functions their own, and one copy refuses another's sentinels
 * ("Couldn't serialize object of type NumericIncrementTransform"). @google-cloud/firestore hangs
 * its exports on the Firestore constructor, so the instance leads to its own FieldValue.
 */
export function fieldValueFor(db: Firestore): typeof FieldValue {
  // The constructor's static members are not in its type; this reads one that the package sets.
  const own = (db.constructor as unknown as { FieldValue?: typeof FieldValue }).FieldValue;
  return own ?? FieldValue;
}

/**
 * A feature's version sequence on Firestore: `orgs/{orgId}/{meta}/head` and
 * `orgs/{orgId}/{versions}/{000000000042}`, and the reads every sequenced adapter makes of it.
 * Written once here; the adapters of the nominations and the trainings use it.
 */
export class FirestoreSequence {
  constructor(
    private readonly db: Firestore,
    private readonly reads: ReadCounter,
    private readonly names: { meta: string; versions: string },
  ) {}

  org(orgId: string): DocumentReference {
    return this.db.collection('orgs').doc(orgId);
  }

  headRef(orgId: string): DocumentReference {
    return this.org(orgId).collection(this.names.meta).doc('head');
  }

  versionRef(orgId: string, version: number): DocumentReference {
    return this.org(orgId).collection(this.names.versions).doc(versionDocId(version));
  }

  /** What a versioned write or a version bump of this sequence needs besides its own fields. */
  writeSpec(orgId: string): Pick<FirestoreWriteSpec, 'db' | 'reads' | 'headRef' | 'versionRef'> {
    return {
      db: this.db,
      reads: this.reads,
      headRef: this.headRef(orgId),
      versionRef: (version) => this.versionRef(orgId, version),
    };
  }

  async head(orgId: string): Promise<number> {
    return parseHeadVersion(await readDoc(this.reads, this.headRef(orgId)));
  }

  feedHead(orgId: string): HeadHandle<number> {
    return firestoreHead(this.headRef(orgId), parseHeadVersion);
  }

  /** Documents of `collection` changed since `version`, in version order. */
  since<T>(orgId: string, collection: string, version: number, limit: number, parse: (data: unknown) => T) {
    return firestorePage(this.reads, this.org(orgId).collection(collection), version, limit, parse);
  }
}
