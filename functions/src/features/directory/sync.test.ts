import { describe, expect, it } from 'vitest';
import type { DirectorySyncResponse } from '../../../../src/domain/protocol';
import { createMemoryStores } from '..';
import type { ServerStores } from '../stores';
import { claimsFor, freshOrgId, mutationId, staffId } from '../../testing/fixtures';
import { seededOrg } from '../../testing/org';
import { buildDirectorySnapshot } from './snapshot';
import { MAX_CHANGE_LAG, SYNC_PAGE_SIZE, syncDirectory } from './sync';
import { HandlerError } from '../../api/errors';
import { pushMutations } from '../../handlers/push-mutations';

async function edit(store: ServerStores, orgId: string, count: number, actor = 0, tag = 'e'): Promise<void> {
  for (let i = 0; i < count; i++) {
    await store.directory.applyMutation(orgId, mutationId(`${tag}${i}`), staffId(actor), (p) => ({
      ...p,
      intro: `${tag}${i}`,
    }));
  }
}

function kindOf(r: DirectorySyncResponse): string {
  return r.kind;
}

describe('syncDirectory', () => {
  it('sends a device with no snapshot the current snapshot and the unit list', async () => {
    const { store, orgId } = await seededOrg(5);
    const r = await syncDirectory(store, orgId, { snapshotId: null, version: null });
    expect(r.kind).toBe('snapshot');
    if (r.kind !== 'snapshot') return;
    expect(r.snapshot.staffCount).toBe(5);
    expect(r.snapshot.version).toBe(await store.directory.headVersion(orgId));
    expect(r.units.map((u) => u.id)).toContain('kakari-0');
  });

  it('tells a device at the head that it is up to date', async () => {
    const { store, orgId } = await seededOrg(5);
    const meta = await store.directory.getDirectoryMeta(orgId);
    const r = await syncDirectory(store, orgId, { snapshotId: meta.snapshot?.id ?? null, version: meta.headVersion });
    expect(r).toEqual({ kind: 'upToDate', version: meta.headVersion });
  });

  it('gives a device one version behind exactly the change it lacks, an own-profile edit pushed by its owner', async () => {
    const { store, orgId } = await seededOrg(5);
    const meta = await store.directory.getDirectoryMeta(orgId);
    const push = await pushMutations(store, claimsFor(2, 'staff', orgId), {
      mutations: [
        {
          kind: 'profile.update',
          id: mutationId('intro'),
          createdAt: '2025-04-01T09:00:00.000Z',
          patch: { intro: 'よろしくお願いします' },
        },
      ],
    });
    expect(push.results).toEqual([{ id: mutationId('intro'), status: 'applied' }]);
    const r = await syncDirectory(store, orgId, { snapshotId: meta.snapshot?.id ?? null, version: meta.headVersion });
    expect(r).toMatchObject({ kind: 'changes', version: meta.headVersion + 1, more: false });
    if (r.kind !== 'changes') return;
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]).toMatchObject({
      op: 'put',
      version: meta.headVersion + 1,
      record: { id: staffId(2), intro: 'よろしくお願いします' },
    });
  });

  it(`pages changes ${SYNC_PAGE_SIZE} at a time with \`more\`, reaching the head with nothing lost or repeated`, async () => {
    const { store, orgId } = await seededOrg(3);
    const start = await store.directory.getDirectoryMeta(orgId);
    await edit(store, orgId, SYNC_PAGE_SIZE + 1);
    const snapshotId = start.snapshot?.id ?? null;
    const first = await syncDirectory(store, orgId, { snapshotId, version: start.headVersion });
    expect(first).toMatchObject({ kind: 'changes', more: true, version: start.headVersion + SYNC_PAGE_SIZE });
    if (first.kind !== 'changes') return;
    expect(first.changes).toHaveLength(SYNC_PAGE_SIZE);
    const second = await syncDirectory(store, orgId, { snapshotId, version: first.version });
    expect(second).toMatchObject({ kind: 'changes', more: false, version: start.headVersion + SYNC_PAGE_SIZE + 1 });
    if (second.kind !== 'changes') return;
    const versions = [...first.changes, ...second.changes].map((c) => c.version);
    expect(versions).toEqual(Array.from({ length: SYNC_PAGE_SIZE + 1 }, (_, i) => start.headVersion + 1 + i));
    expect(kindOf(await syncDirectory(store, orgId, { snapshotId, version: second.version }))).toBe('upToDate');
  });

  it(`sends the snapshot to a device more than ${MAX_CHANGE_LAG} changes behind when the snapshot is newer`, async () => {
    const { store, orgId } = await seededOrg(3);
    const old = await store.directory.getDirectoryMeta(orgId);
    await edit(store, orgId, MAX_CHANGE_LAG + 1);
    const query = { snapshotId: old.snapshot?.id ?? null, version: old.headVersion };
    // Same lag, but the snapshot is not newer than the device: only changes can help it.
    expect(kindOf(await syncDirectory(store, orgId, query))).toBe('changes');
    const { manifest } = await buildDirectorySnapshot(store, orgId);
    const r = await syncDirectory(store, orgId, query);
    expect(r).toMatchObject({ kind: 'snapshot', snapshot: { id: manifest.id } });
    // Exactly at the limit, changes are still cheaper.
    const near = await syncDirectory(store, orgId, { ...query, version: manifest.version - MAX_CHANGE_LAG });
    expect(kindOf(near)).toBe('changes');
  });

  it('sends the snapshot when the device is older than the trimmed log', async () => {
    const { store, orgId } = await seededOrg(3);
    const old = await store.directory.getDirectoryMeta(orgId);
    await edit(store, orgId, 4);
    const { manifest } = await buildDirectorySnapshot(store, orgId);
    await store.directory.trimChanges(orgId, manifest.version);
    const r = await syncDirectory(store, orgId, { snapshotId: old.snapshot?.id ?? null, version: old.headVersion });
    expect(r).toMatchObject({ kind: 'snapshot', snapshot: { id: manifest.id } });
  });

  it('sends the snapshot to a device that claims a version the server never reached (data was reseeded)', async () => {
    const { store, orgId } = await seededOrg(3);
    const meta = await store.directory.getDirectoryMeta(orgId);
    const r = await syncDirectory(store, orgId, { snapshotId: 'v999-old', version: meta.headVersion + 50 });
    expect(kindOf(r)).toBe('snapshot');
  });

  it('answers 503 directory_not_ready before the first snapshot exists', async () => {
    const store = createMemoryStores();
    const failure = await syncDirectory(store, freshOrgId(), { snapshotId: null, version: null }).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(HandlerError);
    expect(failure).toMatchObject({ status: 503, problem: { code: 'directory.notReady' } });
  });
});
