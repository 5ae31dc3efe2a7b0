// Kept apart from org.ts (its schemas and valibot), which the directory's first screen does not need.
// Structural, so that it imports nothing: org.ts re-exports it, and an OrgUnit is such a unit.

/** What walking up the tree needs of a unit. */
export interface TreeUnit {
  id: string;
  parentId: string | null;
  kind: string;
}

/** Walks from a unit up to its 部, nearest first. Unknown ids end the walk. */
export function unitAncestry<U extends TreeUnit>(units: ReadonlyMap<string, U>, unitId: string): U[] {
  const chain: U[] = [];
  const seen = new Set<string>();
  let current = units.get(unitId);
  while (current && !seen.has(current.id)) {
    chain.push(current);
    seen.add(current.id);
    current = current.parentId === null ? undefined : units.get(current.parentId);
  }
  return chain;
}

/** The 部 a unit belongs to (the unit itself when it is a 部). */
export function departmentOf<U extends TreeUnit>(units: ReadonlyMap<string, U>, unitId: string): U | undefined {
  return unitAncestry(units, unitId).find((u) => u.kind === 'bu');
}
