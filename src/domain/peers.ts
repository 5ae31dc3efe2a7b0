import { DX_SKILLS, JOB_LEVELS, departmentOf, type DxSkill, type OrgUnit } from './org';
import type { DirectoryRecord } from './staff';

/**
 * D6 "find peers" and "who can help", computed on the device from the directory it holds, so they
 * work offline. Pure functions over the records and units; no React, no storage.
 *
 * No public ranking of people: the peers list is a suggestion for the signed-in person only, and
 * "who can help" lists people in organisation order, never by level, so it cannot be read as a
 * league table.
 */

/**
 * The form a tag is compared in: full/half width and case folded (ＥＸＣＥＬ = excel), katakana as
 * hiragana (ランニング = らんにんぐ), spaces removed. Tags are typed by people on phones, so the same
 * skill arrives spelled several ways.
 */
export function tagKey(tag: string): string {
  return tag
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/\s+/g, '');
}

/**
 * Position of every unit in the organisation chart read top to bottom (部 by `order`, then its 課,
 * then its 係), for stable "organisation order" sorting. Units whose parent is missing come last.
 */
export function unitOrder(units: ReadonlyMap<string, OrgUnit>): Map<string, number> {
  const children = new Map<string | null, OrgUnit[]>();
  for (const u of units.values()) {
    const parent = u.parentId !== null && units.has(u.parentId) ? u.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(u);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort(compareSiblings);
  const order = new Map<string, number>();
  const visit = (parent: string | null) => {
    for (const u of children.get(parent) ?? []) {
      if (order.has(u.id)) continue; // A cycle in bad data must not loop forever.
      order.set(u.id, order.size);
      visit(u.id);
    }
  };
  visit(null);
  return order;
}

export function compareSiblings(a: OrgUnit, b: OrgUnit): number {
  return a.order - b.order || compareText(a.kana, b.kana) || compareText(a.id, b.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const JOB_RANK = new Map<string, number>(JOB_LEVELS.map((level, i) => [level, i]));

/**
 * Organisation order of people: by unit in chart order, then seniority (部長 before 主事, as on a
 * seating chart), then reading, then id so that equal people never swap places between renders.
 */
export function byOrganisation(order: ReadonlyMap<string, number>): (a: DirectoryRecord, b: DirectoryRecord) => number {
  const unitRank = (r: DirectoryRecord) => order.get(r.unitId) ?? Number.MAX_SAFE_INTEGER;
  const jobRank = (r: DirectoryRecord) => JOB_RANK.get(r.jobLevel) ?? JOB_LEVELS.length;
  return (a, b) =>
    unitRank(a) - unitRank(b) ||
    jobRank(a) - jobRank(b) ||
    compareText(a.familyKana + a.givenKana, b.familyKana + b.givenKana) ||
    compareText(a.id, b.id);
}

export interface PeerSuggestion {
  record: DirectoryRecord;
  /** The shared skills and hobbies, spelled as the signed-in person spells them. */
  sharedSkills: string[];
  sharedHobbies: string[];
}

/**
 * People in other 部 who share at least one of my skills or hobbies, most shared first; equal ones
 * in organisation order. Someone whose unit is unknown counts as another department only if their
 * unit differs from mine: without a chart there is no better guess.
 */
export function findPeers(
  self: DirectoryRecord,
  records: readonly DirectoryRecord[],
  units: ReadonlyMap<string, OrgUnit>,
  limit = 50,
): PeerSuggestion[] {
  const mySkills = keyed(self.skills);
  const myHobbies = keyed(self.hobbies);
  if (mySkills.size === 0 && myHobbies.size === 0) return [];
  const deptKey = (r: DirectoryRecord) => departmentOf(units, r.unitId)?.id ?? `unit:${r.unitId}`;
  const myDept = deptKey(self);
  const found: PeerSuggestion[] = [];
  for (const r of records) {
    if (r.id === self.id) continue;
    const sharedSkills = shared(mySkills, r.skills);
    const sharedHobbies = shared(myHobbies, r.hobbies);
    if (sharedSkills.length + sharedHobbies.length === 0) continue;
    if (deptKey(r) === myDept) continue; // Checked after the tags: most people share nothing, and this walks the chart.
    found.push({ record: r, sharedSkills, sharedHobbies });
  }
  const cmp = byOrganisation(unitOrder(units));
  const count = (p: PeerSuggestion) => p.sharedSkills.length + p.sharedHobbies.length;
  return found.sort((a, b) => count(b) - count(a) || cmp(a.record, b.record)).slice(0, limit);
}

/** My tags by their comparison key, keeping my first spelling of each. */
function keyed(tags: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const t of tags) {
    const k = tagKey(t);
    if (k !== '' && !map.has(k)) map.set(k, t);
  }
  return map;
}

function shared(mine: ReadonlyMap<string, string>, theirs: readonly string[]): string[] {
  if (mine.size === 0) return [];
  const out = new Set<string>();
  for (const t of theirs) {
    const spelled = mine.get(tagKey(t));
    if (spelled !== undefined) out.add(spelled);
  }
  return [...out];
}

/** A "who can help with X" question: a DX skill at a level, or any other skill by its tag. */
export type HelpQuery = { kind: 'dx'; skill: DxSkill; minLevel: 1 | 2 | 3 } | { kind: 'tag'; tag: string };

export interface Helper {
  record: DirectoryRecord;
  /** The person's level in the asked DX skill; null for a tag query. */
  level: number | null;
}

/** Makes a query from what a form holds: a DX skill's name gives a level query, anything else a tag. */
export function helpQuery(skill: string, minLevel: number): HelpQuery | null {
  const trimmed = skill.trim();
  if (trimmed === '') return null;
  const dx = DX_SKILLS.find((s) => s === trimmed);
  if (dx === undefined) return { kind: 'tag', tag: trimmed };
  const level = minLevel === 2 || minLevel === 3 ? minLevel : 1;
  return { kind: 'dx', skill: dx, minLevel: level };
}

/**
 * Everyone who can help, the asker excluded, in organisation order (not by level: see the top of
 * this file). A DX skill matches at `minLevel` or above; another skill matches its tag, however
 * it is spelled (see tagKey).
 */
export function whoCanHelp(
  query: HelpQuery,
  records: readonly DirectoryRecord[],
  units: ReadonlyMap<string, OrgUnit>,
  selfId: string | null = null,
): Helper[] {
  const found: Helper[] = [];
  if (query.kind === 'dx') {
    const i = DX_SKILLS.indexOf(query.skill);
    for (const r of records) {
      const level = r.dxLevels[i] ?? 0;
      if (r.id !== selfId && level >= query.minLevel) found.push({ record: r, level });
    }
  } else {
    const key = tagKey(query.tag);
    if (key === '') return [];
    for (const r of records) {
      if (r.id !== selfId && r.skills.some((s) => tagKey(s) === key)) found.push({ record: r, level: null });
    }
  }
  const cmp = byOrganisation(unitOrder(units));
  return found.sort((a, b) => cmp(a.record, b.record));
}

/**
 * The skill tags people in the directory hold, one spelling per key (the most common one), sorted
 * by reading, for the "who can help" picker. DX skills are offered separately.
 */
export function skillTags(records: readonly DirectoryRecord[]): string[] {
  const spellings = new Map<string, Map<string, number>>();
  for (const r of records) {
    for (const s of r.skills) {
      const k = tagKey(s);
      if (k === '') continue;
      const counts = spellings.get(k) ?? new Map<string, number>();
      counts.set(s, (counts.get(s) ?? 0) + 1);
      spellings.set(k, counts);
    }
  }
  const tags: string[] = [];
  for (const counts of spellings.values()) {
    let best = '';
    let bestCount = 0;
    for (const [s, n] of counts) {
      if (n > bestCount || (n === bestCount && s < best)) {
        best = s;
        bestCount = n;
      }
    }
    tags.push(best);
  }
  return tags.sort((a, b) => a.localeCompare(b, 'ja'));
}
