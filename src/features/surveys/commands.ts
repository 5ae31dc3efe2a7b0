import { answersProblem, countedAnswers, type Answers, type AssignedSurvey } from '../../domain/surveys/survey';
import type { Problem } from '../../domain/problems';
import { queueMutation } from '../../db/queue-mutation';
import type { AppDb } from '../../db/schema';
import { requestSync } from '../../sync/trigger';

/** Keeps a half-filled answer on the device (S3): it survives a reload. */
export async function saveDraft(db: AppDb, surveyId: string, answers: Answers): Promise<void> {
  await db.surveyDrafts.put({ surveyId, answers, updatedAt: Date.now() });
}

/**
 * Submits once: a second submit of the same survey finds its send row and queues nothing more.
 * Anonymous: a send row (sent by work.ts without the ID token); named: an outbox mutation.
 * Offline is fine: it waits as 「送信待ち」.
 */
export async function submitSurvey(
  db: AppDb,
  survey: AssignedSurvey,
  raw: Answers,
  now = Date.now(),
): Promise<{ ok: true } | { ok: false; problem: Problem }> {
  const answers = countedAnswers(raw);
  const bad = answersProblem(survey.questions, answers);
  if (bad) return { ok: false, problem: bad };
  if (Date.parse(survey.closesAt) <= now) return { ok: false, problem: { code: 'campaign.closed', params: {} } };
  const existing = await db.surveySends.get(survey.id);
  if (existing && existing.state !== 'refused') return { ok: true };
  if (survey.anonymous) {
    await db.surveySends.put({ surveyId: survey.id, state: 'queued', answers, groups: survey.groups });
    requestSync();
    void import('./work').then((w) => w.surveyWork(db)).catch(() => undefined);
    return { ok: true };
  }
  const queued = await queueMutation(db, 'survey.answerNamed', { surveyId: survey.id, answers });
  if (!queued.ok) return { ok: false, problem: queued.problem };
  await db.transaction('rw', db.surveySends, db.surveyDrafts, async () => {
    await db.surveySends.put({ surveyId: survey.id, state: 'participated', answers: {}, groups: survey.groups });
    await db.surveyDrafts.delete(survey.id);
  });
  return { ok: true };
}
