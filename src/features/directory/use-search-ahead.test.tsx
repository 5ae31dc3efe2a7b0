import { act, renderHook, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { record } from '../../../tests/fixtures/records';
import { directoryView } from '../../../tests/fixtures/directory-view';
import { AppDb } from '../../db/schema';
import { directoryFingerprint, type SearchAnswer } from './search-protocol';
import type * as SearcherModule from './searcher';
import type { Searcher } from './searcher';
import { useSearchResults } from './use-search';

const people = [record({ id: 'a', familyName: '佐藤' }), record({ id: 'b', familyName: '鈴木' })];
const directory = directoryView(people);

// A worker that answers when told to, and counts what it was asked; wrapped in the real latestOnce.
const { asked, pending } = vi.hoisted(() => ({ asked: [] as string[], pending: [] as ((latest: boolean) => void)[] }));
// As the worker does: the latest query is answered, those it overtook come back stale (null).
const answerAll = () => pending.splice(0).forEach((answer, i, all) => answer(i === all.length - 1));
vi.mock('./searcher', async (original) => {
  const real = await original<typeof SearcherModule>();
  const worker: Searcher = {
    reload: () => undefined,
    query: (query) => {
      asked.push(query);
      return new Promise<SearchAnswer | null>((resolve) =>
        pending.push((latest) =>
          resolve(latest ? { positions: Int32Array.of(1), fingerprint: directoryFingerprint(people) } : null),
        ),
      );
    },
    explain: (_query, ids) => Promise.resolve(ids.map(() => null)),
    settle: () => undefined,
    dispose: () => undefined,
  };
  return { ...real, createSearcher: () => real.latestOnce(worker) };
});

describe('useSearchResults: searching ahead of the input event', () => {
  it('searches the text about to be typed once: the keystroke that follows shares that search', async () => {
    const db = new AppDb(`use-search-ahead-${Math.random().toString(36).slice(2)}`);
    const { result } = renderHook(() => {
      const [query, setQuery] = useState('');
      return { query, results: useSearchResults(db, directory, query), setQuery };
    });
    act(() => result.current.results.ahead('すず'));
    expect(asked).toEqual(['すず']);
    act(() => result.current.results.type('すず', () => result.current.setQuery('すず')));
    act(() => answerAll());
    await waitFor(() => expect(result.current.query).toBe('すず'));
    expect(result.current.results.people.slice().map((r) => r.id)).toEqual(['b']);
    expect(asked).toEqual(['すず']);

    // Nothing to search for in a box about to hold only spaces.
    act(() => result.current.results.ahead('  '));
    expect(asked).toEqual(['すず']);
    db.close();
  });

  it('asks again when a guess that no input followed overtook the query on screen', async () => {
    asked.length = 0;
    const db = new AppDb(`use-search-ahead-${Math.random().toString(36).slice(2)}`);
    const { result } = renderHook(() => {
      const [query, setQuery] = useState('');
      return { query, results: useSearchResults(db, directory, query), setQuery };
    });
    // The index is still being built: すず is shown as typed (検索中…) after SLOW_ANSWER_MS.
    act(() => result.current.results.type('すず', () => result.current.setQuery('すず')));
    await waitFor(() => expect(result.current.query).toBe('すず'), { timeout: 1000 });
    expect(result.current.results.answered).toBe(false);
    // A guess for すずき, and then no input event (the browser did not insert it).
    act(() => result.current.results.ahead('すずき'));
    act(() => answerAll());
    await waitFor(() => expect(asked).toEqual(['すず', 'すずき', 'すず']));
    act(() => answerAll());
    await waitFor(() => expect(result.current.results.answered).toBe(true));
    expect(result.current.results.people.slice().map((r) => r.id)).toEqual(['b']);
    db.close();
  });
});
