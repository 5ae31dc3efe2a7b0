import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { record, UNITS } from '../../tests/fixtures/records';
import { toChunkText } from '../domain/directory-codec';
import { cachedChunk, decodeChunkRow, decodeChunks, mergeDirectory } from './directory-read';
import { dexieDirectoryStore, readDirectoryMeta } from './directory-store';
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

describe('decoding the snapshot chunk by chunk', () => {
  const chunks = [
    toChunkText([record({ id: 'a' }), record({ id: 'b' })]),
    toChunkText([record({ id: 'c' })]),
    toChunkText([record({ id: 'd' }), record({ id: 'e' })]),
  ];

  it('decodes the asked chunks in order, yielding to the browser after each one it had to parse', async () => {
    const store = open();
    await store.replaceSnapshot(manifest('s-order', 1, 5), UNITS, chunks);
    const yields: number[] = [];
    const out = await decodeChunks(
      db,
      's-order',
      [1, 2],
      () => false,
      async () => {
        yields.push(yields.length);
      },
    );
    expect(out?.map((c) => c.map((r) => r.id))).toEqual([['c'], ['d', 'e']]);
    expect(yields).toHaveLength(2);
    // Kept decoded: a second read parses nothing and so yields nothing.
    expect(cachedChunk('s-order', 2)?.map((r) => r.id)).toEqual(['d', 'e']);
    const again = await decodeChunks(
      db,
      's-order',
      [1, 2],
      () => false,
      async () => {
        yields.push(yields.length);
      },
    );
    expect(again?.[1]).toBe(out?.[1]);
    expect(yields).toHaveLength(2);
  });

  it('gives up when cancelled or when the device now holds another snapshot', async () => {
    const store = open();
    await store.replaceSnapshot(manifest('s-old', 1, 5), UNITS, chunks);
    let cancel = false;
    const cancelled = decodeChunks(
      db,
      's-old',
      [1, 2],
      () => cancel,
      async () => {
        cancel = true;
      },
    );
    expect(await cancelled).toBeNull();
    await store.replaceSnapshot(manifest('s-new', 2, 5), UNITS, chunks);
    expect(await decodeChunks(db, 's-old', [1, 2], () => false)).toBeNull();
  });
});

describe('mergeDirectory', () => {
  const overlay = [
    { id: 'b', record: record({ id: 'b', intro: 'changed' }) },
    { id: 'a', record: null },
    { id: 'z', record: record({ id: 'z' }) },
  ];

  it('with appendNew false (the first chunk alone) changes people in place and appends nobody', () => {
    const first = [record({ id: 'a' }), record({ id: 'b' }), record({ id: 'c' })];
    expect(mergeDirectory([first], overlay, { appendNew: false }).map((r) => [r.id, r.intro])).toEqual([
      ['b', 'changed'],
      ['c', ''],
    ]);
    expect(mergeDirectory([first], overlay).map((r) => r.id)).toEqual(['b', 'c', 'z']);
  });

  it('without changes is every chunk in order', () => {
    const out = mergeDirectory([[record({ id: 'a' })], [record({ id: 'b' }), record({ id: 'c' })]], []);
    expect(out.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});
