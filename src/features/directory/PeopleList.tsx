import { useRef } from 'react';
import { Link } from 'wouter';
import { useT } from '../../app/i18n/language';
import { fullName, type DirectoryRecord } from '../../domain/staff';
import { Avatar } from './Avatar';
import { unitShort } from './unit-label';
import type { DirectoryView } from './use-directory';
import { useWindowRows } from './use-window-rows';

const ROW_HEIGHT = 76;

/** One line per person, with the extension: for scanning a section and calling. */
export function PeopleList({ people, directory }: { people: DirectoryRecord[]; directory: DirectoryView }) {
  const t = useT();
  const listRef = useRef<HTMLUListElement>(null);
  const { start, end } = useWindowRows(listRef, people.length, ROW_HEIGHT);
  return (
    <ul
      ref={listRef}
      className="people"
      style={{ height: people.length * ROW_HEIGHT }}
      aria-label={t.directory.staffList}
    >
      {people.slice(start, end).map((p, i) => (
        <li
          key={p.id}
          className="person-row"
          style={{ transform: `translateY(${(start + i) * ROW_HEIGHT}px)`, height: ROW_HEIGHT }}
        >
          <Link href={`/people/${p.id}`} className="person-link" aria-label={fullName(p)}>
            <Avatar record={p} size={52} />
            <span className="person-text">
              <span className="person-name">
                {fullName(p)}
                {p.altFamilyName && <span className="alt-name">（{p.altFamilyName}）</span>}
              </span>
              <span className="person-kana">
                {p.familyKana} {p.givenKana}
              </span>
              <span className="person-unit">
                {unitShort(directory.units, p.unitId)}・{p.title}
              </span>
            </span>
            <span className="person-ext" aria-hidden="true">
              {p.extension}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
