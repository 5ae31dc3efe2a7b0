import { memo, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/language';
import { fullName } from '../../domain/person-name';
import type { DirectoryRecord } from '../../domain/staff';
import { Avatar } from '../../ui/Avatar';
import {
  afterNextPaint,
  areFirstFacesShown,
  FIRST_FACES_MARK,
  FIRST_SCREEN_FACES,
  firstFacesShown,
} from './first-screen';
import { useReasonLine } from './reason-line';
import { personHref, usePersonLinkClicks } from './person-links';
import type { People } from './search-protocol';
import { unitFace, unitFull } from '../../ui/unit-label';
import type { DirectoryView } from '../../ui/use-directory';
import { reasonText, useMatchReasons, type Explain } from './use-match-reasons';
import { useWindowRows } from './use-window-rows';
import './directory.css';

const ROW_HEIGHT = 176;
const MIN_CARD_WIDTH = 118;
/** Rows rendered beyond each edge of the screen, so a scroll step finds its cards there. */
const OVERSCAN_ROWS = 2;

function columnsFor(width: number): number {
  return Math.max(2, Math.min(6, Math.floor(width / MIN_CARD_WIDTH)));
}

/**
 * One card's content. Memoised: as the grid scrolls or results change, a person who stays in the
 * window is only moved (the li's transform), not rendered again. `reason` takes the reading's line:
 * found by a field the card does not show, that is what the person searching needs to see.
 */
const FaceCard = memo(function FaceCard({
  person,
  unit,
  place,
  reason,
}: {
  person: DirectoryRecord;
  /** The part of the unit that tells people apart (unitFace); `place` is the whole path. */
  unit: string;
  place: string;
  reason: string | undefined;
}) {
  const { describedBy, line } = useReasonLine(person, reason);
  return (
    <a
      href={personHref(person.id)}
      data-person-link=""
      className="face-link"
      aria-label={`${fullName(person)}、${place}`}
      aria-describedby={describedBy}
    >
      <Avatar record={person} size={72} />
      <span className="face-name">{fullName(person)}</span>
      {line}
      <span className="face-unit">{unit}</span>
      <span className="face-title">{person.title}</span>
    </a>
  );
});

/**
 * D1: faces first. Virtualised by rows of cards, so 40,000 people cost what one screen costs.
 * Memoised: a keystroke whose answer is still on its way changes nothing here.
 */
export const FaceGrid = memo(function FaceGrid({
  people,
  directory,
  firstScreen = false,
  explain = null,
}: {
  people: People;
  directory: DirectoryView;
  /** Why people match the query shown, for their cards (useMatchReasons); null with none. */
  explain?: Explain | null;
  /**
   * The directory as it opens (everyone, nothing typed): the window at the top then holds at
   * least FIRST_SCREEN_FACES, below the fold too. Search results render only what is on screen
   * and a little more: each card's new text is laid out again on every keystroke.
   */
  firstScreen?: boolean;
}) {
  const t = useT();
  const listRef = useRef<HTMLUListElement>(null);
  const onClick = usePersonLinkClicks();
  const [columns, setColumns] = useState(() => columnsFor(typeof window === 'undefined' ? 390 : window.innerWidth));
  useEffect(() => {
    const el = listRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setColumns(columnsFor(entry.contentRect.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const rows = Math.ceil(people.length / columns);
  // At least a first screen's worth of faces in the window, below the fold too.
  const { start, end, capacity, shownStart, shownEnd } = useWindowRows(
    listRef,
    rows,
    ROW_HEIGHT,
    OVERSCAN_ROWS,
    firstScreen ? Math.ceil(FIRST_SCREEN_FACES / columns) : 0,
  );
  const visible = people.slice(start * columns, end * columns);
  // New results reach the cards on screen in the first frame; the overscan rows beyond the screen's
  // edges keep who they showed until that frame has been painted. They are about half the window,
  // and so half the work between a keystroke and its paint. (useDeferredValue rendered them before
  // the frame: React schedules its deferred render as a task that runs first.)
  const later = useAfterPaint(people);
  const overscan = later === people ? visible : later.slice(start * columns, end * columns);
  // Steady as the window moves, is clamped at the ends, or its content shrinks: keys stay put.
  const slots = Math.max(1, capacity * columns, visible.length);
  const reasons = useMatchReasons(explain, visible);

  useEffect(() => {
    if (areFirstFacesShown() || visible.length === 0) return;
    let current = true;
    // The frame after the commit is the one that shows the faces; counted there, in the DOM.
    void afterNextPaint().then(() => {
      const faces = listRef.current?.children.length ?? 0;
      if (!current || areFirstFacesShown() || faces < Math.min(FIRST_SCREEN_FACES, people.length)) return;
      performance.mark(FIRST_FACES_MARK, { detail: { faces } });
      firstFacesShown();
    });
    return () => {
      current = false;
    };
  }, [visible.length, people.length]);

  return (
    <ul
      ref={listRef}
      className={`face-grid face-grid--${columns}`}
      style={{ height: rows * ROW_HEIGHT }}
      aria-label={t.directory.staffList}
      onClick={onClick}
    >
      {visible.map((next, i) => {
        const index = start * columns + i;
        const row = Math.floor(index / columns);
        const col = index % columns;
        const p = row >= shownStart && row < shownEnd ? next : (overscan[i] ?? next);
        return (
          <li
            // Keyed by slot, not by person: as the window moves, the cards that leave it are reused
            // for those that come in (new text, same elements) instead of being removed and made
            // anew, which was most of the cost of a scroll step or a keystroke's new results.
            key={index % slots}
            className="face-card"
            style={{ transform: `translate(${col * 100}%, ${row * ROW_HEIGHT}px)` }}
          >
            <FaceCard
              person={p}
              unit={unitFace(directory.units, p.unitId)}
              place={unitFull(directory.units, p.unitId)}
              reason={reasonText(t, reasons.get(p.id))}
            />
          </li>
        );
      })}
    </ul>
  );
});

/** The value as it was until the frame after it changed has been painted, then the value. */
function useAfterPaint<T>(value: T): T {
  const [later, setLater] = useState(value);
  useEffect(() => {
    if (later === value) return;
    let current = true;
    void afterNextPaint().then(() => current && setLater(() => value));
    return () => {
      current = false;
    };
  }, [value, later]);
  return later;
}
