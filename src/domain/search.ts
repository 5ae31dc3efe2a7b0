import type { OrgUnit } from './org';
import type { DirectoryRecord } from './staff';

/**
 * Folds the forms a person may type into one: full-width letters and digits and half-width kana
 * (NFKC), katakana to hiragana, lower case, no spaces.
 */
export function normalizeForSearch(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .toLowerCase()
    .replace(/[\s\u3000]+/g, '');
}

export interface SearchEntry {
  record: DirectoryRecord;
  /** Name forms (kanji, reading, 旧姓・通称), normalised, for exact and prefix ranking. */
  names: string[];
  /** Everything searchable, normalised and joined. */
  haystack: string;
}

export function buildSearchIndex(
  records: readonly DirectoryRecord[],
  units: ReadonlyMap<string, OrgUnit>,
): SearchEntry[] {
  const unitText = new Map<string, string>();
  const textOf = (unitId: string): string => {
    const cached = unitText.get(unitId);
    if (cached !== undefined) return cached;
    const parts: string[] = [];
    for (let u = units.get(unitId); u; u = u.parentId ? units.get(u.parentId) : undefined) parts.push(u.name, u.kana);
    const text = normalizeForSearch(parts.join(' '));
    unitText.set(unitId, text);
    return text;
  };
  return records.map((r) => {
    const names = [
      r.familyName + r.givenName,
      r.familyKana + r.givenKana,
      r.givenName,
      r.givenKana,
      r.altFamilyName + r.givenName,
      r.altFamilyKana + r.givenKana,
    ]
      .filter((n) => n !== '')
      .map(normalizeForSearch);
    const haystack = [...names, r.extension, textOf(r.unitId), normalizeForSearch(r.title)].join('\u0001');
    return { record: r, names, haystack };
  });
}

/** Exact name matches first, then name prefixes, then anything containing the query; stable within each rank. */
export function search(index: readonly SearchEntry[], query: string, limit = Infinity): DirectoryRecord[] {
  const q = normalizeForSearch(query);
  if (q === '') return index.slice(0, limit).map((e) => e.record);
  const ranks: DirectoryRecord[][] = [[], [], []];
  for (const e of index) {
    if (!e.haystack.includes(q)) continue;
    const rank = e.names.some((n) => n === q) ? 0 : e.names.some((n) => n.startsWith(q)) ? 1 : 2;
    ranks[rank]?.push(e.record);
  }
  return ranks.flat().slice(0, limit);
}
