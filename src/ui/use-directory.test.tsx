import { renderHook, waitFor } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { record, UNITS } from '../../tests/fixtures/records';
import { dexieDirectoryStore } from '../db/directory-store';
import { AppDb } from '../db/schema';
import { toChunkText } from '../domain/directory-codec';
import { preloadDirectory, useDirectory } from './use-directory';

let db: AppDb;
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function deviceWith(snapshotId: string, chunks: string[][]) {
  db = new AppDb(`use-dir-${Math.random().toString(36).slice(2)}`);
  const store = dexieDirectoryStore(db);
  const staffCount = chunks.flat().length;
  await store.replaceSnapshot(
    { id: snapshotId, version: 1, chunkCount: chunks.length, staffCount, createdAt: '2026-11-22T00:00:00.000Z' },
    UNITS,
    chunks.map((ids) => toChunkText(ids.map((id) => record({ id })))),
  );
  return store;
}

describe('useDirectory on a device store (fake-indexeddb)', () => {
  it('shows the first chunk first (not complete), then everyone, with changes laid over only then', async () => {
    const store = await deviceWith('s-progressive', [['a', 'b'], ['c'], ['d']]);
    await store.applyChanges(
      [
        { op: 'put', version: 2, record: record({ id: 'b', intro: 'edited' }) },
        { op: 'put', version: 3, record: record({ id: 'new' }) },
        { op: 'remove', version: 4, id: 'c' },
      ],
      4,
    );
    const seen: { ids: string[]; complete: boolean }[] = [];
    const { result } = renderHook(() => {
      const view = useDirectory(db, null);
      if (view) seen.push({ ids: view.records.map((r) => r.id), complete: view.complete });
      return view;
    });
    await waitFor(() => expect(result.current?.complete).toBe(true));
    expect(result.current?.records.map((r) => [r.id, r.intro])).toEqual([
      ['a', ''],
      ['b', 'edited'],
      ['d', ''],
      ['new', ''],
    ]);
    expect(result.current?.byId.get('d')?.id).toBe('d');
    // Before the rest was decoded: the first chunk alone, its edit in place, nobody appended.
    expect(seen[0]).toEqual({ ids: ['a', 'b'], complete: false });
  });

  it('is complete at once for one chunk and for an empty device', async () => {
    await deviceWith('s-one', [['a']]);
    const one = renderHook(() => useDirectory(db, null));
    await waitFor(() => expect(one.result.current?.records.map((r) => r.id)).toEqual(['a']));
    expect(one.result.current?.complete).toBe(true);
    one.unmount();
    db.close();
    await Dexie.delete(db.name);

    db = new AppDb(`use-dir-empty-${Math.random().toString(36).slice(2)}`);
    const empty = renderHook(() => useDirectory(db, null));
    await waitFor(() => expect(empty.result.current).toBeDefined());
    expect(empty.result.current).toMatchObject({ records: [], complete: true });
  });

  it('starts from the preload made when the page started, and shows the same people as without it', async () => {
    await deviceWith('s-preload', [['a', 'b'], ['c']]);
    preloadDirectory(db);
    const { result } = renderHook(() => useDirectory(db, null));
    await waitFor(() => expect(result.current?.complete).toBe(true));
    expect(result.current?.records.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('follows a new snapshot on the device', async () => {
    const store = await deviceWith('s-before', [['a'], ['b']]);
    const { result } = renderHook(() => useDirectory(db, null));
    await waitFor(() => expect(result.current?.records.map((r) => r.id)).toEqual(['a', 'b']));
    await store.replaceSnapshot(
      { id: 's-after', version: 2, chunkCount: 2, staffCount: 3, createdAt: '2026-11-23T00:00:00.000Z' },
      UNITS,
      [toChunkText([record({ id: 'x' })]), toChunkText([record({ id: 'y' }), record({ id: 'z' })])],
    );
    await waitFor(() => expect(result.current?.records.map((r) => r.id)).toEqual(['x', 'y', 'z']));
    expect(result.current?.complete).toBe(true);
  });
});
