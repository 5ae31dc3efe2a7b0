import { describe, expect, it } from 'vitest';
import { seededOrg } from '../../testing/org';
import { UNITS } from '../../testing/fixtures';
import { makeProfiles } from '../../testing/fixtures';
import { DEMO_QUESTIONS, seedDemoSurveys } from './seed';

describe('demo surveys', { timeout: 60_000 }, () => {
  it("closes last year's with about 55% answered and means near the baselines, and opens this year's", async () => {
    const { store, orgId } = await seededOrg(400);
    const now = new Date('2026-06-01T00:00:00.000Z');
    const ids = await seedDemoSurveys(store, { orgId, units: UNITS, staff: makeProfiles(400), now });
    const last = await store.surveys.getResults(orgId, ids.lastYear);
    const all = last?.groups.find((g) => g.key === 'all');
    expect(all?.responded).toBeGreaterThan(400 * 0.48);
    expect(all?.responded).toBeLessThan(400 * 0.62);
    for (const q of DEMO_QUESTIONS) {
      if (q.kind !== 'likert' || !q.kpi) continue;
      const f = all?.figures[q.id];
      if (!f || f === 'hidden') throw new Error(`${q.id} hidden`);
      expect(Math.abs((f.mean ?? 0) - q.kpi.baseline), q.id).toBeLessThan(0.2);
    }
    expect((await store.surveys.getSurvey(orgId, ids.thisYear))?.status).toBe('open');
    // Seeding twice adds nothing.
    await seedDemoSurveys(store, { orgId, units: UNITS, staff: makeProfiles(400), now });
    expect((await store.surveys.getResults(orgId, ids.lastYear))?.groups.find((g) => g.key === 'all')?.responded).toBe(
      all?.responded,
    );
  });
});
