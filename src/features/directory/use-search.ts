import { useCallback, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { AppDb } from '../../db/schema';
import type { DirectoryRecord } from '../../domain/staff';
import { directoryFingerprint, peopleAt, type People, type SearchAnswer } from './search-protocol';
import { afterFirstScreen } from './first-screen';
import { createSearcher } from './searcher';

/** How long the index waits for the first faces before it starts anyway. */
const FIRST_SCREEN_WAIT_MS = 1500;
import type { DirectoryView } from './use-directory';

export interface SearchResults {
  /** Who to show: the matches, or everyone while a query's first answer is on its way. */
  people: People;
  /** False while the query (not empty) has had no answer yet. */
  answered: boolean;
  /**
   * Starts searching for what was just typed, before the screen renders it: the worker then
   * searches while the page renders the keystroke, not after. The answer comes as for `query`.
   */
  searchAhead(query: string): void;
}

/**
 * The people matching `query`. An empty query is everyone in directory order, with no search at
 * all. While the first answer to a query is on its way, everyone stays on screen (as before the
 * keystroke), and later the previous answer stays until the new one arrives: a keystroke alone
 * changes no card, only its answer does.
 */
export function useSearchResults(db: AppDb, directory: DirectoryView | undefined, query: string): SearchResults {
  const searcher = useMemo(() => createSearcher(db), [db]);
  useEffect(() => () => searcher.dispose(), [searcher]);
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);

  // The device's directory changed (a sync, an edit): search what it now holds. Not for the view
  // of the first chunk alone: the worker reads everything itself, and doing so beside the first
  // paint only slowed it down.
  const complete = directory?.complete === true;
  useEffect(() => {
    if (complete) searcher.reload();
  }, [searcher, directory, complete]);
  // The worker reads the device itself: it can start on the index once the first faces are on
  // screen, beside the decoding of the rest here, rather than after it. It builds it once for both.
  useEffect(() => {
    let current = true;
    void afterFirstScreen(FIRST_SCREEN_WAIT_MS).then(() => current && searcher.reload());
    return () => {
      current = false;
    };
  }, [searcher]);

  const empty = query.trim() === '';
  useEffect(() => {
    if (empty || !directory) return;
    let current = true;
    void searcher.query(query).then((a) => {
      // Answers to earlier keystrokes may arrive late; only the latest counts. Rendered in the task
      // that brought it, not in one React schedules after it: the answer is what the person waits for.
      if (current && a) flushSync(() => setAnswer(a));
    });
    return () => {
      current = false;
    };
  }, [searcher, query, empty, directory]);
  // A cleared box forgets the last answer: the next query starts from everyone, not from the
  // results of the one before.
  useEffect(() => {
    if (empty) setAnswer(null);
  }, [empty]);

  // Depends on the answer, not the query: a keystroke alone (its answer still on the way) keeps the
  // same people, so nothing below it renders again.
  const found = useMemo(() => {
    // An answer about another version of the directory (mid-sync) waits for the next one.
    if (!directory || !answer || answer.fingerprint !== directoryFingerprint(directory.records)) return null;
    return peopleAt(directory.records, answer.positions);
  }, [directory, answer]);

  const ready = directory !== undefined;
  const searchAhead = useCallback(
    (next: string) => {
      if (ready && next.trim() !== '') void searcher.query(next);
    },
    [searcher, ready],
  );

  if (!directory) return { people: NOBODY, answered: true, searchAhead };
  if (empty || found === null) return { people: directory.records, answered: empty, searchAhead };
  return { people: found, answered: true, searchAhead };
}

const NOBODY: DirectoryRecord[] = [];

/** As useSearchResults, with null for "no answer yet" (pickers show no matches until then). */
export function useSearch(db: AppDb, directory: DirectoryView | undefined, query: string): DirectoryRecord[] | null {
  const { people, answered } = useSearchResults(db, directory, query);
  return useMemo(() => (answered ? people.slice() : null), [people, answered]);
}
