/**
 * The Store port on Cloud Firestore, through firebase-admin.
 *
 * Layout (one tree per organisation, so no query ever crosses organisations):
 *
 *   orgs/{orgId}/staff/{staffId}               StaffProfile; its `id` field equals the document id
 *   orgs/{orgId}/directory/meta                { headVersion, logFloor, snapshot: SnapshotManifest | null }
 *   orgs/{orgId}/directory/units               { units: OrgUnit[] }  (one document: a ward has hundreds, not thousands)
 *   orgs/{orgId}/changes/{000000000042}        { version: 42, op: 'put', record } | { version, op: 'remove', id }
 *   orgs/{orgId}/mutations/{mutationId}        { actor, version, appliedAt }
 *   orgs/{orgId}/snapshots/{snapshotId}        SnapshotManifest
 *   orgs/{orgId}/snapshots/{snapshotId}/chunks/{n}   { data: Bytes }  (a gzipped encoded chunk, < 1 MiB)
 *   orgs/{orgId}/communities/…, communityMembers/…, communityVersions/…, communityMeta/head: see community-firestore.ts
 *   orgs/{orgId}/yells/…, yellClaps/…, yellVersions/…, yellMeta/…, yellScopes/…, yellPeople/…, yellDaily/…: see yell-firestore.ts
 *   orgs/{orgId}/inboxes/{staffId}/notifications/…: see notification-firestore.ts
 *   orgs/{orgId}/nominations/…, nominationEndorsements/…, nominationVersions/…, nominationAudit/…: see nomination-firestore.ts
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
 * - In every batch the create-if-absent writes come first. Real Firestore applies a batch all or
 *   nothing; the stand-in applies writes one by one and stops at the first refused one. With the
 *   refusable writes first, a refused batch leaves nothing behind there too.
 */
import type { DocumentReference, DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import * as v from 'valibot';
import { OrgUnitSchema, type OrgUnit } from '../../../src/domain/org';
import { DirectoryChangeSchema, SnapshotManifestSchema } from '../../../src/domain/protocol';
import type { DirectoryChange, SnapshotManifest } from '../../../src/domain/protocol';
import { StaffProfileSchema, toDirectoryRecord, type StaffProfile } from '../../../src/domain/staff';
import {
  BULK_PROFILES_PER_BATCH,
  MESSAGES,
  assertTrimAllowed,
  isRejection,
  replayOutcome,
  type ApplyToProfile,
  type DirectoryMeta,
  type MutationOutcome,
  type MutationRecord,
  type PutSnapshotResult,
  type Store,
  type StoredPhoto,
} from './port';
import { CONFLICT, retryOnVersionConflict, versionDocId } from './retry';
import type { CommunityIntent } from '../../../src/domain/communities';
import { FirestoreCommunities } from './community-firestore';
import { FirestoreNotifications } from './notification-firestore';
import { FirestoreYells } from './yell-firestore';
import type { NotificationItem } from './notification-port';
import type { YellContext, YellIntent } from './yell-port';
import type { RecognitionSettings } from '../../../src/domain/yells';
import { FirestoreNominations } from './nomination-firestore';
import type { Award, NominationContext, NominationIntent } from '../../../src/domain/nominations';

const MetaSchema = v.object({
  headVersion: v.optional(v.number(), 0),
  logFloor: v.optional(v.number(), 0),
  snapshot: v.optional(v.nullable(SnapshotManifestSchema), null),
});
const UnitsDocSchema = v.object({ units: v.array(OrgUnitSchema) });
const MutationRecordSchema = v.object({ actor: v.string(), version: v.number(), appliedAt: v.string() });
const ChunkDocSchema = v.object({ data: v.instance(Uint8Array) });
const PhotoDocSchema = v.object({ owner: v.string(), thumb: v.instance(Uint8Array), large: v.instance(Uint8Array) });

/** A Firestore document holds at most 1 MiB; the units list must leave room for its envelope. */
const MAX_UNITS_JSON_BYTES = 900_000;
/** A commit request carries at most 10 MiB; chunk batches stay well below. */
const MAX_BATCH_BYTES = 6 * 1024 * 1024;
const MAX_BATCH_WRITES = 500;
/** gRPC status of a refused create(). */
const ALREADY_EXISTS = 6;

export class FirestoreStore implements Store {
  constructor(private readonly db: Firestore) {}

  /** Communities (D6): their documents and writes are in community-firestore.ts. */
  applyCommunityMutation(orgId: string, mutationId: string, actorStaffId: string, intent: CommunityIntent) {
    return new FirestoreCommunities(this.db).applyCommunityMutation(orgId, mutationId, actorStaffId, intent);
  }

  communityHead(orgId: string) {
    return new FirestoreCommunities(this.db).communityHead(orgId);
  }

  communitiesSince(orgId: string, version: number, limit: number) {
    return new FirestoreCommunities(this.db).communitiesSince(orgId, version, limit);
  }

  /** エール (R1-R4) and notifications (P4): their documents and writes are in yell-firestore.ts and notification-firestore.ts. */
  applyYellMutation(orgId: string, mutationId: string, actorStaffId: string, intent: YellIntent, context: YellContext) {
    return new FirestoreYells(this.db).applyYellMutation(orgId, mutationId, actorStaffId, intent, context);
  }

  yellHead(orgId: string) {
    return new FirestoreYells(this.db).yellHead(orgId);
  }

  yellsSince(orgId: string, viewer: string, version: number, limit: number) {
    return new FirestoreYells(this.db).yellsSince(orgId, viewer, version, limit);
  }

  getYells(orgId: string, ids: readonly string[]) {
    return new FirestoreYells(this.db).getYells(orgId, ids);
  }

  getYellFeedOptOut(orgId: string) {
    return new FirestoreYells(this.db).getYellFeedOptOut(orgId);
  }

  setYellFeedOptOut(orgId: string, staffId: string, optOut: boolean) {
    return new FirestoreYells(this.db).setYellFeedOptOut(orgId, staffId, optOut);
  }

  getRecognitionSettings(orgId: string) {
    return new FirestoreYells(this.db).getRecognitionSettings(orgId);
  }

  putRecognitionSettings(orgId: string, settings: RecognitionSettings) {
    return new FirestoreYells(this.db).putRecognitionSettings(orgId, settings);
  }

  getYellScope(orgId: string, scope: string) {
    return new FirestoreYells(this.db).getYellScope(orgId, scope);
  }

  getYellPerson(orgId: string, staffId: string, day: string) {
    return new FirestoreYells(this.db).getYellPerson(orgId, staffId, day);
  }

  addNotifications(orgId: string, items: readonly NotificationItem[]) {
    return new FirestoreNotifications(this.db).addNotifications(orgId, items);
  }

  notificationsSince(orgId: string, recipient: string, version: number, limit: number) {
    return new FirestoreNotifications(this.db).notificationsSince(orgId, recipient, version, limit);
  }

  /** Commendations (C1-C3): their documents and writes are in nomination-firestore.ts. */
  applyNominationMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: NominationIntent,
    ctx: NominationContext,
  ) {
    return new FirestoreNominations(this.db).applyNominationMutation(orgId, mutationId, actorStaffId, intent, ctx);
  }

  getNomination(orgId: string, nominationId: string) {
    return new FirestoreNominations(this.db).getNomination(orgId, nominationId);
  }

  nominationHead(orgId: string) {
    return new FirestoreNominations(this.db).nominationHead(orgId);
  }

  nominationsSince(orgId: string, version: number, limit: number) {
    return new FirestoreNominations(this.db).nominationsSince(orgId, version, limit);
  }

  nominationAudit(orgId: string, nominationId: string) {
    return new FirestoreNominations(this.db).nominationAudit(orgId, nominationId);
  }

  getAwards(orgId: string) {
    return new FirestoreNominations(this.db).getAwards(orgId);
  }

  putAwards(orgId: string, awards: readonly Award[]) {
    return new FirestoreNominations(this.db).putAwards(orgId, awards);
  }

  async getStaff(orgId: string, staffId: string): Promise<StaffProfile | null> {
    return parseStaff(await this.#staffRef(orgId, staffId).get());
  }

  async putStaffBulk(orgId: string, profiles: readonly StaffProfile[]): Promise<void> {
    for (let i = 0; i < profiles.length; i += BULK_PROFILES_PER_BATCH) {
      const slice = profiles.slice(i, i + BULK_PROFILES_PER_BATCH);
      await retryOnVersionConflict(async () => {
        const head = (await this.getDirectoryMeta(orgId)).headVersion;
        const batch = this.db.batch();
        slice.forEach((p, k) => {
          const change: DirectoryChange = { op: 'put', version: head + 1 + k, record: toDirectoryRecord(p) };
          batch.create(this.#changeRef(orgId, change.version), change);
        });
        for (const p of slice) batch.set(this.#staffRef(orgId, p.id), p);
        batch.set(this.#metaRef(orgId), { headVersion: head + slice.length }, { merge: true });
        return commitOrConflict(batch.commit());
      });
    }
  }

  async listStaff(orgId: string, page: { afterId?: string; limit: number }): Promise<StaffProfile[]> {
    let query = this.#org(orgId).collection('staff').orderBy('id').limit(page.limit);
    if (page.afterId !== undefined) query = query.where('id', '>', page.afterId);
    const snap = await query.get();
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
    const snap = await this.#org(orgId).collection('directory').doc('units').get();
    return snap.exists ? v.parse(UnitsDocSchema, snap.data()).units : [];
  }

  async getDirectoryMeta(orgId: string): Promise<DirectoryMeta> {
    return parseMeta(await this.#metaRef(orgId).get());
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
      if (current && current.version > manifest.version) return 'superseded';
      tx.set(metaRef, { snapshot: manifest }, { mergeFields: ['snapshot'] });
      return 'current';
    });
  }

  async getSnapshotChunk(orgId: string, snapshotId: string, n: number): Promise<Uint8Array | null> {
    const ref = this.#org(orgId).collection('snapshots').doc(snapshotId).collection('chunks').doc(String(n));
    const snap = await ref.get();
    return snap.exists ? v.parse(ChunkDocSchema, snap.data()).data : null;
  }

  async changesSince(orgId: string, version: number, limit: number): Promise<DirectoryChange[]> {
    const snap = await this.#org(orgId)
      .collection('changes')
      .where('version', '>', version)
      .orderBy('version')
      .limit(limit)
      .get();
    return snap.docs.map((d) => v.parse(DirectoryChangeSchema, d.data()));
  }

  async headVersion(orgId: string): Promise<number> {
    return (await this.getDirectoryMeta(orgId)).headVersion;
  }

  async applyMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    apply: ApplyToProfile,
  ): Promise<MutationOutcome> {
    const metaRef = this.#metaRef(orgId);
    const mutationRef = this.#org(orgId).collection('mutations').doc(mutationId);
    const staffRef = this.#staffRef(orgId, actorStaffId);
    return retryOnVersionConflict(async () => {
      // One getAll is one consistent read of the three. Were they separate reads, the head would
      // have to be read first: a profile read before a head that another writer then moved could
      // be stale and still win the next version.
      const [metaSnap, mutationSnap, staffSnap] = await this.db.getAll(metaRef, mutationRef, staffRef);
      if (mutationSnap?.exists) return replayOutcome(v.parse(MutationRecordSchema, mutationSnap.data()), actorStaffId);
      const current = staffSnap ? parseStaff(staffSnap) : null;
      if (!current) return { status: 'rejected', message: MESSAGES.staffNotFound } as const;
      const next = apply(current);
      if (isRejection(next)) return { status: 'rejected', message: next.rejected } as const;
      const version = (metaSnap ? parseMeta(metaSnap) : emptyMeta()).headVersion + 1;
      const change: DirectoryChange = { op: 'put', version, record: toDirectoryRecord(next) };
      const record: MutationRecord = { actor: actorStaffId, version, appliedAt: new Date().toISOString() };
      const batch = this.db.batch();
      // Refusable writes first (see the top of this file). A refused change create means another
      // writer took this version: re-read everything and try again. A refused mutation create
      // means the same id landed meanwhile: the re-read then answers duplicate.
      batch.create(this.#changeRef(orgId, version), change);
      batch.create(mutationRef, record);
      batch.set(staffRef, next);
      batch.set(metaRef, { headVersion: version }, { merge: true });
      const committed = await commitOrConflict(batch.commit());
      return committed === CONFLICT ? CONFLICT : ({ status: 'applied', version } as const);
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
      const page = await changes
        .where('version', '<=', throughVersion)
        .orderBy('version')
        .limit(MAX_BATCH_WRITES)
        .get();
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
    const snap = await this.#org(orgId).collection('photos').doc(photoId).get();
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

function emptyMeta(): DirectoryMeta {
  return { snapshot: null, headVersion: 0, logFloor: 0 };
}

function parseMeta(snap: DocumentSnapshot): DirectoryMeta {
  return snap.exists ? v.parse(MetaSchema, snap.data()) : emptyMeta();
}

function parseStaff(snap: DocumentSnapshot): StaffProfile | null {
  return snap.exists ? v.parse(StaffProfileSchema, snap.data()) : null;
}

async function commitOrConflict(commit: Promise<unknown>): Promise<typeof CONFLICT | void> {
  try {
    await commit;
  } catch (error) {
    if (isAlreadyExists(error)) return CONFLICT;
    throw error;
  }
}

function isAlreadyExists(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === ALREADY_EXISTS;
}
