import type { Haystack } from './types';
import { KEYS_END_CODE, SEP_CODE } from './normalize';

/** Ranks, best first. Within a rank people keep their input order. */
export const EXACT = 0; // a key (name, reading, 旧姓・通称, extension) equals the term
export const PREFIX = 1; // a key starts with it
export const IN_KEY = 2; // a key contains it
export const OTHER = 3; // a unit, title, skill, hobby or qualification contains it
/** No match. With several terms a person's rank is the sum of their terms' ranks, kept below NONE. */
export const NONE = 255;

/** How well a hit at `at` ranks for this person: in their keys (whole, at the start, inside) or elsewhere. */
export function classify(
  h: Pick<Haystack, 's' | 'keysEnd' | 'splitA' | 'splitB'>,
  person: number,
  at: number,
  length: number,
): number {
  if (at >= (h.keysEnd[person] ?? 0)) return OTHER;
  const { s } = h;
  const a = h.splitA[person];
  const b = h.splitB[person];
  const end = at + length;
  // A key starts after a SEP, after the previous person's last SEP or KEYS_END, or at a split.
  const keyStart = at === 0 || s.charCodeAt(at - 1) <= KEYS_END_CODE || at === a || at === b;
  if (!keyStart) return IN_KEY;
  return s.charCodeAt(end) === SEP_CODE || end === a || end === b ? EXACT : PREFIX;
}
