import { describe, expect, it } from 'vitest';
import { generateDemoOrg } from '../../../../tools/demo-org';
import { ORG_SCOPE } from '../../../../src/domain/yell-aggregate';
import { charCount } from '../../../../src/domain/text';
import { YELL_LIMITS } from '../../../../src/domain/yells';
import { createMemoryStores } from '..';
import { seedOrganisation } from '../directory/seed';
import { generateDemoYells, seedDemoYells } from './seed';

describe('demo エール', () => {
  const org = generateDemoOrg({ staff: 400 });
  const focus = org.accounts.map((a) => a.staffId);
  const options = { orgId: org.orgId, units: org.units, staff: org.staff, focus, count: 120 };

  it('are deterministic, public, within the limits, never to oneself, at most 3 a day per sender', () => {
    const a = generateDemoYells(options);
    expect(generateDemoYells(options)).toEqual(a);
    expect(a).toHaveLength(120);
    const perDay = new Map<string, number>();
    for (const y of a) {
      expect(y.intent.visibility).toBe('public');
      expect(y.intent.to).not.toContain(y.from);
      expect(y.intent.to.length).toBeGreaterThanOrEqual(1);
      expect(charCount(y.intent.message)).toBeLessThanOrEqual(YELL_LIMITS.message);
      expect(y.clappers).not.toContain(y.from);
      const key = `${y.from}~${new Date(y.at.getTime() + 9 * 3600_000).toISOString().slice(0, 10)}`;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(3);
  });

  it('include every demo account as sender and as recipient', () => {
    const a = generateDemoYells(options);
    for (const id of focus) {
      expect(a.some((y) => y.intent.to.includes(id))).toBe(true);
    }
    expect(focus.filter((id) => a.some((y) => y.from === id)).length).toBeGreaterThanOrEqual(3);
  });

  it('go through the store’s mutation path: counts match the エール, and seeding again adds nothing', async () => {
    const store = createMemoryStores();
    await seedOrganisation(store, { orgId: org.orgId, units: org.units, staff: org.staff });
    const first = await seedDemoYells(store, options);
    const pairs = generateDemoYells(options).reduce((n, y) => n + y.intent.to.length, 0);
    const scope = await store.yells.getYellScope(org.orgId, ORG_SCOPE);
    expect(scope.total).toBe(pairs);
    expect(scope.crossDepartment).toBeGreaterThan(0);
    expect(scope.crossDepartment).toBeLessThan(pairs);
    expect(await store.yells.yellHead(org.orgId)).toBe(first.yells + first.claps);
    await seedDemoYells(store, options);
    expect((await store.yells.getYellScope(org.orgId, ORG_SCOPE)).total).toBe(pairs);
    expect(await store.yells.yellHead(org.orgId)).toBe(first.yells + first.claps);
  });
});
