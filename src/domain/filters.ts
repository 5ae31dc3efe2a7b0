import { DX_SKILLS } from './dx-skills';
import type { JobLevel, OrgUnit } from './org';
import { unitAncestry } from './unit-tree';
import type { DirectoryRecord } from './staff';

/** D3 filters. An empty field means "any"; all set fields must hold (AND). */
export interface DirectoryFilter {
  /** A 部, 課 or 係: the person sits in it or anywhere below it. */
  unitId: string;
  jobLevel: JobLevel | '';
  /** A DX skill (with `minLevel`) or any other skill tag. */
  skill: string;
  /** For a DX skill: at least this level (1-3). Ignored for other skills. */
  minLevel: number;
  hobby: string;
  qualification: string;
}

export const EMPTY_FILTER: DirectoryFilter = {
  unitId: '',
  jobLevel: '',
  skill: '',
  minLevel: 1,
  hobby: '',
  qualification: '',
};

export function isFilterEmpty(f: DirectoryFilter): boolean {
  return !f.unitId && !f.jobLevel && !f.skill && !f.hobby && !f.qualification;
}

export function countActiveFilters(f: DirectoryFilter): number {
  return [f.unitId, f.jobLevel, f.skill, f.hobby, f.qualification].filter((x) => x !== '').length;
}

/** Keeps the people who match every set filter, in their original order. */
export function applyFilter(
  records: readonly DirectoryRecord[],
  units: ReadonlyMap<string, OrgUnit>,
  f: DirectoryFilter,
): DirectoryRecord[] {
  if (isFilterEmpty(f)) return [...records];
  const dxIndex = (DX_SKILLS as readonly string[]).indexOf(f.skill);
  // Which units lie under the chosen one, worked out once rather than per person.
  const inUnit = new Map<string, boolean>();
  const under = (unitId: string) => {
    let hit = inUnit.get(unitId);
    if (hit === undefined) {
      hit = unitAncestry(units, unitId).some((u) => u.id === f.unitId);
      inUnit.set(unitId, hit);
    }
    return hit;
  };
  return records.filter(
    (r) =>
      (!f.unitId || under(r.unitId)) &&
      (!f.jobLevel || r.jobLevel === f.jobLevel) &&
      (!f.skill || (dxIndex >= 0 ? (r.dxLevels[dxIndex] ?? 0) >= f.minLevel : r.skills.includes(f.skill))) &&
      (!f.hobby || r.hobbies.includes(f.hobby)) &&
      (!f.qualification || r.qualifications.includes(f.qualification)),
  );
}

/** The tags in use, most common first, for the filter menus (built from the device's directory). */
export function tagsInUse(
  records: readonly DirectoryRecord[],
  field: 'skills' | 'hobbies' | 'qualifications',
): string[] {
  const counts = new Map<string, number>();
  for (const r of records) for (const t of r[field]) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
}
