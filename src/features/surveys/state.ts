import type { AssignedSurvey } from '../../domain/surveys/survey';
import type { SurveyDraftRow, SurveySendRow } from './tables';

export type SurveyState = 'todo' | 'draft' | 'queued' | 'answered' | 'refused' | 'closed';

/** Where a survey stands on this device: what the list and the answer screen show. */
export function stateOf(
  s: AssignedSurvey,
  draft: SurveyDraftRow | undefined,
  send: SurveySendRow | undefined,
): SurveyState {
  if (send?.state === 'refused') return 'refused';
  if (send?.state === 'queued') return 'queued';
  if (send || s.participated) return 'answered';
  if (s.status === 'closed') return 'closed';
  return draft ? 'draft' : 'todo';
}
