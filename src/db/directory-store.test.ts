import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { record, UNITS } from '../../tests/fixtures/records';
import { toChunkText } from '../domain/directory-codec';
import { decodeChunkRow, dexieDirectoryStore, mergeDirectory, readDirectoryMeta } from './directory-store';
import { AppDb } from './schema';

let db: AppDb;
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});
function open() {
  db = new AppDb(`dir-${Math.random().toString(36).slice(2)}`);
  return dexieDirectoryStore(db, () => 1000);
}
const manifest = (id: string, version: number, staffCount: number) => ({
  id,
  version,
  chunkCount: 1,
  staffCount,
  createdAt: '2026-11-22T00:00:00.000Z',
});

describe('Dexie directory store', () => {
  it('replaces the directory with a snapshot and forgets changes made on top of the old one', async () => {
    const store = open();
    await store.replaceSnapshot(manifest('s1', 5, 2), UNITS, [toChunkText([record({ id: 'a' }), record({ id: 'b' })])]);
    await store.applyChanges([{ op: 'put', version: 6, record: record({ id: 'c' }) }], 6);
    await store.replaceSnapshot(manifest('s2', 9, 1), UNITS.slice(0, 2), [toChunkText([record({ id: 'z' })])]);

    const merged = mergeDirectory(
      (await db.directoryChunks.toArray()).map(decodeChunkRow),
      await db.directoryOverlay.toArray(),
    );
    expect(merged.map((r) => r.id)).toEqual(['z']);
    expect(await db.units.count()).toBe(2);
    expect(await store.state()).toEqual({ snapshotId: 's2', version: 9 });
  });

  it('lays changes over the snapshot in place, adds newcomers at the end and drops those removed', async () => {
    const store = open();
    await store.replaceSnapshot(manifest('s1', 5, 3), UNITS, [
      toChunkText([record({ id: 'a' }), record({ id: 'b' })]),
      toChunkText([record({ id: 'c' })]),
    ]);
    await store.applyChanges(
      [
        { op: 'put', version: 6, record: record({ id: 'b', intro: 'v6' }) },
        { op: 'remove', version: 7, id: 'a' },
        { op: 'put', version: 8, record: record({ id: 'd' }) },
        { op: 'put', version: 9, record: record({ id: 'b', intro: 'v9' }) },
      ],
      9,
    );
    const merged = mergeDirectory(
      (await db.directoryChunks.toArray()).map(decodeChunkRow),
      await db.directoryOverlay.toArray(),
    );
    expect(merged.map((r) => [r.id, r.intro])).toEqual([
      ['b', 'v9'],
      ['c', ''],
      ['d', ''],
    ]);
    expect(await readDirectoryMeta(db)).toMatchObject({ snapshotId: 's1', version: 9, staffCount: 3, syncedAt: 1000 });
  });
});
