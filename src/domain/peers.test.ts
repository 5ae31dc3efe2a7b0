import { describe, expect, it } from 'vitest';
import { record, UNITS } from '../../tests/fixtures/records';
import type { OrgUnit } from './org';
import { buildOrgTree } from './org-tree';
import { findPeers, helpQuery, skillTags, tagKey, unitOrder, whoCanHelp, type HelpQuery } from './peers';
import type { DirectoryRecord } from './staff';

/** The shared fixture chart plus a second 課 in 福祉部 and a third 部, listed out of order on purpose. */
const CHART: OrgUnit[] = [
  { id: 'b03', kind: 'bu', name: '区民部', kana: 'くみんぶ', parentId: null, order: 3 },
  { id: 'b03k01', kind: 'ka', name: '戸籍住民課', kana: 'こせきじゅうみんか', parentId: 'b03', order: 1 },
  { id: 'b02k02', kind: 'ka', name: '障害福祉課', kana: 'しょうがいふくしか', parentId: 'b02', order: 2 },
  ...UNITS,
];
const units = new Map(CHART.map((u) => [u.id, u]));

const me = record({ id: 'me', unitId: 'b01k01s01', skills: ['Excel', '法務'], hobbies: ['ランニング', '将棋'] });

function ids(list: readonly { record: DirectoryRecord }[]): string[] {
  return list.map((x) => x.record.id);
}

describe('tagKey', () => {
  it.each([
    ['ＥＸＣＥＬ', 'Excel'],
    ['ランニング', 'らんにんぐ'],
    [' デザ イン ', 'デザイン'],
  ])('%s and %s compare equal', (a, b) => {
    expect(tagKey(a)).toBe(tagKey(b));
  });

  it('keeps different tags apart', () => {
    expect(tagKey('法務')).not.toBe(tagKey('財務'));
  });
});

describe('unitOrder', () => {
  it('reads the chart top to bottom: 部 by order, each followed by its 課 and 係', () => {
    const order = unitOrder(units);
    const sorted = [...order.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
    expect(sorted).toEqual(['b01', 'b01k01', 'b01k01s01', 'b02', 'b02k01', 'b02k01s01', 'b02k02', 'b03', 'b03k01']);
  });

  it('survives a parent cycle in bad data', () => {
    const looped = new Map<string, OrgUnit>([
      ['a', { id: 'a', kind: 'ka', name: 'A', kana: 'a', parentId: 'b', order: 1 }],
      ['b', { id: 'b', kind: 'ka', name: 'B', kana: 'b', parentId: 'a', order: 2 }],
    ]);
    expect(() => unitOrder(looped)).not.toThrow();
  });
});

describe('findPeers', () => {
  const table: { name: string; people: DirectoryRecord[]; expected: string[] }[] = [
    {
      name: 'leaves out my own 部, even another 係 of it',
      people: [
        record({ id: 'same-kakari', unitId: 'b01k01s01', skills: ['Excel'], hobbies: [] }),
        record({ id: 'same-bu', unitId: 'b01k01', skills: ['Excel'], hobbies: [] }),
        record({ id: 'other-bu', unitId: 'b02k01s01', skills: ['Excel'], hobbies: [] }),
      ],
      expected: ['other-bu'],
    },
    {
      name: 'leaves out people who share nothing',
      people: [record({ id: 'nothing', unitId: 'b02k01s01', skills: ['土木'], hobbies: ['釣り'] })],
      expected: [],
    },
    {
      name: 'puts those who share more first',
      people: [
        record({ id: 'one', unitId: 'b02k01s01', skills: ['Excel'], hobbies: [] }),
        record({ id: 'three', unitId: 'b03k01', skills: ['excel', '法務'], hobbies: ['らんにんぐ'] }),
        record({ id: 'two', unitId: 'b02k02', skills: [], hobbies: ['ランニング', '将棋'] }),
      ],
      expected: ['three', 'two', 'one'],
    },
    {
      name: 'orders equal ones by the chart, then seniority, then reading, whatever the input order',
      people: [
        record({ id: 'ku-min', unitId: 'b03k01', skills: ['Excel'], hobbies: [], familyKana: 'あ' }),
        record({ id: 'fukushi-shuji', unitId: 'b02k01s01', jobLevel: '主事', skills: ['Excel'], hobbies: [] }),
        record({ id: 'fukushi-kakaricho', unitId: 'b02k01s01', jobLevel: '係長級', skills: ['Excel'], hobbies: [] }),
        record({ id: 'fukushi-ka2', unitId: 'b02k02', skills: ['Excel'], hobbies: [], familyKana: 'あ' }),
      ],
      expected: ['fukushi-kakaricho', 'fukushi-shuji', 'fukushi-ka2', 'ku-min'],
    },
  ];

  it.each(table)('$name', ({ people, expected }) => {
    expect(ids(findPeers(me, [me, ...people], units))).toEqual(expected);
  });

  it('names what is shared in my spelling, skills and hobbies apart', () => {
    const them = record({ id: 't', unitId: 'b02k01s01', skills: ['ＥＸＣＥＬ', '土木'], hobbies: ['らんにんぐ'] });
    const [peer] = findPeers(me, [them], units);
    expect(peer?.sharedSkills).toEqual(['Excel']);
    expect(peer?.sharedHobbies).toEqual(['ランニング']);
  });

  it('suggests nobody to a person with no skills or hobbies', () => {
    const blank = record({ id: 'blank', skills: [], hobbies: [] });
    expect(findPeers(blank, [record({ id: 'x', unitId: 'b02k01s01', skills: [], hobbies: [] })], units)).toEqual([]);
  });

  it('stops at the limit', () => {
    const many = Array.from({ length: 10 }, (_, i) => record({ id: `p${i}`, unitId: 'b02k01s01', skills: ['Excel'] }));
    expect(findPeers(me, many, units, 3)).toHaveLength(3);
  });
});

describe('whoCanHelp', () => {
  const people = [
    me,
    record({ id: 'lv3', unitId: 'b03k01', dxLevels: [0, 0, 0, 3, 0], skills: [] }),
    record({ id: 'lv2', unitId: 'b02k01s01', dxLevels: [0, 0, 0, 2, 0], skills: ['統計'] }),
    record({ id: 'lv1', unitId: 'b01k01s01', dxLevels: [0, 0, 0, 1, 0], skills: ['ｴｸｾﾙ'] }),
    record({ id: 'lv0', unitId: 'b01k01s01', dxLevels: [0, 0, 0, 0, 0], skills: ['エクセル'] }),
  ];

  const table: { name: string; query: HelpQuery; expected: string[] }[] = [
    {
      name: 'DX skill at LV1 or above',
      query: { kind: 'dx', skill: 'データ活用', minLevel: 1 },
      expected: ['lv1', 'lv2', 'lv3'],
    },
    {
      name: 'DX skill at LV2 or above',
      query: { kind: 'dx', skill: 'データ活用', minLevel: 2 },
      expected: ['lv2', 'lv3'],
    },
    { name: 'DX skill at LV3', query: { kind: 'dx', skill: 'データ活用', minLevel: 3 }, expected: ['lv3'] },
    { name: 'another DX skill nobody has', query: { kind: 'dx', skill: 'セキュリティ', minLevel: 1 }, expected: [] },
    { name: 'a tag, in any width or kana', query: { kind: 'tag', tag: 'エクセル' }, expected: ['lv0', 'lv1'] },
    { name: 'a tag nobody has', query: { kind: 'tag', tag: '手話' }, expected: [] },
    { name: 'a blank tag matches nobody', query: { kind: 'tag', tag: '  ' }, expected: [] },
  ];

  it.each(table)('$name, in organisation order (never by level)', ({ query, expected }) => {
    expect(ids(whoCanHelp(query, people, units, me.id))).toEqual(expected);
  });

  it('leaves the asker out and reports the level asked about', () => {
    const asker = record({ id: 'asker', dxLevels: [0, 0, 0, 3, 0] });
    const found = whoCanHelp({ kind: 'dx', skill: 'データ活用', minLevel: 3 }, [asker, ...people], units, 'asker');
    expect(found.map((h) => [h.record.id, h.level])).toEqual([['lv3', 3]]);
  });
});

describe('helpQuery', () => {
  it.each([
    ['データ活用', 2, { kind: 'dx', skill: 'データ活用', minLevel: 2 }],
    ['データ活用', 7, { kind: 'dx', skill: 'データ活用', minLevel: 1 }],
    [' 統計 ', 3, { kind: 'tag', tag: '統計' }],
    ['', 1, null],
  ] as const)('%s at %i', (skill, level, expected) => {
    expect(helpQuery(skill, level)).toEqual(expected);
  });
});

describe('skillTags', () => {
  it('lists each skill once, in its most common spelling, sorted', () => {
    const people = [
      record({ id: 'a', skills: ['Excel', '統計'] }),
      record({ id: 'b', skills: ['ＥＸＣＥＬ'] }),
      record({ id: 'c', skills: ['Excel'] }),
    ];
    expect(skillTags(people)).toEqual(['Excel', '統計']);
  });
});

describe('buildOrgTree', () => {
  const people = [
    record({ id: 'kacho', unitId: 'b01k01', jobLevel: '課長級' }),
    record({ id: 'staff-a', unitId: 'b01k01s01', jobLevel: '主事', familyKana: 'い' }),
    record({ id: 'kakaricho', unitId: 'b01k01s01', jobLevel: '係長級' }),
    record({ id: 'staff-b', unitId: 'b01k01s01', jobLevel: '主事', familyKana: 'あ' }),
    record({ id: 'fukushi', unitId: 'b02k01s01' }),
    record({ id: 'lost', unitId: 'gone' }),
  ];
  const tree = buildOrgTree(units, people);

  it('nests 部 → 課 → 係 in chart order', () => {
    expect(tree.roots.map((n) => n.unit.id)).toEqual(['b01', 'b02', 'b03']);
    expect(tree.roots[1]?.children.map((n) => n.unit.id)).toEqual(['b02k01', 'b02k02']);
    expect(tree.roots[0]?.children[0]?.children.map((n) => n.unit.id)).toEqual(['b01k01s01']);
  });

  it('counts everyone below a unit, and the people sitting in it directly', () => {
    const soumu = tree.roots[0];
    expect(soumu?.total).toBe(4);
    expect(soumu?.members).toEqual([]);
    expect(soumu?.children[0]?.members.map((r) => r.id)).toEqual(['kacho']);
    expect(tree.roots[1]?.total).toBe(1);
    expect(tree.roots[2]?.total).toBe(0);
  });

  it('lists the people of a 係 by seniority, then reading', () => {
    const jinji = tree.roots[0]?.children[0]?.children[0];
    expect(jinji?.members.map((r) => r.id)).toEqual(['kakaricho', 'staff-b', 'staff-a']);
  });

  it('keeps people whose unit is not in the chart apart instead of dropping them', () => {
    expect(tree.unplaced.map((r) => r.id)).toEqual(['lost']);
  });
});
