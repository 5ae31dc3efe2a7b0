/**
 * Nothing the server keeps or logs links a person to their anonymous answer (issue 18, acceptance):
 * after a run of named and anonymous answers, everything the twins store (the surveys twin whole,
 * and every mutation record of the organisation) and everything logged is searched for a link:
 * an actor beside an answer, a shared id, a version, or a time.
 *
 * What this does not show: what Firestore itself keeps (its own create and update times of each
 * document; docs/ARCHITECTURE.md says what they could pair), what Google's request logs hold, and
 * that the device sends participation at another moment (the device's part, src/features/surveys).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SURVEY_PATHS } from '../../../../src/domain/surveys/survey';
import { staffId } from '../../testing/fixtures';
import { tokenId } from '../../campaigns/tokens';
import { b64u } from '../../campaigns/tokens';
import { answerAnonymously, deviceToken, openedSurvey, push, SURVEY_ID, surveyOrg } from './testing';

const console_: string[] = [];
beforeEach(() => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      console_.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * Every document the twin keeps, one string each: each entry of each of its collections (the
 * twin's maps and sets, as inspect() lays them out), and each mutation record. A link would be
 * two things side by side in one of them.
 */
function documents(surveys: unknown, records: unknown[]): string[] {
  const docs: string[] = [];
  for (const org of surveys as Record<string, unknown>[])
    for (const [name, value] of Object.entries(org)) {
      if (Array.isArray(value)) for (const entry of value) docs.push(`${name} ${JSON.stringify(entry)}`);
      else docs.push(`${name} ${JSON.stringify(value)}`);
    }
  for (const r of records) docs.push(`record ${JSON.stringify(r)}`);
  return docs;
}

describe('anonymous answers: nothing stored or logged links them to a person', { timeout: 120_000 }, () => {
  it('after named and anonymous answers', async () => {
    const o = await surveyOrg();
    await openedSurvey(o, { anonymous: false, title: '記名式' }, 'survey-named-0001');
    await openedSurvey(o);
    const headBefore = await o.surveys.currentHead(o.orgId);

    // Named: stored with the person, as the survey said before answering.
    for (const n of [1, 2])
      expect(
        (
          await push(o, n, {
            kind: 'survey.answerNamed',
            surveyId: 'survey-named-0001',
            answers: { q1: 2, q4: `記名${n}` },
          })
        ).status,
      ).toBe('applied');

    // Anonymous: each at its own, recognisable moment; the participation at another.
    const people = [1, 2, 3, 4, 5, 6, 7, 8];
    const answerTimes: string[] = [];
    const secrets: { who: number; token: string; signature: string; tokenHash: string; text: string }[] = [];
    for (const [i, who] of people.entries()) {
      o.at(`2026-06-0${2 + (i % 5)}T0${i}:17:${10 + i}.000Z`);
      const { assigned, token } = await deviceToken(o, who);
      if (!token) throw new Error('no token');
      const at = `2026-06-0${2 + (i % 5)}T0${i}:47:${20 + i}.123Z`;
      o.at(at);
      answerTimes.push(at);
      const text = `匿名の意見その${who}番目です`;
      const res = await answerAnonymously(o, token, assigned.groups, { q1: 1 + (who % 4), q3: [who % 3], q4: text });
      expect(res.body).toEqual({ status: 'applied' });
      secrets.push({ who, ...token, tokenHash: tokenId(b64u.decode(token.token)), text });
    }
    o.at('2026-06-20T12:00:00.000Z');
    for (const who of people)
      expect((await push(o, who, { kind: 'survey.participate', surveyId: SURVEY_ID })).status).toBe('applied');
    // A replay and a bad request, so the refusal paths are in the logs too.
    expect(
      (
        await answerAnonymously(
          o,
          secrets[0] as never,
          { buId: 'x', kaId: null, kakariId: null, level: '主事', employment: '正規' },
          {},
        )
      ).status,
    ).toBe(400);

    const stored = { surveys: o.surveys.inspect(), records: [...o.records.entries()].map(([k, m]) => [k, [...m]]) };
    const all = JSON.stringify(stored);
    const logged = [...o.logs, ...console_].join('\n');

    // The anonymous answer's contents are kept (folds, texts), its token only as a hash.
    for (const s of secrets) {
      expect(all).toContain(s.text);
      expect(all).toContain(s.tokenHash);
      expect(all).not.toContain(s.token);
      expect(all).not.toContain(s.signature);
      expect(logged).not.toContain(s.text);
      expect(logged).not.toContain(s.token);
      expect(logged).not.toContain(s.tokenHash);
    }
    // No document holds a person's id beside anything of an anonymous answer (theirs or anyone's).
    const recordList = [...o.records.entries()].flatMap(([, m]) => [...m]);
    const docs = documents(stored.surveys, recordList);
    expect(docs.length).toBeGreaterThan(40);
    for (const doc of docs) {
      if (!people.some((n) => doc.includes(staffId(n)))) continue;
      for (const s of secrets) {
        expect(doc.includes(s.tokenHash), `${doc.slice(0, 200)} holds a token hash`).toBe(false);
        expect(doc.includes(s.text), `${doc.slice(0, 200)} holds an anonymous text`).toBe(false);
        expect(doc.includes(s.token), `${doc.slice(0, 200)} holds a token`).toBe(false);
      }
    }
    // Texts keep their 部 alone: no person, no time, no token, no order of arrival.
    const texts = (stored.surveys as { texts: [string, object[]][] }[])[0]?.texts.find(([id]) => id === SURVEY_ID)?.[1];
    expect(texts).toHaveLength(secrets.length);
    for (const t of texts ?? []) expect(Object.keys(t).sort()).toEqual(['buId', 'questionId', 'text']);
    // No time of an anonymous answer is stored anywhere, nor logged.
    for (const at of answerTimes) {
      expect(all).not.toContain(at);
      expect(all).not.toContain(at.slice(0, 16)); // not even to the minute
      expect(logged).not.toContain(at.slice(0, 16));
    }
    // No version moved for an answer: the feed head moved at opening only.
    expect((await o.surveys.currentHead(o.orgId)).version).toBe(headBefore.version);
    // Mutation records: none. Participation and named answers are made idempotent by their own
    // documents ({survey}_{person}), so not even a participation's record carries a time.
    expect([...(o.records.get(o.orgId)?.values() ?? [])]).toEqual([]);
    // The blinded message the signer saw is unrelated to the token spent.
    const issued = (stored.surveys as { issued: [string, string][] }[])[0]?.issued ?? [];
    expect(issued.length).toBeGreaterThanOrEqual(people.length);
    for (const [, blinded] of issued) for (const s of secrets) expect(blinded).not.toBe(s.tokenHash);
    // The rate sees the participation, and the results the answers, without either naming the other.
    expect((await o.call('GET', SURVEY_PATHS.rate(SURVEY_ID), 40)).body.rows[0]).toMatchObject({ responded: 8 });
  });
});
