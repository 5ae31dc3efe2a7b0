/**
 * The surveys' use cases (S1-S6). What the server sees and stores: docs/ARCHITECTURE.md,
 * "Surveys and the campaign module".
 */
import * as v from 'valibot';
import {
  answerGroupsKey,
  closesAt,
  effectiveStatus,
  groupKeysOf,
  AnswerGroupsSchema,
  type AnswerGroups,
  type Scope,
} from '../../../../src/domain/campaigns/campaign';
import { problemOfIssues } from '../../../../src/domain/issues';
import { surveyReminderNotificationId } from '../../../../src/domain/notifications';
import type { OrgUnit } from '../../../../src/domain/org';
import { problem, type Problem } from '../../../../src/domain/problems';
import type { Claims, PushResult } from '../../../../src/domain/protocol';
import { addAnswer, emptyFold, type AnswerValue } from '../../../../src/domain/surveys/fold';
import { materialise, resultsFor } from '../../../../src/domain/surveys/materialise';
import type { Fold, Question } from '../../../../src/domain/surveys/model';
import type { SurveyResults } from '../../../../src/domain/surveys/results';
import {
  AnonymousAnswerSchema,
  answersProblem,
  countedAnswers,
  SURVEY_PATHS,
  SurveyIdSchema,
  SurveySpecSchema,
  type Answers,
  type AssignedSurvey,
  type Survey,
} from '../../../../src/domain/surveys/survey';
import type { MutationOf } from '../feature';
import { recordAudit } from '../audit/record';
import { badRequest, forbidden, HandlerError } from '../../api/errors';
import { dueReminders, issueToken, prepareOpening } from '../../campaigns/service';
import { b64u, tokenId, verifyToken } from '../../campaigns/tokens';
import { rejectedResult } from '../results';
import type { ServerStores } from '../stores';
import type { AnswerDelta, SurveyText } from './port';

type Stores = ServerStores;

const notFound = () => new HandlerError(404, problem('survey.notFound'));
const refuse = (p: Problem, status = 400) => new HandlerError(status, p);

function parse<S extends v.GenericSchema>(schema: S, body: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, body);
  if (!r.success) throw badRequest(problemOfIssues(r.issues));
  return r.output;
}

function surveyIdOf(raw: string): string {
  if (!v.is(SurveyIdSchema, raw)) throw badRequest(problem('survey.idInvalid'));
  return raw;
}

/** A survey, closed first if its deadline and grace have passed (no scheduler: the first request does it). */
export async function loadSurvey(stores: Stores, orgId: string, surveyId: string): Promise<Survey> {
  const s = await stores.surveys.getSurvey(orgId, surveyId);
  if (!s) throw notFound();
  const now = stores.surveys.now();
  if (effectiveStatus(s.status, s.schedule, now) === 'closed' && s.status === 'open') {
    await closeSurvey(stores, orgId, s, now);
    return (await stores.surveys.getSurvey(orgId, surveyId)) ?? s;
  }
  return s;
}

// ---- S1 builder (HR) -------------------------------------------------------------------------

export const SaveDraftSchema = v.object({ id: SurveyIdSchema, spec: SurveySpecSchema });

export async function saveDraft(stores: Stores, claims: Claims, body: unknown): Promise<{ survey: Survey }> {
  const { id, spec } = parse(SaveDraftSchema, body);
  const current = await stores.surveys.getSurvey(claims.orgId, id);
  if (current && current.status !== 'draft') {
    // Say which: K changed, or anything else.
    const kChanged = current.k !== spec.k;
    throw refuse(problem(kChanged ? 'campaign.kFrozen' : 'campaign.frozen'), 409);
  }
  const survey: Survey = { ...spec, id, status: 'draft', openedAt: null, closedAt: null };
  if ((await stores.surveys.saveDraft(claims.orgId, survey)) === 'frozen')
    throw refuse(problem('campaign.frozen'), 409);
  return { survey };
}

export async function listSurveys(stores: Stores, claims: Claims): Promise<{ surveys: Survey[] }> {
  return { surveys: await stores.surveys.listSurveys(claims.orgId) };
}

export async function openSurvey(stores: Stores, claims: Claims, rawId: string): Promise<{ survey: Survey }> {
  const surveyId = surveyIdOf(rawId);
  const s = await stores.surveys.getSurvey(claims.orgId, surveyId);
  if (!s) throw notFound();
  if (s.status !== 'draft') throw refuse(problem('campaign.frozen'), 409);
  const now = stores.surveys.now();
  if (Date.parse(s.schedule.deadline) <= now.getTime()) throw refuse(problem('campaign.deadlinePast'));
  const prepared = await prepareOpening(
    stores.directory,
    claims.orgId,
    s.audience,
    s.k,
    s.anonymous,
    now.toISOString(),
  );
  if ('problem' in prepared) throw refuse(prepared.problem);
  if ((await stores.surveys.open(claims.orgId, surveyId, prepared.opening)) !== 'opened')
    throw refuse(problem('campaign.frozen'), 409);
  await refreshNextDue(stores, claims.orgId);
  return { survey: (await stores.surveys.getSurvey(claims.orgId, surveyId)) ?? s };
}

// ---- answering ---------------------------------------------------------------------------------

function deltaOf(questions: readonly Question[], answers: Answers, groups: AnswerGroups): AnswerDelta {
  const counted = countedAnswers(answers);
  const folds: Record<string, Fold> = {};
  const texts: SurveyText[] = [];
  for (const q of questions) {
    const a = counted[q.id];
    if (a === undefined) continue;
    folds[q.id] = addAnswer(emptyFold(q), q, a as AnswerValue);
    if (q.kind === 'text' && typeof a === 'string') texts.push({ questionId: q.id, buId: groups.buId, text: a });
  }
  return { groups: groupKeysOf(groups), folds, texts };
}

function openOrRefuse(s: Survey): void {
  if (s.status === 'closed') throw refuse(problem('campaign.closed'), 409);
  if (s.status !== 'open') throw refuse(problem('campaign.notOpen'), 409);
}

/** POST /surveys/{id}/token, signed in: signs the device's blinded token, once per person. */
export async function requestToken(stores: Stores, claims: Claims, rawId: string, body: unknown) {
  const surveyId = surveyIdOf(rawId);
  const { blinded } = parse(v.object({ blinded: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{100,1400}$/)) }), body);
  const s = await loadSurvey(stores, claims.orgId, surveyId);
  if (!s.anonymous) throw refuse(problem('survey.wrongMode'));
  openOrRefuse(s);
  const out = await issueToken(stores.surveys, claims.orgId, surveyId, claims.staffId, b64u.decode(blinded));
  if ('problem' in out) throw refuse(out.problem, out.problem.code === 'campaign.notMember' ? 403 : 409);
  return { blindSignature: b64u.encode(out.blindSignature) };
}

/**
 * POST /surveys/{id}/answer, without an ID token: the token proves a member made it, and nothing
 * of who. Applied once per token; a replay is a duplicate. Nothing of the request is logged.
 */
export async function answerAnonymously(stores: Stores, rawId: string, body: unknown) {
  const surveyId = surveyIdOf(rawId);
  const parsed = parse(
    v.object({ orgId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/)), ...AnonymousAnswerSchema.entries }),
    body,
  );
  const { orgId } = parsed;
  const s = await loadSurvey(stores, orgId, surveyId);
  if (!s.anonymous) throw refuse(problem('survey.wrongMode'));
  openOrRefuse(s);
  const key = await stores.surveys.key(orgId, surveyId);
  const token = b64u.decode(parsed.token);
  if (!key || !(await verifyToken(key.publicKey, token, b64u.decode(parsed.signature))))
    throw refuse(problem('survey.tokenForged'), 403);
  const groups: AnswerGroups = parsed.groups;
  const audience = await stores.surveys.audience(orgId, surveyId);
  if (!audience.combos.includes(answerGroupsKey(groups))) throw refuse(problem('survey.groupsInvalid'));
  const bad = answersProblem(s.questions, parsed.answers);
  if (bad) throw refuse(bad);
  const status = await stores.surveys.addAnonymousAnswer(
    orgId,
    surveyId,
    tokenId(token),
    deltaOf(s.questions, parsed.answers, groups),
  );
  return { status };
}

async function memberOrRefusal(stores: Stores, claims: Claims, surveyId: string) {
  const s = await stores.surveys.getSurvey(claims.orgId, surveyId);
  if (!s) return { problem: problem('survey.notFound') } as const;
  const survey = await loadSurvey(stores, claims.orgId, surveyId);
  if (survey.status === 'closed') return { problem: problem('campaign.closed') } as const;
  if (survey.status !== 'open') return { problem: problem('campaign.notOpen') } as const;
  const groups = await stores.surveys.memberGroups(claims.orgId, surveyId, claims.staffId);
  if (!groups) return { problem: problem('campaign.notMember') } as const;
  return { survey, groups } as const;
}

/** survey.participate: "I answered", signed in, apart from the (anonymous) answer. */
export async function applyParticipate(
  stores: Stores,
  claims: Claims,
  m: MutationOf<'survey.participate'>,
): Promise<PushResult> {
  const got = await memberOrRefusal(stores, claims, m.surveyId);
  // After close, a participation still counts for nothing but is not an error the device must keep.
  if ('problem' in got) return rejectedResult(m.id, got.problem);
  if (!got.survey.anonymous) return rejectedResult(m.id, problem('survey.wrongMode'));
  const outcome = await stores.surveys.participate(claims.orgId, m.surveyId, claims.staffId, got.groups);
  return { id: m.id, status: outcome };
}

/** survey.answerNamed: a named survey's answer, stored with its person (HR only). */
export async function applyNamedAnswer(
  stores: Stores,
  claims: Claims,
  m: MutationOf<'survey.answerNamed'>,
): Promise<PushResult> {
  const got = await memberOrRefusal(stores, claims, m.surveyId);
  if ('problem' in got) return rejectedResult(m.id, got.problem);
  if (got.survey.anonymous) return rejectedResult(m.id, problem('survey.wrongMode'));
  const bad = answersProblem(got.survey.questions, m.answers);
  if (bad) return rejectedResult(m.id, bad);
  const outcome = await stores.surveys.addNamedAnswer(
    claims.orgId,
    m.surveyId,
    m.id,
    claims.staffId,
    m.answers,
    got.groups,
    deltaOf(got.survey.questions, m.answers, got.groups),
  );
  if (outcome === 'taken') return rejectedResult(m.id, problem('campaign.alreadyAnswered'));
  return { id: m.id, status: outcome };
}

// ---- S3 reminders, rate ------------------------------------------------------------------------

export async function addReminder(stores: Stores, claims: Claims, rawId: string, body: unknown) {
  const surveyId = surveyIdOf(rawId);
  const { id, dueAt } = parse(
    v.object({
      id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/)),
      dueAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
    }),
    body,
  );
  const s = await loadSurvey(stores, claims.orgId, surveyId);
  openOrRefuse(s);
  const now = stores.surveys.now();
  await stores.surveys.addReminder(claims.orgId, surveyId, { id, dueAt: dueAt ?? now.toISOString(), sent: false });
  await runDue(stores, claims.orgId, now);
  await refreshNextDue(stores, claims.orgId);
  return { ok: true };
}

/** The viewer's scope of a survey's groups; null: none (a 職員, a 係長). */
export async function scopeOf(stores: Stores, claims: Claims): Promise<Scope | null> {
  if (claims.role === 'hr') return { kind: 'all' };
  if (claims.role !== 'manager') return null;
  const me = await stores.directory.getStaff(claims.orgId, claims.staffId);
  if (!me) return null;
  const units = await stores.directory.listUnits(claims.orgId);
  const mine = units.find((u) => u.id === me.unitId);
  if (mine?.kind === 'bu') return { kind: 'bu', unitId: mine.id };
  if (mine?.kind === 'ka') return { kind: 'ka', unitId: mine.id };
  return null;
}

/** The scope asked for (`?unit=`) if the viewer may have it: HR any unit, a manager only their own. */
async function askedScope(stores: Stores, claims: Claims, unit: string | null): Promise<Scope> {
  const mine = await scopeOf(stores, claims);
  if (!mine) throw forbidden(problem('survey.resultsForbidden'));
  if (!unit) return mine;
  if (mine.kind === 'all') {
    const u = (await stores.directory.listUnits(claims.orgId)).find((x) => x.id === unit);
    if (!u || u.kind === 'kakari') throw badRequest(problem('api.unitParam'));
    return { kind: u.kind, unitId: u.id };
  }
  if (unit === mine.unitId) return mine;
  throw forbidden(problem('survey.outsideScope'));
}

export interface RateRow {
  key: string;
  name: string;
  audience: number;
  /** Absent where the group has fewer than K people. */
  responded?: number;
}

/** Live response rate by 部, 課 and job level (HR) or of one's own organisation (managers), groups of ≥ K only. */
export async function responseRate(stores: Stores, claims: Claims, rawId: string, unit: string | null) {
  const surveyId = surveyIdOf(rawId);
  const scope = await askedScope(stores, claims, unit);
  const s = await loadSurvey(stores, claims.orgId, surveyId);
  if (s.status === 'draft') throw refuse(problem('campaign.notOpen'), 409);
  const [audience, respondents, units] = await Promise.all([
    stores.surveys.audience(claims.orgId, surveyId),
    stores.surveys.respondentCounts(claims.orgId, surveyId),
    stores.directory.listUnits(claims.orgId),
  ]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const { parentsOf } = await import('../../../../src/domain/surveys/materialise');
  const parent = parentsOf(audience.combos);
  const { inScope } = await import('../../../../src/domain/campaigns/campaign');
  const rows: RateRow[] = [];
  for (const [key, n] of Object.entries(audience.counts)) {
    if (key.startsWith('kakari:') || key.startsWith('employment:')) continue;
    if (scope.kind !== 'all' && (key.startsWith('level:') || !inScope(scope, key, (k) => parent.get(k) ?? null)))
      continue;
    const id = key.slice(key.indexOf(':') + 1);
    const row: RateRow = { key, name: key === 'all' ? '' : (names.get(id) ?? id), audience: n };
    if (n >= s.k) row.responded = respondents[key] ?? 0;
    rows.push(row);
  }
  return { surveyId, status: s.status, k: s.k, rows };
}

// ---- S4 results, paper, exports ----------------------------------------------------------------

export async function closeSurvey(stores: Stores, orgId: string, s: Survey, now: Date): Promise<void> {
  const [audience, respondents, folds, texts, units] = await Promise.all([
    stores.surveys.audience(orgId, s.id),
    stores.surveys.respondentCounts(orgId, s.id),
    stores.surveys.readFolds(orgId, s.id),
    stores.surveys.readTexts(orgId, s.id),
    stores.directory.listUnits(orgId),
  ]);
  const closedAt = closesAt(s.schedule) <= now ? closesAt(s.schedule).toISOString() : now.toISOString();
  const results = materialise({
    surveyId: s.id,
    title: s.title,
    round: s.round,
    anonymous: s.anonymous,
    k: s.k,
    closedAt,
    questions: s.questions,
    audience: audience.counts,
    combos: audience.combos,
    respondents,
    folds,
    texts,
    unitNames: new Map(units.map((u: OrgUnit) => [u.id, u.name])),
  });
  await stores.surveys.close(orgId, s.id, closedAt, results);
}

export async function surveyResults(
  stores: Stores,
  claims: Claims,
  rawId: string,
  unit: string | null,
): Promise<SurveyResults> {
  const surveyId = surveyIdOf(rawId);
  const scope = await askedScope(stores, claims, unit);
  const s = await loadSurvey(stores, claims.orgId, surveyId);
  if (s.status !== 'closed') throw refuse(problem('survey.resultsNotReady'), 409);
  const results = await stores.surveys.getResults(claims.orgId, surveyId);
  if (!results) throw refuse(problem('survey.resultsNotReady'), 409);
  return resultsFor(results, scope);
}

/**
 * POST /surveys/{id}/export: the export is recorded in the audit log (issue 21 A3: who, when,
 * which survey, which encoding and scope) before the results it may hold are answered, so no
 * file is made without its entry. The file itself is written on the device from these results.
 */
export async function recordExport(
  stores: Stores,
  claims: Claims,
  rawId: string,
  body: unknown,
  endpoint = `POST ${SURVEY_PATHS.exportResults(rawId)}`,
) {
  const surveyId = surveyIdOf(rawId);
  const { format, unit } = parse(
    v.object({
      // src/domain/csv/write.ts's CsvEncoding (not imported: its Shift_JIS table is the device's).
      format: v.picklist(['utf8', 'sjis']),
      unit: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(40)))),
    }),
    body,
  );
  const results = await surveyResults(stores, claims, surveyId, unit ?? null);
  const scope = unit ? ` unit=${unit}` : '';
  await recordAudit(
    stores,
    claims,
    { kind: 'survey.export', subject: null, endpoint, detail: `${surveyId} ${format}${scope}` },
    stores.surveys.now(),
  );
  return results;
}

/** GET /surveys/closed: closed surveys for those who may see results (HR, managers with a 部 or 課). */
export async function closedSurveys(stores: Stores, claims: Claims) {
  if (!(await scopeOf(stores, claims))) throw forbidden(problem('survey.resultsForbidden'));
  const list = await stores.surveys.listSurveys(claims.orgId);
  return {
    surveys: list
      .filter((s) => s.status === 'closed')
      .map((s) => ({ id: s.id, title: s.title, round: s.round, closedAt: s.closedAt })),
  };
}

const FoldSchema = v.object({
  n: v.pipe(v.number(), v.integer(), v.minValue(0)),
  sum: v.number(),
  sumSq: v.number(),
  counts: v.array(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
const PaperSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/)),
  groups: AnswerGroupsSchema,
  respondents: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100000)),
  /** Per question: for a Likert question the count of each value, for a choice the count of each choice. */
  counts: v.record(v.string(), v.array(v.pipe(v.number(), v.integer(), v.minValue(0)))),
});

/** HR enters one group's paper answers as counts per value or choice; they count like the others. */
export async function addPaperTally(stores: Stores, claims: Claims, rawId: string, body: unknown) {
  const surveyId = surveyIdOf(rawId);
  const tally = parse(PaperSchema, body);
  const s = await loadSurvey(stores, claims.orgId, surveyId);
  openOrRefuse(s);
  const audience = await stores.surveys.audience(claims.orgId, surveyId);
  if (!audience.combos.includes(answerGroupsKey(tally.groups))) throw refuse(problem('survey.groupsInvalid'));
  const folds: Record<string, Fold> = {};
  for (const [qid, counts] of Object.entries(tally.counts)) {
    const q = s.questions.find((x) => x.id === qid);
    if (!q || q.kind === 'text') throw refuse(problem('survey.paperInvalid', { field: qid }));
    const f = emptyFold(q);
    if (counts.length !== f.counts.length) throw refuse(problem('survey.paperInvalid', { field: qid }));
    const n = q.kind === 'multiple' ? tally.respondents : counts.reduce((a, b) => a + b, 0);
    if (q.kind !== 'multiple' && n > tally.respondents) throw refuse(problem('survey.paperInvalid', { field: qid }));
    const sum = q.kind === 'likert' ? counts.reduce((a, c, i) => a + c * (i + 1), 0) : 0;
    const sumSq = q.kind === 'likert' ? counts.reduce((a, c, i) => a + c * (i + 1) ** 2, 0) : 0;
    folds[qid] = v.parse(FoldSchema, { n, sum, sumSq, counts });
  }
  const outcome = await stores.surveys.addPaperTally(
    claims.orgId,
    surveyId,
    { id: tally.id, groups: tally.groups, respondents: tally.respondents, folds },
    { groups: groupKeysOf(tally.groups), folds, texts: [] },
  );
  return { status: outcome };
}

export async function namedAnswers(stores: Stores, claims: Claims, rawId: string) {
  const surveyId = surveyIdOf(rawId);
  const s = await loadSurvey(stores, claims.orgId, surveyId);
  if (s.anonymous) throw refuse(problem('survey.wrongMode'));
  return { answers: await stores.surveys.namedAnswers(claims.orgId, surveyId) };
}

// ---- due work and the feed ---------------------------------------------------------------------

/** Closes what is past its grace and delivers due reminders: at the first request after the moment. */
export async function runDue(stores: Stores, orgId: string, now: Date): Promise<void> {
  for (const s of await stores.surveys.listSurveys(orgId)) {
    if (s.status !== 'open') continue;
    if (effectiveStatus(s.status, s.schedule, now) === 'closed') {
      await closeSurvey(stores, orgId, s, now);
      continue;
    }
    for (const due of await dueReminders(stores.surveys, orgId, s.id, now)) {
      await stores.notifications.addNotifications(
        orgId,
        due.recipients.map((recipient) => ({
          recipient,
          notification: {
            id: surveyReminderNotificationId(s.id, due.reminderId),
            kind: 'survey.reminder' as const,
            createdAt: now.toISOString(),
            actor: null,
            surveyId: s.id,
          },
        })),
      );
      await stores.surveys.markReminderSent(orgId, s.id, due.reminderId);
    }
  }
}

export async function refreshNextDue(stores: Stores, orgId: string): Promise<void> {
  let next: number | null = null;
  const consider = (t: number) => {
    if (next === null || t < next) next = t;
  };
  for (const s of await stores.surveys.listSurveys(orgId)) {
    if (s.status !== 'open') continue;
    consider(closesAt(s.schedule).getTime());
    for (const r of await stores.surveys.reminders(orgId, s.id)) if (!r.sent) consider(Date.parse(r.dueAt));
  }
  await stores.surveys.setNextDue(orgId, next === null ? null : new Date(next).toISOString());
}

export async function surveysAnswer(stores: Stores, claims: Claims, version: number) {
  const now = stores.surveys.now();
  const assigned = await stores.surveys.assignedTo(claims.orgId, claims.staffId);
  const surveys: AssignedSurvey[] = [];
  for (const { survey: s, groups, publicKey } of assigned) {
    surveys.push({
      id: s.id,
      title: s.title,
      round: s.round,
      anonymous: s.anonymous,
      questions: s.questions,
      deadline: s.schedule.deadline,
      closesAt: closesAt(s.schedule).toISOString(),
      k: s.k,
      groups,
      publicKey,
      participated: await stores.surveys.hasParticipated(claims.orgId, s.id, claims.staffId),
      status: effectiveStatus(s.status, s.schedule, now),
    });
  }
  return { version, surveys, more: false, reset: false };
}
