/**
 * The trainings' store contract (port.ts), run on the in-memory twin and on the firebase-admin
 * adapter against the Firestore stand-in (features/contracts.test.ts, contracts.standin.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ApplyIntent, RecordContext, TrainingIntent } from '../../../../src/domain/trainings';
import { sampleTraining } from '../../../../src/domain/trainings/fixtures';
import { freshOrgId, mutationId, staffId } from '../../testing/fixtures';
import type { ServerStores } from '../stores';

const ctx: RecordContext = { now: '2027-05-01T00:00:00.000Z', jobLevel: '主事', role: 'staff', unitId: 'ka1' };
const kacho: RecordContext = { ...ctx, jobLevel: '課長級', role: 'manager', unitId: 'ka1' };
const cancel: TrainingIntent = { kind: 'training.cancel', trainingId: 'trn-0001', runId: 'run-0001-1' };
const decide = (n: number, approve: boolean): TrainingIntent => ({
  kind: 'training.decide',
  trainingId: 'trn-0001',
  runId: 'run-0001-1',
  staffId: staffId(n),
  approve,
});
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

    const statusOf = async (store: ServerStores, orgId: string, n: number) =>
      (await store.trainings.applicationsOf(orgId, staffId(n)))[0]?.status;
    const counts = async (store: ServerStores, orgId: string) => {
      const run = (await store.trainings.getTraining(orgId, 'trn-0001'))?.runs[0];
      return { taken: run?.taken, waiting: run?.waiting };
    };

    it('approval goes to the 課長 of the applicant’s section, once; others are refused', async () => {
      const { store, orgId } = await withTraining(true);
      expect(await status(store, orgId, 1, 'p1')).toBe('applied');
      const pending = await store.trainings.awaitingApprovalIn(orgId, 'ka1');
      expect(pending).toMatchObject([{ staffId: staffId(1), status: 'awaitingApproval', approverUnitId: 'ka1' }]);
      expect(await store.trainings.awaitingApprovalIn(orgId, 'ka2')).toEqual([]);
      const other = { ...kacho, unitId: 'ka2' };
      const refusedOther = await store.trainings.applyTrainingMutation(
        orgId,
        mutationId('d0'),
        staffId(8),
        decide(1, true),
        other,
      );
      expect(refusedOther).toMatchObject({ status: 'rejected', problem: { code: 'training.notApprover' } });
      const notManager = await store.trainings.applyTrainingMutation(
        orgId,
        mutationId('d1'),
        staffId(7),
        decide(1, true),
        ctx,
      );
      expect(notManager).toMatchObject({ status: 'rejected', problem: { code: 'training.notApprover' } });
      const head = await store.trainings.trainingHead(orgId);
      expect(
        await store.trainings.applyTrainingMutation(orgId, mutationId('d2'), staffId(9), decide(1, true), kacho),
      ).toEqual({
        status: 'applied',
        version: head + 1,
      });
      expect(await statusOf(store, orgId, 1)).toBe('applied');
      expect(await store.trainings.awaitingApprovalIn(orgId, 'ka1')).toEqual([]);
      // Deciding again (approve or decline) changes nothing.
      expect(
        await store.trainings.applyTrainingMutation(orgId, mutationId('d3'), staffId(9), decide(1, false), kacho),
      ).toEqual({
        status: 'applied',
        version: 0,
      });
      expect(await counts(store, orgId)).toEqual({ taken: 1, waiting: 0 });
      const missing = await store.trainings.applyTrainingMutation(
        orgId,
        mutationId('d4'),
        staffId(9),
        decide(5, true),
        kacho,
      );
      expect(missing).toMatchObject({ status: 'rejected', problem: { code: 'training.applicationNotFound' } });
    });

    it('a 課長’s refusal frees the place for the first on the waiting list, who then waits for approval', async () => {
      const { store, orgId } = await withTraining(true);
      for (const n of [1, 2, 3, 4]) await status(store, orgId, n, `p${n}`);
      expect(await counts(store, orgId)).toEqual({ taken: 2, waiting: 2 });
      await store.trainings.applyTrainingMutation(orgId, mutationId('no1'), staffId(9), decide(1, false), kacho);
      expect(await statusOf(store, orgId, 1)).toBe('declined');
      expect(await statusOf(store, orgId, 3)).toBe('awaitingApproval');
      expect(await statusOf(store, orgId, 4)).toBe('waitlisted');
      expect(await counts(store, orgId)).toEqual({ taken: 2, waiting: 1 });
      expect((await store.trainings.awaitingApprovalIn(orgId, 'ka1')).map((a) => a.staffId).sort()).toEqual(
        [staffId(2), staffId(3)].sort(),
      );
    });

    it('a cancellation moves the waiting list up in order; a waiting one’s cancellation shortens it', async () => {
      const { store, orgId } = await withTraining();
      for (const n of [1, 2, 3, 4, 5]) await status(store, orgId, n, `p${n}`);
      expect(await counts(store, orgId)).toEqual({ taken: 2, waiting: 3 });
      expect(
        await store.trainings.applyTrainingMutation(orgId, mutationId('c4'), staffId(4), cancel, ctx),
      ).toMatchObject({
        status: 'applied',
      });
      expect(await counts(store, orgId)).toEqual({ taken: 2, waiting: 2 });
      expect(await store.trainings.applicationsOf(orgId, staffId(4))).toEqual([]);
      await store.trainings.applyTrainingMutation(orgId, mutationId('c1'), staffId(1), cancel, ctx);
      expect(await statusOf(store, orgId, 1)).toBeUndefined();
      expect(await statusOf(store, orgId, 3)).toBe('applied');
      expect(await statusOf(store, orgId, 5)).toBe('waitlisted');
      expect(await counts(store, orgId)).toEqual({ taken: 2, waiting: 1 });
      // Cancelling what one does not hold changes nothing; applying again after a cancellation works.
      expect(await store.trainings.applyTrainingMutation(orgId, mutationId('c1b'), staffId(1), cancel, ctx)).toEqual({
        status: 'applied',
        version: 0,
      });
      expect(await status(store, orgId, 1, 'again')).toBe('applied');
      expect(await statusOf(store, orgId, 1)).toBe('waitlisted');
      const late = { ...ctx, now: '2027-06-10T01:00:00.000Z' };
      expect(
        await store.trainings.applyTrainingMutation(orgId, mutationId('c3'), staffId(3), cancel, late),
      ).toMatchObject({
        status: 'rejected',
        problem: { code: 'training.runStarted', params: { date: '2027-06-10' } },
      });
    });

    it('HR’s roll-call marks each date; only people holding a place; it takes a version', async () => {
      const { store, orgId } = await withTraining();
      for (const n of [1, 2, 3]) await status(store, orgId, n, `p${n}`);
      const before = await store.trainings.trainingHead(orgId);
      const run = { trainingId: 'trn-0001', runId: 'run-0001-1' };
      expect(
        await store.trainings.recordAttendance(orgId, {
          ...run,
          marks: [
            { staffId: staffId(1), date: '2027-06-10', present: true },
            { staffId: staffId(1), date: '2027-06-17', present: true },
            { staffId: staffId(2), date: '2027-06-10', present: false },
          ],
          completions: [],
        }),
      ).toEqual({ ok: true, changed: 2 });
      const [a1] = await store.trainings.applicationsOf(orgId, staffId(1));
      expect(a1).toMatchObject({
        attendance: { '2027-06-10': 'present', '2027-06-17': 'present' },
        version: before + 1,
      });
      expect((await store.trainings.applicationsOf(orgId, staffId(2)))[0]?.attendance).toEqual({
        '2027-06-10': 'absent',
      });
      const waiting = await store.trainings.recordAttendance(orgId, {
        ...run,
        marks: [{ staffId: staffId(3), date: '2027-06-10', present: true }],
        completions: [],
      });
      expect(waiting).toEqual({ ok: false, problem: expect.objectContaining({ code: 'training.notAttending' }) });
      const wrongDay = await store.trainings.recordAttendance(orgId, {
        ...run,
        marks: [{ staffId: staffId(1), date: '2027-06-11', present: true }],
        completions: [],
      });
      expect(wrongDay).toEqual({ ok: false, problem: expect.objectContaining({ code: 'training.dateNotInRun' }) });
      expect(await store.trainings.trainingHead(orgId)).toBe(before + 1);
      const same = await store.trainings.recordAttendance(orgId, {
        ...run,
        marks: [{ staffId: staffId(1), date: '2027-06-10', present: true }],
        completions: [{ staffId: staffId(2), completed: true }],
      });
      expect(same).toEqual({ ok: true, changed: 1 });
      expect((await store.trainings.applicationsOfRun(orgId, 'run-0001-1')).map((a) => a.staffId).sort()).toEqual(
        [1, 2, 3].map(staffId).sort(),
      );
    });
  });
}
