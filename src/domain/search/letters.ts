/**
 * Each person's best rank for each single letter or digit, in the one-byte haystacks (romaji,
 * Latin letters and digits). A query's first keystroke is usually one letter (s, o, k), found in
 * nearly everyone, often many times each: the scan visited most of the 900,000 characters of the
 * romaji, the slowest searches there were, on the keystroke a person makes first. With this table
 * it reads one byte per person. Letter by letter, each letter's people together (1.4 MB at 40,000).
 */
import type { Haystack } from './compiled';
import { classify, NONE } from './rank';

/** Digits 0-35 for 0-9 then a-z; -1 for anything else. */
export const LETTERS = 36;
const LETTER = new Int8Array(128).fill(-1);
for (let c = 0; c < 10; c++) LETTER[48 + c] = c;
for (let c = 0; c < 26; c++) LETTER[97 + c] = 10 + c;

export function letterOf(code: number): number {
  return code < 128 ? (LETTER[code] ?? -1) : -1;
}

/** ranks[letter * people + person]: that person's best rank for the letter, NONE without it. */
export function letterRanks(
  h: Pick<Haystack, 's' | 'starts' | 'keysEnd' | 'splitA' | 'splitB'>,
  people: number,
): Uint8Array {
  const ranks = new Uint8Array(LETTERS * people).fill(NONE);
  const { s, starts } = h;
  for (let person = 0; person < people; person++) {
    const end = starts[person + 1] ?? 0;
    for (let at = starts[person] ?? 0; at < end; at++) {
      const letter = letterOf(s.charCodeAt(at));
      if (letter < 0) continue;
      const slot = letter * people + person;
      const rank = classify(h, person, at, 1);
      if (rank < (ranks[slot] ?? NONE)) ranks[slot] = rank;
    }
  }
  return ranks;
}
