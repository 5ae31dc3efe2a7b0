import type { AnswerGroups } from '../../domain/campaigns/campaign';
import type { Answers, AssignedSurvey } from '../../domain/surveys/survey';
import type { TableDeclarations } from '../../db/tables';

/** A survey assigned to the signed-in person, as the surveys feed brought it. */
export type SurveyRow = AssignedSurvey;

/** A half-filled answer, kept across reloads until it is sent (then deleted with the send). */
export interface SurveyDraftRow {
  surveyId: string;
  answers: Answers;
  updatedAt: number;
}

/** An anonymous survey's answer token, signed blind by the server for this person (base64url). */
export interface SurveyTokenRow {
  surveyId: string;
  token: string;
  signature: string;
}

/**
 * A submitted answer on its way. Anonymous: `queued` → sent without the ID token → `answered`,
 * then the participation is queued signed in at the first sync after `participateAfter` (a random
 * delay), → `participated`. Named: the answer is an outbox mutation, the row is `participated` at
 * once. `refused` keeps the answers and the server's code (the draft stays too).
 */
export interface SurveySendRow {
  surveyId: string;
  state: 'queued' | 'answered' | 'participated' | 'refused';
  answers: Answers;
  groups: AnswerGroups;
  participateAfter?: number;
  problem?: { code: string; params?: Record<string, unknown> };
}

/** Surveys' tables (S1-S6), by the database version that added them. */
export const SURVEY_TABLES: TableDeclarations = {
  8: { surveys: 'id', surveyDrafts: 'surveyId', surveyTokens: 'surveyId', surveySends: 'surveyId, state' },
};
