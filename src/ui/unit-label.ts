import type { OrgUnit } from '../domain/org';
import { unitAncestry } from '../domain/unit-tree';

/** "福祉部 高齢者福祉課 地域支援係": the unit with its parents, 部 first. */
export function unitPath(units: ReadonlyMap<string, OrgUnit>, unitId: string): string {
  return unitAncestry(units, unitId)
    .reverse()
    .map((u) => u.name)
    .join(' ');
}

/** Short labels by unit, per units map: a list re-renders its cards on every scroll step and keystroke. */
const shortLabels = new WeakMap<ReadonlyMap<string, OrgUnit>, Map<string, string>>();

/** Short form for a list row: the 課 and 係, without the 部. */
export function unitShort(units: ReadonlyMap<string, OrgUnit>, unitId: string): string {
  let labels = shortLabels.get(units);
  if (!labels) shortLabels.set(units, (labels = new Map()));
  let label = labels.get(unitId);
  if (label === undefined) {
    const chain = unitAncestry(units, unitId).reverse();
    const shown = chain.length > 1 ? chain.slice(1) : chain;
    label = shown.map((u) => u.name).join(' ');
    labels.set(unitId, label);
  }
  return label;
}

const faceLabels = new WeakMap<ReadonlyMap<string, OrgUnit>, Map<string, string>>();
const fullLabels = new WeakMap<ReadonlyMap<string, OrgUnit>, Map<string, string>>();
const namesUsedTwice = new WeakMap<ReadonlyMap<string, OrgUnit>, Set<string>>();

/**
 * For a face card, which has room for about eight characters (issue 22): the part that tells people
 * apart, the person's own unit (the 係, "デジタル推進係", where "情報政策課 デジタ…" was cut), with
 * its 課 before it only when another unit has the same name (two 庶務係). The whole path is in the
 * card's accessible name and on the profile.
 */
export function unitFace(units: ReadonlyMap<string, OrgUnit>, unitId: string): string {
  let labels = faceLabels.get(units);
  if (!labels) faceLabels.set(units, (labels = new Map()));
  let label = labels.get(unitId);
  if (label === undefined) {
    const own = units.get(unitId);
    label = own && own.parentId !== null && !twice(units).has(own.name) ? own.name : unitShort(units, unitId);
    labels.set(unitId, label);
  }
  return label;
}

/** unitPath, kept per units map: a card's accessible name asks for it on every render. */
export function unitFull(units: ReadonlyMap<string, OrgUnit>, unitId: string): string {
  let labels = fullLabels.get(units);
  if (!labels) fullLabels.set(units, (labels = new Map()));
  let label = labels.get(unitId);
  if (label === undefined) {
    label = unitPath(units, unitId);
    labels.set(unitId, label);
  }
  return label;
}

function twice(units: ReadonlyMap<string, OrgUnit>): Set<string> {
  let names = namesUsedTwice.get(units);
  if (!names) {
    const seen = new Set<string>();
    names = new Set();
    for (const u of units.values()) {
      if (seen.has(u.name)) names.add(u.name);
      seen.add(u.name);
    }
    namesUsedTwice.set(units, names);
  }
  return names;
}
