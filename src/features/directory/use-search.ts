import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { AppDb } from '../../db/schema';
import type { DirectoryRecord } from '../../domain/staff';
import { directoryFingerprint, peopleAt, type People, type SearchAnswer } from './search-protocol';
import { afterFirstScreen, FIRST_SCREEN_WAIT_MS } from './first-screen';
import { createSearcher } from './searcher';
import type { DirectoryView } from '../../ui/use-directory';
import type { Explain } from './use-match-reasons';

/**
 * A typed query with no answer after this long is shown as typed anyway (with 検索中…): the index
 * is still being built, and the box must not look as if it ignored the key.
 */
export const SLOW_ANSWER_MS = 200;

/**
 * How long a keystroke waits in its own task for its answer (Searcher.settle), so that the
 * character and its results are painted in one frame. The worker began on the text at
 * `beforeinput` and usually has it within a few ms; past this the answer comes as a message.
 */
export const SETTLE_MS = 30;

export interface SearchResults {
  /** Who to show: the matches, or everyone while a query's first answer is on its way. */
  people: People;
  /** False while the query (not empty) has had no answer yet. */
  answered: boolean;
  /**
   * For a search box that keeps its own text: searches what was just typed, and calls `commit`
   * (which makes it the `query`) in the same render as its answer. So a keystroke renders nothing
   * until its results, and then once. An empty box commits at once; an answer slower than
   * SLOW_ANSWER_MS lets the query commit without it (shown as not yet answered).
   */
  type(next: string, commit: () => void): void;
  /** The text the box is about to hold: searched now, so `type` with it finds the answer on its way. */
  ahead(next: string): void;
  /** Why people match the shown answer (useMatchReasons); null while there is none to explain. */
  explain: Explain | null;
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
    if (!complete || !directory) return;
    searcher.reload();
    // Each answer is checked against this directory's fingerprint, a hash of every id: made now, in
    // a task of its own, rather than by the first keystroke that gets an answer.
    const warm = setTimeout(() => directoryFingerprint(directory.records), 0);
    return () => clearTimeout(warm);
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
  // What the box holds now (set by type): only the latest keystroke may commit.
  const typed = useRef<string | null>(null);
  useEffect(() => {
    if (empty || !directory) return;
    let current = true;
    const ask = (again: boolean) =>
      void searcher.query(query).then((a) => {
        if (!current) return;
        // Answers to earlier keystrokes may arrive late; only the latest counts. Rendered in the task
        // that brought it, not in one React schedules after it: the answer is what the person waits for.
        if (a) flushSync(() => setAnswer(a));
        // Overtaken, but the box still holds this query: by a search nobody waits for (a guess from
        // beforeinput that no input event followed). Asked once more, or 検索中… would stay.
        else if (again && (typed.current === null || typed.current === query)) ask(false);
      });
    ask(true);
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

  // One per answer, not per query: an answer after a sync may find the same people by new fields.
  const explain = useMemo<Explain | null>(
    () => (empty || found === null ? null : (ids) => searcher.explain(query, ids)),
    [searcher, query, empty, found],
  );

  const ready = directory !== undefined;
  const type = useCallback(
    (next: string, commit: () => void) => {
      typed.current = next;
      if (!ready || next.trim() === '') {
        commit();
        return;
      }
      let committed = false;
      const once = () => {
        if (committed || typed.current !== next) return;
        committed = true;
        commit();
      };
      const slow = setTimeout(once, SLOW_ANSWER_MS);
      void searcher.query(next).then((a) => {
        clearTimeout(slow);
        if (typed.current !== next) return;
        // The effect for the committed query then asks again and gets this same answer (latestOnce).
        flushSync(() => {
          if (a) setAnswer(a);
          once();
        });
      });
      // Settled now, the answer renders in this task's microtasks, before the frame.
      searcher.settle(SETTLE_MS);
    },
    [searcher, ready],
  );

  const ahead = useCallback(
    (next: string) => {
      if (ready && next.trim() !== '') void searcher.query(next);
    },
    [searcher, ready],
  );

  if (!directory) return { people: NOBODY, answered: true, type, ahead, explain: null };
  if (empty || found === null) return { people: directory.records, answered: empty, type, ahead, explain: null };
  return { people: found, answered: true, type, ahead, explain };
}

const NOBODY: DirectoryRecord[] = [];

/** As useSearchResults, with null for "no answer yet" (pickers show no matches until then). */
export function useSearch(db: AppDb, directory: DirectoryView | undefined, query: string): DirectoryRecord[] | null {
  const { people, answered } = useSearchResults(db, directory, query);
  return useMemo(() => (answered ? people.slice() : null), [people, answered]);
}
