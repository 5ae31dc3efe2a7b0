/**
 * The surveys' store contract, run on the twin and on the Firestore adapter against the stand-in
 * (features/contracts*.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { AnswerGroups } from '../../../../src/domain/campaigns/campaign';
import type { Survey } from '../../../../src/domain/surveys/survey';
import type { ServerStores } from '../stores';
import type { SurveyResults } from '../../../../src/domain/surveys/results';

let n = 0;
const fresh = (p: string) => `${p}-${Date.now().toString(36)}-${(n++).toString(36)}`;

const G: AnswerGroups = { buId: 'bu-1', kaId: 'ka-1', kakariId: null, level: '主事', employment: '正規' };
const G2: AnswerGroups = { ...G, level: '係長級' };

function survey(id: string, anonymous = true): Survey {
  return {
    id,
    title: 't',
    round: '2025',
    anonymous,
    questions: [
      { id: 'q1', kind: 'likert', points: 4, text: 'a' },
      { id: 'q2', kind: 'text', text: 'b', maxLength: 100 },
    ],
    audience: { unitIds: ['bu-1'], jobLevels: [], employments: [] },
    schedule: { deadline: '2030-01-01T00:00:00.000Z', graceDays: 3 },
    k: 5,
    status: 'draft',
    openedAt: null,
    closedAt: null,
  };
}

const fakeKey = { privateKey: 'priv', publicKey: 'pub' };

export function runSurveyContract(suite: string, make: () => ServerStores): void {
  describe(`${suite}: surveys store`, () => {
    async function opened(anonymous = true) {
      const stores = make();
      const orgId = fresh('org');
      const id = fresh('survey');
      expect(await stores.surveys.saveDraft(orgId, survey(id, anonymous))).toBe('saved');
      const members = [
        {
          staffId: 'a',
          buId: 'bu-1',
          kaId: 'ka-1',
          kakariId: null,
          level: '主事' as const,
          employment: '正規' as const,
        },
        {
          staffId: 'b',
          buId: 'bu-1',
          kaId: 'ka-1',
          kakariId: null,
          level: '係長級' as const,
          employment: '正規' as const,
        },
      ];
      const groups = new Map([
        ['a', G],
        ['b', G2],
      ]);
      expect(
        await stores.surveys.open(orgId, id, {
          openedAt: '2026-01-01T00:00:00.000Z',
          members,
          groups,
          key: anonymous ? fakeKey : null,
        }),
      ).toBe('opened');
      return { stores, orgId, id };
    }

    it('freezes a survey once open, and moves the head', async () => {
      const { stores, orgId, id } = await opened();
      expect(await stores.surveys.saveDraft(orgId, survey(id))).toBe('frozen');
      expect((await stores.surveys.getSurvey(orgId, id))?.status).toBe('open');
      expect((await stores.surveys.currentHead(orgId)).version).toBe(1);
      expect(await stores.surveys.memberGroups(orgId, id, 'a')).toEqual(G);
      expect(await stores.surveys.memberGroups(orgId, id, 'zz')).toBeNull();
      expect((await stores.surveys.audience(orgId, id)).counts['all']).toBe(2);
      expect(await stores.surveys.key(orgId, id)).toEqual(fakeKey);
    });

    it('signs once per person: the same blinded message again, another refused', async () => {
      const { stores, orgId, id } = await opened();
      expect(await stores.surveys.issueToken(orgId, id, 'a', 'x')).toBe('issued');
      expect(await stores.surveys.issueToken(orgId, id, 'a', 'x')).toBe('again');
      expect(await stores.surveys.issueToken(orgId, id, 'a', 'y')).toBe('taken');
    });

    it('spends a token once and keeps folds per group; texts without person or time', async () => {
      const { stores, orgId, id } = await opened();
      const delta = {
        groups: ['all', 'bu:bu-1'],
        folds: { q1: { n: 1, sum: 3, sumSq: 9, counts: [0, 0, 1, 0] } },
        texts: [{ questionId: 'q2', buId: 'bu-1', text: 'よい' }],
      };
      expect(await stores.surveys.addAnonymousAnswer(orgId, id, 'tok1', delta)).toBe('applied');
      expect(await stores.surveys.addAnonymousAnswer(orgId, id, 'tok1', delta)).toBe('duplicate');
      expect(await stores.surveys.addAnonymousAnswer(orgId, id, 'tok2', delta)).toBe('applied');
      const folds = await stores.surveys.readFolds(orgId, id);
      expect(folds['all']?.['q1']).toEqual({ n: 2, sum: 6, sumSq: 18, counts: [0, 0, 2, 0] });
      expect(folds['bu:bu-1']?.['q1']?.n).toBe(2);
      expect(await stores.surveys.readTexts(orgId, id)).toEqual([
        { questionId: 'q2', buId: 'bu-1', text: 'よい' },
        { questionId: 'q2', buId: 'bu-1', text: 'よい' },
      ]);
    });

    it('counts participation once, apart from answers; lists non-respondents for reminders only', async () => {
      const { stores, orgId, id } = await opened();
      expect(await stores.surveys.participate(orgId, id, 'a', G)).toBe('applied');
      expect(await stores.surveys.participate(orgId, id, 'a', G)).toBe('duplicate');
      expect(await stores.surveys.hasParticipated(orgId, id, 'a')).toBe(true);
      expect(await stores.surveys.hasParticipated(orgId, id, 'b')).toBe(false);
      expect((await stores.surveys.respondentCounts(orgId, id))['all']).toBe(1);
      expect(await stores.surveys.nonRespondents(orgId, id)).toEqual(['b']);
      expect((await stores.surveys.assignedTo(orgId, 'a')).map((x) => x.survey.id)).toEqual([id]);
    });

    it('keeps a named answer with its person, once', async () => {
      const { stores, orgId, id } = await opened(false);
      const delta = { groups: ['all'], folds: { q1: { n: 1, sum: 2, sumSq: 4, counts: [0, 1, 0, 0] } }, texts: [] };
      expect(await stores.surveys.addNamedAnswer(orgId, id, 'm1', 'a', { q1: 2 }, G, delta)).toBe('applied');
      expect(await stores.surveys.addNamedAnswer(orgId, id, 'm1', 'a', { q1: 2 }, G, delta)).toBe('duplicate');
      expect(await stores.surveys.addNamedAnswer(orgId, id, 'm2', 'a', { q1: 3 }, G, delta)).toBe('taken');
      expect(await stores.surveys.namedAnswers(orgId, id)).toEqual([{ staffId: 'a', answers: { q1: 2 } }]);
      expect(await stores.surveys.hasParticipated(orgId, id, 'a')).toBe(true);
    });

    it('closes once with its results; reminders are kept', async () => {
      const { stores, orgId, id } = await opened();
      await stores.surveys.addReminder(orgId, id, { id: 'r1', dueAt: '2026-01-02T00:00:00.000Z', sent: false });
      await stores.surveys.markReminderSent(orgId, id, 'r1');
      expect(await stores.surveys.reminders(orgId, id)).toEqual([
        { id: 'r1', dueAt: '2026-01-02T00:00:00.000Z', sent: true },
      ]);
      const results = { surveyId: id, groups: [], texts: {} } as unknown as SurveyResults;
      expect(await stores.surveys.close(orgId, id, '2026-02-01T00:00:00.000Z', results)).toBe('closed');
      expect(await stores.surveys.close(orgId, id, '2026-02-01T00:00:00.000Z', results)).toBe('notOpen');
      expect((await stores.surveys.getResults(orgId, id))?.surveyId).toBe(id);
      await stores.surveys.setNextDue(orgId, '2026-03-01T00:00:00.000Z');
      expect(await stores.surveys.currentHead(orgId)).toEqual({ version: 2, nextDueAt: '2026-03-01T00:00:00.000Z' });
    });
  });
}
