/**
 * The trainings' store contract (port.ts), run on the in-memory twin and on the firebase-admin
 * adapter against the Firestore stand-in (features/contracts.test.ts, contracts.standin.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ApplyContext, ApplyIntent } from '../../../../src/domain/trainings';
import { sampleTraining } from '../../../../src/domain/trainings/fixtures';
import { freshOrgId, mutationId, staffId } from '../../testing/fixtures';
import type { ServerStores } from '../stores';

const ctx: ApplyContext = { now: '2027-05-01T00:00:00.000Z', jobLevel: '主事' };
const apply: ApplyIntent = { kind: 'training.apply', trainingId: 'trn-0001', runId: 'run-0001-1' };

export function runTrainingContract(name: string, makeStore: () => ServerStores | Promise<ServerStores>): void {
  describe(`store contract, trainings: ${name}`, () => {
    async function withTraining(approvalRequired = false): Promise<{ store: ServerStores; orgId: string }> {
      const store = await makeStore();
      const orgId = freshOrgId('trn');
      const put = await store.trainings.putTraining(orgId, sampleTraining({ approvalRequired }));
      expect(put).toMatchObject({ ok: true, training: { version: 1, fiscalYear: 2027 } });
      return { store, orgId };
    }
    const status = async (store: ServerStores, orgId: string, n: number, label: string) =>
      (await store.trainings.applyTrainingMutation(orgId, mutationId(label), staffId(n), apply, ctx)).status;

    it('an empty organisation is at version 0 and lists nothing', async () => {
      const store = await makeStore();
      const orgId = freshOrgId('trn');
      expect(await store.trainings.trainingHead(orgId)).toBe(0);
      expect(await store.trainings.trainingsSince(orgId, 0, 10)).toEqual([]);
      expect(await store.trainings.getTraining(orgId, 'trn-0001')).toBeNull();
      expect(await store.trainings.applicationsOf(orgId, staffId(1))).toEqual([]);
    });

    it('HR’s edit takes a version, keeps the counts, and a refused edit writes nothing', async () => {
      const { store, orgId } = await withTraining();
      expect(await status(store, orgId, 1, 'a1')).toBe('applied');
      const edit = await store.trainings.putTraining(orgId, sampleTraining({ title: '改題' }));
      expect(edit).toMatchObject({
        ok: true,
        training: { title: '改題', version: 3, runs: [{ taken: 1, waiting: 0 }] },
      });
      const refused = await store.trainings.putTraining(orgId, sampleTraining({ runs: [] }));
      expect(refused).toEqual({ ok: false, problem: expect.objectContaining({ code: 'training.runHasApplicants' }) });
      expect(await store.trainings.trainingHead(orgId)).toBe(3);
      expect((await store.trainings.trainingsSince(orgId, 2, 10)).map((t) => t.title)).toEqual(['改題']);
    });

    it('applying twice is one application; a replay of the id is a duplicate', async () => {
      const { store, orgId } = await withTraining();
      expect(await store.trainings.applyTrainingMutation(orgId, mutationId('a1'), staffId(1), apply, ctx)).toEqual({
        status: 'applied',
        version: 2,
      });
      expect(await store.trainings.applyTrainingMutation(orgId, mutationId('a2'), staffId(1), apply, ctx)).toEqual({
        status: 'applied',
        version: 0,
      });
      expect(await status(store, orgId, 1, 'a1')).toBe('duplicate');
      expect(await store.trainings.applicationsOf(orgId, staffId(1))).toEqual([
        {
          trainingId: 'trn-0001',
          runId: 'run-0001-1',
          staffId: staffId(1),
          status: 'applied',
          at: ctx.now,
          version: 2,
        },
      ]);
      expect((await store.trainings.getTraining(orgId, 'trn-0001'))?.runs[0]).toMatchObject({ taken: 1, waiting: 0 });
    });

    it('from two tabs at once with two ids: one application, one place taken', async () => {
      const { store, orgId } = await withTraining();
      const both = await Promise.all([
        store.trainings.applyTrainingMutation(orgId, mutationId('t1'), staffId(1), apply, ctx),
        store.trainings.applyTrainingMutation(orgId, mutationId('t2'), staffId(1), apply, ctx),
      ]);
      expect(both.map((o) => o.status)).toEqual(['applied', 'applied']);
      expect(await store.trainings.applicationsOf(orgId, staffId(1))).toHaveLength(1);
      expect((await store.trainings.getTraining(orgId, 'trn-0001'))?.runs[0]?.taken).toBe(1);
    });

    it('a full run puts the next on its waiting list; approval holds a place', async () => {
      const { store, orgId } = await withTraining(true);
      for (const n of [1, 2, 3]) expect(await status(store, orgId, n, `p${n}`)).toBe('applied');
      const statuses = await Promise.all(
        [1, 2, 3].map(async (n) => (await store.trainings.applicationsOf(orgId, staffId(n)))[0]?.status),
      );
      expect(statuses).toEqual(['awaitingApproval', 'awaitingApproval', 'waitlisted']);
      expect((await store.trainings.getTraining(orgId, 'trn-0001'))?.runs[0]).toMatchObject({ taken: 2, waiting: 1 });
    });

    it('a refused application writes nothing, and its id may be used again', async () => {
      const { store, orgId } = await withTraining();
      const late = { ...ctx, now: '2027-06-10T00:00:00.000Z' };
      expect(await store.trainings.applyTrainingMutation(orgId, mutationId('late'), staffId(1), apply, late)).toEqual({
        status: 'rejected',
        problem: expect.objectContaining({ code: 'training.runPast', params: { date: '2027-06-10' } }),
      });
      expect(await store.trainings.trainingHead(orgId)).toBe(1);
      expect(await status(store, orgId, 1, 'late')).toBe('applied');
    });
  });
}
