import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { record } from '../../../tests/fixtures/records';
import type { MatchReason } from '../../domain/search/explain';
import type { DirectoryRecord } from '../../domain/staff';
import { useMatchReasons, type Explain } from './use-match-reasons';

const people = (...ids: string[]): DirectoryRecord[] => ids.map((id) => record({ id }));

/** An explain for one query that records who it was asked about and gives each a skill of the query's name. */
function explainer(query: string, log: string[]): Explain {
  return (ids) => {
    log.push(`${query}: ${ids.join(' ')}`);
    return Promise.resolve(ids.map((id): MatchReason | null => (id === 'b' ? null : { field: 'skill', text: query })));
  };
}

describe('useMatchReasons (why the people on screen match, asked after their frame)', () => {
  it('asks about each person once per query: a scroll asks only about those who came into view', async () => {
    const log: string[] = [];
    const excel = explainer('Excel', log);
    const { result, rerender } = renderHook(({ explain, shown }) => useMatchReasons(explain, shown), {
      initialProps: { explain: excel, shown: people('a', 'b') },
    });
    await waitFor(() => expect(result.current.get('a')).toEqual({ field: 'skill', text: 'Excel' }));
    expect(result.current.has('b')).toBe(false);

    rerender({ explain: excel, shown: people('b', 'c') });
    await waitFor(() => expect(result.current.get('c')?.text).toBe('Excel'));
    expect(log).toEqual(['Excel: a b', 'Excel: c']);
  });

  it("keeps the last query's reasons until the next one's come, then shows only those", async () => {
    const log: string[] = [];
    let release: () => void = () => undefined;
    const slow: Explain = (ids) =>
      new Promise((resolve) => {
        release = () => resolve(ids.map((id) => (id === 'c' ? { field: 'hobby', text: '将棋' } : null)));
      });
    const { result, rerender } = renderHook(({ explain, shown }) => useMatchReasons(explain, shown), {
      initialProps: { explain: explainer('Excel', log), shown: people('a', 'c') },
    });
    await waitFor(() => expect(result.current.get('a')?.text).toBe('Excel'));

    rerender({ explain: slow, shown: people('a', 'c') });
    // The next query's answer is on its way: the lines stay as they were.
    await new Promise((r) => setTimeout(r, 20));
    expect(result.current.get('a')?.text).toBe('Excel');
    release();
    await waitFor(() => expect(result.current.get('c')).toEqual({ field: 'hobby', text: '将棋' }));
    expect(result.current.has('a')).toBe(false);
  });

  it("drops an earlier query's answer that comes after the next query's", async () => {
    let releaseOld: (() => void) | null = null;
    const old: Explain = (ids) =>
      new Promise((resolve) => {
        releaseOld = () => resolve(ids.map(() => ({ field: 'skill', text: 'old' })));
      });
    const { result, rerender } = renderHook(({ explain, shown }) => useMatchReasons(explain, shown), {
      initialProps: { explain: old, shown: people('a') },
    });
    // The old query has been asked (after its frame); then the next one comes, and is answered first.
    await waitFor(() => expect(releaseOld).not.toBeNull());
    rerender({ explain: explainer('new', []), shown: people('a') });
    await waitFor(() => expect(result.current.get('a')?.text).toBe('new'));
    (releaseOld as (() => void) | null)?.();
    await new Promise((r) => setTimeout(r, 20));
    expect(result.current.get('a')?.text).toBe('new');
  });

  it('has no reasons with no query, and asks nothing', async () => {
    const log: string[] = [];
    const { result, rerender } = renderHook(({ explain, shown }) => useMatchReasons(explain, shown), {
      initialProps: { explain: explainer('Excel', log) as Explain | null, shown: people('a') },
    });
    await waitFor(() => expect(result.current.size).toBe(1));
    rerender({ explain: null, shown: people('a', 'd') });
    await waitFor(() => expect(result.current.size).toBe(0));
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual(['Excel: a']);
  });
});
