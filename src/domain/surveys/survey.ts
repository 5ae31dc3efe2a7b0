/**
 * A survey as HR builds it (S1, S2) and as the device answers it (S3), shared by the app and the
 * functions: the schemas of the definition and of an answer, and the pure checks of both.
 */
import * as v from 'valibot';
import {
  AnswerGroupsSchema,
  AudienceSpecSchema,
  DEFAULT_K,
  KSchema,
  ScheduleSchema,
  type CampaignStatus,
} from '../campaigns/campaign';
import { says } from '../issues';
import { problem, type Problem } from '../problems';
import { CreatedAtSchema, defineKind, MutationIdSchema } from '../mutation-kit';
import { LIKERT_POINTS, type Question } from './model';

export const MAX_QUESTIONS = 60;
export const MAX_CHOICES = 20;
export const MAX_TEXT_LIMIT = 2000;
export const SurveyIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/, says('survey.idInvalid')));

const QuestionIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/, says('survey.questionInvalid')));
const TextSchema = v.pipe(v.string(), v.trim(), v.minLength(1, says('survey.questionInvalid')), v.maxLength(400));

export const QuestionSchema = v.variant('kind', [
  v.object({
    id: QuestionIdSchema,
    kind: v.literal('likert'),
    points: v.picklist(LIKERT_POINTS, says('survey.questionInvalid')),
    text: TextSchema,
    kpi: v.exactOptional(v.object({ baseline: v.number(), target: v.exactOptional(v.number()) })),
  }),
  v.object({
    id: QuestionIdSchema,
    kind: v.picklist(['single', 'multiple']),
    text: TextSchema,
    choices: v.pipe(
      v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100))),
      v.minLength(2),
      v.maxLength(MAX_CHOICES),
      v.readonly(),
    ),
  }),
  v.object({
    id: QuestionIdSchema,
    kind: v.literal('text'),
    text: TextSchema,
    maxLength: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_TEXT_LIMIT)),
  }),
]);

export const QuestionsSchema = v.pipe(
  v.array(QuestionSchema),
  v.minLength(1, says('survey.questionsEmpty')),
  v.maxLength(MAX_QUESTIONS),
  v.check((qs) => new Set(qs.map((q) => q.id)).size === qs.length, says('survey.questionInvalid')),
);

/** What HR sets while the survey is a draft; all of it is frozen at opening. */
export const SurveySpecSchema = v.object({
  title: v.pipe(v.string(), v.trim(), v.minLength(1, says('survey.titleEmpty')), v.maxLength(100)),
  /** The round's label (a fiscal year, 2025), for trends and the KPI dashboard. */
  round: v.pipe(v.string(), v.trim(), v.maxLength(20)),
  anonymous: v.boolean(),
  questions: QuestionsSchema,
  audience: AudienceSpecSchema,
  schedule: ScheduleSchema,
  k: v.optional(KSchema, DEFAULT_K),
});
export type SurveySpec = v.InferOutput<typeof SurveySpecSchema>;

export interface Survey extends SurveySpec {
  id: string;
  status: CampaignStatus;
  openedAt: string | null;
  closedAt: string | null;
}

/** A survey as the device gets it when assigned (the surveys feed of POST /sync). */
export const AssignedSurveySchema = v.object({
  id: SurveyIdSchema,
  title: v.string(),
  round: v.string(),
  anonymous: v.boolean(),
  questions: v.array(QuestionSchema),
  deadline: v.string(),
  closesAt: v.string(),
  k: v.number(),
  /** The groups the person's answer counts in (fixed at opening), for the note and the anonymous answer. */
  groups: AnswerGroupsSchema,
  /** Base64url SPKI of the survey's token key (anonymous surveys). */
  publicKey: v.nullable(v.string()),
  /** The server has the person's participation (a named answer, or an anonymous one's separate "answered"). */
  participated: v.boolean(),
  status: v.picklist(['draft', 'open', 'closed']),
});
export type AssignedSurvey = v.InferOutput<typeof AssignedSurveySchema>;

/**
 * The surveys feed's answer: when the feed moved, every survey assigned to the person (the list
 * replaces the device's); when not, no list ("keep what you have").
 */
export const SurveysPageSchema = v.object({
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  more: v.boolean(),
  reset: v.boolean(),
  surveys: v.optional(v.array(AssignedSurveySchema)),
});
export type SurveysPage = v.InferOutput<typeof SurveysPageSchema>;

export const AnswerValueSchema = v.union([
  v.pipe(v.number(), v.integer()),
  v.pipe(v.array(v.pipe(v.number(), v.integer())), v.maxLength(MAX_CHOICES)),
  v.pipe(v.string(), v.maxLength(MAX_TEXT_LIMIT * 2)),
]);
export const AnswersSchema = v.pipe(
  v.record(QuestionIdSchema, AnswerValueSchema),
  v.check((a) => Object.keys(a).length <= MAX_QUESTIONS, says('survey.answerUnknownQuestion')),
);
export type Answers = v.InferOutput<typeof AnswersSchema>;

/** Text that looks like markup is refused: it is never rendered as such, but it has no place in an answer. */
const MARKUP = /<\s*[A-Za-z!/?]|&#?[A-Za-z0-9]+;/;

/**
 * The first problem of `answers` to `questions`, or null. A question may be left unanswered; an
 * empty text is no answer. Likert values are 1..points; choices valid indices (single one,
 * multiple distinct); texts within the question's limit and without markup.
 */
export function answersProblem(questions: readonly Question[], answers: Readonly<Answers>): Problem | null {
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q) return problem('survey.answerUnknownQuestion', { field: id });
    if (q.kind === 'likert') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > q.points)
        return problem('survey.answerOutOfScale', { field: id, max: q.points });
    } else if (q.kind === 'single') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= q.choices.length)
        return problem('survey.answerOutOfScale', { field: id, max: q.choices.length });
    } else if (q.kind === 'multiple') {
      if (
        !Array.isArray(value) ||
        value.length === 0 ||
        new Set(value).size !== value.length ||
        value.some((i) => !Number.isInteger(i) || i < 0 || i >= q.choices.length)
      )
        return problem('survey.answerOutOfScale', { field: id, max: q.choices.length });
    } else if (q.kind === 'text') {
      if (typeof value !== 'string') return problem('survey.answerOutOfScale', { field: id, max: 0 });
      if ([...value].length > q.maxLength) return problem('survey.textTooLong', { field: id, max: q.maxLength });
      if (MARKUP.test(value)) return problem('survey.textMarkup', { field: id });
    }
  }
  return null;
}

/** The answers that count: empty texts dropped (they are no answer). */
export function countedAnswers(answers: Readonly<Answers>): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([, a]) => !(typeof a === 'string' && a.trim() === '')));
}

/**
 * Says that the signed-in person answered a survey (anonymous: apart from the answer, at another
 * moment; named: the answer itself says so). It carries nothing of the answer.
 */
export const SurveyParticipateSchema = v.object({
  kind: v.literal('survey.participate'),
  id: MutationIdSchema,
  createdAt: CreatedAtSchema,
  surveyId: SurveyIdSchema,
});

/** A named survey's answer, sent signed in and stored with the person (HR only). */
export const SurveyAnswerNamedSchema = v.object({
  kind: v.literal('survey.answerNamed'),
  id: MutationIdSchema,
  createdAt: CreatedAtSchema,
  surveyId: SurveyIdSchema,
  answers: AnswersSchema,
});

export const SURVEY_KINDS = [
  defineKind({
    feature: 'surveys',
    schema: SurveyParticipateSchema,
    intent: (m) => ({ kind: m.kind, surveyId: m.surveyId }),
    touchesDirectory: false,
  }),
  defineKind({
    feature: 'surveys',
    schema: SurveyAnswerNamedSchema,
    intent: (m) => ({ kind: m.kind, surveyId: m.surveyId, answers: m.answers }),
    touchesDirectory: false,
  }),
] as const;

/** The anonymous answer's body: the token and its signature, the groups, the answers; no ID token. */
export const AnonymousAnswerSchema = v.object({
  /** Base64url of the token message (random, made on the device). */
  token: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{40,100}$/, says('survey.tokenInvalid'))),
  /** Base64url of the finalized RFC 9474 signature over the token. */
  signature: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{100,1400}$/, says('survey.tokenInvalid'))),
  groups: AnswerGroupsSchema,
  answers: AnswersSchema,
});

/** The surveys' endpoints besides /sync and /mutations. */
export const SURVEY_PATHS = {
  /** GET: HR's list; POST: create or replace a draft (HR). */
  surveys: '/surveys',
  open: (id: string) => `/surveys/${encodeURIComponent(id)}/open`,
  /** POST, signed in: the blinded token to sign. */
  token: (id: string) => `/surveys/${encodeURIComponent(id)}/token`,
  /** POST without an ID token: the anonymous answer. */
  answer: (id: string) => `/surveys/${encodeURIComponent(id)}/answer`,
  remind: (id: string) => `/surveys/${encodeURIComponent(id)}/remind`,
  /** GET `?unit=`: the live response rate. */
  rate: (id: string) => `/surveys/${encodeURIComponent(id)}/rate`,
  /** GET `?unit=`: the results once closed. */
  results: (id: string) => `/surveys/${encodeURIComponent(id)}/results`,
  /** POST `{ format }`: records the export in the audit log, then answers the results it may hold. */
  exportResults: (id: string) => `/surveys/${encodeURIComponent(id)}/export`,
  paper: (id: string) => `/surveys/${encodeURIComponent(id)}/paper`,
  named: (id: string) => `/surveys/${encodeURIComponent(id)}/named`,
  /** GET: the closed surveys whose results the caller may see (HR, managers), for rounds and trends. */
  closed: '/surveys/closed',
} as const;
