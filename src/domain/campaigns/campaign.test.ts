import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../org';
import { resolveAudience } from './campaign';

const units = new Map<string, OrgUnit>(
  [
    { id: 'bu-1', kind: 'bu', name: '総務部', kana: '', parentId: null, order: 1 },
    { id: 'ka-1', kind: 'ka', name: '人事課', kana: '', parentId: 'bu-1', order: 1 },
    { id: 'kk-1', kind: 'kakari', name: '人事係', kana: '', parentId: 'ka-1', order: 1 },
    { id: 'bu-2', kind: 'bu', name: '区民生活部', kana: '', parentId: null, order: 2 },
  ].map((u) => [u.id, u as OrgUnit]),
);

describe('resolveAudience', () => {
  it('takes the units, 職層 and 雇用形態 the roster holds, and leaves 退職 out (休職 stays in)', () => {
    const people = [
      { id: 'a', unitId: 'kk-1', jobLevel: '主事', employment: '正規' },
      { id: 'b', unitId: 'ka-1', jobLevel: '係長級', employment: '会計年度任用' },
      { id: 'c', unitId: 'kk-1', jobLevel: '主事', employment: '正規', status: 'retired' },
      { id: 'd', unitId: 'kk-1', jobLevel: '主事', employment: '再任用', status: 'leave' },
      { id: 'e', unitId: 'bu-2', jobLevel: '主事', employment: '正規' },
    ] as const;
    const all = resolveAudience({ unitIds: ['bu-1'], jobLevels: [], employments: [] }, people, units);
    expect(all.map((m) => m.staffId)).toEqual(['a', 'b', 'd']);
    expect(all[0]).toEqual({
      staffId: 'a',
      buId: 'bu-1',
      kaId: 'ka-1',
      kakariId: 'kk-1',
      level: '主事',
      employment: '正規',
    });
    const some = resolveAudience(
      { unitIds: ['bu-1', 'bu-2'], jobLevels: ['主事'], employments: ['正規'] },
      people,
      units,
    );
    expect(some.map((m) => m.staffId)).toEqual(['a', 'e']);
  });
});
