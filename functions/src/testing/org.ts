/** A seeded organisation on the in-memory store, for handler and API tests. */
import { gunzipSync } from 'node:zlib';
import { decodeChunk } from '../../../src/domain/directory-codec';
import { parseDirectoryRecord, type DirectoryRecord } from '../../../src/domain/staff';
import { seedOrganisation } from '../handlers/seed-organisation';
import { MemoryStore } from '../store/memory';
import type { Store } from '../store/port';
import { freshOrgId, makeProfiles, UNITS } from './fixtures';
import type { StaffProfile } from '../../../src/domain/staff';

export async function seededOrg(staff: number | StaffProfile[]): Promise<{ store: MemoryStore; orgId: string }> {
  const store = new MemoryStore();
  const orgId = freshOrgId();
  await seedOrganisation(store, {
    orgId,
    units: UNITS,
    staff: typeof staff === 'number' ? makeProfiles(staff) : staff,
  });
  return { store, orgId };
}

/** Every record of the current snapshot, decoded and validated as the client would. */
export async function readSnapshot(store: Store, orgId: string): Promise<DirectoryRecord[]> {
  const manifest = (await store.getDirectoryMeta(orgId)).snapshot;
  if (!manifest) throw new Error('no snapshot');
  const records: DirectoryRecord[] = [];
  for (let n = 0; n < manifest.chunkCount; n++) {
    const gz = await store.getSnapshotChunk(orgId, manifest.id, n);
    if (!gz) throw new Error(`chunk ${n} missing`);
    records.push(...decodeChunk(JSON.parse(gunzipSync(gz).toString('utf8')), { check: parseDirectoryRecord }));
  }
  return records;
}
