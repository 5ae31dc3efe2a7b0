/**
 * The survey's shapes, agreed before issue 18 is built in two halves (the campaign and survey
 * feature; the statistics, KPI rules, templates and results views), so both speak one language.
 * Question texts and choice labels are data (set by HR or a template) and are shown as written;
 * the scale's labels (そう思う … そう思わない) are the app's words.
 */

/** Agreement scales as the seeds number them: the value grows with agreement. */
export const LIKERT_POINTS = [4, 5] as const;
export type LikertPoints = (typeof LIKERT_POINTS)[number];
/**
 * seed 001: そう思う(4) まあそう思う(3) あまりそう思わない(2) そう思わない(1).
 * seed 004: そう思う(5) … そう思わない(1).
 * A Likert answer is the integer value 1..points.
 */

export type Question =
  | {
      id: string;
      kind: 'likert';
      points: LikertPoints;
      text: string;
      /** The KPI indicator this question measures, if any, with the seed's figures. */
      kpi?: { baseline: number; target?: number };
    }
  | { id: string; kind: 'single' | 'multiple'; text: string; choices: readonly string[] }
  | { id: string; kind: 'text'; text: string; maxLength: number };

/**
 * One question's answers folded, never the answers themselves: the mean, the variance and the
 * distribution come from these alone, and two folds add up (shards, paper tallies, groups).
 * For a Likert question `counts[v - 1]` counts the answers of value v; for choice questions
 * `counts[i]` counts choice i (a multiple choice answer adds to several); `sum`/`sumSq` are the
 * sum and sum of squares of Likert values (0 for choices). `n` counts answers to the question.
 */
export interface Fold {
  n: number;
  sum: number;
  sumSq: number;
  counts: number[];
}

/** Summary statistics of a group of answers, as the t-test needs them. */
export interface Moments {
  n: number;
  mean: number;
  /** Sample variance (n - 1 in the denominator). */
  variance: number;
}
