import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { record, UNITS } from '../../tests/fixtures/records';
import { toChunkText } from '../domain/directory-codec';
import { decodeChunkRow, mergeDirectory } from './directory-read';
import { dexieDirectoryStore, readDirectoryMeta } from './directory-store';
import { AppDb } from './schema';

/**
 * Issue 22: a snapshot received chunk by chunk on Dexie (the store behind snapshot-download.ts).
 * Snapshot ids differ per test: decoded chunks are cached in memory by snapshot and number.
 */

let db: AppDb;
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});
function open() {
  db = new AppDb(`inc-${Math.random().toString(36).slice(2)}`);
  return dexieDirectoryStore(db, () => 1000);
}
const manifest = (id: string, version: number, chunkCount: number, staffCount: number) => ({
  id,
  version,
  chunkCount,
  staffCount,
  createdAt: '2026-11-22T00:00:00.000Z',
});
const shown = async () =>
  mergeDirectory((await db.directoryChunks.toArray()).map(decodeChunkRow), await db.directoryOverlay.toArray()).map(
    (r) => r.id,
  );

describe('Dexie directory store, receiving a snapshot', () => {
  it('shows each chunk at once on a device without a directory, says how many of how many, and installs in one step', async () => {
    const store = open();
    const m = manifest('t0s1', 7, 3, 5);
    await store.receiveChunk(m, UNITS, 0, toChunkText([record({ id: 'a' }), record({ id: 'b' })]));
    expect(await shown()).toEqual(['a', 'b']);
    expect(await db.units.count()).toBe(UNITS.length);
    expect(await readDirectoryMeta(db)).toMatchObject({
      snapshotId: null,
      staffCount: 2,
      arriving: { snapshotId: 't0s1', staffCount: 5 },
    });
    await store.receiveChunk(m, UNITS, 2, toChunkText([record({ id: 'e' })]));
    expect(await shown()).toEqual(['a', 'b', 'e']);
    // The same chunk again (a resumed download that raced) counts once.
    await store.receiveChunk(m, UNITS, 2, toChunkText([record({ id: 'e' })]));
    expect((await readDirectoryMeta(db)).staffCount).toBe(3);
    expect((await store.receivedChunks(m)).sort((x, y) => x.n - y.n)).toEqual([
      { n: 0, count: 2 },
      { n: 2, count: 1 },
    ]);
    await expect(store.installSnapshot(m, UNITS)).rejects.toThrow(/not complete/);

    await store.receiveChunk(m, UNITS, 1, toChunkText([record({ id: 'c' }), record({ id: 'd' })]));
    await store.installSnapshot(m, UNITS);
    expect(await shown()).toEqual(['a', 'b', 'c', 'd', 'e']);
    const meta = await readDirectoryMeta(db);
    expect(meta).toMatchObject({ snapshotId: 't0s1', version: 7, staffCount: 5, syncedAt: 1000 });
    expect(meta.arriving).toBeUndefined();
  });

  it('keeps the directory a device has, changes included, until the new snapshot is installed', async () => {
    const store = open();
    await store.replaceSnapshot(manifest('t1s1', 5, 1, 1), UNITS, [toChunkText([record({ id: 'old' })])]);
    await store.applyChanges([{ op: 'put', version: 6, record: record({ id: 'new-since' }) }], 6);
    const m = manifest('t1s2', 9, 2, 2);
    await store.receiveChunk(m, UNITS.slice(0, 1), 0, toChunkText([record({ id: 'x' })]));
    expect(await shown()).toEqual(['old', 'new-since']);
    expect(await store.state()).toEqual({ snapshotId: 't1s1', version: 6 });
    expect(await store.receivedChunks(m)).toEqual([{ n: 0, count: 1 }]);

    await store.receiveChunk(m, UNITS.slice(0, 1), 1, toChunkText([record({ id: 'y' })]));
    await store.installSnapshot(m, UNITS.slice(0, 1));
    expect(await shown()).toEqual(['x', 'y']);
    expect(await db.units.count()).toBe(1);
    expect(await db.directoryIncoming.count()).toBe(0);
    expect(await store.state()).toEqual({ snapshotId: 't1s2', version: 9 });
  });

  it('keeps a half-received first snapshot on screen while a newer one arrives aside, and drops the old part when it installs', async () => {
    const store = open();
    await store.receiveChunk(manifest('t2s1', 3, 2, 2), UNITS, 0, toChunkText([record({ id: 'half' })]));
    const m = manifest('t2s2', 4, 1, 1);
    expect(await store.receivedChunks(m)).toEqual([]);
    await store.receiveChunk(m, UNITS, 0, toChunkText([record({ id: 'whole' })]));
    expect(await shown()).toEqual(['half']);
    await store.installSnapshot(m, UNITS);
    expect(await shown()).toEqual(['whole']);
  });

  it('discards what it received of a snapshot that did not add up', async () => {
    const store = open();
    const m = manifest('t3s1', 3, 2, 3);
    await store.receiveChunk(m, UNITS, 0, toChunkText([record({ id: 'a' })]));
    await store.discardReceived(m);
    expect(await shown()).toEqual([]);
    expect(await store.receivedChunks(m)).toEqual([]);
    expect((await readDirectoryMeta(db)).arriving).toBeUndefined();
  });
});
