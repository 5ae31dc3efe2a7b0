import { describe, expect, it } from 'vitest';
import { record } from '../../../tests/fixtures/records';
import type { OrgUnit } from '../org';
import type { DirectoryRecord } from '../staff';
import { BENCH_QUERIES } from './bench-queries';
import { buildSearchIndex, search } from './index';

// Timing belongs to the benchmark; this only shows that a city-sized directory is searched sensibly.
const SURNAMES = [
  ['佐藤', 'さとう'],
  ['鈴木', 'すずき'],
  ['高橋', 'たかはし'],
  ['髙橋', 'たかはし'],
  ['田中', 'たなか'],
  ['渡辺', 'わたなべ'],
  ['渡邉', 'わたなべ'],
  ['山本', 'やまもと'],
  ['中村', 'なかむら'],
  ['斎藤', 'さいとう'],
  ['齋藤', 'さいとう'],
  ['山崎', 'やまざき'],
  ['井上', 'いのうえ'],
  ['大野', 'おおの'],
] as const;
const GIVEN = [
  ['健一', 'けんいち'],
  ['真一', 'しんいち'],
  ['花子', 'はなこ'],
  ['浩', 'ひろし'],
  ['美咲', 'みさき'],
  ['翔太', 'しょうた'],
  ['由美', 'ゆみ'],
] as const;
const SKILLS = ['Excel', '手話', 'デジタル推進', '法務', 'Python'];
const HOBBIES = ['ランニング', '将棋', '写真', '料理'];
const QUALIFICATIONS = ['ITパスポート', '保育士', '防災士'];

function syntheticDirectory(size: number): { records: DirectoryRecord[]; units: Map<string, OrgUnit> } {
  const units: OrgUnit[] = [
    { id: 'fukushi', kind: 'bu', name: '福祉部', kana: 'ふくしぶ', parentId: null, order: 1 },
    { id: 'kodomo', kind: 'bu', name: '子ども未来部', kana: 'こどもみらいぶ', parentId: null, order: 2 },
    { id: 'kumin', kind: 'bu', name: '区民生活部', kana: 'くみんせいかつぶ', parentId: null, order: 3 },
  ];
  for (const bu of [...units]) {
    for (let k = 0; k < 5; k++) {
      const ka = `${bu.id}-${k}`;
      units.push({ id: ka, kind: 'ka', name: `第${k + 1}課`, kana: `だい${k + 1}か`, parentId: bu.id, order: k });
      units.push({ id: `${ka}-1`, kind: 'kakari', name: '戸籍係', kana: 'こせきがかり', parentId: ka, order: 1 });
      units.push({ id: `${ka}-2`, kind: 'kakari', name: '庶務係', kana: 'しょむがかり', parentId: ka, order: 2 });
    }
  }
  const seats = units.filter((u) => u.kind === 'kakari');
  function pick<T>(xs: readonly T[], i: number): T {
    const x = xs[i % xs.length];
    if (x === undefined) throw new Error('empty list');
    return x;
  }
  const records = Array.from({ length: size }, (_, i) => {
    const [familyName, familyKana] = pick(SURNAMES, i * 7 + (i >> 5));
    const [givenName, givenKana] = pick(GIVEN, i * 3 + (i >> 7));
    return record({
      id: `s${i}`,
      familyName,
      familyKana,
      givenName,
      givenKana,
      unitId: pick(seats, i >> 4).id,
      extension: String(20000 + i),
      skills: [pick(SKILLS, i)],
      hobbies: [pick(HOBBIES, i >> 1)],
      qualifications: i % 3 === 0 ? [pick(QUALIFICATIONS, i)] : [],
    });
  });
  return { records, units: new Map(units.map((u) => [u.id, u])) };
}

describe('a 40,000-person directory', () => {
  const { records, units } = syntheticDirectory(40_000);
  const index = buildSearchIndex(records, units);

  it('has one entry per person, in input order', () => {
    expect(index).toHaveLength(40_000);
    expect(index[123]?.record.id).toBe('s123');
  });

  it('answers all benchmark queries', () => {
    for (const query of BENCH_QUERIES) {
      const found = search(index, query);
      expect(found.length, query).toBeLessThanOrEqual(40_000);
      expect(new Set(found.map((r) => r.id)).size, query).toBe(found.length);
    }
  });

  it('finds every 佐藤 by name, in romaji too, and nobody else', () => {
    const satos = records.filter((r) => r.familyName === '佐藤').map((r) => r.id);
    expect(search(index, '佐藤').map((r) => r.id)).toEqual(satos);
    expect(search(index, 'satō').map((r) => r.id)).toEqual(satos);
  });

  it('finds both spellings of 髙橋 and 高橋', () => {
    const takahashis = records.filter((r) => r.familyKana === 'たかはし').map((r) => r.id);
    expect(search(index, '髙橋').map((r) => r.id)).toEqual(takahashis);
  });

  it('finds one person by a full extension and a department by its name', () => {
    expect(search(index, '２１０５０').map((r) => r.id)).toEqual(['s1050']);
    const welfare = search(index, '福祉部');
    expect(welfare.length).toBeGreaterThan(10_000);
    expect(welfare.every((r) => r.unitId.startsWith('fukushi-'))).toBe(true);
  });

  it('returns everyone for an empty query and nobody for nonsense', () => {
    expect(search(index, '')).toHaveLength(40_000);
    expect(search(index, 'ぬぬぬぬ')).toEqual([]);
  });
});
