import { act, renderHook, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { record } from '../../../tests/fixtures/records';
import { directoryView } from '../../../tests/fixtures/directory-view';
import { AppDb } from '../../db/schema';
import { SLOW_ANSWER_MS, useSearchResults } from './use-search';

// A worker still building its index: no query is ever answered here.
vi.mock('./searcher', () => ({
  createSearcher: () => ({
    reload: () => undefined,
    query: () => new Promise(() => undefined),
    settle: () => undefined,
    dispose: () => undefined,
  }),
}));

const people = [record({ id: 'a', familyName: '佐藤' }), record({ id: 'b', familyName: '鈴木' })];
const directory = directoryView(people);

describe('useSearchResults with an answer that does not come (the index still being built)', () => {
  it('commits only the latest typed query, after SLOW_ANSWER_MS, as not yet answered', async () => {
    const db = new AppDb(`use-search-slow-${Math.random().toString(36).slice(2)}`);
    const commits: string[] = [];
    const { result } = renderHook(() => {
      const [query, setQuery] = useState('');
      return { query, results: useSearchResults(db, directory, query), setQuery };
    });
    const started = Date.now();
    for (const next of ['す', 'すず', 'すずき'])
      act(() =>
        result.current.results.type(next, () => {
          commits.push(next);
          result.current.setQuery(next);
        }),
      );
    expect(commits).toEqual([]);
    await waitFor(() => expect(result.current.query).toBe('すずき'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(SLOW_ANSWER_MS - 20);
    // Shown as typed, with everyone still on screen and 検索中… (not answered); earlier keys never commit.
    expect(commits).toEqual(['すずき']);
    expect(result.current.results.answered).toBe(false);
    expect(result.current.results.people.slice().map((r) => r.id)).toEqual(['a', 'b']);
    db.close();
  });
});
