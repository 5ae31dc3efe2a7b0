import type { DirectorySyncResponse } from '../../../../src/domain/protocol';
import type { ServerStores } from '../stores';
import type { DirectoryMeta } from './port';
import { HandlerError } from '../../api/errors';
import { problem } from '../../../../src/domain/problems';
import { inlineFirstChunk } from './chunk';

/** Changes per answer: about 500 records is some 250 KB of JSON, one quick response. */
export const SYNC_PAGE_SIZE = 500;
/**
 * Past this many changes behind, a device is sent the snapshot instead: a few chunk reads
 * (about 60 bytes a person, gzipped) beat a thousand change reads of whole JSON records.
 */
export const MAX_CHANGE_LAG = 1000;

export interface SyncQuery {
  /** The snapshot the device holds, or null when it has none. */
  snapshotId: string | null;
  /** The version the device has applied up to, or null when it has none. */
  version: number | null;
}

export interface SyncOptions {
  pageSize?: number;
  maxLag?: number;
}

/**
 * Answers "what changed since version V": up to date, the next page of changes, or "take the
 * snapshot". Versions are global across snapshots (one change log), so a device that holds an
 * older snapshot can still catch up by changes; the snapshot is only a shortcut.
 */
export async function syncDirectory(
  store: ServerStores,
  orgId: string,
  query: SyncQuery,
  options: SyncOptions = {},
): Promise<DirectorySyncResponse> {
  return directoryAnswer(store, orgId, await store.directory.getDirectoryMeta(orgId), query, options);
}

/** The same answer from a directory head already read (the /sync handler's batched read). */
export async function directoryAnswer(
  store: ServerStores,
  orgId: string,
  meta: DirectoryMeta,
  query: SyncQuery,
  options: SyncOptions = {},
): Promise<DirectorySyncResponse> {
  const pageSize = options.pageSize ?? SYNC_PAGE_SIZE;
  const maxLag = options.maxLag ?? MAX_CHANGE_LAG;
  const snapshot = meta.snapshot;
  if (!snapshot) {
    throw new HandlerError(503, problem('directory.notReady'));
  }
  const takeSnapshot = async (): Promise<DirectorySyncResponse> => {
    // The first chunk rides along (issue 22): a new device paints its first screen from this answer.
    const [units, firstChunk] = await Promise.all([
      store.directory.listUnits(orgId),
      inlineFirstChunk(store, orgId, snapshot),
    ]);
    return { kind: 'snapshot', snapshot, units, ...(firstChunk ? { firstChunk } : {}) };
  };

  const v = query.version;
  if (query.snapshotId === null || v === null) return takeSnapshot();
  // Ahead of the server: the device's copy came from data that no longer exists (a reseed).
  if (v > meta.headVersion) return takeSnapshot();
  // The log no longer holds what comes right after v.
  if (v < meta.logFloor) return takeSnapshot();
  // Far behind, and the snapshot would actually move the device forward.
  if (meta.headVersion - v > maxLag && snapshot.version > v) return takeSnapshot();
  if (v === meta.headVersion) return { kind: 'upToDate', version: v };

  const changes = await store.directory.changesSince(orgId, v, pageSize);
  const last = changes.at(-1);
  if (!last) {
    // The head says there is more but the log has none: only possible if the log was damaged.
    // A snapshot heals the device if it is newer; otherwise there is nothing better to give.
    return snapshot.version > v ? takeSnapshot() : { kind: 'upToDate', version: v };
  }
  return {
    kind: 'changes',
    changes,
    version: last.version,
    more: changes.length === pageSize && last.version < meta.headVersion,
  };
}
