import { useEffect, useState, type RefObject } from 'react';

export interface RowWindow {
  /** First and one-past-last row to render. */
  start: number;
  end: number;
}

/**
 * Which fixed-height rows of a list are on screen while the page (window) scrolls. Hand-written
 * instead of @tanstack/react-virtual: that library costs 8 KB gzipped of the 120 KB critical
 * budget, and rows of one fixed height need only this arithmetic.
 */
export function useWindowRows(
  list: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan = 6,
): RowWindow {
  const [range, setRange] = useState<RowWindow>(() => ({ start: 0, end: Math.min(count, 20) }));

  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const el = list.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top; // Relative to the viewport: negative once scrolled past.
      const first = Math.floor(Math.max(0, -top) / rowHeight);
      const visible = Math.ceil(window.innerHeight / rowHeight);
      const next = { start: Math.max(0, first - overscan), end: Math.min(count, first + visible + overscan) };
      setRange((prev) => (prev.start === next.start && prev.end === next.end ? prev : next));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [list, count, rowHeight, overscan]);

  return range;
}
