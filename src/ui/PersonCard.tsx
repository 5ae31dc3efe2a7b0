import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { fullName, type DirectoryRecord } from '../domain/staff';
import { Avatar } from './Avatar';
import type { DirectoryView } from './use-directory';
import { unitShort } from './unit-label';
import './people.css';

interface Props {
  record: DirectoryRecord;
  units: DirectoryView['units'];
  /** Extra lines under the name (what is shared, a level). */
  children?: ReactNode;
}

/**
 * One person in a list: face, full name, unit and title. The link's text is the full name alone, so
 * a screen reader announces just the name; its ::after covers the whole card, so tapping the face
 * or the lines below opens the profile too.
 */
export function PersonCard({ record, units, children }: Props) {
  return (
    <li className="person-card">
      <Avatar record={record} size={48} />
      <div className="person-card-text">
        <Link href={`/people/${record.id}`} className="person-card-link">
          {fullName(record)}
        </Link>
        <span className="person-card-meta">
          {unitShort(units, record.unitId)}・{record.title}
        </span>
        {children}
      </div>
    </li>
  );
}

/** A person as a face tile (org tree, community members): the link holds the face and the name. */
export function FaceTile({ record }: { record: DirectoryRecord }) {
  return (
    <li className="face-tile">
      <Link href={`/people/${record.id}`} className="face-tile-link">
        <Avatar record={record} size={56} />
        <span className="face-tile-name">{fullName(record)}</span>
      </Link>
    </li>
  );
}
