import { act, renderHook, waitFor } from '@testing-library/react';
import { useState } from 'react';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { record, UNITS } from '../../../tests/fixtures/records';
import { dexieDirectoryStore } from '../../db/directory-store';
import { AppDb } from '../../db/schema';
import { toChunkText } from '../../domain/directory-codec';
import { useDirectory } from '../../ui/use-directory';
import { useSearch, useSearchResults } from './use-search';

let db: AppDb;

/** A device holding two people, 佐藤 (a) and 鈴木 (b). */
async function deviceWithSatoAndSuzuki(): Promise<AppDb> {
  const device = new AppDb(`use-search-${Math.random().toString(36).slice(2)}`);
  await dexieDirectoryStore(device).replaceSnapshot(
    { id: 's1', version: 1, chunkCount: 1, staffCount: 2, createdAt: '2026-11-22T00:00:00.000Z' },
    UNITS,
    [
      toChunkText([
        record({ id: 'a', familyName: '佐藤', familyKana: 'さとう' }),
        record({ id: 'b', familyName: '鈴木', familyKana: 'すずき' }),
      ]),
    ],
  );
  return device;
}

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('useSearchResults (in-thread searcher: jsdom has no workers)', () => {
  it('keeps everyone on screen until a query has its first answer, then shows the matches', async () => {
    db = await deviceWithSatoAndSuzuki();
    const seen: { ids: string[]; answered: boolean; picker: string[] | null }[] = [];
    const { result, rerender } = renderHook(
      ({ query }: { query: string }) => {
        const directory = useDirectory(db, null);
        const results = useSearchResults(db, directory, query);
        const picker = useSearch(db, directory, query);
        if (directory)
          seen.push({
            ids: results.people.slice().map((r) => r.id),
            answered: results.answered,
            picker: picker?.map((r) => r.id) ?? null,
          });
        return results;
      },
      { initialProps: { query: '' } },
    );
    await waitFor(() => expect(result.current.people.slice().map((r) => r.id)).toEqual(['a', 'b']));
    expect(result.current.answered).toBe(true);

    seen.length = 0;
    rerender({ query: 'すずき' });
    await waitFor(() => expect(result.current.people.slice().map((r) => r.id)).toEqual(['b']));
    // Before the answer: everyone still shown, not answered; pickers (useSearch) get null.
    expect(seen[0]).toEqual({ ids: ['a', 'b'], answered: false, picker: null });

    rerender({ query: '' });
    await waitFor(() => expect(result.current.people.slice().map((r) => r.id)).toEqual(['a', 'b']));
    expect(result.current.answered).toBe(true);
  });

  it('commits a typed query with its answer, in one render: a keystroke alone renders nothing', async () => {
    db = await deviceWithSatoAndSuzuki();
    const seen: { query: string; ids: string[]; answered: boolean }[] = [];
    const { result } = renderHook(() => {
      const [query, setQuery] = useState('');
      const directory = useDirectory(db, null);
      const results = useSearchResults(db, directory, query);
      if (directory) seen.push({ query, ids: results.people.slice().map((r) => r.id), answered: results.answered });
      return { results, setQuery, ready: directory?.complete === true };
    });
    await waitFor(() => expect(result.current.ready).toBe(true));

    seen.length = 0;
    act(() => result.current.results.type('すずき', () => result.current.setQuery('すずき')));
    // Nothing rendered by the keystroke itself: the box (not React) shows what was typed.
    expect(seen).toEqual([]);
    await waitFor(() => expect(seen.at(-1)).toEqual({ query: 'すずき', ids: ['b'], answered: true }));
    // The first render with the new query already had its answer.
    expect(seen.find((s) => s.query === 'すずき')).toEqual({ query: 'すずき', ids: ['b'], answered: true });

    // An emptied box commits at once, with everyone.
    seen.length = 0;
    act(() => result.current.results.type('', () => result.current.setQuery('')));
    expect(seen[0]).toEqual({ query: '', ids: ['a', 'b'], answered: true });
  });
});
