/**
 * The directory's store port on Cloud Firestore, through firebase-admin.
 *
 * Layout (one tree per organisation, so no query ever crosses organisations):
 *
 *   orgs/{orgId}/staff/{staffId}               StaffProfile; its `id` field equals the document id
 *   orgs/{orgId}/directory/meta                { headVersion, logFloor, snapshot: SnapshotManifest | null,
 *                                                rosterDue?: 'YYYY-MM-DD' | null (roster changes kept until a day) }
 *   orgs/{orgId}/directory/units               { units: OrgUnit[] }  (one document: a ward has hundreds, not thousands)
 *   orgs/{orgId}/changes/{000000000042}        { version: 42, op: 'put', record } | { version, op: 'remove', id }
 *                                              | { version, op: 'unit', unit } | { version, op: 'unitRemove', id }
 *   orgs/{orgId}/mutations/{mutationId}        MutationRecord (kit/versioned.ts), shared by every feature
 *   orgs/{orgId}/snapshots/{snapshotId}        SnapshotManifest
 *   orgs/{orgId}/snapshots/{snapshotId}/chunks/{n}   { data: Bytes }  (a gzipped encoded chunk, < 1 MiB)
 *   (every other feature's documents: see features/<name>/firestore.ts; the mutation records are shared)
 *   orgs/{orgId}/photos/{photoId}              { owner, thumb: Bytes, large: Bytes }  (WebP, < 170 KB together)
 *
 * Indexes: only Firestore's automatic single-field ones (`staff.id`, `changes.version`).
 *
 * Operations are restricted to what the local stand-in (@firestore-emulator/server) also does, so
 * the contract suite exercises this very code: no FieldValue.delete, cursors, offset, select,
 * collectionGroup, nested-field filters or BulkWriter. Two choices follow from the stand-in:
 * - Staff pages use a range on the `id` field, not on documentId(): the stand-in answers
 *   documentId() filters with nothing and orders by it wrongly. The two orders are the same here
 *   (ids are ASCII and equal the document ids), and the index is automatic.
 * - In every batch the create-if-absent writes come first (kit/firestore.ts says why).
 */
import type { DocumentReference, DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import * as v from 'valibot';
import { OrgUnitSchema, type OrgUnit } from '../../../../src/domain/org';
import { DirectoryChangeSchema, SnapshotManifestSchema } from '../../../../src/domain/protocol';
import type { DirectoryChange, SnapshotManifest } from '../../../../src/domain/protocol';
import { StaffProfileSchema, type StaffProfile } from '../../../../src/domain/staff';
import type { HeadHandle } from '../../kit/batch-read';
import {
  commitOrConflict,
  firestoreHead,
  firestorePage,
  firestoreVersionedWrite,
  readDoc,
  readQuery,
} from '../../kit/firestore';
import { rejectWith, retryVersioned, versionDocId, type MutationOutcome, type RetryPolicy } from '../../kit/versioned';
import type { FirestoreEnv } from '../stores';
import {
  BULK_PROFILES_PER_BATCH,
  assertTrimAllowed,
  changeOf,
  unitChanges,
  withUnitChanges,
  isRejection,
  type ApplyToProfile,
  type DirectoryMeta,
  type DirectoryStore,
  type PutSnapshotResult,
  type StoredPhoto,
} from './port';
import { problem } from '../../../../src/domain/problems';

const MetaSchema = v.object({
  headVersion: v.optional(v.number(), 0),
  logFloor: v.optional(v.number(), 0),
  snapshot: v.optional(v.nullable(SnapshotManifestSchema), null),
  rosterDue: v.optional(v.nullable(v.string()), null),
});
const UnitsDocSchema = v.object({ units: v.array(OrgUnitSchema) });
const ChunkDocSchema = v.object({ data: v.instance(Uint8Array) });
const PhotoDocSchema = v.object({ owner: v.string(), thumb: v.instance(Uint8Array), large: v.instance(Uint8Array) });

/** A Firestore document holds at most 1 MiB; the units list must leave room for its envelope. */
const MAX_UNITS_JSON_BYTES = 900_000;
/** A commit request carries at most 10 MiB; chunk batches stay well below. */
const MAX_BATCH_BYTES = 6 * 1024 * 1024;
const MAX_BATCH_WRITES = 500;

export class FirestoreDirectory implements DirectoryStore {
  private readonly db: Firestore;

  constructor(
    private readonly env: FirestoreEnv,
    readonly retry: RetryPolicy,
  ) {
    this.db = env.db;
  }

  async getStaff(orgId: string, staffId: string): Promise<StaffProfile | null> {
    return parseStaff(await readDoc(this.env.reads, this.#staffRef(orgId, staffId)));
  }

  async putStaffBulk(orgId: string, profiles: readonly StaffProfile[]): Promise<void> {
    for (let i = 0; i < profiles.length; i += BULK_PROFILES_PER_BATCH) {
      const slice = profiles.slice(i, i + BULK_PROFILES_PER_BATCH);
      await retryVersioned(this.retry, async () => {
        const head = (await this.getDirectoryMeta(orgId)).headVersion;
        const batch = this.db.batch();
        slice.forEach((p, k) => {
          const change: DirectoryChange = changeOf(p, head + 1 + k);
          batch.create(this.#changeRef(orgId, change.version), change);
        });
        for (const p of slice) batch.set(this.#staffRef(orgId, p.id), p);
        batch.set(this.#metaRef(orgId), { headVersion: head + slice.length }, { merge: true });
        return commitOrConflict(batch.commit());
      });
    }
  }

  async putUnitChanges(orgId: string, changes: { put: readonly OrgUnit[]; remove: readonly string[] }): Promise<void> {
    await retryVersioned(this.retry, async () => {
      const [meta, units] = await Promise.all([this.getDirectoryMeta(orgId), this.listUnits(orgId)]);
      const batch = this.db.batch();
      const logged = unitChanges(changes.put, changes.remove, meta.headVersion);
      for (const c of logged) batch.create(this.#changeRef(orgId, c.version), c);
      const next = withUnitChanges(units, changes.put, changes.remove);
      if (Buffer.byteLength(JSON.stringify(next)) > MAX_UNITS_JSON_BYTES)
        throw new RangeError('the unit list is too large for one document');
      batch.set(this.#org(orgId).collection('directory').doc('units'), { units: next });
      batch.set(this.#metaRef(orgId), { headVersion: meta.headVersion + logged.length }, { merge: true });
      return commitOrConflict(batch.commit());
    });
  }

  async setRosterDue(orgId: string, due: string | null): Promise<void> {
    // null, not a deleted field: the stand-in has no FieldValue.delete().
    await this.#metaRef(orgId).set({ rosterDue: due }, { merge: true });
  }

  async listStaff(orgId: string, page: { afterId?: string; limit: number }): Promise<StaffProfile[]> {
    let query = this.#org(orgId).collection('staff').orderBy('id').limit(page.limit);
    if (page.afterId !== undefined) query = query.where('id', '>', page.afterId);
    const snap = await readQuery(this.env.reads, query);
    return snap.docs.map((d) => v.parse(StaffProfileSchema, d.data()));
  }

  async putUnits(orgId: string, units: readonly OrgUnit[]): Promise<void> {
    const size = Buffer.byteLength(JSON.stringify(units));
    if (size > MAX_UNITS_JSON_BYTES)
      throw new RangeError(`the unit list is too large for one document (${size} bytes)`);
    await this.#org(orgId)
      .collection('directory')
      .doc('units')
      .set({ units: [...units] });
  }

  async listUnits(orgId: string): Promise<OrgUnit[]> {
    const snap = await readDoc(this.env.reads, this.#org(orgId).collection('directory').doc('units'));
    return snap.exists ? v.parse(UnitsDocSchema, snap.data()).units : [];
  }

  async getDirectoryMeta(orgId: string): Promise<DirectoryMeta> {
    return parseMeta(await readDoc(this.env.reads, this.#metaRef(orgId)));
  }

  directoryHead(orgId: string): HeadHandle<DirectoryMeta> {
    return firestoreHead(this.#metaRef(orgId), parseMeta);
  }

  async putSnapshot(
    orgId: string,
    manifest: SnapshotManifest,
    chunks: readonly Uint8Array[],
  ): Promise<PutSnapshotResult> {
    const snapshotRef = this.#org(orgId).collection('snapshots').doc(manifest.id);
    let batch = this.db.batch();
    let bytes = 0;
    let writes = 0;
    for (const [n, chunk] of chunks.entries()) {
      if (writes > 0 && (bytes + chunk.byteLength > MAX_BATCH_BYTES || writes === MAX_BATCH_WRITES)) {
        await batch.commit();
        batch = this.db.batch();
        bytes = 0;
        writes = 0;
      }
      batch.set(snapshotRef.collection('chunks').doc(String(n)), { data: chunk });
      bytes += chunk.byteLength;
      writes++;
    }
    batch.set(snapshotRef, manifest);
    await batch.commit();
    // Only now may readers see it. The check-and-flip is a transaction so that two rebuilds
    // racing cannot move the pointer backwards; the stand-in runs transactions without isolation,
    // so the contract suite proves the check but not the isolation.
    const metaRef = this.#metaRef(orgId);
    return this.db.runTransaction(async (tx) => {
      const current = parseMeta(await tx.get(metaRef)).snapshot;
      this.env.reads.add(1);
      if (current && current.version > manifest.version) return 'superseded';
      tx.set(metaRef, { snapshot: manifest }, { mergeFields: ['snapshot'] });
      return 'current';
    });
  }

  async getSnapshotChunk(orgId: string, snapshotId: string, n: number): Promise<Uint8Array | null> {
    const ref = this.#org(orgId).collection('snapshots').doc(snapshotId).collection('chunks').doc(String(n));
    const snap = await readDoc(this.env.reads, ref);
    return snap.exists ? v.parse(ChunkDocSchema, snap.data()).data : null;
  }

  changesSince(orgId: string, version: number, limit: number): Promise<DirectoryChange[]> {
    return firestorePage(this.env.reads, this.#org(orgId).collection('changes'), version, limit, (d) =>
      v.parse(DirectoryChangeSchema, d),
    );
  }

  async headVersion(orgId: string): Promise<number> {
    return (await this.getDirectoryMeta(orgId)).headVersion;
  }

  applyMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    apply: ApplyToProfile,
  ): Promise<MutationOutcome> {
    const staffRef = this.#staffRef(orgId, actorStaffId);
    return firestoreVersionedWrite({
      db: this.db,
      policy: this.retry,
      reads: this.env.reads,
      headRef: this.#metaRef(orgId),
      // The change log is the version gate: a change document per version.
      versionRef: (version) => this.#changeRef(orgId, version),
      mutationRef: this.#org(orgId).collection('mutations').doc(mutationId),
      actor: actorStaffId,
      appliedAt: () => new Date().toISOString(),
      // Read with the head: a profile read before a head that another writer then moved could be
      // stale and still win the next version.
      extra: [staffRef],
      decide: (head, [staffSnap]) => {
        const current = staffSnap ? parseStaff(staffSnap) : null;
        if (!current) return rejectWith(problem('directory.staffNotFound'));
        const next = apply(current);
        if (isRejection(next)) return rejectWith(next.rejected);
        const change: DirectoryChange = changeOf(next, head + 1);
        return { write: { gate: change, stage: (batch) => void batch.set(staffRef, next) } };
      },
    });
  }

  async trimChanges(orgId: string, throughVersion: number): Promise<number> {
    const meta = await this.getDirectoryMeta(orgId);
    assertTrimAllowed(meta, throughVersion);
    // The floor rises before anything is deleted, so the sync handler stops relying on these
    // changes first. Two trims racing could lower it again; trimming is a rare admin step.
    await this.#metaRef(orgId).set({ logFloor: Math.max(meta.logFloor, throughVersion) }, { merge: true });
    const changes = this.#org(orgId).collection('changes');
    let deleted = 0;
    for (;;) {
      const page = await readQuery(
        this.env.reads,
        changes.where('version', '<=', throughVersion).orderBy('version').limit(MAX_BATCH_WRITES),
      );
      if (page.empty) return deleted;
      const batch = this.db.batch();
      for (const d of page.docs) batch.delete(d.ref);
      await batch.commit();
      deleted += page.size;
    }
  }

  async putPhoto(orgId: string, photo: StoredPhoto): Promise<void> {
    const { owner, thumb, large } = photo;
    await this.#org(orgId).collection('photos').doc(photo.id).set({ owner, thumb, large });
  }

  async getPhoto(orgId: string, photoId: string): Promise<StoredPhoto | null> {
    const snap = await readDoc(this.env.reads, this.#org(orgId).collection('photos').doc(photoId));
    if (!snap.exists) return null;
    const { owner, thumb, large } = v.parse(PhotoDocSchema, snap.data());
    // firebase-admin hands back Buffers; copies make plain Uint8Arrays, as the port promises.
    return { id: photoId, owner, thumb: new Uint8Array(thumb), large: new Uint8Array(large) };
  }

  #org(orgId: string): DocumentReference {
    return this.db.collection('orgs').doc(orgId);
  }

  #metaRef(orgId: string): DocumentReference {
    return this.#org(orgId).collection('directory').doc('meta');
  }

  #staffRef(orgId: string, staffId: string): DocumentReference {
    return this.#org(orgId).collection('staff').doc(staffId);
  }

  #changeRef(orgId: string, version: number): DocumentReference {
    return this.#org(orgId).collection('changes').doc(versionDocId(version));
  }
}

function parseMeta(snap: DocumentSnapshot): DirectoryMeta {
  if (!snap.exists) return { snapshot: null, headVersion: 0, logFloor: 0 };
  const { rosterDue, ...meta } = v.parse(MetaSchema, snap.data());
  return { ...meta, ...(rosterDue !== null && { rosterDue }) };
}

function parseStaff(snap: DocumentSnapshot): StaffProfile | null {
  return snap.exists ? v.parse(StaffProfileSchema, snap.data()) : null;
}
