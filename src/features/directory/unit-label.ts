import { unitAncestry, type OrgUnit } from '../../domain/org';

/** "福祉部 高齢者福祉課 地域支援係": the unit with its parents, 部 first. */
export function unitPath(units: ReadonlyMap<string, OrgUnit>, unitId: string): string {
  return unitAncestry(units, unitId)
    .reverse()
    .map((u) => u.name)
    .join(' ');
}

/** Short form for a list row: the 課 and 係, without the 部. */
export function unitShort(units: ReadonlyMap<string, OrgUnit>, unitId: string): string {
  const chain = unitAncestry(units, unitId).reverse();
  const shown = chain.length > 1 ? chain.slice(1) : chain;
  return shown.map((u) => u.name).join(' ');
}
