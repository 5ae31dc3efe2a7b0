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

/**
 * "Section" is the 課: the nearest 課 above a person's unit (their 係, or the 課 itself for a
 * 課長). A 係 is too small a unit: the next 係 of the same 課 works with the nominee every day and
 * shares its 課長, who writes the evaluations. A 部 is too large: with a committee of one member
 * per 部 (as in the demo ward), excluding the whole 部 would often leave nobody to review. A person
 * sitting directly under a 部 (a 部長) has the 部 as section. Used by the nominations (who may
 * review) and the trainings (whose 課長 approves an application).
 */
export function sectionOf(units: ReadonlyMap<string, TreeUnit>, unitId: string): string | null {
  const chain = unitAncestry(units, unitId);
  return (chain.find((u) => u.kind === 'ka') ?? chain[0])?.id ?? null;
}
