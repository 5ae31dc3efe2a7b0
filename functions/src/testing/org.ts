/** A seeded organisation on the in-memory store, for handler and API tests. */
import { gunzipSync } from 'node:zlib';
import { decodeChunk } from '../../../src/domain/directory-codec';
import { parseDirectoryRecord, type DirectoryRecord } from '../../../src/domain/staff';
import { seedOrganisation } from '../features/directory/seed';
import { createMemoryStores } from '../features';
import type { ServerStores } from '../features/stores';
import { freshOrgId, makeProfiles, UNITS } from './fixtures';
import type { StaffProfile } from '../../../src/domain/staff';

export async function seededOrg(staff: number | StaffProfile[]): Promise<{ store: ServerStores; orgId: string }> {
  const store = createMemoryStores();
  const orgId = freshOrgId();
  await seedOrganisation(store, {
    orgId,
    units: UNITS,
    staff: typeof staff === 'number' ? makeProfiles(staff) : staff,
  });
  return { store, orgId };
}

/** Every record of the current snapshot, decoded and validated as the client would. */
export async function readSnapshot(store: ServerStores, orgId: string): Promise<DirectoryRecord[]> {
  const manifest = (await store.directory.getDirectoryMeta(orgId)).snapshot;
  if (!manifest) throw new Error('no snapshot');
  const records: DirectoryRecord[] = [];
  for (let n = 0; n < manifest.chunkCount; n++) {
    const gz = await store.directory.getSnapshotChunk(orgId, manifest.id, n);
    if (!gz) throw new Error(`chunk ${n} missing`);
    records.push(...decodeChunk(JSON.parse(gunzipSync(gz).toString('utf8')), { check: parseDirectoryRecord }));
  }
  return records;
}
