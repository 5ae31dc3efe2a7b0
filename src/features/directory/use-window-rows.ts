import { useEffect, useState, type RefObject } from 'react';

export interface RowWindow {
  /** First and one-past-last row to render. */
  start: number;
  end: number;
  /** Rows a window holds away from the list's ends: a steady number to key reused rows by. */
  capacity: number;
  /** The rendered rows that reach into the viewport (the rest are overscan): first and one past the last. */
  shownStart: number;
  shownEnd: number;
}

/**
 * Which rows of fixed height to render, given the first row on screen and how many fit: `overscan`
 * rows either side, and at the top of the list at least `minRows`. `seen` is how many rows reach
 * into the viewport (fewer than `onScreen` while the list starts below its top). Pure, so the
 * window follows a new row count (a keystroke's results) in the same render, with nothing read
 * from the DOM.
 */
export function rowWindow(
  firstOnScreen: number,
  onScreen: number,
  count: number,
  overscan: number,
  minRows: number,
  seen = onScreen,
): RowWindow {
  const start = Math.max(0, Math.min(firstOnScreen, count - onScreen) - overscan);
  const end = Math.min(
    count,
    start === 0 ? Math.max(firstOnScreen + onScreen + overscan, minRows) : firstOnScreen + onScreen + overscan,
  );
  // A list that got shorter than the scroll position is shown at its end (the browser scrolls up).
  const firstShown = Math.max(0, Math.min(firstOnScreen, count - seen));
  return {
    start,
    end,
    capacity: Math.max(onScreen + 2 * overscan, minRows),
    shownStart: Math.min(end, Math.max(start, firstShown)),
    shownEnd: Math.min(end, firstShown + seen),
  };
}

/**
 * Which fixed-height rows of a list are on screen while the page (window) scrolls. Hand-written
 * instead of @tanstack/react-virtual: that library costs 8 KB gzipped of the 120 KB critical
 * budget, and rows of one fixed height need only this arithmetic.
 *
 * The list's position is read only in an animation frame after a scroll or resize, when layout is
 * due anyway. Reading it after a render (as this did when the row count changed) forced a layout
 * of the whole page before the frame, on every keystroke in the search box.
 */
export function useWindowRows(
  list: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan = 6,
  /** Rows the window holds at least, from its start (so a first screen has enough below the fold). */
  minRows = 0,
): RowWindow {
  const [view, setView] = useState(() => {
    const onScreen = Math.ceil((typeof window === 'undefined' ? 844 : window.innerHeight) / rowHeight);
    return { first: 0, onScreen, seen: onScreen };
  });

  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const el = list.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top; // Relative to the viewport: negative once scrolled past.
      const first = Math.floor(Math.max(0, -top) / rowHeight);
      const next = {
        first,
        onScreen: Math.ceil(window.innerHeight / rowHeight),
        seen: Math.max(0, Math.ceil((window.innerHeight - top) / rowHeight) - first),
      };
      setView((prev) =>
        prev.first === next.first && prev.onScreen === next.onScreen && prev.seen === next.seen ? prev : next,
      );
    };
    const schedule = () => {
      if (typeof requestAnimationFrame === 'undefined') measure();
      else if (!frame) frame = requestAnimationFrame(measure);
    };
    schedule();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [list, rowHeight]);

  return rowWindow(view.first, view.onScreen, count, overscan, minRows, view.seen);
}
