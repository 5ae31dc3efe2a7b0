import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, nextDelay } from './backoff';

describe('nextDelay', () => {
  it.each([
    // attempts, random, expected ms
    [0, 0.5, 0],
    [-1, 0.5, 0],
    [1, 0, 0],
    [1, 0.5, 500],
    [1, 0.999, 999],
    [2, 0.5, 1_000],
    [3, 0.5, 2_000],
    [4, 0.25, 2_000],
    [9, 0.5, 128_000],
    [9, 0.999999, 255_999],
    // 2^9 s = 512 s is over the 300 s cap
    [10, 0.5, 150_000],
    [10, 0.999999, 299_999],
    [1_000, 0.5, 150_000],
    [Number.MAX_SAFE_INTEGER, 0.5, 150_000],
    // out-of-range draws are clamped; NaN waits the longest
    [3, -0.3, 0],
    [3, 1.7, 4_000],
    [3, Number.NaN, 4_000],
  ])('attempts %d, random %d -> %d ms', (attempts, random, expected) => {
    expect(nextDelay(attempts, random)).toBe(expected);
  });

  it('never exceeds the cap and never goes negative, for any attempts and draw', () => {
    for (let attempts = 1; attempts <= 64; attempts++) {
      for (const r of [0, 0.1, 0.5, 0.9, 0.999999]) {
        const d = nextDelay(attempts, r);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(BACKOFF_CAP_MS);
        expect(Number.isInteger(d)).toBe(true);
      }
    }
  });

  it('grows with attempts for the same draw until the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((a) => nextDelay(a, 0.9));
    expect(delays).toEqual([900, 1_800, 3_600, 7_200, 14_400, 28_800, 57_600, 115_200, 230_400, 270_000, 270_000]);
  });
});
