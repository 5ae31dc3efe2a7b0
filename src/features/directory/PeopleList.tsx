import { memo, useRef } from 'react';
import { useT } from '../../i18n/language';
import { fullName, type DirectoryRecord } from '../../domain/staff';
import { Avatar } from '../../ui/Avatar';
import { useReasonLine } from './reason-line';
import { personHref, usePersonLinkClicks } from './person-links';
import type { People } from './search-protocol';
import { unitShort } from '../../ui/unit-label';
import type { DirectoryView } from '../../ui/use-directory';
import type { MatchField, MatchReason } from '../../domain/search/explain';
import { reasonText, useMatchReasons, type Explain } from './use-match-reasons';
import { useWindowRows } from './use-window-rows';
import './directory.css';

const ROW_HEIGHT = 76;
/** A row shows the 旧姓・通称 beside the name and the extension at its end: those need no reason here. */
const ROW_SHOWS: ReadonlySet<MatchField> = new Set(['altName', 'extension']);

/** One row's content, memoised as FaceGrid's cards are: a row that stays in the window is only moved. */
const PersonRow = memo(function PersonRow({
  person,
  unit,
  reason,
}: {
  person: DirectoryRecord;
  unit: string;
  reason: string | undefined;
}) {
  const { describedBy, line } = useReasonLine(person, reason);
  return (
    <a
      href={personHref(person.id)}
      data-person-link=""
      className="person-link"
      aria-label={fullName(person)}
      aria-describedby={describedBy}
    >
      <Avatar record={person} size={52} />
      <span className="person-text">
        <span className="person-name">
          {fullName(person)}
          {person.altFamilyName && <span className="alt-name">（{person.altFamilyName}）</span>}
        </span>
        {line}
        <span className="person-unit">
          {unit}・{person.title}
        </span>
      </span>
      <span className="person-ext" aria-hidden="true">
        {person.extension}
      </span>
    </a>
  );
});

/** One line per person, with the extension: for scanning a section and calling. Memoised as FaceGrid. */
export const PeopleList = memo(function PeopleList({
  people,
  directory,
  explain = null,
}: {
  people: People;
  directory: DirectoryView;
  explain?: Explain | null;
}) {
  const t = useT();
  const listRef = useRef<HTMLUListElement>(null);
  const onClick = usePersonLinkClicks();
  const { start, end, capacity } = useWindowRows(listRef, people.length, ROW_HEIGHT);
  const slots = Math.max(1, capacity, end - start);
  const shown = people.slice(start, end);
  const reasons = useMatchReasons(explain, shown);
  return (
    <ul
      ref={listRef}
      className="people"
      style={{ height: people.length * ROW_HEIGHT }}
      aria-label={t.directory.staffList}
      onClick={onClick}
    >
      {shown.map((p, i) => (
        <li
          // By slot, as FaceGrid's cards: leaving rows are reused for arriving ones.
          key={(start + i) % slots}
          className="person-row"
          style={{ transform: `translateY(${(start + i) * ROW_HEIGHT}px)` }}
        >
          <PersonRow
            person={p}
            unit={unitShort(directory.units, p.unitId)}
            reason={reasonText(t, rowReason(reasons.get(p.id)))}
          />
        </li>
      ))}
    </ul>
  );
});

function rowReason(reason: MatchReason | undefined): MatchReason | undefined {
  return reason && !ROW_SHOWS.has(reason.field) ? reason : undefined;
}
