/** The first retry waits up to this long. */
export const BACKOFF_BASE_MS = 1_000;
/** No retry waits longer: an outbox entry is tried at least every five minutes while the app runs. */
export const BACKOFF_CAP_MS = 5 * 60_000;

/**
 * Delay before the next try after `attempts` failed ones: exponential with full jitter, a uniform draw in
 * [0, min(cap, base * 2^(attempts-1))]. Full jitter spreads out the thousands of devices that come back online
 * together at 8:30, instead of having them retry in lockstep.
 *
 * `random` is a draw in [0, 1) (pass `Math.random()`); out-of-range values are clamped, and NaN counts as the
 * longest wait, so a broken source of randomness cannot make a device retry in a tight loop.
 */
export function nextDelay(attempts: number, random: number): number {
  if (!(attempts >= 1)) return 0;
  // 2^30 s is far past the cap, and capping the exponent keeps the arithmetic finite for any attempts.
  const exponent = Math.min(Math.floor(attempts) - 1, 30);
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** exponent);
  const r = Number.isNaN(random) ? 1 : Math.min(Math.max(random, 0), 1);
  return Math.floor(r * ceiling);
}
