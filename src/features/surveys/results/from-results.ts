/**
 * The survey feature's results (src/domain/surveys/results.ts, as GET /surveys/{id}/results
 * answers them, already cut by the disclosure rule) in the results views' terms (types.ts). Pure:
 * it decides nothing about disclosure, it only carries a shown figure as a number and a hidden
 * one as hidden.
 */
import type { KpiYear } from '../../../domain/surveys/kpi';
import type { Moments } from '../../../domain/surveys/model';
import type { QuestionFigure, ResultGroup, SurveyResults } from '../../../domain/surveys/results';
import { SURVEY_TEMPLATES, type SurveyTemplate } from '../../../domain/surveys/templates';
import type { ChartedQuestion, Figure, QuestionResult } from './types';

const WITHHELD: Figure = { hidden: 'withheld' };

export const isCharted = (q: SurveyResults['questions'][number]): q is ChartedQuestion => q.kind !== 'text';

/** One question of one group, as QuestionResultView shows it; null when the group has no figure for it. */
export function questionResultOf(group: ResultGroup, groupName: string, q: ChartedQuestion): QuestionResult | null {
  const f = group.figures[q.id];
  if (f === undefined) return null;
  const size = q.kind === 'likert' ? q.points : q.choices.length;
  if (f === 'hidden') {
    return {
      question: q,
      group: groupName,
      n: WITHHELD,
      ...(q.kind === 'likert' && { mean: WITHHELD, sd: WITHHELD }),
      counts: Array.from({ length: size }, () => WITHHELD),
    };
  }
  return {
    question: q,
    group: groupName,
    n: f.n,
    ...(q.kind === 'likert' && f.mean !== undefined && { mean: f.mean }),
    ...(q.kind === 'likert' && f.sd !== undefined && { sd: f.sd }),
    counts: Array.from({ length: size }, (_, i) => f.counts[i] ?? 0),
  };
}

/** A shown Likert figure's moments for the t-test; a hidden one has none (n 0: not offered). */
export function momentsOfFigure(f: QuestionFigure | 'hidden' | undefined): Moments {
  if (f === undefined || f === 'hidden' || f.mean === undefined) return { n: 0, mean: 0, variance: 0 };
  return { n: f.n, mean: f.mean, variance: f.variance ?? (f.sd ?? 0) ** 2 };
}

/** The template a survey was built from: the one whose question ids it uses (the builder keeps them). */
export function templateOf(results: Pick<SurveyResults, 'questions'>): SurveyTemplate | undefined {
  return SURVEY_TEMPLATES.find((t) => results.questions.some((q) => t.questions.some((tq) => tq.id === q.id)));
}

/** Rounds of one series: surveys sharing a Likert question id with `results`, oldest first (by round). */
export function seriesOf(results: SurveyResults, rounds: readonly SurveyResults[]): SurveyResults[] {
  const ids = new Set(results.questions.filter((q) => q.kind === 'likert').map((q) => q.id));
  return rounds
    .filter((r) => r.questions.some((q) => q.kind === 'likert' && ids.has(q.id)))
    .filter((r) => Number.isFinite(Number(r.round)))
    .sort((a, b) => Number(a.round) - Number(b.round));
}

/** The round just before `results` in its series, or undefined. */
export function previousRound(results: SurveyResults, rounds: readonly SurveyResults[]): SurveyResults | undefined {
  return seriesOf(results, rounds)
    .filter((r) => Number(r.round) < Number(results.round))
    .at(-1);
}

/**
 * Each KPI question's yearly means for the dashboard, from each round's group `groupKey` (the
 * whole for HR): a hidden or missing figure is null (shown as —, never guessed).
 */
export function kpiYearsOf(
  template: SurveyTemplate,
  rounds: readonly SurveyResults[],
  groupKey: string,
): Record<string, KpiYear[]> {
  const years: Record<string, KpiYear[]> = {};
  for (const q of template.questions) {
    years[q.id] = rounds.flatMap((r) => {
      const year = Number(r.round);
      if (!Number.isFinite(year) || !r.questions.some((x) => x.id === q.id)) return [];
      const f = r.groups.find((g) => g.key === groupKey)?.figures[q.id];
      return [{ year, value: f && f !== 'hidden' && f.mean !== undefined ? f.mean : null }];
    });
  }
  return years;
}
