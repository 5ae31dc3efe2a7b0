import type { CsvRow } from '../../../domain/csv/write';
import { isShown, type Figure, type Hidden, type QuestionResult } from './types';
import type { SurveyResultsWords } from './words';

type Words = SurveyResultsWords['surveyResults'];

/** The scale's or the question's choice labels, in the question's order (value 1 first for Likert). */
export function choiceLabels(q: QuestionResult['question'], t: Words): string[] {
  if (q.kind !== 'likert') return [...q.choices];
  return (q.points === 4 ? t.likert4 : t.likert5).map((w, i) => t.valueLabel(i + 1, w));
}

/**
 * The CSV of what the results screen shows, one row per question, group and choice (a long table
 * Excel can pivot): the same figures, hidden ones written as the screen words them, never as
 * numbers. Means and SDs are numbers at full precision; the screen rounds them to three decimals.
 */
/** How a hidden figure is worded, on the screen and in the CSV alike. */
export function hiddenText(f: Hidden, t: Words, k: number): string {
  return f.hidden === 'belowK' ? t.hiddenBelowK(k) : f.hidden === 'derivable' ? t.hiddenDerivable : t.hiddenWithheld;
}

export function questionResultsCsv(results: readonly QuestionResult[], t: Words, k: number): CsvRow[] {
  const cell = (f: Figure | undefined): string | number | null =>
    f === undefined ? null : isShown(f) ? f : hiddenText(f, t, k);
  const rows: CsvRow[] = [[t.question, t.groupColumn, t.answers, t.mean, t.sd, t.choice, t.count]];
  for (const r of results) {
    const labels = choiceLabels(r.question, t);
    labels.forEach((label, i) => {
      rows.push([r.question.text, r.group, cell(r.n), cell(r.mean), cell(r.sd), label, cell(r.counts[i])]);
    });
  }
  return rows;
}
