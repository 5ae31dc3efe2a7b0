import type { OrgUnit } from '../../../../src/domain/org';
import type { DirectoryChange, SnapshotManifest } from '../../../../src/domain/protocol';
import type { StaffProfile } from '../../../../src/domain/staff';
import type { HeadHandle } from '../../kit/batch-read';
import { emptyGate, memoryHead, memoryPage, memoryVersionedWrite, tick, type MemoryGate } from '../../kit/memory';
import { CONFLICT, rejectWith, retryVersioned, type MutationOutcome, type RetryPolicy } from '../../kit/versioned';
import type { MemoryEnv } from '../stores';
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

interface OrgData {
  staff: Map<string, StaffProfile>;
  /** `staff`'s ids in order (listStaff), rebuilt when someone is added. */
  sortedIds: string[];
  units: OrgUnit[];
  /** The change log is the version gate: each version's gate document is its change. */
  log: MemoryGate<DirectoryChange>;
  snapshot: SnapshotManifest | null;
  logFloor: number;
  rosterDue: string | null;
  snapshots: Map<string, { manifest: SnapshotManifest; chunks: Uint8Array[] }>;
  photos: Map<string, StoredPhoto>;
}

/** The in-memory twin of the directory's Firestore adapter (kit/memory.ts says what it keeps of Firestore). */
export class MemoryDirectory implements DirectoryStore {
  readonly #orgs = new Map<string, OrgData>();

  constructor(
    private readonly env: MemoryEnv,
    readonly retry: RetryPolicy,
  ) {}

  async getStaff(orgId: string, staffId: string): Promise<StaffProfile | null> {
    await this.#read(1);
    const p = this.#org(orgId).staff.get(staffId);
    return p ? structuredClone(p) : null;
  }

  async putStaffBulk(orgId: string, profiles: readonly StaffProfile[]): Promise<void> {
    for (let i = 0; i < profiles.length; i += BULK_PROFILES_PER_BATCH) {
      const batch = profiles.slice(i, i + BULK_PROFILES_PER_BATCH).map((p) => structuredClone(p));
      await retryVersioned(this.retry, async () => {
        await this.#read(1);
        const org = this.#org(orgId);
        const head = org.log.head;
        await tick();
        const versions = batch.map((_, k) => head + 1 + k);
        if (versions.some((v) => org.log.versions.has(v))) return CONFLICT;
        batch.forEach((p, k) => {
          org.log.versions.set(head + 1 + k, changeOf(p, head + 1 + k));
          org.staff.set(p.id, p);
        });
        org.log.head = head + batch.length;
        return undefined;
      });
    }
  }

  async putUnitChanges(orgId: string, changes: { put: readonly OrgUnit[]; remove: readonly string[] }): Promise<void> {
    await retryVersioned(this.retry, async () => {
      await this.#read(2);
      const org = this.#org(orgId);
      const head = org.log.head;
      await tick();
      const logged = unitChanges(changes.put, changes.remove, head);
      if (logged.some((c) => org.log.versions.has(c.version))) return CONFLICT;
      for (const c of logged) org.log.versions.set(c.version, c);
      org.log.head = head + logged.length;
      org.units = withUnitChanges(org.units, structuredClone([...changes.put]), changes.remove);
      return undefined;
    });
  }

  async setRosterDue(orgId: string, due: string | null): Promise<void> {
    await tick();
    this.#org(orgId).rosterDue = due;
  }

  async listStaff(orgId: string, page: { afterId?: string; limit: number }): Promise<StaffProfile[]> {
    await tick();
    const org = this.#org(orgId);
    // Ids in order, kept while no one is added (profiles are never deleted): a page costs its own
    // size, as with Firestore's index, not a sort of the whole roster (which made listing 40,000
    // people quadratic on the twin).
    if (org.sortedIds.length !== org.staff.size) org.sortedIds = [...org.staff.keys()].sort();
    const ids = org.sortedIds;
    const after = page.afterId;
    let lo = 0;
    if (after !== undefined) {
      let hi = ids.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((ids[mid] ?? '') <= after) lo = mid + 1;
        else hi = mid;
      }
    }
    const out = ids.slice(lo, lo + page.limit).map((id) => structuredClone(org.staff.get(id) as StaffProfile));
    this.env.reads.addQuery(out.length);
    return out;
  }

  async putUnits(orgId: string, units: readonly OrgUnit[]): Promise<void> {
    await tick();
    this.#org(orgId).units = structuredClone([...units]);
  }

  async listUnits(orgId: string): Promise<OrgUnit[]> {
    await this.#read(1);
    return structuredClone(this.#org(orgId).units);
  }

  async getDirectoryMeta(orgId: string): Promise<DirectoryMeta> {
    await this.#read(1);
    return this.#meta(orgId);
  }

  directoryHead(orgId: string): HeadHandle<DirectoryMeta> {
    return memoryHead(`${orgId}/directory/meta`, () => this.#meta(orgId));
  }

  async putSnapshot(
    orgId: string,
    manifest: SnapshotManifest,
    chunks: readonly Uint8Array[],
  ): Promise<PutSnapshotResult> {
    await tick();
    const org = this.#org(orgId);
    org.snapshots.set(manifest.id, { manifest: structuredClone(manifest), chunks: chunks.map((c) => c.slice()) });
    await this.#read(1);
    const current = org.snapshot;
    if (current && current.version > manifest.version) return 'superseded';
    org.snapshot = structuredClone(manifest);
    return 'current';
  }

  async getSnapshotChunk(orgId: string, snapshotId: string, n: number): Promise<Uint8Array | null> {
    await this.#read(1);
    return this.#org(orgId).snapshots.get(snapshotId)?.chunks[n]?.slice() ?? null;
  }

  async changesSince(orgId: string, version: number, limit: number): Promise<DirectoryChange[]> {
    await tick();
    const changes = [...this.#org(orgId).log.versions.values()].flatMap((c) => (c ? [c] : []));
    return memoryPage(this.env.reads, changes, version, limit);
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
    return memoryVersionedWrite({
      policy: this.retry,
      reads: this.env.reads,
      mutations: () => this.env.mutations(orgId),
      gate: () => this.#org(orgId).log,
      mutationId,
      actor: actorStaffId,
      appliedAt: () => new Date().toISOString(),
      extraReads: 1,
      decide: (head) => {
        const current = this.#org(orgId).staff.get(actorStaffId);
        if (!current) return rejectWith(problem('directory.staffNotFound'));
        const next = apply(structuredClone(current));
        if (isRejection(next)) return rejectWith(next.rejected);
        const org = this.#org(orgId);
        const version = head + 1;
        return {
          write: {
            gate: changeOf(next, version),
            commit: () => void org.staff.set(next.id, structuredClone(next)),
          },
        };
      },
    });
  }

  async trimChanges(orgId: string, throughVersion: number): Promise<number> {
    await this.#read(1);
    const org = this.#org(orgId);
    assertTrimAllowed(this.#meta(orgId), throughVersion);
    org.logFloor = Math.max(org.logFloor, throughVersion);
    let deleted = 0;
    for (const v of [...org.log.versions.keys()]) {
      if (v <= throughVersion) deleted += org.log.versions.delete(v) ? 1 : 0;
    }
    return deleted;
  }

  async putPhoto(orgId: string, photo: StoredPhoto): Promise<void> {
    await tick();
    this.#org(orgId).photos.set(photo.id, copyPhoto(photo));
  }

  async getPhoto(orgId: string, photoId: string): Promise<StoredPhoto | null> {
    await this.#read(1);
    const photo = this.#org(orgId).photos.get(photoId);
    return photo ? copyPhoto(photo) : null;
  }

  #meta(orgId: string): DirectoryMeta {
    const org = this.#org(orgId);
    return structuredClone({
      snapshot: org.snapshot,
      headVersion: org.log.head,
      logFloor: org.logFloor,
      ...(org.rosterDue !== null && { rosterDue: org.rosterDue }),
    });
  }

  async #read(documents: number): Promise<void> {
    await tick();
    this.env.reads.add(documents);
  }

  #org(orgId: string): OrgData {
    let org = this.#orgs.get(orgId);
    if (!org) {
      org = {
        staff: new Map(),
        sortedIds: [],
        units: [],
        log: emptyGate(),
        snapshot: null,
        logFloor: 0,
        rosterDue: null,
        snapshots: new Map(),
        photos: new Map(),
      };
      this.#orgs.set(orgId, org);
    }
    return org;
  }
}

function copyPhoto(p: StoredPhoto): StoredPhoto {
  return { id: p.id, owner: p.owner, thumb: p.thumb.slice(), large: p.large.slice() };
}
