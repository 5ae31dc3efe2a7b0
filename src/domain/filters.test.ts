import { describe, expect, it } from 'vitest';
import { record, UNITS } from '../../tests/fixtures/records';
import { applyFilter, countActiveFilters, EMPTY_FILTER, tagsInUse } from './filters';

const units = new Map(UNITS.map((u) => [u.id, u]));
const people = [
  record({
    id: 'a',
    unitId: 'b01k01s01',
    jobLevel: '主事',
    skills: ['法務'],
    dxLevels: [0, 0, 3, 0, 0],
    hobbies: ['将棋'],
  }),
  record({
    id: 'b',
    unitId: 'b02k01s01',
    jobLevel: '係長級',
    skills: ['英語'],
    dxLevels: [0, 0, 1, 0, 0],
    hobbies: [],
  }),
  record({
    id: 'c',
    unitId: 'b02k01',
    jobLevel: '課長級',
    skills: [],
    dxLevels: [0, 0, 0, 0, 0],
    hobbies: [],
    qualifications: ['ITパスポート'],
  }),
];
const ids = (f: Partial<typeof EMPTY_FILTER>) => applyFilter(people, units, { ...EMPTY_FILTER, ...f }).map((r) => r.id);

describe('directory filters (D3)', () => {
  it.each([
    ['no filter keeps everyone in order', {}, ['a', 'b', 'c']],
    ['a 部 includes its 課 and 係', { unitId: 'b02' }, ['b', 'c']],
    ['a 係 excludes its parent 課 itself', { unitId: 'b02k01s01' }, ['b']],
    ['job level', { jobLevel: '係長級' as const }, ['b']],
    ['a DX skill at LV1 or more', { skill: 'デジタル活用', minLevel: 1 }, ['a', 'b']],
    ['a DX skill at LV3', { skill: 'デジタル活用', minLevel: 3 }, ['a']],
    ['another skill by tag', { skill: '英語' }, ['b']],
    ['hobby', { hobby: '将棋' }, ['a']],
    ['qualification', { qualification: 'ITパスポート' }, ['c']],
    ['filters combine with AND', { unitId: 'b02', skill: 'デジタル活用' }, ['b']],
    ['a unit nobody is in', { unitId: 'nowhere' }, []],
  ])('%s', (_name, filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  it('counts the filters that are set', () => {
    expect(countActiveFilters(EMPTY_FILTER)).toBe(0);
    expect(countActiveFilters({ ...EMPTY_FILTER, hobby: '将棋', jobLevel: '主事' })).toBe(2);
  });

  it('lists tags most used first, ties by name', () => {
    const more = [
      ...people,
      record({ id: 'd', skills: ['英語', '法務', '会計'] }),
      record({ id: 'e', skills: ['英語'] }),
    ];
    expect(tagsInUse(more, 'skills')).toEqual(['英語', '法務', '会計']);
  });
});
