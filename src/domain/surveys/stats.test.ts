import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { describe, expect, it } from 'vitest';
import type { Fold, Moments } from './model';
import { compareRounds, effectSize, formatP, momentsOf, welchTest } from './stats';

/**
 * Reference figures computed with SciPy 1.17.1, a different implementation from the one under test:
 * `scipy.stats.ttest_ind_from_stats(m2, sqrt(v2), n2, m1, sqrt(v1), n1, equal_var=False)` for t and
 * p; df by the Welch–Satterthwaite formula; the interval with `scipy.stats.t.ppf(0.975, df)`; d over
 * the pooled SD. Columns: n1 mean1 var1 (before), n2 mean2 var2 (after), t, df, p, low, high, d.
 */
const SCIPY: [number, number, number, number, number, number, number, number, number, number, number, number][] = [
  // SciPy's own documentation example (means 15 and 12, variances 87.5 and 39), rounds swapped.
  [
    13, 15.0, 87.5, 11, 12.0, 39.0, -0.9358461935556048, 20.984611233429916, 0.35999818693244234, -9.666822144413295,
    3.6668221444132953, -0.37080992435478316,
  ],
  [
    400, 2.577, 0.62, 380, 2.7, 0.58, 2.217632890560756, 777.7476174618566, 0.026868155042142624, 0.014122052695549628,
    0.23187794730445083, 0.15872432647539753,
  ],
  [
    1736, 2.29, 0.71, 1900, 2.34, 0.69, 1.7993714862691486, 3594.6791581638163, 0.0720437708576982,
    -0.004480805037095442, 0.10448080503709509, 0.059780704026250485,
  ],
  [
    5, 2.0, 0.5, 5, 3.2, 0.7, 2.4494897427831783, 7.783783783783783, 0.040772828524021185, 0.06480768427622019,
    2.33519231572378, 1.549193338482967,
  ],
  [
    30, 3.043, 1.1, 12, 3.5, 0.4, 1.7272976416521677, 33.24958638619713, 0.09339441702728568, -0.08112869502866793,
    0.9951286950286676, 0.4797255873084707,
  ],
  [
    950, 2.608, 0.64, 1010, 2.72, 0.66, 3.074383845509091, 1953.883561197062, 0.002138561761545417, 0.04055412893860601,
    0.1834458710613942, 0.1388861684419907,
  ],
  [
    200, 2.6, 0.64, 210, 2.8, 0.64, 2.530304136737366, 407.02612811392044, 0.011772471105452043, 0.044618729196497314,
    0.3553812708035021, 0.24999999999999967,
  ],
  [
    60, 2.9, 0.6, 55, 2.5, 0.62, -2.7425111706914738, 111.78675162631428, 0.007102610549087997, -0.6889925279369746,
    -0.11100747206302514, -0.5123333699825505,
  ],
];

const m = (n: number, mean: number, variance: number): Moments => ({ n, mean, variance });

/** Closeness in relative terms (absolute near zero). */
function near(actual: number, expected: number, rel = 1e-9) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));
}

/**
 * The t density integrated by Simpson's rule from −|t| outwards, with x = −|t|/u to make the tail
 * finite: an independent way to the same two-sided p, sharing no code with stdlib's incomplete beta.
 */
function pBySimpson(t: number, df: number): number {
  const logC = lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  const pdf = (x: number) => Math.exp(logC - ((df + 1) / 2) * Math.log1p((x * x) / df));
  const a = Math.abs(t);
  // ∫_{-∞}^{-a} f(x) dx = ∫_0^1 f(−a/u) · a/u² du
  const g = (u: number) => (u === 0 ? 0 : pdf(a / u) * (a / (u * u)));
  const steps = 20000;
  const h = 1 / steps;
  let s = g(0) + g(1);
  for (let i = 1; i < steps; i++) s += g(i * h) * (i % 2 ? 4 : 2);
  return 2 * ((s * h) / 3);
}

/** Lanczos log-gamma (g = 7), good to ~1e-15 for the arguments here. */
function lgamma(z: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - lgamma(1 - z);
  const x = z - 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

describe('the t distribution used (stdlib) against closed forms', () => {
  it.each([-3, -1, -0.2, 0, 0.5, 2, 10])('df 1 (Cauchy) and df 2 at t = %s', (t) => {
    near(tCdf(t, 1), 0.5 + Math.atan(t) / Math.PI, 1e-12);
    near(tCdf(t, 2), 0.5 + t / (2 * Math.sqrt(2 + t * t)), 1e-12);
  });
  it.each([
    [1, 12.706204736174694],
    [2, 4.302652729749462],
    [5, 2.5705818356363146],
    [10, 2.228138851986274],
    [30, 2.0422724563012378],
    [100, 1.9839715185235518],
    [1e6, 1.959966356814107],
  ])('the 97.5%% point at df %s is %s (SciPy)', (df, q) => {
    near(tQuantile(0.975, df), q, 1e-9);
  });
});

describe('welchTest from aggregates', () => {
  it.each(SCIPY)('n %s mean %s var %s → n %s mean %s var %s', (n1, m1, v1, n2, m2, v2, t, df, p, low, high, d) => {
    const r = welchTest(m(n1, m1, v1), m(n2, m2, v2));
    expect(r).not.toBeNull();
    near(r!.t, t);
    near(r!.df, df);
    near(r!.p, p, 1e-8);
    near(r!.ci95.low, low, 1e-8);
    near(r!.ci95.high, high, 1e-8);
    near(r!.d, d);
    near(r!.difference, m2 - m1);
    // The same p by a method that shares nothing with stdlib or SciPy.
    near(r!.p, pBySimpson(r!.t, r!.df), 1e-6);
  });

  it('is symmetric: swapping the rounds flips t, d and the interval, not p or df', () => {
    const a = welchTest(m(60, 2.9, 0.6), m(55, 2.5, 0.62))!;
    const b = welchTest(m(55, 2.5, 0.62), m(60, 2.9, 0.6))!;
    near(b.t, -a.t);
    near(b.d, -a.d);
    near(b.p, a.p);
    near(b.df, a.df);
    near(b.ci95.low, -a.ci95.high);
  });

  it.each([
    ['a group of one', m(1, 3, 0), m(10, 2, 0.5)],
    ['no spread in either round', m(10, 3, 0), m(12, 2, 0)],
  ])('has no answer for %s', (_, a, b) => {
    expect(welchTest(a, b)).toBeNull();
  });

  it('keeps a tiny p (no 1 − F cancellation)', () => {
    const r = welchTest(m(2000, 2.0, 0.5), m(2000, 2.6, 0.5))!;
    expect(r.p).toBeGreaterThan(0);
    expect(r.p).toBeLessThan(1e-100);
  });
});

describe('momentsOf a fold', () => {
  it.each<[string, number[]]>([
    ['a spread of 4-point answers', [4, 3, 3, 2, 1, 4, 4, 2]],
    ['all the same', [3, 3, 3, 3, 3]],
    ['one answer', [2]],
    ['5-point answers', [5, 1, 3, 4, 4, 2, 5]],
  ])('%s: the same mean and sample variance as from the answers', (_, xs) => {
    const fold: Fold = {
      n: xs.length,
      sum: xs.reduce((s, x) => s + x, 0),
      sumSq: xs.reduce((s, x) => s + x * x, 0),
      counts: [],
    };
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.length < 2 ? 0 : xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
    const got = momentsOf(fold);
    expect(got.n).toBe(xs.length);
    near(got.mean, mean, 1e-12);
    near(got.variance, variance, 1e-12);
  });
  it('of no answers is n 0', () => {
    expect(momentsOf({ n: 0, sum: 0, sumSq: 0, counts: [0, 0, 0, 0] })).toEqual({ n: 0, mean: 0, variance: 0 });
  });
});

describe("Cohen's size words", () => {
  it.each([
    [0, 'negligible'],
    [0.1999, 'negligible'],
    [0.2, 'small'],
    [-0.2, 'small'],
    [0.4999, 'small'],
    [0.5, 'medium'],
    [-0.79, 'medium'],
    [0.8, 'large'],
    [-2, 'large'],
  ])('|d| = %s is %s', (d, size) => {
    expect(effectSize(d)).toBe(size);
  });
});

describe('the verdict: a change only when p < 0.05 and |d| ≥ 0.2, never below K', () => {
  it.each<[string, Moments, Moments, number, object]>([
    ['a small rise', m(200, 2.6, 0.64), m(210, 2.8, 0.64), 5, { kind: 'rise', size: 'small' }],
    ['a medium fall', m(60, 2.9, 0.6), m(55, 2.5, 0.62), 5, { kind: 'fall', size: 'medium' }],
    ['a large rise on small groups', m(5, 2.0, 0.5), m(5, 3.2, 0.7), 5, { kind: 'rise', size: 'large' }],
    [
      'significant but negligible (p 0.002, d 0.14)',
      m(950, 2.608, 0.64),
      m(1010, 2.72, 0.66),
      5,
      { kind: 'noChange', reason: 'negligible', size: 'negligible' },
    ],
    [
      'a medium-sized difference that is not significant (p 0.09, d 0.48)',
      m(30, 3.043, 1.1),
      m(12, 3.5, 0.4),
      5,
      { kind: 'noChange', reason: 'notSignificant', size: 'small' },
    ],
    ['the earlier round below K', m(4, 2.0, 0.5), m(50, 3.2, 0.7), 5, { kind: 'notOffered', reason: 'belowK' }],
    ['the later round below K', m(50, 2.0, 0.5), m(4, 3.2, 0.7), 5, { kind: 'notOffered', reason: 'belowK' }],
    ['both at K exactly', m(5, 2.0, 0.5), m(5, 3.2, 0.7), 5, { kind: 'rise' }],
    ['a group of 5 when K is 10', m(5, 2.0, 0.5), m(5, 3.2, 0.7), 10, { kind: 'notOffered', reason: 'belowK' }],
    ['no spread', m(10, 3, 0), m(10, 3, 0), 5, { kind: 'notOffered', reason: 'noSpread' }],
  ])('%s', (_, before, after, k, expected) => {
    expect(compareRounds(before, after, k)).toMatchObject(expected);
  });
});

describe('formatP', () => {
  it.each([
    [0.003, '=', '0.003'],
    [0.0004, '<', '0.001'],
    [0.001, '=', '0.001'],
    [0.0496, '=', '0.0496'],
    [0.04951, '=', '0.0495'],
    [0.0504, '=', '0.050'],
    [0.36, '=', '0.360'],
    [1, '=', '1.000'],
  ])('%s → p %s %s', (p, op, value) => {
    expect(formatP(p)).toEqual({ op, value });
  });
});
