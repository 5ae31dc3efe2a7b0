import { describe, expect, it } from 'vitest';
import { record } from '../../../tests/fixtures/records';
import type { OrgUnit } from '../org';
import { gramCandidates, gramIndex } from './grams';
import { buildSearchIndex, search } from './index';

/** Three people's segments joined as a haystack is (each ending with SEP), and where each starts. */
function haystack(segments: string[]) {
  const s = segments.join('');
  const starts = new Int32Array(segments.length + 1);
  segments.forEach((seg, i) => (starts[i + 1] = (starts[i] ?? 0) + seg.length));
  return { s, starts };
}

describe('gram lists (who holds which gram)', () => {
  it('lists each person once per character, in input order', () => {
    const { s, starts } = haystack(['中村中\u0001', '田中\u0001', '山田\u0001']);
    const grams = gramIndex(s, starts, 3, 1);
    expect(Array.from(gramCandidates(grams, '中') ?? [])).toEqual([0, 1]);
    expect(Array.from(gramCandidates(grams, '田') ?? [])).toEqual([1, 2]);
    // The rarest character of the term: 村 is held by one person, 中 by two.
    expect(Array.from(gramCandidates(grams, '中村') ?? [])).toEqual([0]);
    expect(Array.from(gramCandidates(grams, '林') ?? [])).toEqual([]);
  });

  it('lists runs of three letters or digits that no separator breaks', () => {
    const { s, starts } = haystack(['sato\u0001hanako\u0001', 'kato\u0001', 'sa\u0001to\u0001', '21050\u0001']);
    const grams = gramIndex(s, starts, 4, 3);
    expect(Array.from(gramCandidates(grams, 'ato') ?? [])).toEqual([0, 1]);
    expect(Array.from(gramCandidates(grams, 'sato') ?? [])).toEqual([0]);
    // "sa" and "to" are two fields of person 2: "sat" spans a separator, so it is not theirs.
    expect(Array.from(gramCandidates(grams, 'sat') ?? [])).toEqual([0]);
    expect(Array.from(gramCandidates(grams, '105') ?? [])).toEqual([3]);
    // No gram: shorter than three, or not letters and digits. The caller looks another way.
    expect(gramCandidates(grams, 'sa')).toBeUndefined();
    expect(gramCandidates(grams, 'sa-to')).toBeUndefined();
  });
});

describe('search through the gram lists finds everyone a full scan finds', () => {
  const units = new Map<string, OrgUnit>([
    [
      'u',
      { id: 'u', kind: 'kakari', name: '中央図書館係', kana: 'ちゅうおうとしょかんがかり', parentId: null, order: 1 },
    ],
  ]);
  const FAMILY = [
    ['中村', 'なかむら'],
    ['田中', 'たなか'],
    ['大野', 'おおの'],
    ['小野', 'おの'],
    ['井上', 'いのうえ'],
    ['野中', 'のなか'],
  ] as const;
  const people = Array.from({ length: 600 }, (_, i) => {
    const [familyName, familyKana] = FAMILY[i % FAMILY.length] ?? ['', ''];
    return record({
      id: `p${i}`,
      familyName,
      familyKana,
      givenName: '一',
      givenKana: 'はじめ',
      unitId: i % 10 === 0 ? 'u' : 'none',
      extension: String(30000 + i),
      skills: [],
      // ものづくり reads monodukuri: "ono" in a hobby's romaji, not in a name.
      hobbies: i % 7 === 0 ? ['ものづくり'] : [],
      qualifications: [],
    });
  });
  const index = buildSearchIndex(people, units);
  const ids = (q: string) => new Set(search(index, q).map((r) => r.id));
  // What each query must find, worked out from the people themselves, not from the index.
  const expected = (q: string, holds: (i: number) => boolean) =>
    new Set(people.filter((_, i) => holds(i)).map((p) => p.id));
  const family = (i: number) => FAMILY[i % FAMILY.length]?.[0] ?? '';

  it('by a single kanji, in names and in the unit', () => {
    expect(ids('中')).toEqual(expected('中', (i) => family(i).includes('中') || i % 10 === 0));
    expect(ids('野')).toEqual(expected('野', (i) => family(i).includes('野')));
  });

  it('by romaji of three letters and more, with long vowels folded (oono is ono)', () => {
    const ono = (i: number) => ['大野', '小野'].includes(family(i)) || i % 7 === 0;
    expect(ids('ono')).toEqual(expected('ono', ono));
    expect(ids('oono')).toEqual(expected('oono', ono));
    expect(ids('inoue')).toEqual(expected('inoue', (i) => family(i) === '井上'));
  });

  it('by digits of an extension', () => {
    expect(ids('30599')).toEqual(new Set(['p599']));
    expect(ids('3059').size).toBe(10);
  });
});
