import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { Fold, Moments } from './model';

/**
 * S6 effect measurement: two rounds of one question compared from their aggregates alone (n, mean,
 * sample variance), as folds keep them; no answer is needed. The t distribution is stdlib's, not
 * written here. No words: the verdict is codes, rendered by the results views' words.
 */

/** The moments of a folded Likert question: mean Σx/n, sample variance (Σx² − (Σx)²/n)/(n − 1). */
export function momentsOf(fold: Fold): Moments {
  const { n, sum, sumSq } = fold;
  if (n === 0) return { n: 0, mean: 0, variance: 0 };
  const mean = sum / n;
  // Rounding can take an all-equal group a hair below zero.
  const variance = n < 2 ? 0 : Math.max(0, (sumSq - (sum * sum) / n) / (n - 1));
  return { n, mean, variance };
}

/** Welch's t-test of `after` against `before`: every difference is after − before. */
export interface WelchTest {
  difference: number;
  t: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  /** Two-sided. */
  p: number;
  /** The 95% confidence interval of the difference. */
  ci95: { low: number; high: number };
  /** Cohen's d: the difference over the pooled standard deviation (each group weighted by n − 1). */
  d: number;
}

/**
 * Welch's t-test from two groups' moments, or null where it has no answer: a group of fewer than
 * two, or no spread in either group (every answer the same in both rounds).
 */
export function welchTest(before: Moments, after: Moments): WelchTest | null {
  if (before.n < 2 || after.n < 2) return null;
  const a = before.variance / before.n;
  const b = after.variance / after.n;
  const se2 = a + b;
  if (!(se2 > 0)) return null;
  const se = Math.sqrt(se2);
  const difference = after.mean - before.mean;
  const t = difference / se;
  const df = (se2 * se2) / ((a * a) / (before.n - 1) + (b * b) / (after.n - 1));
  // 2·F(−|t|) rather than 2·(1 − F(|t|)): no cancellation for a small p.
  const p = Math.min(1, 2 * tCdf(-Math.abs(t), df));
  const q = tQuantile(0.975, df);
  const pooled = Math.sqrt(
    ((before.n - 1) * before.variance + (after.n - 1) * after.variance) / (before.n + after.n - 2),
  );
  return {
    difference,
    t,
    df,
    p,
    ci95: { low: difference - q * se, high: difference + q * se },
    d: difference / pooled,
  };
}

/** Cohen's words for |d|: 小 from 0.2, 中 from 0.5, 大 from 0.8; below 0.2 negligible. */
export type EffectSize = 'negligible' | 'small' | 'medium' | 'large';

export function effectSize(d: number): EffectSize {
  const x = Math.abs(d);
  if (x >= 0.8) return 'large';
  if (x >= 0.5) return 'medium';
  if (x >= 0.2) return 'small';
  return 'negligible';
}

/** A change is called only when p < ALPHA and |d| ≥ 0.2. */
export const ALPHA = 0.05;

/**
 * What the effect-measurement view says of two rounds:
 * - `rise` / `fall`: p < 0.05 and |d| ≥ 0.2;
 * - `noChange`: `notSignificant` (p ≥ 0.05) or `negligible` (p < 0.05 but |d| < 0.2, as a large
 *   survey makes a tiny difference significant);
 * - `notOffered`: `belowK` (either round's group has fewer than K answers: no test on a group too
 *   small to be shown), or `noSpread` (no variance in either round: the test has no answer).
 */
export type Verdict =
  | { kind: 'rise' | 'fall'; size: Exclude<EffectSize, 'negligible'>; test: WelchTest }
  | { kind: 'noChange'; reason: 'notSignificant' | 'negligible'; size: EffectSize; test: WelchTest }
  | { kind: 'notOffered'; reason: 'belowK' | 'noSpread' };

export function compareRounds(before: Moments, after: Moments, k: number): Verdict {
  if (before.n < k || after.n < k) return { kind: 'notOffered', reason: 'belowK' };
  const test = welchTest(before, after);
  if (!test) return { kind: 'notOffered', reason: 'noSpread' };
  const size = effectSize(test.d);
  if (test.p >= ALPHA) return { kind: 'noChange', reason: 'notSignificant', size, test };
  if (size === 'negligible') return { kind: 'noChange', reason: 'negligible', size, test };
  return { kind: test.difference > 0 ? 'rise' : 'fall', size, test };
}

/**
 * A p-value as shown: three decimals, "< 0.001" below that, and never rounded across 0.05 (0.0496
 * is shown as 0.0496, not 0.050, so the figure agrees with the verdict beside it).
 */
export function formatP(p: number): { op: '<' | '='; value: string } {
  if (p < 0.001) return { op: '<', value: '0.001' };
  const three = p.toFixed(3);
  if (p < ALPHA && Number(three) >= ALPHA) return { op: '=', value: p.toFixed(4) };
  return { op: '=', value: three };
}
