import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../../../../src/domain/directory-codec';
import { JOB_LEVELS } from '../../../../src/domain/org';
import { createMemoryStores } from '..';
import { freshOrgId, makeProfile, makeProfiles, mutationId, staffId, UNITS } from '../../testing/fixtures';
import { readSnapshot, seededOrg } from '../../testing/org';
import { buildDirectorySnapshot, compareForChunks } from './snapshot';
import { seedOrganisation } from './seed';

describe('buildDirectorySnapshot', () => {
  it('puts everyone in chunks of CHUNK_SIZE, once each, in unit / seniority / reading order', async () => {
    const count = CHUNK_SIZE * 2 + 500;
    const { store, orgId } = await seededOrg(count);
    const manifest = (await store.directory.getDirectoryMeta(orgId)).snapshot;
    expect(manifest).toMatchObject({ chunkCount: 3, staffCount: count, version: count });
    const records = await readSnapshot(store, orgId);
    expect(records).toHaveLength(count);
    expect(new Set(records.map((r) => r.id)).size).toBe(count);
    expect([...records].sort(compareForChunks)).toEqual(records);
    // The order is by unit first, then by job level as the HR policy ranks it.
    const first = records[0];
    expect(first?.unitId).toBe('kakari-0');
    expect(first?.jobLevel).toBe(JOB_LEVELS[0]);
  });

  it('carries only what everyone may see: narrower-audience fields blanked, private fields absent', async () => {
    const hidden = makeProfile(1, {
      intro: '秘密の自己紹介',
      hobbies: ['釣り'],
      photo: 'abcdef0123456789',
      photoConsent: true,
      audiences: { intro: 'self', hobbies: 'department', photo: 'everyone' },
    });
    const { store, orgId } = await seededOrg([makeProfile(0), hidden]);
    const record = (await readSnapshot(store, orgId)).find((r) => r.id === hidden.id);
    expect(record).toMatchObject({ intro: '', hobbies: [], photo: 'abcdef0123456789' });
    expect(JSON.stringify(record)).not.toContain('090-');
  });

  it('gives identical chunk bytes for the same directory, so chunks are stable', async () => {
    const { store, orgId } = await seededOrg(1200);
    const a = (await store.directory.getDirectoryMeta(orgId)).snapshot;
    const b = (await buildDirectorySnapshot(store, orgId)).manifest;
    expect(b.id).not.toBe(a?.id);
    for (let n = 0; n < b.chunkCount; n++) {
      const x = await store.directory.getSnapshotChunk(orgId, a?.id ?? '', n);
      const y = await store.directory.getSnapshotChunk(orgId, b.id, n);
      expect(Buffer.from(y ?? []).equals(Buffer.from(x ?? []))).toBe(true);
    }
  });

  it('takes its version from the head read before the profiles, so an edit landing mid-build is replayed, not lost', async () => {
    // A store that lets an edit land just before the build's first read of the profiles.
    const store = createMemoryStores();
    let armed = false;
    const listStaff = store.directory.listStaff.bind(store.directory);
    store.directory.listStaff = async (org: string, page: { afterId?: string; limit: number }) => {
      if (armed) {
        armed = false;
        await store.directory.applyMutation(org, mutationId('mid'), staffId(3), (p) => ({ ...p, intro: '途中の編集' }));
      }
      return listStaff(org, page);
    };
    const orgId = freshOrgId();
    await seedOrganisation(store, { orgId, units: UNITS, staff: makeProfiles(5) });
    const before = await store.directory.headVersion(orgId);
    armed = true;
    const { manifest } = await buildDirectorySnapshot(store, orgId);
    expect(manifest.version).toBe(before);
    const changes = await store.directory.changesSince(orgId, manifest.version, 10);
    expect(changes.map((c) => (c.op === 'put' ? c.record.intro : ''))).toEqual(['途中の編集']);
  });

  it('refuses a chunk at or over the size limit and leaves the current snapshot in place', async () => {
    const { store, orgId } = await seededOrg(50);
    const current = (await store.directory.getDirectoryMeta(orgId)).snapshot;
    await expect(buildDirectorySnapshot(store, orgId, { maxChunkBytes: 200 })).rejects.toThrow(
      /over the 200 byte limit/,
    );
    expect((await store.directory.getDirectoryMeta(orgId)).snapshot).toEqual(current);
  });

  it('keeps real chunks far under 1 MiB even with every intro at its 400-character limit', async () => {
    const longIntro = Array.from({ length: 400 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20000))).join(
      '',
    );
    const staff = makeProfiles(CHUNK_SIZE).map((p) => ({ ...p, intro: longIntro }));
    const { store, orgId } = await seededOrg(staff);
    const manifest = (await store.directory.getDirectoryMeta(orgId)).snapshot;
    const chunk = await store.directory.getSnapshotChunk(orgId, manifest?.id ?? '', 0);
    expect(chunk?.byteLength).toBeLessThan(1024 * 1024);
  });
});

describe('seedOrganisation', () => {
  it('writes units and staff, builds the first snapshot and trims the log it covers', async () => {
    const store = createMemoryStores();
    const orgId = freshOrgId();
    const manifest = await seedOrganisation(store, { orgId, units: UNITS, staff: makeProfiles(12) });
    expect(await store.directory.listUnits(orgId)).toEqual(UNITS);
    expect(await store.directory.getStaff(orgId, staffId(11))).toEqual(makeProfile(11));
    expect(manifest).toMatchObject({ version: 12, staffCount: 12, chunkCount: 1 });
    expect(await store.directory.getDirectoryMeta(orgId)).toEqual({
      snapshot: manifest,
      headVersion: 12,
      logFloor: 12,
    });
    expect(await store.directory.changesSince(orgId, 0, 100)).toEqual([]);
  });

  it('refuses bad input before writing anything', async () => {
    const store = createMemoryStores();
    const orgId = freshOrgId();
    const stray = makeProfile(2, { unitId: 'no-such-unit' });
    await expect(seedOrganisation(store, { orgId, units: UNITS, staff: [makeProfile(1), stray] })).rejects.toThrow(
      /unknown unit/,
    );
    await expect(
      seedOrganisation(store, { orgId, units: UNITS, staff: [makeProfile(1), makeProfile(1)] }),
    ).rejects.toThrow(/twice/);
    expect(await store.directory.listUnits(orgId)).toEqual([]);
    expect(await store.directory.headVersion(orgId)).toBe(0);
  });
});
