import type { KpiRule, KpiYear } from '../../../domain/surveys/kpi';
import type { Moments, Question } from '../../../domain/surveys/model';
import type { SurveyTemplate } from '../../../domain/surveys/templates';

/**
 * The results views' props, in the views' own terms and model.ts's: whoever has the results (the
 * survey feature's results type) maps them to these. The views decide nothing about disclosure:
 * a figure arrives shown or hidden, with why.
 */

/**
 * A figure withheld by the disclosure rule: fewer than K answers, or one the shown figures would
 * give away; `withheld` when the results do not say which (the server's results carry no reason,
 * since "fewer than K" about a group is itself a fact about it).
 */
export interface Hidden {
  hidden: 'belowK' | 'derivable' | 'withheld';
}
export type Figure = number | Hidden;

export const isShown = (f: Figure | undefined): f is number => typeof f === 'number';

export type ChartedQuestion = Extract<Question, { kind: 'likert' | 'single' | 'multiple' }>;

/** One question's result for one group. */
export interface QuestionResult {
  question: ChartedQuestion;
  /** The group's name as the organisation has it (data): 全体, 総務部, その他の係 … */
  group: string;
  n: Figure;
  /** Likert questions only. */
  mean?: Figure;
  sd?: Figure;
  /** Per value 1..points (Likert) or per choice, in the question's order. */
  counts: readonly Figure[];
}

/** One KPI indicator's question, its seed figures and its yearly means (null: none to show). */
export interface KpiIndicatorInput {
  questionId: string;
  /** The question's text (data). */
  text: string;
  /** The seed's indicator (成果指標) name, if any (data). */
  indicator?: string;
  baseline: number;
  years: readonly KpiYear[];
}

export interface KpiDashboardInput {
  /** The survey's title (data): 職員アンケート. */
  title: string;
  rule: KpiRule;
  baselineYear: number;
  indicators: readonly KpiIndicatorInput[];
}

/** A template's KPIs with the yearly means known for its questions (by question ID). */
export function kpiDashboardOf(
  template: SurveyTemplate,
  years: Readonly<Record<string, readonly KpiYear[]>>,
): KpiDashboardInput {
  return {
    title: template.title,
    rule: template.rule,
    baselineYear: template.baselineSurvey.fiscalYear,
    indicators: template.questions.flatMap((q, i) =>
      q.kind === 'likert' && q.kpi
        ? [
            {
              questionId: q.id,
              text: q.text,
              indicator: template.indicators[i]!.indicator,
              baseline: q.kpi.baseline,
              years: years[q.id] ?? [],
            },
          ]
        : [],
    ),
  };
}

/** One round of a question for effect measurement: its label (data or words: 2025年度) and moments. */
export interface Round {
  label: string;
  moments: Moments;
}
