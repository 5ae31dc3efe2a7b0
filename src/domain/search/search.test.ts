import { describe, expect, it } from 'vitest';
import { record } from '../../../tests/fixtures/records';
import type { OrgUnit } from '../org';
import type { DirectoryRecord } from '../staff';
import { buildSearchIndex, search, searchPositions } from './index';
import { VARIANT_KANJI } from './variant-kanji';

const UNITS: OrgUnit[] = [
  { id: 'soumu', kind: 'bu', name: '総務部', kana: 'そうむぶ', parentId: null, order: 1 },
  { id: 'jinji-ka', kind: 'ka', name: '人事課', kana: 'じんじか', parentId: 'soumu', order: 1 },
  { id: 'jinji', kind: 'kakari', name: '人事係', kana: 'じんじがかり', parentId: 'jinji-ka', order: 1 },
  { id: 'fukushi', kind: 'bu', name: '福祉部', kana: 'ふくしぶ', parentId: null, order: 2 },
  { id: 'kourei', kind: 'ka', name: '高齢者福祉課', kana: 'こうれいしゃふくしか', parentId: 'fukushi', order: 1 },
  { id: 'chiiki', kind: 'kakari', name: '地域支援係', kana: 'ちいきしえんがかり', parentId: 'kourei', order: 1 },
  { id: 'kumin', kind: 'bu', name: '区民生活部', kana: 'くみんせいかつぶ', parentId: null, order: 3 },
  { id: 'koseki-ka', kind: 'ka', name: '戸籍住民課', kana: 'こせきじゅうみんか', parentId: 'kumin', order: 1 },
  { id: 'koseki', kind: 'kakari', name: '戸籍係', kana: 'こせきがかり', parentId: 'koseki-ka', order: 1 },
];
const unitMap = new Map(UNITS.map((u) => [u.id, u]));

/** Everyone with neutral defaults, so each test query hits only the people it is about. */
const person = (id: string, family: string, familyKana: string, given: string, givenKana: string, more = {}) =>
  record({
    id,
    familyName: family,
    familyKana,
    givenName: given,
    givenKana,
    unitId: 'jinji',
    title: '主事',
    extension: '',
    skills: [],
    hobbies: [],
    qualifications: [],
    ...more,
  });

const PEOPLE: DirectoryRecord[] = [
  person('sato', '佐藤', 'さとう', '花子', 'はなこ', {
    unitId: 'chiiki',
    extension: '5678',
    skills: ['手話'],
    hobbies: ['ランニング'],
    qualifications: ['社会福祉士'],
  }),
  person('sato-soumu', '佐藤', 'さとう', '次郎', 'じろう'),
  person('takahashi', '髙橋', 'たかはし', '健一', 'けんいち', {
    extension: '1234',
    skills: ['Excel'],
    qualifications: ['ITパスポート'],
    hobbies: ['将棋'],
  }),
  person('shinichi', '高橋', 'たかはし', '真一', 'しんいち', { extension: '2345' }),
  person('ohno', '大野', 'おおの', '修', 'おさむ'),
  person('nakamura', '中村', 'なかむら', '由美', 'ゆみ', { altFamilyName: '小野', altFamilyKana: 'おの' }),
  person('chiba', '千葉', 'ちば', '翔太', 'しょうた', { unitId: 'koseki' }),
  person('matsumoto', '松本', 'まつもと', '蝶子', 'ちょうこ', { unitId: 'koseki' }),
  person('fujita', '藤田', 'ふじた', '純一', 'じゅんいち'),
  person('honma', '本間', 'ほんま', '恭子', 'きょうこ'),
  person('markup', '山田', 'やまだ', '<i>光</i>', 'ひかる'),
];
const index = buildSearchIndex(PEOPLE, unitMap);
const ids = (query: string): string[] => search(index, query).map((r) => r.id);

describe('search finds a person by any form of what they are known by', () => {
  it.each<[string, string, string[]]>([
    ['kanji name', '佐藤', ['sato', 'sato-soumu']],
    ['kanji full name', '佐藤花子', ['sato']],
    ['full name with an ideographic space', '佐藤\u3000花子', ['sato']],
    ['given name alone', '花子', ['sato']],
    ['hiragana', 'さとう', ['sato', 'sato-soumu']],
    ['hiragana full reading', 'さとうはなこ', ['sato']],
    ['katakana', 'サトウ', ['sato', 'sato-soumu']],
    ['half-width katakana', 'ｻﾄｳ', ['sato', 'sato-soumu']],
    ['half-width katakana with dakuten', 'ｼﾞｭﾝｲﾁ', ['fujita']],
    ['romaji satou', 'satou', ['sato', 'sato-soumu']],
    ['romaji sato', 'sato', ['sato', 'sato-soumu']],
    ['romaji satoh', 'satoh', ['sato', 'sato-soumu']],
    ['romaji satoo', 'satoo', ['sato', 'sato-soumu']],
    ['romaji with macron', 'satō', ['sato', 'sato-soumu']],
    ['romaji upper case', 'SATO', ['sato', 'sato-soumu']],
    ['full-width romaji', 'ＳＡＴＯ', ['sato', 'sato-soumu']],
    ['romaji full name', 'satohanako', ['sato']],
    ['romaji family and given', 'sato hanako', ['sato']],
    ['romaji given then family', 'hanako satou', ['sato']],
    ['oono', 'oono', ['ohno', 'nakamura']],
    ['ohno', 'ohno', ['ohno', 'nakamura']],
    ['ōno', 'ōno', ['ohno', 'nakamura']],
    ['ono', 'ono', ['ohno', 'nakamura']],
    ['given name whose romaji folds into the family name', 'osamu', ['ohno']],
    ['whole name whose romaji folds across the split', 'oonoosamu', ['ohno']],
    ['Hepburn shi/chi', 'shinichi', ['shinichi']],
    ['Kunrei si/ti', 'siniti', ['shinichi']],
    ['apostrophe', "ken'ichi", ['takahashi']],
    ['without apostrophe', 'kenichi', ['takahashi']],
    ['Kunrei ti', 'tiba', ['chiba']],
    ['Hepburn chi', 'chiba', ['chiba']],
    ['Kunrei tu', 'matumoto', ['matsumoto']],
    ['Hepburn tsu', 'matsumoto', ['matsumoto']],
    ['Kunrei hu/zi', 'huzita', ['fujita']],
    ['Hepburn fu/ji', 'fujita', ['fujita']],
    ['Kunrei sya', 'syouta', ['chiba']],
    ['Hepburn sho without long vowel', 'shota', ['chiba']],
    ['Kunrei tyo', 'tyouko', ['matsumoto']],
    ['Hepburn cho', 'choko', ['matsumoto']],
    ['Kunrei zyu', 'zyuniti', ['fujita']],
    ['Hepburn m before m', 'homma', ['honma']],
    ['n before m', 'honma', ['honma']],
    ['kyo with macron', 'kyōko', ['honma']],
    ['extension', '5678', ['sato']],
    ['full-width extension', '５６７８', ['sato']],
    ['partial extension, prefix first', '23', ['shinichi', 'takahashi']],
    ['旧姓 in kanji', '小野', ['nakamura']],
    ['旧姓 reading, then a reading containing it', 'おの', ['nakamura', 'ohno']],
    ['旧姓 with given name', '小野由美', ['nakamura']],
    ['department', '福祉部', ['sato']],
    ['department reading', 'ふくしぶ', ['sato']],
    ['department in romaji', 'fukushibu', ['sato']],
    ['section', '地域支援', ['sato']],
    ['section reading', 'こせき', ['chiba', 'matsumoto']],
    ['parent department by reading', 'くみんせいかつ', ['chiba', 'matsumoto']],
    ['skill', '手話', ['sato']],
    ['Latin skill', 'excel', ['takahashi']],
    ['Latin skill, full-width capitals', 'ＥＸＣＥＬ', ['takahashi']],
    ['hobby in katakana', 'ランニング', ['sato']],
    ['hobby in half-width katakana', 'ﾗﾝﾆﾝｸﾞ', ['sato']],
    ['hobby in hiragana', 'らんにんぐ', ['sato']],
    ['hobby in romaji', 'ranningu', ['sato']],
    ['hobby in kanji', '将棋', ['takahashi']],
    ['qualification', '社会福祉士', ['sato']],
    ['qualification, Latin and katakana', 'ITパスポート', ['takahashi']],
    ['qualification, lower case and hiragana', 'itぱすぽーと', ['takahashi']],
    ['all terms required: name and department', 'さとう 福祉', ['sato']],
    ['all terms required: romaji and department', 'sato soumu', ['sato-soumu']],
    ['all terms required: name and skill', '高橋 excel', ['takahashi']],
    ['markup as plain text', '<i>', ['markup']],
    ['markup with the name', '<i>光</i>', ['markup']],
    ['name inside markup', '光', ['markup']],
  ])('%s: %s', (_label, query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('finds each variant kanji from its common form and the common form from the variant', () => {
    const people = VARIANT_KANJI.flatMap(([variant, common], i) => [
      person(`v${i}`, `${variant}野`, 'の', '一', 'はじめ'),
      person(`c${i}`, `${common}野`, 'の', '一', 'はじめ'),
    ]);
    const variants = buildSearchIndex(people, unitMap);
    const sameCommon = (common: string) =>
      VARIANT_KANJI.flatMap(([, c], i) => (c === common ? [`v${i}`, `c${i}`] : [])).sort();
    VARIANT_KANJI.forEach(([variant, common]) => {
      const expected = sameCommon(common);
      expect(
        search(variants, `${variant}野`)
          .map((r) => r.id)
          .sort(),
        variant,
      ).toEqual(expected);
      expect(
        search(variants, `${common}野`)
          .map((r) => r.id)
          .sort(),
        common,
      ).toEqual(expected);
    });
  });

  it.each(['ぬぬぬぬ', 'xyzzy', 'qq', '.*', '[', '\\', '9999', '佐藤 xyzzy'])('finds nobody for %s', (query) => {
    expect(ids(query)).toEqual([]);
  });
});

describe('ranking', () => {
  const ranked = buildSearchIndex(
    [
      person('prefix-1', '山田', 'やまだ', '花子', 'はなこ'),
      person('other', '山田', 'やまだ', '一', 'はじめ', { hobbies: ['はなび'] }),
      person('contains', '山田', 'やまだ', '千花', 'ちはな'),
      person('exact', '山田', 'やまだ', '華', 'はな'),
      person('prefix-2', '山田', 'やまだ', '花江', 'はなえ'),
      person('family-exact', '花', 'はな', '太郎', 'たろう'),
    ],
    unitMap,
  );
  const order = (query: string) => search(ranked, query).map((r) => r.id);

  it('puts exact key matches first, then prefixes, then keys containing it, then other fields', () => {
    expect(order('はな')).toEqual(['exact', 'family-exact', 'prefix-1', 'prefix-2', 'contains', 'other']);
  });

  it('ranks romaji the same way', () => {
    expect(order('hana')).toEqual(['exact', 'family-exact', 'prefix-1', 'prefix-2', 'contains', 'other']);
  });

  it('keeps input order within a rank', () => {
    expect(order('やまだ')).toEqual(['prefix-1', 'other', 'contains', 'exact', 'prefix-2']);
  });

  it('ranks a department match below a name match', () => {
    const people = [
      person('in-dept', '山田', 'やまだ', '一', 'はじめ', { unitId: 'chiiki' }),
      person('named', '福祉', 'ふくし', '一', 'はじめ'),
    ];
    expect(search(buildSearchIndex(people, unitMap), '福祉').map((r) => r.id)).toEqual(['named', 'in-dept']);
  });

  it('adds up the ranks of all terms', () => {
    expect(order('はな やまだ')).toEqual(['exact', 'prefix-1', 'prefix-2', 'contains', 'other']);
  });

  it('stops at the limit, best first', () => {
    expect(search(ranked, 'はな', 2).map((r) => r.id)).toEqual(['exact', 'family-exact']);
  });

  it('still finds a one-letter key whole after a prefix in the same person (a first letter settles most people early)', () => {
    const people = [
      person('prefix', '林', 'はやし', '浩一', 'こういち'),
      // 浩 is a whole key here (the given name) after a prefix hit (浩田): the scan must not stop there.
      person('exact-later', '浩田', 'こうだ', '浩', 'ひろし'),
      person('exact-family', '浩', 'ひろ', '太郎', 'たろう'),
    ];
    const index = buildSearchIndex(people, unitMap);
    expect(search(index, '浩').map((r) => r.id)).toEqual(['exact-later', 'exact-family', 'prefix']);
    expect(search(index, 'h').map((r) => r.id)).toEqual(['prefix', 'exact-later', 'exact-family']);
  });

  it('gives positions in the index, in the order search gives the records', () => {
    const positions = Array.from(searchPositions(ranked, 'はな'));
    expect(positions.map((i) => ranked[i]?.record.id)).toEqual(order('はな'));
    expect(Array.from(searchPositions(ranked, ''))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(searchPositions(ranked, 'はな', 2))).toEqual([3, 5]);
  });
});

describe('empty queries and other indexes', () => {
  it('returns everyone in input order for an empty or blank query', () => {
    const all = PEOPLE.map((p) => p.id);
    expect(ids('')).toEqual(all);
    expect(ids(' \u3000 ')).toEqual(all);
    expect(search(index, '', 3).map((r) => r.id)).toEqual(all.slice(0, 3));
  });

  it('accepts an empty array, as the screen holds before the directory arrives', () => {
    expect(search([], '')).toEqual([]);
    expect(search([], 'さとう')).toEqual([]);
  });

  it('searches a filtered copy of an index the same way', () => {
    const copy = index.filter((e) => e.record.unitId !== 'jinji');
    expect(search(copy, 'さとう').map((r) => r.id)).toEqual(['sato']);
    expect(search(copy, 'こせき').map((r) => r.id)).toEqual(['chiba', 'matsumoto']);
  });

  it('finds people whose unit is unknown by everything but the unit', () => {
    const lost = buildSearchIndex([person('lost', '佐藤', 'さとう', '花子', 'はなこ', { unitId: 'gone' })], unitMap);
    expect(search(lost, 'sato').map((r) => r.id)).toEqual(['lost']);
    expect(search(lost, '人事')).toEqual([]);
  });
});
