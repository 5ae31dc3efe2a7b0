/**
 * The surveys' store port (S1-S6), implemented by the twin (memory.ts) and the adapter
 * (firestore.ts), held to contract.ts. The campaign part (audience, tokens, participation,
 * reminders) is the campaign module's (functions/src/campaigns/port.ts).
 *
 * Invariants besides the campaign's:
 * - A survey's questions, audience, schedule and K change only while it is a draft.
 * - Answers are kept only as folds per group and question, and free texts with their 部 alone
 *   (no time, no person, no token); a named answer is kept with its person as well.
 * - Results are materialised once, at close, into one document; reading them costs one read.
 * - The feed head (version and the next due moment) moves on open, close and reminders: the
 *   /sync handler reads it in its one getAll and does the due work at the first sync after it.
 */
import type { Fold } from '../../../../src/domain/surveys/model';
import type { SurveyResults } from '../../../../src/domain/surveys/results';
import type { Answers, Survey } from '../../../../src/domain/surveys/survey';
import type { AnswerGroups } from '../../../../src/domain/campaigns/campaign';
import type { HeadHandle } from '../../kit/batch-read';
import type { RetryPolicy } from '../../kit/versioned';
import type { CampaignState, Opening, SpendOutcome } from '../../campaigns/port';

/** One answer's contribution: a fold per question, added to each of `groups`; texts with their 部. */
export interface AnswerDelta {
  groups: readonly string[];
  folds: Readonly<Record<string, Fold>>;
  texts: readonly SurveyText[];
}

export interface SurveyText {
  questionId: string;
  /** The 部 of the writer (null when none), the only group a text keeps. */
  buId: string | null;
  text: string;
}

/** A paper tally HR enters for one group of answer groups: respondents and their folds. */
export interface PaperTally {
  id: string;
  groups: AnswerGroups;
  respondents: number;
  folds: Record<string, Fold>;
}

export interface SurveysHead {
  version: number;
  /** The earliest close or reminder still to do (ISO), or null. */
  nextDueAt: string | null;
}

export type Folds = Record<string, Record<string, Fold>>;

export interface SurveyStore extends CampaignState {
  readonly retry: RetryPolicy;
  /** The server clock (the twin's is settable, so tests can pass deadlines). */
  now(): Date;
  /** Creates or replaces a draft; 'frozen' when the survey is no longer a draft. */
  saveDraft(orgId: string, survey: Survey): Promise<'saved' | 'frozen'>;
  getSurvey(orgId: string, surveyId: string): Promise<Survey | null>;
  listSurveys(orgId: string): Promise<Survey[]>;
  /** Draft → open, with the audience, groups and key fixed; 'notDraft' otherwise. Moves the head. */
  open(orgId: string, surveyId: string, opening: Opening): Promise<'opened' | 'notDraft'>;
  /** Open → closed with its results; 'notOpen' when another request closed it first. Moves the head. */
  close(orgId: string, surveyId: string, closedAt: string, results: SurveyResults): Promise<'closed' | 'notOpen'>;
  /** Spends the token (its hash) and adds the answer in the same commit; a spent token is a duplicate. */
  addAnonymousAnswer(orgId: string, surveyId: string, tokenId: string, delta: AnswerDelta): Promise<SpendOutcome>;
  /**
   * Stores a named answer with its person and participation, and adds it to the folds; one per
   * person: the same mutation again is a duplicate, another one 'taken'.
   */
  addNamedAnswer(
    orgId: string,
    surveyId: string,
    mutationId: string,
    staffId: string,
    answers: Answers,
    groups: AnswerGroups,
    delta: AnswerDelta,
  ): Promise<SpendOutcome | 'taken'>;
  /** Named answers (HR only), by person. */
  namedAnswers(orgId: string, surveyId: string): Promise<{ staffId: string; answers: Answers }[]>;
  addPaperTally(
    orgId: string,
    surveyId: string,
    tally: PaperTally,
    delta: AnswerDelta,
  ): Promise<'applied' | 'duplicate'>;
  readFolds(orgId: string, surveyId: string): Promise<Folds>;
  readTexts(orgId: string, surveyId: string): Promise<SurveyText[]>;
  getResults(orgId: string, surveyId: string): Promise<SurveyResults | null>;
  /** Surveys whose audience holds `staffId` (open or closed), with their groups. */
  assignedTo(
    orgId: string,
    staffId: string,
  ): Promise<{ survey: Survey; groups: AnswerGroups; publicKey: string | null }[]>;
  feedHead(orgId: string): HeadHandle<SurveysHead>;
  /** The head as it is now (one read), after due work moved it. */
  currentHead(orgId: string): Promise<SurveysHead>;
  /** Recomputes the next due moment from the open surveys and their reminders; moves nothing else. */
  setNextDue(orgId: string, nextDueAt: string | null): Promise<void>;
}
