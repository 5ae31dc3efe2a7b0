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
