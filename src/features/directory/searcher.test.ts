import { describe, expect, it } from 'vitest';
import type { SearchAnswer } from './search-protocol';
import { latestOnce, type Searcher } from './searcher';

/** A searcher that counts what it was asked, answering each query with its length. */
function counting() {
  const asked: string[] = [];
  let reloads = 0;
  const searcher: Searcher = {
    reload: () => void reloads++,
    query: (query) => {
      asked.push(query);
      return Promise.resolve<SearchAnswer>({ positions: Int32Array.of(query.length), fingerprint: 'f' });
    },
    explain: (query, ids) => {
      asked.push(`explain ${query}`);
      return Promise.resolve(ids.map(() => null));
    },
    settle: () => undefined,
    dispose: () => undefined,
  };
  return { searcher, asked, reloads: () => reloads };
}

describe('latestOnce (a keystroke searched ahead of its render is searched once)', () => {
  it('shares the answer to the query last asked, and asks afresh for another or after a reload', async () => {
    const inner = counting();
    const searcher = latestOnce(inner.searcher);
    const ahead = searcher.query('さと');
    const again = searcher.query('さと');
    expect(again).toBe(ahead);
    expect(Array.from((await again)?.positions ?? [])).toEqual([2]);
    expect(inner.asked).toEqual(['さと']);

    await searcher.query('さとう');
    await searcher.query('さと');
    expect(inner.asked).toEqual(['さと', 'さとう', 'さと']);

    // The directory changed: the same query must be searched in the new one.
    searcher.reload();
    await searcher.query('さと');
    expect(inner.reloads()).toBe(1);
    expect(inner.asked).toEqual(['さと', 'さとう', 'さと', 'さと']);
  });

  it('passes every question about reasons on: they are not the search it shares', async () => {
    const inner = counting();
    const searcher = latestOnce(inner.searcher);
    await searcher.query('excel');
    expect(await searcher.explain('excel', ['a', 'b'])).toEqual([null, null]);
    await searcher.explain('excel', ['a', 'b']);
    expect(inner.asked).toEqual(['excel', 'explain excel', 'explain excel']);
  });
});
