import type { OrgUnit } from '../org';
import { unitAncestry } from '../org';
import type { DirectoryRecord } from '../staff';
import { HAS_KANA, NOT_DIGIT, normalizeForSearch } from './normalize';
import { parseQuery, type Term } from './query';
import { romajiKey } from './romaji';

/** Fields a person can be found by that a face card does not show. */
export type MatchField = 'altName' | 'skill' | 'hobby' | 'qualification' | 'extension';

/** Why a person is in the results when nothing on their card says so: the field and its text as written. */
export interface MatchReason {
  readonly field: MatchField;
  readonly text: string;
}

/** A field's text as the index holds it, and its romaji key once a romaji term has needed it. */
interface Folded {
  readonly text: string;
  roma?: string | null;
}

/**
 * Fields as folded, by their text: the screen asks about the people on it after every keystroke,
 * mostly the same people, and titles, tags and unit names repeat across thousands. Bounded, as
 * names do not repeat.
 */
const folded = new Map<string, Folded>();
const FOLDED_MAX = 20_000;

function fold(value: string): Folded {
  let f = folded.get(value);
  if (f === undefined) {
    if (folded.size >= FOLDED_MAX) folded.clear();
    f = { text: normalizeForSearch(value) };
    folded.set(value, f);
  }
  return f;
}

/** Whether term occurs in value, by the rules the index matches with (build.ts): text, Latin words, readings in romaji. */
function holds(term: Term, value: string): boolean {
  if (value === '') return false;
  const f = fold(value);
  if (f.text.includes(term.text)) return true;
  if (term.roma === null) return false;
  f.roma ??= HAS_KANA.test(f.text) ? romajiKey(f.text) : null;
  return f.roma !== null && f.roma.includes(term.roma);
}

/**
 * On the card already: the name and its reading, the title, the unit. Also the 部 above it, which
 * the card leaves out: a search by a 部's name brings its people, and says why by itself.
 */
function shown(r: DirectoryRecord, units: ReadonlyMap<string, OrgUnit>, term: Term): boolean {
  return (
    [r.familyName + r.givenName, r.familyKana + r.givenKana, r.familyKana, r.givenKana, r.title].some((v) =>
      holds(term, v),
    ) || unitAncestry(units, r.unitId).some((u) => holds(term, u.name) || holds(term, u.kana))
  );
}

function hidden(r: DirectoryRecord, term: Term): MatchReason | null {
  const alt = [r.altFamilyName, r.altFamilyKana, r.altFamilyName + r.givenName, r.altFamilyKana + r.givenKana];
  if (alt.some((v) => holds(term, v))) return { field: 'altName', text: r.altFamilyName || r.altFamilyKana };
  const tags: [MatchField, readonly string[]][] = [
    ['skill', r.skills],
    ['hobby', r.hobbies],
    ['qualification', r.qualifications],
  ];
  for (const [field, values] of tags) {
    const text = values.find((v) => holds(term, v));
    if (text !== undefined) return { field, text };
  }
  const digits = r.extension.replace(NOT_DIGIT, '');
  if (digits !== '' && /^[0-9]+$/.test(term.text) && digits.includes(term.text))
    return { field: 'extension', text: r.extension };
  return null;
}

/**
 * Why this person matches the query, when their card alone would not show it: searching たなか
 * finds 柴田 (旧姓 田中), and Excel finds those with the skill. Null when every term is on the card
 * (the name, its reading, the title or the unit), or when the query does not find the person at
 * all (a term in none of their fields). The first term that needs a reason gives it. For the few
 * people on screen, not for every match: it looks at their fields again rather than have the
 * index's scan note where each hit was.
 */
export function explainMatch(
  record: DirectoryRecord,
  units: ReadonlyMap<string, OrgUnit>,
  query: string,
): MatchReason | null {
  let first: MatchReason | null = null;
  for (const term of parseQuery(query)) {
    if (shown(record, units, term)) continue;
    const reason = hidden(record, term);
    if (reason === null) return null;
    first ??= reason;
  }
  return first;
}

/** explainMatch by id over one directory: what the search worker (and its in-thread stand-in) answers. */
export function explainById(
  records: readonly DirectoryRecord[],
  units: ReadonlyMap<string, OrgUnit>,
): (query: string, ids: readonly string[]) => (MatchReason | null)[] {
  // Made on the first question: the index build, which runs first, is what a keystroke waits for.
  let byId: ReadonlyMap<string, DirectoryRecord> | null = null;
  return (query, ids) => {
    const people = (byId ??= new Map(records.map((r) => [r.id, r])));
    return ids.map((id) => {
      const r = people.get(id);
      return r ? explainMatch(r, units, query) : null;
    });
  };
}
