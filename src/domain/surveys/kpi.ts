/**
 * S5: the KPI targets, by the seeds' own rules, as pure functions. No words: a target carries a
 * code for why it is what it is, and the dashboard's words render it.
 *
 * - `staff` (seed 001, 品川区人材育成・確保基本方針, 4 points): 「目標値については、各設問について
 *   『まあそう思う(3)』が平均となることをめざし、『3.000』とします。基準値が2.500に満たない設問に
 *   ついては、目標値を『2.500』とします。」 The target is set once from the baseline, for the plan.
 * - `dx` (seed 004, DX人材育成方針, 5 points): 「各設問について『3.5』をベンチマークとします。ただし、
 *   年度毎に実施するアンケートにおいて、2.5未満の場合はベンチマークを『3』、3.5以上の場合は
 *   ベンチマークを『今年度の数字以上』と更新することとします。」 Each year's value updates the next
 *   year's benchmark in those two cases; between 2.5 and 3.5 the benchmark is not updated and stays
 *   what it was (3.5 at first, 3 after a year below 2.5, a year's figure after one at 3.5 or more).
 *   This reading is ours: the seed does not say what follows a year between the two bounds after an
 *   update; it agrees with every target the seed publishes.
 *
 * Values are compared as published, to three decimals (the seeds print 2.024 … 3.683), so a mean
 * shown as 2.500 is never treated as below 2.500.
 */

export const KPI_RULES = ['staff', 'dx'] as const;
export type KpiRule = (typeof KPI_RULES)[number];

/**
 * Why a target is what it is:
 * - `aim`: seed 001's 3.000 (「まあそう思う」 on average);
 * - `lowBaseline`: seed 001's 2.500 for a baseline below 2.500;
 * - `benchmark`: seed 004's 3.5;
 * - `raisedFloor`: seed 004's 3 after a year below 2.5;
 * - `keepUp`: seed 004's "this year's figure or more" after a year at 3.5 or more (`value` is that figure).
 * Every target is met by a value at or above `value`.
 */
export type TargetBasis = 'aim' | 'lowBaseline' | 'benchmark' | 'raisedFloor' | 'keepUp';

export interface KpiTarget {
  value: number;
  basis: TargetBasis;
}

/** A mean as the seeds publish it: rounded half up to three decimals. */
export function kpiRound(x: number): number {
  // The small nudge keeps 2.4995 (stored as 2.49949999…) rounding up, as it reads.
  return Math.round(x * 1000 + 1e-7) / 1000;
}

/** Seed 001: 3.000, or 2.500 where the baseline is below 2.500. */
export function staffTarget(baseline: number): KpiTarget {
  return kpiRound(baseline) < 2.5 ? { value: 2.5, basis: 'lowBaseline' } : { value: 3, basis: 'aim' };
}

/** Seed 004's first benchmark, before any update. */
export const DX_BENCHMARK: KpiTarget = { value: 3.5, basis: 'benchmark' };

/**
 * Seed 004: next year's benchmark from this year's value and the benchmark in force: 3 below 2.5,
 * this year's figure or more at 3.5 or more, otherwise unchanged.
 */
export function dxNextBenchmark(value: number, current: KpiTarget = DX_BENCHMARK): KpiTarget {
  const v = kpiRound(value);
  if (v < 2.5) return { value: 3, basis: 'raisedFloor' };
  if (v >= 3.5) return { value: v, basis: 'keepUp' };
  return current;
}

/** The target the baseline sets for the first year after it. */
export function firstTarget(rule: KpiRule, baseline: number): KpiTarget {
  return rule === 'staff' ? staffTarget(baseline) : dxNextBenchmark(baseline);
}

/** Met when the value, as published, is at or above the target. */
export function isMet(value: number, target: KpiTarget): boolean {
  return kpiRound(value) >= target.value;
}

/** One year's figure: null where there is none to show (no survey, or fewer than K answers). */
export interface KpiYear {
  year: number;
  value: number | null;
}

export interface KpiRow {
  year: number;
  value: number | null;
  /** The target in force that year. */
  target: KpiTarget;
  /** null where there is no value. */
  met: boolean | null;
}

/**
 * An indicator's years against its targets, oldest first. Seed 001's target stays the one its
 * baseline set; seed 004's is updated by each year's shown value (a year with no value updates nothing).
 */
export function kpiTrack(rule: KpiRule, baseline: number, years: readonly KpiYear[]): KpiRow[] {
  return walk(rule, baseline, years).rows;
}

/** The target for the next survey after these years (the one the baseline set, if none). */
export function nextTarget(rule: KpiRule, baseline: number, years: readonly KpiYear[]): KpiTarget {
  return walk(rule, baseline, years).next;
}

function walk(rule: KpiRule, baseline: number, years: readonly KpiYear[]) {
  let target = firstTarget(rule, baseline);
  const rows: KpiRow[] = [];
  for (const { year, value } of [...years].sort((a, b) => a.year - b.year)) {
    rows.push({ year, value, target, met: value === null ? null : isMet(value, target) });
    if (rule === 'dx' && value !== null) target = dxNextBenchmark(value, target);
  }
  return { rows, next: target };
}
