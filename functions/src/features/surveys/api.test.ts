/**
 * Surveys (S1-S6) through the API on the twins: the anonymous journey (token signed blind, the
 * answer sent without an ID token, participation apart), the reminder, the close at the first
 * request after deadline and grace, the results per viewer, and every refusal of issue 18.
 */
import { describe, expect, it } from 'vitest';
import { SURVEY_PATHS } from '../../../../src/domain/surveys/survey';
import type { SurveyResults } from '../../../../src/domain/surveys/results';
import { staffId } from '../../testing/fixtures';
import {
  answerAnonymously,
  deviceToken,
  openedSurvey,
  push,
  spec,
  SURVEY_ID,
  surveyOrg,
  type SurveyOrg,
} from './testing';

const good = (v: number) => ({ q1: v, q2: 5 - v, q3: [0, 2], q4: '' });

async function answerAs(o: SurveyOrg, who: number, answers: Record<string, unknown> = good(3)) {
  const { assigned, token, refused } = await deviceToken(o, who);
  if (!token) throw new Error(`no token for ${who}: ${JSON.stringify(refused?.body)}`);
  const res = await answerAnonymously(o, token, assigned.groups, answers as never);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect((await push(o, who, { kind: 'survey.participate', surveyId: SURVEY_ID })).status).toBe('applied');
  return { assigned, token };
}

const rate = async (o: SurveyOrg, who: number, unit?: string) =>
  o.call('GET', `${SURVEY_PATHS.rate(SURVEY_ID)}${unit ? `?unit=${unit}` : ''}`, who);
const rowOf = (body: { rows: { key: string; responded?: number }[] }, key: string) =>
  body.rows.find((r) => r.key === key);

describe('surveys API: the anonymous journey', { timeout: 60_000 }, () => {
  it('opens, answers without an ID token, counts the rate, reminds only non-respondents, closes and shows results by viewer', async () => {
    const o = await surveyOrg();
    await openedSurvey(o);
    // The survey reaches the device with the groups its answer counts in: 給与係 is small (2 < K), so 課 only.
    const assigned = async (who: number) =>
      (await o.call('POST', '/sync', who, { feeds: { surveys: { version: 0 } } })).body.feeds.surveys.surveys[0];
    expect((await assigned(9)).groups).toEqual({
      buId: 'bu-1',
      kaId: 'ka-1',
      kakariId: null,
      level: '主事',
      employment: '正規',
    });
    expect((await assigned(1)).groups.kakariId).toBe('kk-1a');

    const before = await rate(o, 40);
    expect(rowOf(before.body, 'all')?.responded).toBe(0);
    await answerAs(o, 1, { ...good(4), q4: '研修を増やしてほしい' });
    const after = await rate(o, 40);
    expect(rowOf(after.body, 'all')?.responded).toBe(1);
    expect(rowOf(after.body, 'bu:bu-1')?.responded).toBe(1);
    // Groups of at least K people show their count; nobody can list who has not answered.
    expect(rowOf(after.body, 'ka-2') ?? rowOf(after.body, 'ka:ka-2')).toMatchObject({ audience: 6 });
    expect(JSON.stringify(after.body)).not.toContain(staffId(2));

    // HR's reminder reaches a non-respondent at their next sync, and not the respondent.
    expect((await o.call('POST', SURVEY_PATHS.remind(SURVEY_ID), 40, { id: 'reminder-0001' })).status).toBe(200);
    const notes = async (who: number) => {
      const res = await o.call('POST', '/sync', who, { feeds: { notifications: { version: 0 } } });
      return (res.body.feeds.notifications.notifications as { kind: string }[]).map((n) => n.kind);
    };
    expect(await notes(2)).toEqual(['survey.reminder']);
    expect(await notes(1)).toEqual([]);

    // A scheduled reminder becomes due at the first sync after its time.
    await o.call('POST', SURVEY_PATHS.remind(SURVEY_ID), 40, {
      id: 'reminder-0002',
      dueAt: '2026-06-10T00:00:00.000Z',
    });
    o.at('2026-06-09T23:00:00.000Z');
    await o.call('POST', '/sync', 3, { feeds: { surveys: { version: 0 } } });
    expect(await notes(3)).toEqual(['survey.reminder']);
    o.at('2026-06-10T00:00:01.000Z');
    await o.call('POST', '/sync', 3, { feeds: { surveys: { version: 0 } } });
    expect(await notes(3)).toEqual(['survey.reminder', 'survey.reminder']);

    for (const n of [2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 17, 18, 19, 20, 21, 22]) await answerAs(o, n, good(1 + (n % 4)));
    // Nothing is shown while open.
    expect((await o.call('GET', SURVEY_PATHS.results(SURVEY_ID), 40)).body.code).toBe('survey.resultsNotReady');

    // Past deadline + grace, the first request closes it.
    o.at('2026-07-03T09:00:01.000Z');
    const sync = await o.call('POST', '/sync', 1, { feeds: { surveys: { version: 0 } } });
    expect(sync.body.feeds.surveys.surveys[0].status).toBe('closed');
    const hr = (await o.call('GET', SURVEY_PATHS.results(SURVEY_ID), 40)).body as SurveyResults;
    const g = (key: string) => hr.groups.find((x) => x.key === key);
    expect(g('all')?.figures['q1']).toMatchObject({ n: 17 });
    // 総務部 (11) = 人事課 (9) + 財政課 (2): 財政課 is below K, and 総務部 − 人事課 would isolate its two
    // answers, so 人事課 (its sibling) is hidden too, and with it its 係. 区民生活部's one 課 (6) is shown.
    expect(g('bu:bu-1')?.figures['q1']).toMatchObject({ n: 11 });
    expect(g('ka:ka-2')?.figures['q1']).toBe('hidden');
    expect(g('ka:ka-1')?.figures['q1']).toBe('hidden');
    expect(g('kakari:kk-1a')?.figures['q1']).toBe('hidden');
    expect(g('ka:ka-3')?.figures['q1']).toMatchObject({ n: 6 });
    expect(g('otherKakari:ka-1')).toBeUndefined();
    expect(hr.texts['q4']).toEqual({});
    // A 部長 sees their 部 and inside; a 課長 their 課; job levels only for HR.
    const bucho = (await o.call('GET', SURVEY_PATHS.results(SURVEY_ID), 41)).body as SurveyResults;
    expect(bucho.groups.map((x) => x.key).sort()).toEqual(['bu:bu-1', 'ka:ka-1', 'ka:ka-2', 'kakari:kk-1a'].sort());
    const kacho = (await o.call('GET', SURVEY_PATHS.results(SURVEY_ID), 42)).body as SurveyResults;
    expect(kacho.groups.map((x) => x.key).sort()).toEqual(['ka:ka-1', 'kakari:kk-1a']);
    // Each export is recorded in the audit log (A3) before its results are answered: who, when, which survey.
    expect((await o.call('POST', SURVEY_PATHS.exportResults(SURVEY_ID), 40, { format: 'sjis' })).status).toBe(200);
    const bySurveyUnit = await o.call('POST', SURVEY_PATHS.exportResults(SURVEY_ID), 41, { format: 'utf8' });
    expect(bySurveyUnit.status).toBe(200);
    const log = await o.call('GET', '/audit?kind=survey.export', 40);
    const entries = (log.body.entries as { actor: string; at: string; detail: string; endpoint: string }[])
      .slice()
      .sort((x, y) => x.actor.localeCompare(y.actor));
    expect(entries.map(({ actor, detail, endpoint }) => ({ actor, detail, endpoint }))).toEqual([
      { actor: staffId(40), detail: `${SURVEY_ID} sjis`, endpoint: `POST ${SURVEY_PATHS.exportResults(SURVEY_ID)}` },
      { actor: staffId(41), detail: `${SURVEY_ID} utf8`, endpoint: `POST ${SURVEY_PATHS.exportResults(SURVEY_ID)}` },
    ]);
    // At the server clock's time (set to 09:00:01 above; it runs on from there).
    for (const e of entries) expect(Date.parse(e.at) - Date.parse('2026-07-03T09:00:01.000Z')).toBeLessThan(60_000);
    // An export refused (a 職員) leaves no entry and no data.
    expect((await o.call('POST', SURVEY_PATHS.exportResults(SURVEY_ID), 1, { format: 'utf8' })).status).toBe(403);
    expect(((await o.call('GET', '/audit?kind=survey.export', 40)).body.entries as unknown[]).length).toBe(2);
  });

  it('every shown figure of the results, and every difference with the shown parts inside it, rests on 0 or ≥ K', async () => {
    const o = await surveyOrg();
    await openedSurvey(o);
    for (const n of [1, 2, 3, 4, 5, 9, 11, 12, 17]) await answerAs(o, n);
    o.at('2026-07-04T00:00:00.000Z');
    const r = (await o.call('GET', SURVEY_PATHS.results(SURVEY_ID), 40)).body as SurveyResults;
    for (const q of ['q1', 'q2', 'q3']) {
      for (const group of r.groups) {
        const f = group.figures[q];
        if (f === undefined || f === 'hidden') continue;
        expect(f.n === 0 || f.n >= 5, `${group.key} ${q} n=${f.n}`).toBe(true);
        const parts = r.groups.filter((x) => x.parent === group.key && x.figures[q] !== 'hidden' && x.figures[q]);
        if (parts.length === 0) continue;
        const byDim = new Map<string, number>();
        for (const p of parts) {
          const dim = p.dimension === 'otherKakari' ? 'kakari' : p.dimension;
          const pf = p.figures[q];
          if (pf && pf !== 'hidden') byDim.set(dim, (byDim.get(dim) ?? 0) + pf.n);
        }
        for (const [dim, sum] of byDim) {
          const rest = f.n - sum;
          expect(rest === 0 || rest >= 5, `${group.key} − its ${dim} = ${rest}`).toBe(true);
        }
      }
    }
  });
});

describe('surveys API: refusals', { timeout: 60_000 }, () => {
  it('answering twice is one answer: a replayed token and a second participation are duplicates', async () => {
    const o = await surveyOrg();
    await openedSurvey(o);
    const { assigned, token } = await answerAs(o, 1);
    expect((await answerAnonymously(o, token, assigned.groups, good(1) as never)).body).toEqual({
      status: 'duplicate',
    });
    expect((await push(o, 1, { kind: 'survey.participate', surveyId: SURVEY_ID })).status).toBe('duplicate');
    const again = await deviceToken(o, 1);
    expect(again.refused?.body.code).toBe('campaign.tokenTaken');
    expect((await rate(o, 40)).body.rows.find((r: { key: string }) => r.key === 'all').responded).toBe(1);
  });

  it('refuses a forged token and a token of another survey', async () => {
    const o = await surveyOrg();
    await openedSurvey(o);
    await openedSurvey(o, { title: '別のアンケート' }, 'survey-2026-other');
    const { assigned, token } = await deviceToken(o, 1, 'survey-2026-other');
    if (!token) throw new Error('no token');
    const wrong = await answerAnonymously(o, token, assigned.groups, good(2) as never);
    expect(wrong).toMatchObject({ status: 403, body: { code: 'survey.tokenForged' } });
    const forged = { token: token.token, signature: token.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) };
    expect((await answerAnonymously(o, forged, assigned.groups, good(2) as never, 'survey-2026-other')).body.code).toBe(
      'survey.tokenForged',
    );
  });

  it('refuses outside the audience: no token, no participation, no named answer; and groups that do not exist', async () => {
    const o = await surveyOrg();
    await openedSurvey(o);
    const feed = await o.call('POST', '/sync', 30, { feeds: { surveys: { version: 0 } } });
    expect(feed.body.feeds.surveys.surveys).toEqual([]);
    const t = await o.call('POST', SURVEY_PATHS.token(SURVEY_ID), 30, { blinded: 'A'.repeat(342) });
    expect(t).toMatchObject({ status: 403, body: { code: 'campaign.notMember' } });
    expect((await push(o, 30, { kind: 'survey.participate', surveyId: SURVEY_ID })).code).toBe('campaign.notMember');
    const { assigned, token } = await deviceToken(o, 1);
    const lie = { ...assigned.groups, kaId: 'ka-3' };
    expect((await answerAnonymously(o, token!, lie, good(2) as never)).body.code).toBe('survey.groupsInvalid');
  });

  it('after the grace the answer is refused with why (the device keeps the draft); before it, a late offline answer counts', async () => {
    const o = await surveyOrg();
    await openedSurvey(o);
    const early = await deviceToken(o, 1);
    const late = await deviceToken(o, 2);
    o.at('2026-07-01T00:00:00.000Z'); // past the deadline, inside the grace
    expect((await answerAnonymously(o, early.token!, early.assigned.groups, good(2) as never)).status).toBe(200);
    o.at('2026-07-03T09:00:00.000Z'); // deadline + 3 days
    const refused = await answerAnonymously(o, late.token!, late.assigned.groups, good(2) as never);
    expect(refused).toMatchObject({ status: 409, body: { code: 'campaign.closed' } });
  });

  it('refuses an answer out of scale, free text over the limit or with markup, an unknown question', async () => {
    const o = await surveyOrg();
    await openedSurvey(o);
    const { assigned, token } = await deviceToken(o, 1);
    const send = (answers: Record<string, unknown>) => answerAnonymously(o, token!, assigned.groups, answers as never);
    expect((await send({ q1: 5 })).body).toMatchObject({ code: 'survey.answerOutOfScale', params: { field: 'q1' } });
    expect((await send({ q1: 0 })).body.code).toBe('survey.answerOutOfScale');
    expect((await send({ q3: [0, 0] })).body.code).toBe('survey.answerOutOfScale');
    expect((await send({ q3: [7] })).body.code).toBe('survey.answerOutOfScale');
    expect((await send({ q4: 'あ'.repeat(201) })).body).toMatchObject({
      code: 'survey.textTooLong',
      params: { max: 200 },
    });
    expect((await send({ q4: '<script>alert(1)</script>' })).body.code).toBe('survey.textMarkup');
    expect((await send({ q9: 1 })).body.code).toBe('survey.answerUnknownQuestion');
    // None of them spent the token: the right answer still goes in.
    expect((await send(good(3))).body).toEqual({ status: 'applied' });
  });

  it('refuses editing a survey once open, and changing K after opening; K below 3 never', async () => {
    const o = await surveyOrg();
    expect(
      (await o.call('POST', SURVEY_PATHS.surveys, 40, { id: 'survey-k2', spec: spec({ k: 2 }) })).body,
    ).toMatchObject({
      code: 'campaign.kInvalid',
    });
    await openedSurvey(o);
    const edit = await o.call('POST', SURVEY_PATHS.surveys, 40, { id: SURVEY_ID, spec: spec({ title: '変更' }) });
    expect(edit).toMatchObject({ status: 409, body: { code: 'campaign.frozen' } });
    const k = await o.call('POST', SURVEY_PATHS.surveys, 40, { id: SURVEY_ID, spec: spec({ k: 7 }) });
    expect(k).toMatchObject({ status: 409, body: { code: 'campaign.kFrozen' } });
    expect((await o.call('POST', SURVEY_PATHS.open(SURVEY_ID), 40)).body.code).toBe('campaign.frozen');
    // Only HR builds.
    expect((await o.call('POST', SURVEY_PATHS.surveys, 42, { id: 'survey-x0001', spec: spec() })).status).toBe(403);
  });

  it('refuses results to a 職員 and to a 課長 asking for another 課; a 部長 outside their 部', async () => {
    const o = await surveyOrg();
    await openedSurvey(o);
    o.at('2026-07-04T00:00:00.000Z');
    expect((await o.call('GET', SURVEY_PATHS.results(SURVEY_ID), 40)).status).toBe(200);
    expect((await o.call('GET', SURVEY_PATHS.results(SURVEY_ID), 1)).body).toMatchObject({
      code: 'survey.resultsForbidden',
    });
    expect((await o.call('GET', `${SURVEY_PATHS.results(SURVEY_ID)}?unit=ka-3`, 42)).body).toMatchObject({
      code: 'survey.outsideScope',
    });
    expect((await o.call('GET', `${SURVEY_PATHS.results(SURVEY_ID)}?unit=bu-2`, 41)).status).toBe(403);
    expect((await o.call('GET', SURVEY_PATHS.rate(SURVEY_ID), 1)).status).toBe(403);
    expect((await o.call('GET', SURVEY_PATHS.closed, 1)).status).toBe(403);
  });

  it('a named survey: the answer is stored with the person (HR only), once; a 職員 cannot send it anonymously', async () => {
    const o = await surveyOrg();
    await openedSurvey(o, { anonymous: false });
    const feed = await o.call('POST', '/sync', 1, { feeds: { surveys: { version: 0 } } });
    expect(feed.body.feeds.surveys.surveys[0]).toMatchObject({ anonymous: false, publicKey: null });
    expect((await push(o, 1, { kind: 'survey.answerNamed', surveyId: SURVEY_ID, answers: good(2) })).status).toBe(
      'applied',
    );
    expect((await push(o, 1, { kind: 'survey.answerNamed', surveyId: SURVEY_ID, answers: good(3) })).code).toBe(
      'campaign.alreadyAnswered',
    );
    expect((await push(o, 30, { kind: 'survey.answerNamed', surveyId: SURVEY_ID, answers: good(3) })).code).toBe(
      'campaign.notMember',
    );
    expect((await o.call('POST', SURVEY_PATHS.token(SURVEY_ID), 1, { blinded: 'A'.repeat(342) })).body.code).toBe(
      'survey.wrongMode',
    );
    expect((await o.call('GET', SURVEY_PATHS.named(SURVEY_ID), 40)).body.answers).toEqual([
      { staffId: staffId(1), answers: good(2) },
    ]);
    expect((await o.call('GET', SURVEY_PATHS.named(SURVEY_ID), 42)).status).toBe(403);
  });

  it('paper tallies count in the rate and the results', async () => {
    const o = await surveyOrg();
    await openedSurvey(o);
    const groups = { buId: 'bu-2', kaId: 'ka-3', kakariId: null, level: '主事', employment: '正規' };
    const tally = { id: 'paper-0001', groups, respondents: 6, counts: { q1: [0, 1, 2, 3] } };
    expect((await o.call('POST', SURVEY_PATHS.paper(SURVEY_ID), 40, tally)).body).toEqual({ status: 'applied' });
    expect((await o.call('POST', SURVEY_PATHS.paper(SURVEY_ID), 40, tally)).body).toEqual({ status: 'duplicate' });
    const bad = { ...tally, id: 'paper-0002', counts: { q1: [9, 9, 9, 9] } };
    expect((await o.call('POST', SURVEY_PATHS.paper(SURVEY_ID), 40, bad)).body.code).toBe('survey.paperInvalid');
    expect(rowOf((await rate(o, 40)).body, 'bu:bu-2')?.responded).toBe(6);
    o.at('2026-07-04T00:00:00.000Z');
    const r = (await o.call('GET', SURVEY_PATHS.results(SURVEY_ID), 40)).body as SurveyResults;
    expect(r.groups.find((g) => g.key === 'ka:ka-3')?.figures['q1']).toMatchObject({ n: 6, mean: 20 / 6 });
  });
});
