import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { TRAINING_AREAS, TrainingInputSchema } from '../../../../src/domain/trainings';
import { createMemoryStores } from '..';
import { freshOrgId } from '../../testing/fixtures';
import { demoTrainings, fiscalYearNow, seedDemoTrainings } from './seed';

describe('the demo catalogue (T1)', () => {
  const list = demoTrainings(2026);

  it('has about 220 trainings of fiscal year 2026, every one valid, ids and titles unique, in every area', () => {
    expect(list.length).toBeGreaterThanOrEqual(200);
    expect(list.length).toBeLessThanOrEqual(240);
    for (const t of list) expect(v.safeParse(TrainingInputSchema, t).success, t.id).toBe(true);
    expect(new Set(list.map((t) => t.id)).size).toBe(list.length);
    expect(new Set(list.map((t) => t.title)).size).toBe(list.length);
    for (const area of TRAINING_AREAS)
      expect(
        list.some((t) => t.area === area),
        area,
      ).toBe(true);
    const dates = list.flatMap((t) => t.runs.flatMap((r) => r.dates)).sort();
    expect(dates[0]! >= '2026-04-01' && dates.at(-1)! <= '2027-03-31').toBe(true);
  });

  it('is the same at every seed, and seeding it through the store takes one version each', async () => {
    expect(demoTrainings(2026)).toEqual(list);
    const stores = createMemoryStores();
    const orgId = freshOrgId('demo-trn');
    const n = await seedDemoTrainings(stores, { orgId, now: new Date('2026-12-07T00:00:00Z') });
    expect(n).toBe(list.length);
    expect(await stores.trainings.trainingHead(orgId)).toBe(list.length);
  });

  it('the fiscal year starts on 1 April in Tokyo', () => {
    expect(fiscalYearNow(new Date('2027-03-31T14:59:00Z'))).toBe(2026);
    expect(fiscalYearNow(new Date('2027-03-31T15:00:00Z'))).toBe(2027);
  });
});
