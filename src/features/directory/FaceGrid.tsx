import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { useT } from '../../app/i18n/language';
import { fullName, type DirectoryRecord } from '../../domain/staff';
import { Avatar } from './Avatar';
import { unitShort } from './unit-label';
import type { DirectoryView } from './use-directory';
import { useWindowRows } from './use-window-rows';

const ROW_HEIGHT = 176;
const MIN_CARD_WIDTH = 118;

/** Set once per page load, for the benchmark's offline-first-faces figure (bench/app-bench.ts). */
export const FIRST_FACES_MARK = 'directory:first-faces';
let firstFacesMarked = false;

function columnsFor(width: number): number {
  return Math.max(2, Math.min(6, Math.floor(width / MIN_CARD_WIDTH)));
}

/** D1: faces first. Virtualised by rows of cards, so 40,000 people cost what one screen costs. */
export function FaceGrid({ people, directory }: { people: DirectoryRecord[]; directory: DirectoryView }) {
  const t = useT();
  const listRef = useRef<HTMLUListElement>(null);
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
  const { start, end } = useWindowRows(listRef, rows, ROW_HEIGHT);
  const visible = people.slice(start * columns, end * columns);
  const hasFaces = visible.length > 0;
  useEffect(() => {
    if (!hasFaces || firstFacesMarked) return;
    firstFacesMarked = true;
    // The frame after the commit is the one that shows the faces.
    requestAnimationFrame(() => setTimeout(() => performance.mark(FIRST_FACES_MARK), 0));
  }, [hasFaces]);
  return (
    <ul ref={listRef} className="face-grid" style={{ height: rows * ROW_HEIGHT }} aria-label={t.directory.staffList}>
      {visible.map((p, i) => {
        const index = start * columns + i;
        const row = Math.floor(index / columns);
        const col = index % columns;
        return (
          <li
            key={p.id}
            className="face-card"
            style={{
              width: `${100 / columns}%`,
              transform: `translate(${col * 100}%, ${row * ROW_HEIGHT}px)`,
              height: ROW_HEIGHT,
            }}
          >
            <Link href={`/people/${p.id}`} className="face-link" aria-label={fullName(p)}>
              <Avatar record={p} size={72} />
              <span className="face-name">{fullName(p)}</span>
              <span className="person-kana">
                {p.familyKana} {p.givenKana}
              </span>
              <span className="face-unit">{unitShort(directory.units, p.unitId)}</span>
              <span className="face-title">{p.title}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
