/**
 * Trainings (T1-T2) through the API on the in-memory stores: HR adds and edits the catalogue, a
 * 職員 may not; a person applies once (twice is one application), a full run waits, a past run and a
 * 指名研修 refuse with their codes, and the feed carries the catalogue and only the viewer's own
 * applications. The server clock is set with fake timers (the handlers read `new Date()`).
 */
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiErrorSchema, PushResponseSchema, type Claims } from '../../../../src/domain/protocol';
import { TRAININGS_PATH, TrainingsPageSchema } from '../../../../src/domain/trainings';
import { sampleTraining } from '../../../../src/domain/trainings/fixtures';
import type { TokenVerifier } from '../../api/auth';
import { createApi, type Api } from '../../api/router';
import { makeProfile, staffId } from '../../testing/fixtures';
import { apiRequest, bodyJson } from '../../testing/http';
import { seededOrg } from '../../testing/org';
import { syncOne } from '../../testing/sync';

function fakeVerifier(tokens: Record<string, Claims>): TokenVerifier {
  return {
    async verify(token) {
      const payload = tokens[token];
      if (!payload) throw new Error('auth/argument-error');
      return { uid: `uid-${token}`, iss: 'https://securetoken.google.com/demo', ...payload };
    },
  };
}

async function setup(): Promise<Api> {
  const { store, orgId } = await seededOrg([
    makeProfile(1, { jobLevel: '主事' }),
    makeProfile(2, { jobLevel: '主事' }),
    makeProfile(3, { jobLevel: '係長級' }),
    makeProfile(9, { jobLevel: '係長級' }),
    makeProfile(5, { jobLevel: '課長級', unitId: 'ka-1' }),
    makeProfile(6, { jobLevel: '部長級', unitId: 'bu-1' }),
  ]);
  const claims = (n: number, role: Claims['role'] = 'staff'): Claims => ({
    orgId,
    staffId: staffId(n),
    role,
    duties: [],
  });
  return createApi({
    stores: store,
    verifier: fakeVerifier({
      a: claims(1),
      b: claims(2),
      c: claims(3),
      hr: claims(9, 'hr'),
      kacho: claims(5, 'manager'),
      bucho: claims(6, 'manager'),
    }),
    logError: (message, e) => {
      throw new Error(`${message}: ${String(e)}`);
    },
  });
}

let seq = 0;
const apply = (runId = 'run-0001-1', trainingId = 'trn-0001') => ({
  kind: 'training.apply',
  id: `m-apply-${++seq}`.padEnd(8, '0'),
  createdAt: '2027-05-01T00:00:00.000Z',
  trainingId,
  runId,
});

async function push(api: Api, token: string, mutation: Record<string, unknown>) {
  const res = await api(apiRequest('POST', '/api/mutations', token, { mutations: [mutation] }));
  expect(res.status).toBe(200);
  const [result] = v.parse(PushResponseSchema, bodyJson(res)).results;
  if (!result) throw new Error('no result');
  return result;
}
const put = (api: Api, token: string, body: unknown) => api(apiRequest('POST', `/api${TRAININGS_PATH}`, token, body));
const page = async (api: Api, token: string, since = 0) =>
  v.parse(TrainingsPageSchema, await syncOne(api, token, 'trainings', { version: since }));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2027-05-01T00:00:00.000Z'));
});
afterEach(() => vi.useRealTimers());

describe('API: the catalogue (T1)', () => {
  it('HR adds a training, and every device gets it in the trainings feed', async () => {
    const api = await setup();
    const res = await put(api, 'hr', sampleTraining());
    expect(res.status).toBe(200);
    const p = await page(api, 'a');
    expect(p.trainings.map((t) => [t.id, t.fiscalYear, t.runs[0]?.taken])).toEqual([['trn-0001', 2027, 0]]);
    expect(p.mine).toEqual([]);
    expect(await page(api, 'a', p.version)).toEqual({ trainings: [], version: p.version, more: false, reset: false });
  });

  it('a 職員 editing the catalogue is refused (403 api.forbidden) and nothing changes', async () => {
    const api = await setup();
    const res = await put(api, 'a', sampleTraining());
    expect(res.status).toBe(403);
    expect(v.parse(ApiErrorSchema, bodyJson(res)).code).toBe('api.forbidden');
    expect((await page(api, 'a')).trainings).toEqual([]);
  });

  it('a bad body says which field, with its code (400)', async () => {
    const api = await setup();
    const res = await put(api, 'hr', sampleTraining({ title: '  ' }));
    expect(res.status).toBe(400);
    expect(bodyJson(res)).toMatchObject({ code: 'training.titleEmpty', params: { field: 'title' } });
    const dx = await put(api, 'hr', sampleTraining({ area: 'stance' }));
    expect(bodyJson(dx)).toMatchObject({ code: 'training.dxSkillMismatch' });
  });
});

describe('API: applying to a run (T2)', () => {
  it('applying twice is one application; the replay of one id is a duplicate', async () => {
    const api = await setup();
    await put(api, 'hr', sampleTraining());
    const first = apply();
    expect((await push(api, 'a', first)).status).toBe('applied');
    expect((await push(api, 'a', first)).status).toBe('duplicate');
    expect((await push(api, 'a', apply())).status).toBe('applied');
    const p = await page(api, 'a');
    expect(p.mine?.map((a) => [a.runId, a.status])).toEqual([['run-0001-1', 'applied']]);
    expect(p.trainings[0]?.runs[0]).toMatchObject({ taken: 1, waiting: 0 });
  });

  it('a full run puts the next applicant on the waiting list; each sees only their own application', async () => {
    const api = await setup();
    await put(api, 'hr', sampleTraining({ runs: [{ ...sampleTraining().runs[0]!, capacity: 1 }] }));
    expect((await push(api, 'a', apply())).status).toBe('applied');
    expect((await push(api, 'b', apply())).status).toBe('applied');
    const b = await page(api, 'b');
    expect(b.mine?.map((x) => [x.staffId, x.status])).toEqual([[staffId(2), 'waitlisted']]);
    expect(b.trainings[0]?.runs[0]).toMatchObject({ taken: 1, waiting: 1 });
  });

  it('a run that has started refuses, saying from when (training.runPast)', async () => {
    const api = await setup();
    await put(api, 'hr', sampleTraining());
    vi.setSystemTime(new Date('2027-06-09T15:00:00.000Z')); // 2027-06-10 00:00 in Tokyo, the first day
    const result = await push(api, 'a', apply());
    expect(result).toMatchObject({ status: 'rejected', code: 'training.runPast', params: { date: '2027-06-10' } });
    expect((await page(api, 'a')).mine).toEqual([]);
  });

  it('a 指名研修 and a 職層研修 of another level refuse; an unknown run too', async () => {
    const api = await setup();
    await put(
      api,
      'hr',
      sampleTraining({ id: 'trn-0002', kind: 'nominated', runs: [{ ...sampleTraining().runs[0]!, id: 'run-0002-1' }] }),
    );
    await put(
      api,
      'hr',
      sampleTraining({
        id: 'trn-0003',
        kind: 'mandatory',
        targetLevels: ['係長級'],
        runs: [{ ...sampleTraining().runs[0]!, id: 'run-0003-1' }],
      }),
    );
    await put(api, 'hr', sampleTraining());
    expect(await push(api, 'a', apply('run-0002-1', 'trn-0002'))).toMatchObject({ code: 'training.nominationOnly' });
    expect(await push(api, 'a', apply('run-0003-1', 'trn-0003'))).toMatchObject({ code: 'training.notForLevel' });
    expect((await push(api, 'c', apply('run-0003-1', 'trn-0003'))).status).toBe('applied');
    expect(await push(api, 'a', apply('run-9999-1'))).toMatchObject({ code: 'training.runNotFound' });
    expect(await push(api, 'a', apply('run-0001-1', 'trn-9999'))).toMatchObject({ code: 'training.notFound' });
  });

  it('a training that needs the 所属長’s approval is awaiting it', async () => {
    const api = await setup();
    await put(api, 'hr', sampleTraining({ approvalRequired: true }));
    await push(api, 'a', apply());
    expect((await page(api, 'a')).mine?.[0]?.status).toBe('awaitingApproval');
  });
});

const decide = (staff: number, approve: boolean) => ({
  kind: 'training.decide',
  id: `m-decide-${++seq}`.padEnd(8, '0'),
  createdAt: '2027-05-01T00:00:00.000Z',
  trainingId: 'trn-0001',
  runId: 'run-0001-1',
  staffId: staffId(staff),
  approve,
});
const cancel = () => ({
  kind: 'training.cancel',
  id: `m-cancel-${++seq}`.padEnd(8, '0'),
  createdAt: '2027-05-01T00:00:00.000Z',
  trainingId: 'trn-0001',
  runId: 'run-0001-1',
});

describe('API: approval, cancellation and the roll-call (T2)', () => {
  it('the 課長 of the applicant’s 課 (from the directory) sees it to approve and approves; the 部長 may not', async () => {
    const api = await setup();
    await put(api, 'hr', sampleTraining({ approvalRequired: true }));
    await push(api, 'a', apply());
    const k = await page(api, 'kacho');
    expect(k.toApprove?.map((x) => [x.staffId, x.approverUnitId])).toEqual([[staffId(1), 'ka-1']]);
    expect((await page(api, 'bucho')).toApprove).toEqual([]);
    expect((await page(api, 'a')).toApprove).toBeUndefined();
    expect(await push(api, 'bucho', decide(1, true))).toMatchObject({
      status: 'rejected',
      code: 'training.notApprover',
    });
    expect(await push(api, 'b', decide(1, true))).toMatchObject({ status: 'rejected', code: 'training.notApprover' });
    expect((await push(api, 'kacho', decide(1, true))).status).toBe('applied');
    expect((await page(api, 'a')).mine?.[0]?.status).toBe('applied');
    expect((await page(api, 'kacho')).toApprove).toEqual([]);
  });

  it('a cancellation moves the first waiting applicant up', async () => {
    const api = await setup();
    await put(api, 'hr', sampleTraining({ runs: [{ ...sampleTraining().runs[0]!, capacity: 1 }] }));
    await push(api, 'a', apply());
    await push(api, 'b', apply());
    expect((await push(api, 'a', cancel())).status).toBe('applied');
    const b = await page(api, 'b');
    expect(b.mine?.map((x) => x.status)).toEqual(['applied']);
    expect(b.trainings[0]?.runs[0]).toMatchObject({ taken: 1, waiting: 0 });
    expect((await page(api, 'a')).mine).toEqual([]);
  });

  it('HR records attendance; a 職員 may not (403); the person’s feed brings it', async () => {
    const api = await setup();
    await put(api, 'hr', sampleTraining());
    await push(api, 'a', apply());
    const body = {
      trainingId: 'trn-0001',
      runId: 'run-0001-1',
      marks: [{ staffId: staffId(1), date: '2027-06-10', present: true }],
    };
    const byStaff = await api(apiRequest('POST', '/api/trainings/attendance', 'a', body));
    expect(byStaff.status).toBe(403);
    const res = await api(apiRequest('POST', '/api/trainings/attendance', 'hr', body));
    expect(res.status).toBe(200);
    expect(bodyJson(res)).toEqual({ changed: 1 });
    expect((await page(api, 'a')).mine?.[0]?.attendance).toEqual({ '2027-06-10': 'present' });
    const roster = await api(apiRequest('GET', '/api/trainings/runs/run-0001-1', 'hr'));
    expect(bodyJson(roster)).toMatchObject({ applications: [{ staffId: staffId(1) }] });
    const wrong = await api(
      apiRequest('POST', '/api/trainings/attendance', 'hr', {
        ...body,
        marks: [{ ...body.marks[0], date: '2027-06-11' }],
      }),
    );
    expect(wrong.status).toBe(400);
    expect(bodyJson(wrong)).toMatchObject({ code: 'training.dateNotInRun', params: { date: '2027-06-11' } });
  });
});
