import type { OrgUnit } from './org';

// Kept apart from org.ts (its schemas and valibot), which the directory's first screen does not need.

/** Walks from a unit up to its 部, nearest first. Unknown ids end the walk. */
export function unitAncestry(units: ReadonlyMap<string, OrgUnit>, unitId: string): OrgUnit[] {
  const chain: OrgUnit[] = [];
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
export function departmentOf(units: ReadonlyMap<string, OrgUnit>, unitId: string): OrgUnit | undefined {
  return unitAncestry(units, unitId).find((u) => u.kind === 'bu');
}
