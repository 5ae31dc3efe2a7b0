import type { OrgUnit } from './org';
import { byOrganisation, compareSiblings, unitOrder } from './peers';
import type { DirectoryRecord } from './staff';

/** One unit of the chart (D7) with the people sitting directly in it and its sub-units. */
export interface OrgNode {
  unit: OrgUnit;
  /** People whose unit is this one (a 課長 sits in the 課, a 部長 in the 部), in organisation order. */
  members: DirectoryRecord[];
  children: OrgNode[];
  /** Everyone in this unit and below it. */
  total: number;
}

export interface OrgTree {
  /** The 部 (and any unit whose parent is missing), in chart order. */
  roots: OrgNode[];
  /** People whose unit is not in the chart (the units list and the directory disagree for a moment). */
  unplaced: DirectoryRecord[];
}

/** Builds 部 → 課 → 係 with the people in each. One pass over people, one over units. */
export function buildOrgTree(units: ReadonlyMap<string, OrgUnit>, records: readonly DirectoryRecord[]): OrgTree {
  const nodes = new Map<string, OrgNode>();
  for (const u of units.values()) nodes.set(u.id, { unit: u, members: [], children: [], total: 0 });
  const unplaced: DirectoryRecord[] = [];
  for (const r of records) {
    const node = nodes.get(r.unitId);
    if (node) node.members.push(r);
    else unplaced.push(r);
  }
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parentId = node.unit.parentId;
    const parent = parentId === null || parentId === node.unit.id ? undefined : nodes.get(parentId);
    (parent ? parent.children : roots).push(node);
  }
  const cmp = byOrganisation(unitOrder(units));
  const seen = new Set<string>();
  // Post-order: a node's total needs its children's. `seen` stops a cycle in bad data.
  const finish = (node: OrgNode): number => {
    if (seen.has(node.unit.id)) return 0;
    seen.add(node.unit.id);
    node.children.sort((a, b) => compareSiblings(a.unit, b.unit));
    node.members.sort(cmp);
    node.total = node.members.length + node.children.reduce((sum, c) => sum + finish(c), 0);
    return node.total;
  };
  roots.sort((a, b) => compareSiblings(a.unit, b.unit));
  for (const root of roots) finish(root);
  return { roots, unplaced: unplaced.sort(cmp) };
}
