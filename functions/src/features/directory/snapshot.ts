import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import * as v from 'valibot';
import { CHUNK_SIZE, encodeChunk, splitIntoChunks } from '../../../../src/domain/directory-codec';
import { JOB_LEVELS, type JobLevel } from '../../../../src/domain/org';
import { SnapshotManifestSchema, type SnapshotManifest } from '../../../../src/domain/protocol';
import { toDirectoryRecord, type DirectoryRecord, type StaffProfile } from '../../../../src/domain/staff';
import type { ServerStores } from '../stores';
import type { PutSnapshotResult } from './port';

/**
 * A chunk is stored as one Firestore document, which holds at most 1 MiB including its name and
 * field names; this leaves room for those. At about 60 bytes a person a chunk of 1,000 is near
 * 60 KB, so reaching this means something is badly wrong (e.g. the codec stopped compressing).
 */
export const MAX_CHUNK_BYTES = 1_000_000;
const STAFF_PAGE = 1000;

export interface BuildSnapshotOptions {
  now?: Date;
  maxChunkBytes?: number;
}

export interface BuiltSnapshot {
  manifest: SnapshotManifest;
  /** 'superseded' when a newer snapshot became current while this one was being built. */
  status: PutSnapshotResult;
}

/**
 * Materialises what everyone may see of everyone into gzipped chunks, and makes it current.
 *
 * The head version is read before the profiles: a change that lands while the profiles are read
 * may then be both in the snapshot and after its version, and a device replays it on top, which
 * is harmless because a change carries the whole record. Read the other way round, a change
 * could be missing from the snapshot and also below its version, and would be lost.
 */
export async function buildDirectorySnapshot(
  store: Pick<ServerStores, 'directory'>,
  orgId: string,
  options: BuildSnapshotOptions = {},
): Promise<BuiltSnapshot> {
  const version = (await store.directory.getDirectoryMeta(orgId)).headVersion;
  // A retired person (roster import) is kept on the server, out of the directory.
  const records = (await readAllStaff(store, orgId))
    .filter((p) => p.status !== 'retired')
    .map(toDirectoryRecord)
    .sort(compareForChunks);
  const maxBytes = options.maxChunkBytes ?? MAX_CHUNK_BYTES;
  const chunks = splitIntoChunks(records, CHUNK_SIZE).map((slice, n) => {
    const gz = gzipSync(JSON.stringify(encodeChunk(slice)), { level: 9 });
    if (gz.byteLength >= maxBytes) {
      throw new RangeError(`snapshot chunk ${n} is ${gz.byteLength} bytes gzipped, over the ${maxBytes} byte limit`);
    }
    return gz;
  });
  const manifest = v.parse(SnapshotManifestSchema, {
    // Unguessable, so a chunk URL seen in a log does not lead to the next snapshot's.
    id: `v${version}-${randomBytes(9).toString('base64url')}`,
    version,
    chunkCount: chunks.length,
    staffCount: records.length,
    createdAt: (options.now ?? new Date()).toISOString(),
  });
  const status = await store.directory.putSnapshot(orgId, manifest, chunks);
  return { manifest, status };
}

async function readAllStaff(store: Pick<ServerStores, 'directory'>, orgId: string): Promise<StaffProfile[]> {
  const all: StaffProfile[] = [];
  let afterId: string | undefined;
  for (;;) {
    const page = await store.directory.listStaff(
      orgId,
      afterId === undefined ? { limit: STAFF_PAGE } : { afterId, limit: STAFF_PAGE },
    );
    all.push(...page);
    const last = page.at(-1);
    if (page.length < STAFF_PAGE || !last) return all;
    afterId = last.id;
  }
}

const LEVEL_ORDER = new Map<JobLevel, number>(JOB_LEVELS.map((level, i) => [level, i]));

/**
 * Unit, then seniority, then reading, then id: a total order, so the same directory always
 * gives the same chunks. Strings compare by code unit, not by locale, because collation tables
 * differ between Node versions and would reshuffle chunks after a runtime upgrade.
 */
export function compareForChunks(a: DirectoryRecord, b: DirectoryRecord): number {
  return (
    compareStrings(a.unitId, b.unitId) ||
    (LEVEL_ORDER.get(a.jobLevel) ?? 0) - (LEVEL_ORDER.get(b.jobLevel) ?? 0) ||
    compareStrings(a.familyKana, b.familyKana) ||
    compareStrings(a.givenKana, b.givenKana) ||
    compareStrings(a.id, b.id)
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
