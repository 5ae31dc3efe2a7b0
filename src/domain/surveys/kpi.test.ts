import { describe, expect, it } from 'vitest';
import {
  DX_BENCHMARK,
  dxNextBenchmark,
  firstTarget,
  isMet,
  kpiRound,
  kpiTrack,
  nextTarget,
  staffTarget,
  type KpiTarget,
} from './kpi';
import { DX_SURVEY, STAFF_SURVEY } from './templates';

/**
 * The seeds' published tables, typed here from the seed text (not taken from templates.ts), so the
 * rule and the template are both checked against what the seed prints.
 */
const SEED_001: [baseline: number, target: number | null][] = [
  [2.29, 2.5], // 01 自分で働き方を自由に選べる
  [2.506, 3], // 02 相談できる人や窓口がある
  [2.024, 2.5], // 03 適材適所の人員配置
  [2.557, 3], // 03 希望どおりの配置
  [2.691, 3], // 03 能力を活かす機会
  [2.166, 2.5], // 03 業務の効率化
  [2.622, null], // 04 新たな提案や改善提案 (no target in the seed's table as extracted)
  [2.505, 3], // 05 研修に自発的に参加
  [2.741, 3], // 05 研修や自己啓発が仕事に活かされている
  [2.628, 3], // 06 頑張りが認められている
  [2.577, 3], // 11 制度が整っている
  [2.608, 3], // 12 仕事を楽しんでいる
  [2.972, 3], // 12 誰かの役に立っている
  [2.753, 3], // 13 良い刺激や影響
  [2.804, 3], // 13 良いところを直接伝える
];

const SEED_004: [baseline: number, target: number | '基準値以上'][] = [
  [3.043, 3.5],
  [2.848, 3.5],
  [3.016, 3.5],
  [3.022, 3.5],
  [2.953, 3.5],
  [3.042, 3.5],
  [2.994, 3.5],
  [3.683, '基準値以上'],
];

describe("seed 001's rule: 3.000, or 2.500 where the baseline is below 2.500", () => {
  it.each(SEED_001)('baseline %s → the published target %s', (baseline, target) => {
    expect(staffTarget(baseline).value).toBe(target ?? 3);
  });

  it.each<[number, KpiTarget]>([
    [2.499, { value: 2.5, basis: 'lowBaseline' }],
    [2.4996, { value: 3, basis: 'aim' }], // published as 2.500: not below 2.500
    [2.5, { value: 3, basis: 'aim' }],
    [1.2, { value: 2.5, basis: 'lowBaseline' }],
    [3.4, { value: 3, basis: 'aim' }], // the seed sets 3.000 whatever the baseline above it
  ])('at the edge: %s → %o', (baseline, target) => {
    expect(staffTarget(baseline)).toEqual(target);
  });

  it('the template carries the 15 published baselines and targets, in order', () => {
    expect(STAFF_SURVEY.questions).toHaveLength(15);
    expect(STAFF_SURVEY.questions.map((q) => (q.kind === 'likert' ? q.kpi : null))).toEqual(
      SEED_001.map(([baseline, target]) => ({ baseline, target: target ?? 3 })),
    );
    expect(Math.min(...SEED_001.map(([b]) => b))).toBe(2.024);
    expect(Math.max(...SEED_001.map(([b]) => b))).toBe(2.972);
  });
});

describe("seed 004's benchmark: 3.5; below 2.5 it becomes 3; at 3.5 or more, this year's figure or more", () => {
  it.each(SEED_004)('baseline %s → the published target %s', (baseline, target) => {
    const got = dxNextBenchmark(baseline);
    if (target === '基準値以上') expect(got).toEqual({ value: baseline, basis: 'keepUp' });
    else expect(got).toEqual({ value: target, basis: 'benchmark' });
  });

  it('the template carries the 8 published baselines and targets', () => {
    expect(DX_SURVEY.questions.map((q) => (q.kind === 'likert' ? q.kpi : null))).toEqual(
      SEED_004.map(([baseline, target]) => ({ baseline, target: target === '基準値以上' ? baseline : target })),
    );
  });

  it.each<[string, number, KpiTarget, KpiTarget]>([
    ['below 2.5 → 3', 2.499, DX_BENCHMARK, { value: 3, basis: 'raisedFloor' }],
    ['2.5 exactly is not below', 2.5, DX_BENCHMARK, DX_BENCHMARK],
    ['published as 2.500 is not below', 2.4996, DX_BENCHMARK, DX_BENCHMARK],
    ['3.5 exactly → 3.5 or more', 3.5, DX_BENCHMARK, { value: 3.5, basis: 'keepUp' }],
    ['3.72 → 3.72 or more', 3.72, DX_BENCHMARK, { value: 3.72, basis: 'keepUp' }],
    ['between the bounds: no update', 3.2, { value: 3, basis: 'raisedFloor' }, { value: 3, basis: 'raisedFloor' }],
    ['a fall after an update to 3.8 keeps 3.8', 3.3, { value: 3.8, basis: 'keepUp' }, { value: 3.8, basis: 'keepUp' }],
    ['a rise past a kept figure raises it', 3.9, { value: 3.8, basis: 'keepUp' }, { value: 3.9, basis: 'keepUp' }],
  ])('%s', (_, value, current, next) => {
    expect(dxNextBenchmark(value, current)).toEqual(next);
  });
});

describe('met or not, and a year-by-year track', () => {
  it.each([
    [2.9996, { value: 3, basis: 'aim' } as const, true], // shown as 3.000
    [2.9994, { value: 3, basis: 'aim' } as const, false],
    [3.683, { value: 3.683, basis: 'keepUp' } as const, true],
    [3.682, { value: 3.683, basis: 'keepUp' } as const, false],
  ])('%s against %o is met: %s', (value, target, met) => {
    expect(isMet(value, target)).toBe(met);
  });

  it('seed 001 keeps the target its baseline set, whatever the years bring', () => {
    expect(
      kpiTrack('staff', 2.29, [
        { year: 2025, value: 2.61 },
        { year: 2024, value: 2.41 },
        { year: 2026, value: null },
      ]),
    ).toEqual([
      { year: 2024, value: 2.41, target: { value: 2.5, basis: 'lowBaseline' }, met: false },
      { year: 2025, value: 2.61, target: { value: 2.5, basis: 'lowBaseline' }, met: true },
      { year: 2026, value: null, target: { value: 2.5, basis: 'lowBaseline' }, met: null },
    ]);
  });

  it("seed 004's benchmark moves with each year's shown value, and a year with none moves nothing", () => {
    const rows = kpiTrack('dx', 3.043, [
      { year: 2025, value: 3.61 }, // against 3.5: met; next 3.61 or more
      { year: 2026, value: null }, // not shown: next still 3.61
      { year: 2027, value: 3.4 }, // against 3.61: not met; between bounds, no update
      { year: 2028, value: 2.3 }, // against 3.61: not met; below 2.5 → 3
      { year: 2029, value: 3.05 }, // against 3: met
    ]);
    expect(rows.map((r) => [r.year, r.target.value, r.target.basis, r.met])).toEqual([
      [2025, 3.5, 'benchmark', true],
      [2026, 3.61, 'keepUp', null],
      [2027, 3.61, 'keepUp', false],
      [2028, 3.61, 'keepUp', false],
      [2029, 3, 'raisedFloor', true],
    ]);
    // 2029's 3.05 is between the bounds: the next survey keeps 3.
    expect(
      nextTarget('dx', 3.043, [
        { year: 2025, value: 3.61 },
        { year: 2028, value: 2.3 },
        { year: 2029, value: 3.05 },
      ]),
    ).toEqual({
      value: 3,
      basis: 'raisedFloor',
    });
    expect(nextTarget('dx', 3.043, [{ year: 2025, value: 3.61 }])).toEqual({ value: 3.61, basis: 'keepUp' });
    expect(nextTarget('dx', 3.043, [])).toEqual({ value: 3.5, basis: 'benchmark' });
    expect(nextTarget('staff', 2.29, [{ year: 2025, value: 3.61 }])).toEqual({ value: 2.5, basis: 'lowBaseline' });
  });

  it('the first target of a 3.683 baseline is 3.683 or more', () => {
    expect(firstTarget('dx', 3.683)).toEqual({ value: 3.683, basis: 'keepUp' });
    expect(firstTarget('staff', 2.166)).toEqual({ value: 2.5, basis: 'lowBaseline' });
  });

  it.each([
    [2.4995, 2.5],
    [2.0245, 2.025],
    [3.04349, 3.043],
    [2.972, 2.972],
  ])('kpiRound(%s) = %s', (x, y) => {
    expect(kpiRound(x)).toBe(y);
  });
});
