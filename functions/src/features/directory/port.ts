import type { OrgUnit } from '../../../../src/domain/org';
import type { DirectoryChange, SnapshotManifest } from '../../../../src/domain/protocol';
import { toDirectoryRecord, type StaffProfile } from '../../../../src/domain/staff';
import type { HeadHandle } from '../../kit/batch-read';
import type { RetryPolicy } from '../../kit/versioned';
import type { MutationOutcome } from '../../kit/versioned';
import type { Problem } from '../../../../src/domain/problems';

/**
 * The directory's store port: profiles, the change log, snapshots and photos, in the domain's
 * terms. Two implementations that must behave alike, proven by one contract suite (contract.ts):
 * the Firestore adapter (firestore.ts) and an in-memory twin (memory.ts).
 *
 * Invariants every implementation keeps:
 * - Every write of a staff profile appends one change to the directory log, in the same atomic
 *   write, with the next version. Versions are unique, consecutive integers, so a page of
 *   "version > V, ordered by version, limit N" can never cut through equal keys, and any two
 *   writers that read the same head collide on the same version: the loser re-reads and retries,
 *   which is what prevents lost updates on a profile (no transaction is needed for it).
 * - Every change with a version above `logFloor` is in the log (trimming raises the floor first).
 * - A snapshot's chunks are all written before the directory points at it.
 */
export interface DirectoryStore {
  /** The feature's retry policy; twin and adapter use the same one (the drift test checks). */
  readonly retry: RetryPolicy;
  getStaff(orgId: string, staffId: string): Promise<StaffProfile | null>;
  /**
   * Writes whole profiles (seeding, roster import), each logged as a `put` change. Written in
   * batches of at most 500 operations: each batch is atomic, the whole call is not, and a retry
   * of the whole call is harmless (it logs the profiles again).
   */
  putStaffBulk(orgId: string, profiles: readonly StaffProfile[]): Promise<void>;
  /**
   * Changes units (renamed, added, abolished) and logs each as a change, so devices get them in
   * their next change page: one atomic write with the unit list (issue 21).
   */
  putUnitChanges(orgId: string, changes: { put: readonly OrgUnit[]; remove: readonly string[] }): Promise<void>;
  /**
   * The day the earliest roster change kept on the server takes effect (`YYYY-MM-DD`, JST), or
   * null: kept in the directory's head so the /sync that reads the head anyway sees when one is due.
   */
  setRosterDue(orgId: string, due: string | null): Promise<void>;
  /** Profiles in id order, `limit` at a time, starting after `afterId`. */
  listStaff(orgId: string, page: { afterId?: string; limit: number }): Promise<StaffProfile[]>;
  /** Replaces the organisation's unit tree. */
  putUnits(orgId: string, units: readonly OrgUnit[]): Promise<void>;
  listUnits(orgId: string): Promise<OrgUnit[]>;
  /** One read: the sync handler answers "up to date" with this alone. */
  getDirectoryMeta(orgId: string): Promise<DirectoryMeta>;
  /** The same document, for the /sync handler's batched read of every feed's head. */
  directoryHead(orgId: string): HeadHandle<DirectoryMeta>;
  /**
   * Stores the chunks, then makes the manifest current, unless a snapshot of a higher version
   * is already current (two rebuilds racing must not move the directory backwards).
   */
  putSnapshot(orgId: string, manifest: SnapshotManifest, chunks: readonly Uint8Array[]): Promise<PutSnapshotResult>;
  getSnapshotChunk(orgId: string, snapshotId: string, n: number): Promise<Uint8Array | null>;
  /** Changes with a version above `version`, in version order, at most `limit`. */
  changesSince(orgId: string, version: number, limit: number): Promise<DirectoryChange[]>;
  headVersion(orgId: string): Promise<number>;
  /**
   * Applies one client mutation to the actor's own profile, exactly once per mutation id: the
   * mutation record (create-if-absent), the profile and the change are one atomic write.
   * `apply` may run more than once (after a version collision) and must be pure.
   */
  applyMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    apply: ApplyToProfile,
  ): Promise<MutationOutcome>;
  /**
   * Drops changes up to `throughVersion` (not beyond the current snapshot's version: a device
   * taking that snapshot must still find every later change). Returns how many were deleted.
   */
  trimChanges(orgId: string, throughVersion: number): Promise<number>;
  /**
   * Stores a profile photo under its id. The id is a hash of the owner and the bytes, so writing
   * one id again writes the same thing, and a replayed upload is harmless.
   */
  putPhoto(orgId: string, photo: StoredPhoto): Promise<void>;
  getPhoto(orgId: string, photoId: string): Promise<StoredPhoto | null>;
}

/** A profile photo as two WebP images (D5); who may see it is decided from the owner's profile. */
export interface StoredPhoto {
  id: string;
  owner: string;
  thumb: Uint8Array;
  large: Uint8Array;
}

export interface DirectoryMeta {
  /** The snapshot new and far-behind devices take; null until the first one is built. */
  snapshot: SnapshotManifest | null;
  /** The highest version in the change log; 0 before any change. */
  headVersion: number;
  /** Every change with a higher version is still in the log. */
  logFloor: number;
  /** The earliest day a roster change kept on the server is due (roster import); absent when none. */
  rosterDue?: string;
}

/**
 * A profile's change in the log: a retired person (roster import) leaves the directory, so their
 * write is logged as a removal; everyone else as their record.
 */
export function changeOf(p: StaffProfile, version: number): DirectoryChange {
  return p.status === 'retired'
    ? { op: 'remove', version, id: p.id }
    : { op: 'put', version, record: toDirectoryRecord(p) };
}

/** A unit change in the log. */
export function unitChanges(put: readonly OrgUnit[], remove: readonly string[], head: number): DirectoryChange[] {
  return [
    ...put.map((unit, k): DirectoryChange => ({ op: 'unit', version: head + 1 + k, unit: { ...unit } })),
    ...remove.map((id, k): DirectoryChange => ({ op: 'unitRemove', version: head + 1 + put.length + k, id })),
  ];
}

/** The unit list after the changes (a put replaces the unit of its id or adds it). */
export function withUnitChanges(
  units: readonly OrgUnit[],
  put: readonly OrgUnit[],
  remove: readonly string[],
): OrgUnit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const u of put) byId.set(u.id, { ...u });
  for (const id of remove) byId.delete(id);
  return [...byId.values()];
}

export type PutSnapshotResult = 'current' | 'superseded';

export interface Rejection {
  readonly rejected: Problem;
}
export const reject = (refusal: Problem): Rejection => ({ rejected: refusal });
export const isRejection = (x: StaffProfile | Rejection): x is Rejection => 'rejected' in x;

export type ApplyToProfile = (current: StaffProfile) => StaffProfile | Rejection;

/** Trimming past the current snapshot would strand devices. */
export function assertTrimAllowed(meta: DirectoryMeta, throughVersion: number): void {
  const limit = meta.snapshot?.version ?? 0;
  if (!Number.isInteger(throughVersion) || throughVersion < 0 || throughVersion > limit) {
    throw new RangeError(`cannot trim the change log through ${throughVersion}: the current snapshot is at ${limit}`);
  }
}

/** Batches hold at most 500 operations; a bulk batch writes a profile, its change, and the head. */
export const BULK_PROFILES_PER_BATCH = 200;
