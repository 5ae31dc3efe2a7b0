/**
 * The device's anonymous answering (S3): token signed blind and kept, draft across a reload,
 * submit queued once, the answer sent through the unsigned call only, participation queued at a
 * sync after the random delay, a refusal kept with why and the draft kept. The server is a fake
 * that signs and verifies with a real RFC 9474 key (the real server is tested in
 * functions/src/features/surveys).
 */
import { RSABSSA } from '@cloudflare/blindrsa-ts';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../db/schema';
import type { AssignedSurvey } from '../../domain/surveys/survey';
import type { SurveyApi } from '../../platform/api';
import { TransportError } from '../../sync/ports';
import { saveDraft, submitSurvey } from './commands';
import { PARTICIPATION_DELAY_MS, surveyWork } from './work';

const names: string[] = [];
function freshName() {
  const name = `test-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
}
afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const unb64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64url'));

async function fakeServer(refuse: TransportError | null = null) {
  const suite = RSABSSA.SHA384.PSS.Randomized();
  const keys = await suite.generateKey({ modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) });
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
  const signed: string[] = [];
  const answers: unknown[] = [];
  const api: SurveyApi = {
    async surveyJson(_method, path, body) {
      if (!path.endsWith('/token')) throw new Error(`unexpected ${path}`);
      const blinded = (body as { blinded: string }).blinded;
      signed.push(blinded);
      return { blindSignature: b64(await suite.blindSign(keys.privateKey, unb64(blinded))) };
    },
    async answerAnonymously(path, body) {
      if (refuse) throw refuse;
      const b = body as { token: string; signature: string };
      if (!(await suite.verify(keys.publicKey, unb64(b.signature), unb64(b.token)))) throw new Error('forged');
      answers.push({ path, body });
      return { status: 'applied' };
    },
  };
  return { api, publicKey: b64(spki), signed, answers };
}

const survey = (publicKey: string): AssignedSurvey => ({
  id: 'survey-0001',
  title: '職員アンケート',
  round: '2026',
  anonymous: true,
  questions: [
    { id: 'q1', kind: 'likert', points: 4, text: 'やりがい' },
    { id: 'q2', kind: 'text', text: 'ご意見', maxLength: 50 },
  ],
  deadline: '2099-06-30T09:00:00.000Z',
  closesAt: '2099-07-03T09:00:00.000Z',
  k: 5,
  groups: { buId: 'bu-1', kaId: 'ka-1', kakariId: null, level: '主事', employment: '正規' },
  publicKey,
  participated: false,
  status: 'open',
});

describe('anonymous answering on the device', { timeout: 30_000 }, () => {
  it('gets a token, keeps the draft across a reload, sends once unsigned, then queues participation after the delay', async () => {
    const server = await fakeServer();
    const name = freshName();
    const db = new AppDb(name);
    await db.surveys.put(survey(server.publicKey));
    await surveyWork(db, server.api);
    expect((await db.surveyTokens.get('survey-0001')) as unknown).toMatchObject({ signature: expect.any(String) });
    await surveyWork(db, server.api); // a token is asked for once
    expect(server.signed).toHaveLength(1);

    await saveDraft(db, 'survey-0001', { q1: 3 });
    db.close();
    const reloaded = new AppDb(name);
    expect((await reloaded.surveyDrafts.get('survey-0001'))?.answers).toEqual({ q1: 3 });

    const s = (await reloaded.surveys.get('survey-0001'))!;
    expect(await submitSurvey(reloaded, s, { q1: 3, q2: 'よい職場' })).toEqual({ ok: true });
    expect(await submitSurvey(reloaded, s, { q1: 3, q2: 'よい職場' })).toEqual({ ok: true });
    expect(await reloaded.surveySends.count()).toBe(1);
    expect((await reloaded.surveySends.get('survey-0001'))?.state).toBe('queued');

    const t0 = Date.now();
    await surveyWork(reloaded, server.api, t0);
    await surveyWork(reloaded, server.api, t0 + 1000);
    expect(server.answers).toHaveLength(1);
    expect(Object.keys((server.answers[0] as { body: object }).body).sort()).toEqual([
      'answers',
      'groups',
      'orgId',
      'signature',
      'token',
    ]);
    expect((await reloaded.surveySends.get('survey-0001'))?.state).toBe('answered');
    expect(await reloaded.surveyDrafts.get('survey-0001')).toBeUndefined();
    // Not yet: the participation waits for the random delay.
    expect(await reloaded.outbox.count()).toBe(0);
    await surveyWork(reloaded, server.api, t0 + PARTICIPATION_DELAY_MS.max + 1);
    const out = await reloaded.outbox.toArray();
    expect(out.map((o) => o.mutation)).toEqual([
      expect.objectContaining({ kind: 'survey.participate', surveyId: 'survey-0001' }),
    ]);
    expect(JSON.stringify(out)).not.toContain('よい職場');
    expect((await reloaded.surveySends.get('survey-0001'))?.state).toBe('participated');
    expect(await reloaded.surveyTokens.get('survey-0001')).toBeUndefined();
    reloaded.close();
  });

  it('a refusal after the grace keeps the answers and the draft, with the server’s reason', async () => {
    const server = await fakeServer(
      new TransportError('campaign.closed', 409, 'campaign.closed', { code: 'campaign.closed', params: {} }),
    );
    const db = new AppDb(freshName());
    await db.surveys.put(survey(server.publicKey));
    await surveyWork(db, server.api);
    await saveDraft(db, 'survey-0001', { q1: 2 });
    const s = (await db.surveys.get('survey-0001'))!;
    await submitSurvey(db, s, { q1: 2 });
    await surveyWork(db, server.api);
    expect(await db.surveySends.get('survey-0001')).toMatchObject({
      state: 'refused',
      answers: { q1: 2 },
      problem: { code: 'campaign.closed' },
    });
    expect((await db.surveyDrafts.get('survey-0001'))?.answers).toEqual({ q1: 2 });
    db.close();
  });

  it('refuses on the device what the server would: out of scale, over the limit, markup', async () => {
    const db = new AppDb(freshName());
    const s = survey('x');
    expect(await submitSurvey(db, s, { q1: 9 })).toMatchObject({
      ok: false,
      problem: { code: 'survey.answerOutOfScale' },
    });
    expect(await submitSurvey(db, s, { q2: 'あ'.repeat(51) })).toMatchObject({
      problem: { code: 'survey.textTooLong' },
    });
    expect(await submitSurvey(db, s, { q2: '<b>x</b>' })).toMatchObject({ problem: { code: 'survey.textMarkup' } });
    expect(await db.surveySends.count()).toBe(0);
    db.close();
  });
});
