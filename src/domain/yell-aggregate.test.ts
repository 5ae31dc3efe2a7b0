import { describe, expect, it } from 'vitest';
import type { OrgUnit } from './org';
import {
  emptyAggregate,
  foldYell,
  ORG_SCOPE,
  summarize,
  summaryScopeFor,
  unitPath,
  yellDelta,
  type YellAggEvent,
} from './yell-aggregate';
import { DEFAULT_RECOGNITION_SETTINGS } from './yells';

const UNITS: OrgUnit[] = [
  { id: 'b1', kind: 'bu', name: '総務部', kana: '', parentId: null, order: 1 },
  { id: 'b1k1', kind: 'ka', name: '人事課', kana: '', parentId: 'b1', order: 1 },
  { id: 'b1k1s1', kind: 'kakari', name: '人事係', kana: '', parentId: 'b1k1', order: 1 },
  { id: 'b1k2', kind: 'ka', name: '総務課', kana: '', parentId: 'b1', order: 2 },
  { id: 'b2', kind: 'bu', name: '区民部', kana: '', parentId: null, order: 2 },
  { id: 'b2k1', kind: 'ka', name: '戸籍住民課', kana: '', parentId: 'b2', order: 1 },
];
const byId = new Map(UNITS.map((u) => [u.id, u]));
const party = (staffId: string, unitId: string) => ({ staffId, path: unitPath(byId, unitId) });

const ev = (over: Partial<YellAggEvent> = {}): YellAggEvent => ({
  value: 'tasukeai',
  createdAt: '2026-11-30T03:00:00.000Z',
  from: party('a', 'b1k1s1'),
  to: [party('b', 'b1k2'), party('c', 'b2k1')],
  ...over,
});

describe('yellDelta / foldYell', () => {
  it('unitPath runs from the 部 down', () => {
    expect(unitPath(byId, 'b1k1s1')).toEqual(['b1', 'b1k1', 'b1k1s1']);
  });

  it('counts per recipient: total, cross-department, value, month, and per person', () => {
    const agg = foldYell(emptyAggregate(), ev());
    const org = agg.scopes[ORG_SCOPE];
    expect(org).toEqual({
      total: 2,
      crossDepartment: 1,
      byValue: { tasukeai: 2 },
      received: { b1: 1, b2: 1 },
      sent: { b1: 2 },
      byMonth: { '2026-11': { count: 2, crossDepartment: 1 } },
    });
    expect(agg.people).toEqual({
      a: { received: 0, sent: 1 },
      b: { received: 1, sent: 0 },
      c: { received: 1, sent: 0 },
    });
  });

  it('a unit scope counts pairs touching it, by its child units', () => {
    const agg = foldYell(emptyAggregate(), ev());
    expect(agg.scopes['b1']).toMatchObject({ total: 2, crossDepartment: 1, received: { b1k2: 1 }, sent: { b1k1: 2 } });
    // Only the cross pair touches 区民部: received by its 課, nothing sent from it.
    expect(agg.scopes['b2']).toMatchObject({ total: 1, crossDepartment: 1, received: { b2k1: 1 }, sent: {} });
    // b1k2 is a 課 with someone sitting directly in it: they count under the 課 itself.
    expect(agg.scopes['b1k2']?.received).toEqual({ b1k2: 1 });
  });

  it('is a fold: folding two events equals adding their deltas, and the input is not changed', () => {
    const e2 = ev({
      value: 'tanoshime',
      createdAt: '2026-12-01T00:00:00.000Z',
      to: [party('a', 'b1k1s1')],
      from: party('c', 'b2k1'),
    });
    const start = emptyAggregate();
    const one = foldYell(start, ev());
    const two = foldYell(one, e2);
    expect(start).toEqual(emptyAggregate());
    expect(two.scopes[ORG_SCOPE]?.total).toBe(3);
    expect(two.scopes[ORG_SCOPE]?.crossDepartment).toBe(2);
    expect(two.scopes[ORG_SCOPE]?.byMonth).toEqual({
      '2026-11': { count: 2, crossDepartment: 1 },
      '2026-12': { count: 1, crossDepartment: 1 },
    });
    expect(two.people['a']).toEqual({ received: 1, sent: 1 });
    expect(yellDelta(e2).scopes[ORG_SCOPE]?.total).toBe(1);
  });

  it('a month is the Asia/Tokyo one', () => {
    const agg = foldYell(emptyAggregate(), ev({ createdAt: '2026-11-30T15:30:00.000Z' }));
    expect(Object.keys(agg.scopes[ORG_SCOPE]?.byMonth ?? {})).toEqual(['2026-12']);
  });
});

describe('summarize', () => {
  it('lists every value and child unit (zeros too), months in order, and the cross share', () => {
    const agg = foldYell(
      foldYell(emptyAggregate(), ev()),
      ev({ createdAt: '2026-10-01T00:00:00.000Z', value: 'gone' }),
    );
    const s = summarize(agg.scopes[ORG_SCOPE]!, null, UNITS, DEFAULT_RECOGNITION_SETTINGS);
    expect(s.scope).toEqual({ unitId: null, name: '組織全体' });
    expect(s.total).toBe(4);
    expect(s.crossDepartmentShare).toBe(0.5);
    expect(s.byValue).toEqual([
      { value: 'tasukeai', label: '助けあエール', count: 2 },
      { value: 'sonchou', label: 'そんちょうしあエール', count: 0 },
      { value: 'tanoshime', label: 'たのしめエール', count: 0 },
      { value: 'gone', label: 'gone', count: 2 },
    ]);
    expect(s.byDepartment).toEqual([
      { unitId: 'b1', name: '総務部', received: 2, sent: 4 },
      { unitId: 'b2', name: '区民部', received: 2, sent: 0 },
    ]);
    expect(s.byMonth.map((m) => m.month)).toEqual(['2026-10', '2026-11']);
  });

  it('an empty scope has share 0', () => {
    const s = summarize(
      { total: 0, crossDepartment: 0, byValue: {}, received: {}, sent: {}, byMonth: {} },
      'b2',
      UNITS,
      DEFAULT_RECOGNITION_SETTINGS,
    );
    expect(s.crossDepartmentShare).toBe(0);
    expect(s.scope.name).toBe('区民部');
    expect(s.byDepartment).toEqual([{ unitId: 'b2k1', name: '戸籍住民課', received: 0, sent: 0 }]);
  });
});

describe('summaryScopeFor', () => {
  it('HR: any unit or all; manager: own 部 or inside it; staff: none', () => {
    expect(summaryScopeFor({ role: 'hr', unitId: 'b2k1' }, null, byId)).toEqual({ ok: true, unitId: null });
    expect(summaryScopeFor({ role: 'hr', unitId: 'b2k1' }, 'b1k1', byId)).toEqual({ ok: true, unitId: 'b1k1' });
    expect(summaryScopeFor({ role: 'manager', unitId: 'b1k1s1' }, null, byId)).toEqual({ ok: true, unitId: 'b1' });
    expect(summaryScopeFor({ role: 'manager', unitId: 'b1k1s1' }, 'b1k2', byId)).toEqual({ ok: true, unitId: 'b1k2' });
    expect(summaryScopeFor({ role: 'manager', unitId: 'b1k1s1' }, 'b2', byId)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(summaryScopeFor({ role: 'staff', unitId: 'b1k1s1' }, null, byId)).toMatchObject({ ok: false, status: 403 });
    expect(summaryScopeFor({ role: 'staff', unitId: 'b1k1s1' }, 'nope', byId)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(summaryScopeFor({ role: 'hr', unitId: 'b1' }, 'nope', byId)).toMatchObject({ ok: false, status: 404 });
  });
});
