/**
 * The results of a closed survey as the server sends them and the results views show them (S4):
 * the one data type both halves of issue 18 agree on. Every figure here has already passed the
 * disclosure rule (disclosure.ts) for the viewer's scope: a group or a question of a group that
 * may not be shown is absent (`hidden`), never a number. Free texts come only for groups of at
 * least K, shuffled, without times.
 */
import type { EmploymentType, JobLevel } from '../org';
import type { Question } from './model';

/** The ways an audience is broken down: the whole, the unit tree, job levels, employment types. */
export const RESULT_DIMENSIONS = ['all', 'bu', 'ka', 'kakari', 'otherKakari', 'level', 'employment'] as const;
export type ResultDimension = (typeof RESULT_DIMENSIONS)[number];

/**
 * One group of the breakdown. `key` is unique in the results: `all`, `bu:{unitId}`, `ka:{unitId}`,
 * `kakari:{unitId}`, `otherKakari:{課 unitId}` (the small 係 of a 課 rolled up, 「その他の係」),
 * `level:{職層}`, `employment:{雇用形態}`. `parent` is the key of the group it is part of (`all`
 * for a 部, a job level and an employment type; the 部 for a 課; the 課 for a 係 and its
 * 「その他の係」); null for `all`. `name` is the unit's name, the job level or employment type as
 * written; for `otherKakari` it is the 課's name (the view adds 「その他の係」).
 */
export interface ResultGroup {
  key: string;
  dimension: ResultDimension;
  parent: string | null;
  name: string;
  unitId?: string;
  level?: JobLevel;
  employment?: EmploymentType;
  /** People in the audience of this group (fixed at opening), paper respondents' groups included. */
  audience: number;
  /** Respondents (digital and paper) of this group; absent when it may not be shown. */
  responded?: number;
  /** Per question id: its figure, or `hidden` where the rule keeps it back for this group. */
  figures: Record<string, QuestionFigure | 'hidden'>;
}

/**
 * One question in one group. Likert: `mean` and `sd` (sample standard deviation, n − 1; 0 when n
 * is 1) of the values; `counts[v - 1]` answers of value v. Choices: `counts[i]` answers choosing
 * choice i (a multiple choice answer may count in several); no mean. Text: `n` only (the texts
 * are in `texts`).
 */
export interface QuestionFigure {
  n: number;
  mean?: number;
  sd?: number;
  /** Sample variance, for the t-test (S6) from aggregates. */
  variance?: number;
  counts: number[];
}

export interface SurveyResults {
  surveyId: string;
  title: string;
  /** The fiscal year or round label HR gave (e.g. 2025), for trends and the KPI dashboard. */
  round: string;
  anonymous: boolean;
  /** The smallest number of answers a shown figure rests on, fixed at opening. */
  k: number;
  closedAt: string;
  questions: readonly Question[];
  /** The groups the viewer may see, `all` first (for a 部長 the first is their 部 instead). */
  groups: ResultGroup[];
  /** Free texts per text question id, per group key (only groups of at least K texts), shuffled. */
  texts: Record<string, Record<string, string[]>>;
}
