import type { OrgUnit } from '../../../src/domain/org';
import type { DirectoryChange, SnapshotManifest } from '../../../src/domain/protocol';
import { toDirectoryRecord, type StaffProfile } from '../../../src/domain/staff';
import {
  BULK_PROFILES_PER_BATCH,
  assertTrimAllowed,
  MESSAGES,
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
import { CONFLICT, retryOnVersionConflict } from './retry';
import type { CommunityIntent } from '../../../src/domain/communities';
import { MemoryCommunities } from './community-memory';
import { emptyRecognitionOrg, MemoryNotifications, type MemoryRecognitionOrg } from './notification-memory';
import { MemoryYells } from './yell-memory';
import type { NotificationItem } from './notification-port';
import type { YellContext, YellIntent } from './yell-port';
import type { RecognitionSettings } from '../../../src/domain/yells';
import { MemoryNominations } from './nomination-memory';
import type { Award, NominationContext, NominationIntent } from '../../../src/domain/nominations';

/**
 * The in-memory twin of the Firestore adapter, for handler tests and the contract suite. It keeps
 * Firestore's shape where behaviour depends on it: reads and commits are separate asynchronous
 * steps (so concurrent callers interleave and really collide), a commit checks every
 * create-if-absent first and then applies all of its writes or none, and stored values are
 * copies (a caller mutating what it passed or got back changes nothing stored).
 */
export class MemoryStore implements Store {
  readonly #orgs = new Map<string, OrgData>();
  /** Communities (D6) live apart but share the mutation records, so an id is applied once across kinds. */
  readonly #communities = new MemoryCommunities((orgId) => this.#org(orgId).mutations);

  applyCommunityMutation(orgId: string, mutationId: string, actorStaffId: string, intent: CommunityIntent) {
    return this.#communities.applyCommunityMutation(orgId, mutationId, actorStaffId, intent);
  }

  communityHead(orgId: string) {
    return this.#communities.communityHead(orgId);
  }

  communitiesSince(orgId: string, version: number, limit: number) {
    return this.#communities.communitiesSince(orgId, version, limit);
  }

  /**
   * エール (R1-R4) and notifications (P4) share one version sequence per organisation, and the
   * mutation records with every other kind.
   */
  readonly #recognition = new Map<string, MemoryRecognitionOrg>();
  readonly #recognitionOf = (orgId: string): MemoryRecognitionOrg => {
    let org = this.#recognition.get(orgId);
    if (!org) {
      org = emptyRecognitionOrg();
      this.#recognition.set(orgId, org);
    }
    return org;
  };
  readonly #yells = new MemoryYells((orgId) => this.#org(orgId).mutations, this.#recognitionOf);
  readonly #notifications = new MemoryNotifications(this.#recognitionOf);

  applyYellMutation(orgId: string, mutationId: string, actorStaffId: string, intent: YellIntent, context: YellContext) {
    return this.#yells.applyYellMutation(orgId, mutationId, actorStaffId, intent, context);
  }

  yellHead(orgId: string) {
    return this.#yells.yellHead(orgId);
  }

  yellsSince(orgId: string, viewer: string, version: number, limit: number) {
    return this.#yells.yellsSince(orgId, viewer, version, limit);
  }

  getYells(orgId: string, ids: readonly string[]) {
    return this.#yells.getYells(orgId, ids);
  }

  getYellFeedOptOut(orgId: string) {
    return this.#yells.getYellFeedOptOut(orgId);
  }

  setYellFeedOptOut(orgId: string, staffId: string, optOut: boolean) {
    return this.#yells.setYellFeedOptOut(orgId, staffId, optOut);
  }

  getRecognitionSettings(orgId: string) {
    return this.#yells.getRecognitionSettings(orgId);
  }

  putRecognitionSettings(orgId: string, settings: RecognitionSettings) {
    return this.#yells.putRecognitionSettings(orgId, settings);
  }

  getYellScope(orgId: string, scope: string) {
    return this.#yells.getYellScope(orgId, scope);
  }

  getYellPerson(orgId: string, staffId: string, day: string) {
    return this.#yells.getYellPerson(orgId, staffId, day);
  }

  addNotifications(orgId: string, items: readonly NotificationItem[]) {
    return this.#notifications.addNotifications(orgId, items);
  }

  notificationsSince(orgId: string, recipient: string, version: number, limit: number) {
    return this.#notifications.notificationsSince(orgId, recipient, version, limit);
  }

  /** Commendations (C1-C3) share the mutation records too. */
  readonly #nominations = new MemoryNominations((orgId) => this.#org(orgId).mutations);

  applyNominationMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: NominationIntent,
    ctx: NominationContext,
  ) {
    return this.#nominations.applyNominationMutation(orgId, mutationId, actorStaffId, intent, ctx);
  }

  getNomination(orgId: string, nominationId: string) {
    return this.#nominations.getNomination(orgId, nominationId);
  }

  nominationHead(orgId: string) {
    return this.#nominations.nominationHead(orgId);
  }

  nominationsSince(orgId: string, version: number, limit: number) {
    return this.#nominations.nominationsSince(orgId, version, limit);
  }

  nominationAudit(orgId: string, nominationId: string) {
    return this.#nominations.nominationAudit(orgId, nominationId);
  }

  getAwards(orgId: string) {
    return this.#nominations.getAwards(orgId);
  }

  putAwards(orgId: string, awards: readonly Award[]) {
    return this.#nominations.putAwards(orgId, awards);
  }

  async getStaff(orgId: string, staffId: string): Promise<StaffProfile | null> {
    await tick();
    const p = this.#org(orgId).staff.get(staffId);
    return p ? structuredClone(p) : null;
  }

  async putStaffBulk(orgId: string, profiles: readonly StaffProfile[]): Promise<void> {
    for (let i = 0; i < profiles.length; i += BULK_PROFILES_PER_BATCH) {
      const batch = profiles.slice(i, i + BULK_PROFILES_PER_BATCH).map((p) => structuredClone(p));
      await retryOnVersionConflict(async () => {
        const head = await this.headVersion(orgId);
        await tick();
        return this.#commit(orgId, {
          changes: batch.map((p, k) => ({ op: 'put', version: head + 1 + k, record: toDirectoryRecord(p) })),
          staff: batch,
        });
      });
    }
  }

  async listStaff(orgId: string, page: { afterId?: string; limit: number }): Promise<StaffProfile[]> {
    await tick();
    const after = page.afterId;
    return [...this.#org(orgId).staff.values()]
      .filter((p) => after === undefined || p.id > after)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, page.limit)
      .map((p) => structuredClone(p));
  }

  async putUnits(orgId: string, units: readonly OrgUnit[]): Promise<void> {
    await tick();
    this.#org(orgId).units = structuredClone([...units]);
  }

  async listUnits(orgId: string): Promise<OrgUnit[]> {
    await tick();
    return structuredClone(this.#org(orgId).units);
  }

  async getDirectoryMeta(orgId: string): Promise<DirectoryMeta> {
    await tick();
    return structuredClone(this.#org(orgId).meta);
  }

  async putSnapshot(
    orgId: string,
    manifest: SnapshotManifest,
    chunks: readonly Uint8Array[],
  ): Promise<PutSnapshotResult> {
    await tick();
    const org = this.#org(orgId);
    org.snapshots.set(manifest.id, { manifest: structuredClone(manifest), chunks: chunks.map((c) => c.slice()) });
    await tick();
    const current = org.meta.snapshot;
    if (current && current.version > manifest.version) return 'superseded';
    org.meta.snapshot = structuredClone(manifest);
    return 'current';
  }

  async getSnapshotChunk(orgId: string, snapshotId: string, n: number): Promise<Uint8Array | null> {
    await tick();
    return this.#org(orgId).snapshots.get(snapshotId)?.chunks[n]?.slice() ?? null;
  }

  async changesSince(orgId: string, version: number, limit: number): Promise<DirectoryChange[]> {
    await tick();
    return [...this.#org(orgId).changes.values()]
      .filter((c) => c.version > version)
      .sort((a, b) => a.version - b.version)
      .slice(0, limit)
      .map((c) => structuredClone(c));
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
    return retryOnVersionConflict(async () => {
      await tick();
      // One consistent read of head, mutation record and profile, like the adapter's getAll.
      const org = this.#org(orgId);
      const head = org.meta.headVersion;
      const existing = org.mutations.get(mutationId);
      const current = org.staff.get(actorStaffId);
      if (existing) return replayOutcome(existing, actorStaffId);
      if (!current) return { status: 'rejected', message: MESSAGES.staffNotFound } as const;
      const next = apply(structuredClone(current));
      if (isRejection(next)) return { status: 'rejected', message: next.rejected } as const;
      const version = head + 1;
      await tick();
      const committed = this.#commit(orgId, {
        changes: [{ op: 'put', version, record: toDirectoryRecord(next) }],
        staff: [structuredClone(next)],
        mutation: { id: mutationId, record: { actor: actorStaffId, version, appliedAt: new Date().toISOString() } },
      });
      return committed === CONFLICT ? CONFLICT : ({ status: 'applied', version } as const);
    });
  }

  async trimChanges(orgId: string, throughVersion: number): Promise<number> {
    await tick();
    const org = this.#org(orgId);
    assertTrimAllowed(org.meta, throughVersion);
    org.meta.logFloor = Math.max(org.meta.logFloor, throughVersion);
    let deleted = 0;
    for (const v of [...org.changes.keys()]) {
      if (v <= throughVersion) deleted += org.changes.delete(v) ? 1 : 0;
    }
    return deleted;
  }

  async putPhoto(orgId: string, photo: StoredPhoto): Promise<void> {
    await tick();
    this.#org(orgId).photos.set(photo.id, copyPhoto(photo));
  }

  async getPhoto(orgId: string, photoId: string): Promise<StoredPhoto | null> {
    await tick();
    const photo = this.#org(orgId).photos.get(photoId);
    return photo ? copyPhoto(photo) : null;
  }

  /**
   * One atomic write, as a Firestore batch: the change creates and the mutation create are
   * checked before anything is applied. Changes must be consecutive from head + 1.
   */
  #commit(
    orgId: string,
    w: { changes: DirectoryChange[]; staff: StaffProfile[]; mutation?: { id: string; record: MutationRecord } },
  ): typeof CONFLICT | void {
    const org = this.#org(orgId);
    if (w.changes.some((c) => org.changes.has(c.version))) return CONFLICT;
    if (w.mutation && org.mutations.has(w.mutation.id)) return CONFLICT;
    for (const c of w.changes) org.changes.set(c.version, c);
    for (const p of w.staff) org.staff.set(p.id, p);
    if (w.mutation) org.mutations.set(w.mutation.id, w.mutation.record);
    const last = w.changes.at(-1);
    if (last) org.meta.headVersion = last.version;
  }

  #org(orgId: string): OrgData {
    let org = this.#orgs.get(orgId);
    if (!org) {
      org = {
        staff: new Map(),
        units: [],
        meta: { snapshot: null, headVersion: 0, logFloor: 0 },
        changes: new Map(),
        mutations: new Map(),
        snapshots: new Map(),
        photos: new Map(),
      };
      this.#orgs.set(orgId, org);
    }
    return org;
  }
}

interface OrgData {
  staff: Map<string, StaffProfile>;
  units: OrgUnit[];
  meta: DirectoryMeta;
  changes: Map<number, DirectoryChange>;
  mutations: Map<string, MutationRecord>;
  snapshots: Map<string, { manifest: SnapshotManifest; chunks: Uint8Array[] }>;
  photos: Map<string, StoredPhoto>;
}

function copyPhoto(p: StoredPhoto): StoredPhoto {
  return { id: p.id, owner: p.owner, thumb: p.thumb.slice(), large: p.large.slice() };
}

/** Lets other callers run between a read and a write, as a network round trip would. */
function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
