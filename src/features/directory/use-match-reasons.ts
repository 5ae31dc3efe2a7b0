import { useEffect, useRef, useState } from 'react';
import type { Messages } from '../../i18n/ja';
import type { MatchReason } from '../../domain/search/explain';
import type { DirectoryRecord } from '../../domain/staff';
import { afterNextPaint } from './first-screen';

/** Why each of these people matches the shown query; one function per query, null with none. */
export type Explain = (ids: readonly string[]) => Promise<(MatchReason | null)[]>;

const NONE: ReadonlyMap<string, MatchReason> = new Map();

/** The reasons on screen, and the query (its explain) they are for. */
interface Shown {
  explain: Explain | null;
  reasons: ReadonlyMap<string, MatchReason>;
}

/**
 * Reasons for the people on screen whose cards would not show why they match (旧姓 田中 on 柴田's
 * card for たなか), asked of the search worker after the frame that shows the results: the reasons
 * are a second look, and a keystroke's faces must not wait for them. Each person is asked about
 * once per query, so scrolling asks only about those who come into view. Until a new query's
 * reasons come, the last query's stay: typing "exce" to "excel" keeps the same lines rather than
 * clearing them for a frame.
 */
export function useMatchReasons(
  explain: Explain | null,
  people: readonly DirectoryRecord[],
): ReadonlyMap<string, MatchReason> {
  const [shown, setShown] = useState<Shown>({ explain: null, reasons: NONE });
  const asked = useRef<{ explain: Explain | null; ids: Set<string> }>({ explain: null, ids: new Set() });
  // A string, so the effect runs when who is on screen changes, not on every render.
  const onScreen = people.map((p) => p.id).join('\n');

  useEffect(() => {
    if (explain === null) {
      asked.current = { explain: null, ids: new Set() };
      setShown((prev) => (prev.reasons === NONE ? prev : { explain: null, reasons: NONE }));
      return;
    }
    if (asked.current.explain !== explain) asked.current = { explain, ids: new Set() };
    // Answers about this query count until another query comes; a scroll meanwhile drops none of
    // them (scrolling on would otherwise keep the reasons from ever arriving).
    const mine = asked.current;
    const missing = onScreen.split('\n').filter((id) => id !== '' && !mine.ids.has(id));
    if (missing.length === 0) return;
    for (const id of missing) mine.ids.add(id);
    void afterNextPaint()
      .then(() => (asked.current === mine ? explain(missing) : null))
      .then(
        (reasons) => {
          if (asked.current === mine && reasons !== null) setShown((prev) => merged(prev, explain, missing, reasons));
        },
        // No reasons is a card as it always was; asked again when they are next on screen.
        () => {
          for (const id of missing) mine.ids.delete(id);
        },
      );
  }, [explain, onScreen]);

  return shown.reasons;
}

/** The reasons with these answers added; the same object when nothing changed, so nothing renders. */
function merged(
  prev: Shown,
  explain: Explain,
  ids: readonly string[],
  answers: readonly (MatchReason | null)[],
): Shown {
  // Another query's reasons are replaced, not added to.
  const base = prev.explain === explain ? prev.reasons : NONE;
  const next = new Map(base);
  let changed = base !== prev.reasons;
  ids.forEach((id, i) => {
    const reason = answers[i] ?? null;
    const old = prev.reasons.get(id);
    if (reason === null) {
      if (next.delete(id)) changed = true;
    } else if (old !== undefined && old.field === reason.field && old.text === reason.text) {
      // The same reason keeps its object, so that an answer changing nothing returns prev (no render).
      if (next.get(id) !== old) changed = true;
      next.set(id, old);
    } else {
      next.set(id, reason);
      changed = true;
    }
  });
  // Unchanged also when a query with no reasons follows one with none: no render for a keystroke.
  if (!changed) return prev;
  return { explain, reasons: next.size === 0 ? NONE : next };
}

/** A reason as a card or row says it, in place of the reading: 旧姓・通称：田中. */
export function reasonText(t: Messages, reason: MatchReason | undefined): string | undefined {
  return reason && t.directory.reason(t.directory.matchedBy[reason.field], reason.text);
}
