import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../org';
import { checkBatch, mappingOf, unitDiff, unitsNow, unitsOnDay, type OrgChange, type UnitMapping } from './batch';

const UNITS: OrgUnit[] = [
  { id: 'bu-1', kind: 'bu', name: '総務部', kana: 'そうむぶ', parentId: null, order: 1 },
  { id: 'bu-2', kind: 'bu', name: '区民部', kana: 'くみんぶ', parentId: null, order: 2 },
  { id: 'ka-1', kind: 'ka', name: '人事課', kana: 'じんじか', parentId: 'bu-1', order: 1 },
  { id: 'ka-2', kind: 'ka', name: '戸籍課', kana: 'こせきか', parentId: 'bu-2', order: 1 },
  { id: 'kakari-1', kind: 'kakari', name: '給与係', kana: 'きゅうよがかり', parentId: 'ka-1', order: 1 },
  { id: 'kakari-2', kind: 'kakari', name: '研修係', kana: 'けんしゅうがかり', parentId: 'ka-1', order: 2 },
];
const NOBODY = new Map<string, string[]>();

describe('checkBatch: each change refused with its code, or applied in order', () => {
  const cases: { name: string; changes: OrgChange[]; members?: Map<string, string[]>; codes: string[] }[] = [
    { name: 'empty batch', changes: [], codes: ['org.noChanges'] },
    {
      name: 'add under a 課',
      changes: [
        { op: 'add', id: 'kakari-3', kind: 'kakari', name: 'DX係', kana: 'でぃーえっくすがかり', parentId: 'ka-1' },
      ],
      codes: [],
    },
    {
      name: 'duplicate code (existing)',
      changes: [{ op: 'add', id: 'ka-1', kind: 'ka', name: '新課', kana: '', parentId: 'bu-1' }],
      codes: ['org.duplicateCode'],
    },
    {
      name: 'duplicate code (twice in the batch)',
      changes: [
        { op: 'add', id: 'ka-9', kind: 'ka', name: 'A課', kana: '', parentId: 'bu-1' },
        { op: 'add', id: 'ka-9', kind: 'ka', name: 'B課', kana: '', parentId: 'bu-1' },
      ],
      codes: ['org.duplicateCode'],
    },
    {
      name: 'unknown unit renamed',
      changes: [{ op: 'rename', id: 'ka-404', name: 'x' }],
      codes: ['org.unknownUnit'],
    },
    {
      name: 'unknown parent',
      changes: [{ op: 'add', id: 'ka-9', kind: 'ka', name: 'A課', kana: '', parentId: 'bu-404' }],
      codes: ['org.unknownUnit'],
    },
    {
      name: 'name too long',
      changes: [{ op: 'rename', id: 'ka-1', name: '課'.repeat(61) }],
      codes: ['org.nameTooLong'],
    },
    { name: 'name of 60 is fine', changes: [{ op: 'rename', id: 'ka-1', name: '課'.repeat(60) }], codes: [] },
    { name: 'empty name', changes: [{ op: 'rename', id: 'ka-1', name: '  ' }], codes: ['org.nameEmpty'] },
    {
      name: 'a script tag is a name like any other (shown as text)',
      changes: [{ op: 'rename', id: 'ka-1', name: '<script>alert(1)</script>' }],
      codes: [],
    },
    { name: 'bad code', changes: [{ op: 'abolish', id: 'ka 1' }], codes: ['org.idInvalid'] },
    {
      name: 'move a 部 under its own 課 (cycle)',
      changes: [{ op: 'move', id: 'bu-1', parentId: 'ka-1' }],
      codes: ['org.cycle'],
    },
    { name: 'move under itself', changes: [{ op: 'move', id: 'ka-1', parentId: 'ka-1' }], codes: ['org.cycle'] },
    {
      name: 'a 課 moved under a 係',
      changes: [{ op: 'move', id: 'ka-2', parentId: 'kakari-1' }],
      codes: ['org.parentKind'],
    },
    { name: 'a 課 moved to another 部', changes: [{ op: 'move', id: 'ka-2', parentId: 'bu-1' }], codes: [] },
    {
      name: 'abolish a unit with people',
      changes: [{ op: 'abolish', id: 'kakari-2' }],
      members: new Map([['kakari-2', ['s00001', 's00002']]]),
      codes: ['org.unitHasPeople'],
    },
    {
      name: 'abolish a unit with units under it',
      changes: [{ op: 'abolish', id: 'ka-1' }],
      codes: ['org.unitHasChildren'],
    },
    {
      name: 'abolish children then the parent',
      changes: [
        { op: 'abolish', id: 'kakari-1' },
        { op: 'abolish', id: 'kakari-2' },
        { op: 'abolish', id: 'ka-1' },
      ],
      codes: [],
    },
    {
      name: 'merge a unit with people away',
      changes: [{ op: 'merge', id: 'kakari-2', into: 'kakari-1' }],
      members: new Map([['kakari-2', ['s00009']]]),
      codes: ['org.unitHasPeople'],
    },
    { name: 'merge across levels', changes: [{ op: 'merge', id: 'kakari-2', into: 'ka-1' }], codes: ['org.mergeKind'] },
    {
      name: 'rename a unit abolished earlier in the batch',
      changes: [
        { op: 'abolish', id: 'kakari-2' },
        { op: 'rename', id: 'kakari-2', name: 'x' },
      ],
      codes: ['org.unitGone'],
    },
  ];
  it.each(cases)('$name', ({ changes, members, codes }) => {
    const r = checkBatch(UNITS, changes, members ?? NOBODY);
    expect(r.problems.map((p) => p.problem.code)).toEqual(codes);
  });

  it('names how many people and who, on the line of the change', () => {
    const r = checkBatch(
      UNITS,
      [
        { op: 'rename', id: 'ka-1', name: '職員課' },
        { op: 'abolish', id: 'kakari-2' },
      ],
      new Map([['kakari-2', ['s1', 's2', 's3']]]),
    );
    expect(r.problems).toEqual([
      { line: 2, problem: { code: 'org.unitHasPeople', params: { unit: 'kakari-2', count: 3, people: 's1、s2、s3' } } },
    ]);
  });

  it('applies the 4月1日 組織改正 in order and summarises it', () => {
    const r = checkBatch(
      UNITS,
      [
        { op: 'add', id: 'bu-3', kind: 'bu', name: 'DX推進部', kana: 'でぃーえっくすすいしんぶ', parentId: null },
        { op: 'move', id: 'ka-1', parentId: 'bu-3' },
        { op: 'rename', id: 'ka-1', name: '人材開発課', kana: 'じんざいかいはつか' },
        { op: 'merge', id: 'kakari-2', into: 'kakari-1' },
      ],
      NOBODY,
    );
    expect(r.problems).toEqual([]);
    expect(r.summary).toEqual({ add: 1, rename: 1, move: 1, merge: 1, abolish: 0 });
    const diff = unitDiff(UNITS, r.units);
    expect(diff.remove).toEqual(['kakari-2']);
    expect(diff.put.map((u) => u.id).sort()).toEqual(['bu-3', 'ka-1']);
    expect(r.units.find((u) => u.id === 'ka-1')).toMatchObject({ name: '人材開発課', parentId: 'bu-3' });
    expect(r.units.find((u) => u.id === 'bu-3')).toMatchObject({ order: 3 });
  });
});

describe('unitsNow: a unit of a past date to its units now', () => {
  const mappings: UnitMapping[] = [
    ...mappingOf('2025-04-01', [
      { op: 'merge', id: 'a', into: 'b' },
      { op: 'abolish', id: 'z' },
    ]),
    ...mappingOf('2026-04-01', [
      { op: 'merge', id: 'b', into: 'c' },
      { op: 'rename', id: 'd', name: 'still d' },
    ]),
  ];
  it.each([
    { unit: 'a', date: '2025-03-31', now: ['c'], why: 'merged twice: ends in the last' },
    { unit: 'a', date: '2025-04-01', now: ['a'], why: 'on the day of the merge the id is already the new one' },
    { unit: 'b', date: '2025-06-01', now: ['c'], why: 'merged once after that date' },
    { unit: 'b', date: '2026-04-01', now: ['b'], why: 'nothing after' },
    { unit: 'z', date: '2024-01-01', now: [], why: 'abolished: carries nowhere' },
    { unit: 'd', date: '2024-01-01', now: ['d'], why: 'renamed: the id stays' },
    { unit: 'q', date: '2024-01-01', now: ['q'], why: 'untouched' },
  ])('$unit of $date → $now ($why)', ({ unit, date, now }) => {
    expect(unitsNow(mappings, unit, date)).toEqual(now);
  });
});

describe('unitsOnDay: the organisation on a future day', () => {
  const scheduled = [
    {
      effective: '2026-04-01',
      changes: [{ op: 'add', id: 'kakari-9', kind: 'kakari', name: '新係', kana: '', parentId: 'ka-1' } as OrgChange],
    },
  ];
  it('has a unit dated 4/1 from 4/1 only', () => {
    expect(unitsOnDay(UNITS, scheduled, '2026-03-31').some((u) => u.id === 'kakari-9')).toBe(false);
    expect(unitsOnDay(UNITS, scheduled, '2026-04-01').some((u) => u.id === 'kakari-9')).toBe(true);
  });
});
