import { useMemo, useState } from 'react';
import { useT } from '../../i18n/language';
import { orgWords } from './words';
import { unitAncestry } from '../../domain/org';
import { buildOrgTree, type OrgNode } from '../../domain/org-tree';
import type { DirectoryRecord } from '../../domain/staff';
import type { DirectoryView } from '../../ui/use-directory';
import { FaceTile } from '../../ui/PersonCard';
import '../../ui/people.css';
import './org.css';

interface Props {
  directory: DirectoryView | undefined;
  selfId: string;
}

/**
 * D7: 部 → 課 → 係 with the faces in each. Each unit is a disclosure button inside a heading (h2 部,
 * h3 課, h4 係), so headings navigation still works. Faces are rendered only for open units: a
 * 部 of a large city holds thousands of people. The signed-in person's own units start open.
 */
export function OrgScreen({ directory, selfId }: Props) {
  const t = useT(orgWords);
  const tree = useMemo(() => (directory ? buildOrgTree(directory.units, directory.records) : null), [directory]);
  const selfUnit = directory?.byId.get(selfId)?.unitId;
  const [opened, setOpened] = useState<ReadonlySet<string> | null>(null);
  // Until the person first taps, the path to their own 係 is open; it is known only once the directory has loaded.
  const open = useMemo(
    () => opened ?? new Set(directory && selfUnit ? unitAncestry(directory.units, selfUnit).map((u) => u.id) : []),
    [opened, directory, selfUnit],
  );
  const toggle = (id: string) => {
    const next = new Set(open);
    if (!next.delete(id)) next.add(id);
    setOpened(next);
  };

  return (
    <section className="people-page org" aria-labelledby="org-title">
      <h1 id="org-title">{t.org.title}</h1>
      {!directory || !tree ? (
        <p className="muted">{t.common.loading}</p>
      ) : tree.roots.length === 0 ? (
        <p className="muted">{t.org.notReceived}</p>
      ) : (
        <>
          <p className="people-lead">{t.org.summary(tree.roots.length, directory.records.length)}</p>
          <ul className="org-list">
            {tree.roots.map((node) => (
              <Unit key={node.unit.id} node={node} depth={0} open={open} toggle={toggle} />
            ))}
          </ul>
          {tree.unplaced.length > 0 && (
            <section aria-labelledby="org-unplaced">
              <h2 id="org-unplaced">{t.org.unplaced}</h2>
              <Faces people={tree.unplaced} label={t.org.unplacedStaff} />
            </section>
          )}
        </>
      )}
    </section>
  );
}

interface UnitProps {
  node: OrgNode;
  depth: number;
  open: ReadonlySet<string>;
  toggle: (id: string) => void;
}

function Unit({ node, depth, open, toggle }: UnitProps) {
  const t = useT(orgWords);
  const isOpen = open.has(node.unit.id);
  const regionId = `org-unit-${node.unit.id}`;
  const Heading = depth === 0 ? 'h2' : depth === 1 ? 'h3' : 'h4';
  return (
    <li className={`org-unit org-unit--${node.unit.kind}`}>
      <Heading className="org-heading">
        <button
          type="button"
          className="org-toggle"
          aria-expanded={isOpen}
          aria-controls={regionId}
          onClick={() => toggle(node.unit.id)}
        >
          <span className="org-marker" aria-hidden="true">
            {isOpen ? '▾' : '▸'}
          </span>
          <span className="org-name">{node.unit.name}</span>{' '}
          <span className="org-count">{t.common.people(node.total)}</span>
        </button>
      </Heading>
      {/* Always present, so aria-controls names an element; empty while closed. */}
      <div id={regionId} hidden={!isOpen}>
        {isOpen && (
          <>
            {node.members.length > 0 && <Faces people={node.members} label={t.common.staffOf(node.unit.name)} />}
            {node.children.length > 0 && (
              <ul className="org-list">
                {node.children.map((child) => (
                  <Unit key={child.unit.id} node={child} depth={depth + 1} open={open} toggle={toggle} />
                ))}
              </ul>
            )}
            {node.total === 0 && <p className="muted">{t.org.empty}</p>}
          </>
        )}
      </div>
    </li>
  );
}

function Faces({ people, label }: { people: readonly DirectoryRecord[]; label: string }) {
  return (
    <ul className="face-tiles" aria-label={label}>
      {people.map((r) => (
        <FaceTile key={r.id} record={r} />
      ))}
    </ul>
  );
}
