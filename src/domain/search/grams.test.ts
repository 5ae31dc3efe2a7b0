import { describe, expect, it } from 'vitest';
import { record } from '../../../tests/fixtures/records';
import { generateDemoOrg } from '../../../tools/demo-org';
import { toDirectoryRecord } from '../staff';
import type { OrgUnit } from '../org';
import { compiledOf } from './compiled';
import { gramCandidates, gramIndex, gramRanks } from './grams';
import type { GramIndex, Haystack } from './types';
import { buildSearchIndex, search } from './index';
import { NONE } from './rank';
import { scan } from './search';

/**
 * People's segments joined as a haystack is (each ending with SEP), and where each starts. No keys
 * and no splits: every hit ranks as another field's.
 */
function haystack(segments: string[]) {
  const s = segments.join('');
  const starts = new Int32Array(segments.length + 1);
  segments.forEach((seg, i) => (starts[i + 1] = (starts[i] ?? 0) + seg.length));
  const keysEnd = starts.slice(0, segments.length);
  const none = new Int32Array(segments.length).fill(-1);
  return { s, starts, keysEnd, splitA: none, splitB: none };
}

describe('gram lists (who holds which gram)', () => {
  it('lists each person once per character, in input order', () => {
    const grams = gramIndex(haystack(['中村中\u0001', '田中\u0001', '山田\u0001']), 3, 'char');
    expect(Array.from(gramCandidates(grams, '中') ?? [])).toEqual([0, 1]);
    expect(Array.from(gramCandidates(grams, '田') ?? [])).toEqual([1, 2]);
    // The rarest character of the term: 村 is held by one person, 中 by two.
    expect(Array.from(gramCandidates(grams, '中村') ?? [])).toEqual([0]);
    expect(Array.from(gramCandidates(grams, '林') ?? [])).toEqual([]);
  });

  it('lists runs of three letters or digits that no separator breaks', () => {
    const grams = gramIndex(
      haystack(['sato\u0001hanako\u0001', 'kato\u0001', 'sa\u0001to\u0001', '21050\u0001']),
      4,
      'triple',
    );
    expect(Array.from(gramCandidates(grams, 'ato') ?? [])).toEqual([0, 1]);
    expect(Array.from(gramCandidates(grams, 'sato') ?? [])).toEqual([0]);
    // "sa" and "to" are two fields of person 2: "sat" spans a separator, so it is not theirs.
    expect(Array.from(gramCandidates(grams, 'sat') ?? [])).toEqual([0]);
    expect(Array.from(gramCandidates(grams, '105') ?? [])).toEqual([3]);
    // No gram: shorter than three, or not letters and digits. The caller looks another way.
    expect(gramCandidates(grams, 'sa')).toBeUndefined();
    expect(gramCandidates(grams, 'sa-to')).toBeUndefined();
  });

  it('lists pairs of kana only where two kana stand side by side', () => {
    const pairs = gramIndex(haystack(['さとう\u0001', 'さ藤\u0001さと\u0001', 'ささ\u0001と\u0001']), 3, 'kana-pair');
    expect(Array.from(gramCandidates(pairs, 'さと') ?? [])).toEqual([0, 1]);
    expect(Array.from(gramCandidates(pairs, 'とう') ?? [])).toEqual([0]);
    // さ and と in two fields of person 2 make no pair; a kanji in the term is passed over.
    expect(Array.from(gramCandidates(pairs, 'さ藤とう') ?? [])).toEqual([0]);
    expect(gramCandidates(pairs, '佐藤')).toBeUndefined();
  });

  it('lists pairs of letters and digits that no separator breaks', () => {
    const pairs = gramIndex(haystack(['kato\u0001', 'k\u0001a\u0001', 'ka\u0001']), 3, 'pair');
    expect(Array.from(gramCandidates(pairs, 'ka') ?? [])).toEqual([0, 2]);
    expect(Array.from(gramRanks(pairs, 'ka')?.people ?? [])).toEqual([0, 2]);
    expect(gramRanks(pairs, 'kat')).toBeUndefined();
  });
});

describe('a gram list holds the ranks a full scan finds', () => {
  const units = new Map<string, OrgUnit>([
    ['u', { id: 'u', kind: 'kakari', name: '市民課', kana: 'しみんか', parentId: null, order: 1 }],
  ]);
  const NAMES = [
    ['佐藤', 'さとう', '花子', 'はなこ'],
    ['加藤', 'かとう', '佐和', 'さわ'],
    ['中村', 'なかむら', 'かな', 'かな'],
    ['田中', 'たなか', '智', 'さとし'],
    ['さとう', 'さとう', 'さと', 'さと'],
  ] as const;
  const people = NAMES.map(([familyName, familyKana, givenName, givenKana], i) =>
    record({
      id: `p${i}`,
      familyName,
      familyKana,
      givenName,
      givenKana,
      unitId: 'u',
      extension: `2${i}${i}5`,
      skills: i % 2 === 0 ? ['データ分析'] : [],
      hobbies: ['カラオケ', 'ka-ta'],
      qualifications: [],
    }),
  );
  const compiled = compiledOf(buildSearchIndex(people, units));

  /** Every gram of the haystack, each once, as a term. */
  function termsOf(h: Haystack, index: GramIndex, size: number): string[] {
    const terms = new Set<string>();
    for (let i = 0; i + size <= h.s.length; i++) {
      const term = h.s.slice(i, i + size);
      if (gramRanks(index, term) !== undefined) terms.add(term);
    }
    return [...terms];
  }

  const cases: [string, Haystack, GramIndex | null, number][] = [
    ['characters of the text', compiled.text, compiled.text.chars, 1],
    ['kana pairs of the text', compiled.text, compiled.text.pairs, 2],
    ['letters and digits of the romaji', compiled.roma, compiled.roma.chars, 1],
    ['letter pairs of the romaji', compiled.roma, compiled.roma.pairs, 2],
    ['letter runs of three of the romaji', compiled.roma, compiled.roma.triples, 3],
    ['letters and digits as written', compiled.ascii, compiled.ascii.chars, 1],
    ['digit and letter pairs as written', compiled.ascii, compiled.ascii.pairs, 2],
  ];
  it.each(cases)('%s', (_, h, grams, size) => {
    if (grams === null) throw new Error('no such lists in this haystack');
    const terms = termsOf(h, grams, size);
    expect(terms.length).toBeGreaterThan(5);
    for (const term of terms) {
      const scanned = new Uint8Array(people.length).fill(NONE);
      scan(h, term, scanned);
      const listed = new Uint8Array(people.length).fill(NONE);
      const list = gramRanks(grams, term);
      list?.people.forEach((person, k) => (listed[person] = list.ranks[k] ?? NONE));
      expect({ term, ranks: Array.from(listed) }).toEqual({ term, ranks: Array.from(scanned) });
    }
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

  it('gives a one-letter query, read off its list, the order of its ranks: names starting with it first', () => {
    const org = generateDemoOrg({ staff: 1500 });
    const records = org.staff.map(toDirectoryRecord);
    const found = search(buildSearchIndex(records, new Map(org.units.map((u) => [u.id, u]))), 'k');
    const first = found[0];
    expect(found.length).toBeGreaterThan(records.length / 2);
    // The first found starts a romaji key with k: a family or given name read with k.
    const startsWithK = (r: (typeof records)[number]) =>
      [r.familyKana, r.givenKana].some((kana) => ['か', 'き', 'く', 'け', 'こ'].some((k) => kana.startsWith(k)));
    expect(first && startsWithK(first)).toBe(true);
  });
});
