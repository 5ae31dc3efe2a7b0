import { describe, expect, it } from 'vitest';
import { generateDemoOrg } from '../../../tools/demo-org';
import { toDirectoryRecord } from '../staff';
import { compiledOf } from './compiled';
import { buildSearchIndex, search } from './index';
import { letterOf, LETTERS } from './letters';
import { NONE } from './rank';
import { lowerByLetter, scan } from './search';

describe('the table of single letters and digits (letters.ts)', () => {
  const org = generateDemoOrg({ staff: 1500 });
  const records = org.staff.map(toDirectoryRecord);
  const index = buildSearchIndex(records, new Map(org.units.map((u) => [u.id, u])));
  const compiled = compiledOf(index);
  const letters = [...'0123456789abcdefghijklmnopqrstuvwxyz'];

  it('numbers each letter and digit once, and nothing else', () => {
    expect(letters.map((c) => letterOf(c.charCodeAt(0)))).toEqual(Array.from({ length: LETTERS }, (_, i) => i));
    for (const c of ['A', '-', '\u0001', 'あ', ' ']) expect(letterOf(c.charCodeAt(0))).toBe(-1);
  });

  for (const name of ['roma', 'ascii'] as const) {
    it(`ranks everyone in the ${name} haystack as a full scan of it does, for every letter and digit`, () => {
      const h = compiled[name];
      const table = h.letters;
      if (table === null) throw new Error(`no letter table in ${name}`);
      let found = 0;
      for (const c of letters) {
        const scanned = new Uint8Array(records.length).fill(NONE);
        scan(h, c, scanned);
        const looked = new Uint8Array(records.length).fill(NONE);
        lowerByLetter(table, letterOf(c.charCodeAt(0)), looked);
        expect(Array.from(looked), c).toEqual(Array.from(scanned));
        found += scanned.filter((r) => r !== NONE).length;
      }
      // Not a comparison of two empty tables: each haystack holds, all letters together, more hits
      // than there are people.
      expect(found).toBeGreaterThan(records.length);
    });
  }

  it('gives a one-letter query the order of its ranks: names starting with it first', () => {
    const found = search(index, 'k');
    const first = found[0];
    expect(first).toBeDefined();
    expect(found.length).toBeGreaterThan(records.length / 2);
    // The first found starts a romaji key with k: a family or given name read with k.
    const startsWithK = (r: (typeof records)[number]) =>
      [r.familyKana, r.givenKana].some((kana) => ['か', 'き', 'く', 'け', 'こ'].some((k) => kana.startsWith(k)));
    expect(first && startsWithK(first)).toBe(true);
  });
});
