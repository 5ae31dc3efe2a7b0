import { nextDelay } from './backoff';
import type { SyncEngine, SyncReport } from './engine';
import type { Clock } from './ports';

export interface Timers<H> {
  setTimeout(fn: () => void, ms: number): H;
  clearTimeout(handle: H): void;
}

export interface SyncLoopOptions<H> extends Timers<H> {
  clock: Clock;
  /** A draw in [0, 1) for the jitter of directory retries; Math.random by default. */
  random?: () => number;
  /** Pull at least this often while the app stays open; by default only on triggers and retries. */
  refreshMs?: number;
}

export interface SyncLoop {
  /**
   * Asks for a sync (app start, online event, a new outbox entry, a visible tab). Returns when a sync that
   * started after this call has finished. Pass `ignoreBackoff` when waiting can no longer help, i.e. on the
   * online event.
   */
  trigger(options?: { ignoreBackoff?: boolean }): Promise<void>;
  /** On sign-out: no further runs; one in progress finishes. */
  stop(): void;
}

/**
 * A retry sooner than this is not worth a timer: full jitter may draw a delay near 0, and a run that keeps
 * failing at once must not spin.
 */
export const MIN_RETRY_MS = 250;
/**
 * Another tab holds the outbox lock. Its loop sends until the shared outbox is empty, but an entry written just
 * after its last look would wait for the next trigger; looking again shortly closes that gap.
 */
export const LOCKED_RETRY_MS = 5_000;

/**
 * Runs `engine.syncNow` on triggers and on a timer, one run at a time per tab: triggers that arrive during a
 * run are merged into one more run after it. The next timer is the earliest of the outbox's next due entry, a
 * backed-off retry of a failed pull, and the refresh interval. No DOM here: the app passes window timers and
 * wires the events.
 */
export function createSyncLoop<H>(engine: Pick<SyncEngine, 'syncNow'>, options: SyncLoopOptions<H>): SyncLoop {
  const { clock } = options;
  const random = options.random ?? Math.random;
  let running: Promise<void> | null = null;
  let queued: { ignoreBackoff: boolean } | null = null;
  let timer: { handle: H } | null = null;
  let failures = 0;
  let stopped = false;

  const clearTimer = () => {
    if (timer !== null) options.clearTimeout(timer.handle);
    timer = null;
  };

  const schedule = (report: SyncReport | null) => {
    const now = clock.now();
    const candidates: number[] = [];
    if (options.refreshMs !== undefined) candidates.push(now + options.refreshMs);
    if (report !== null && 'nextAttemptAt' in report.push && report.push.nextAttemptAt !== null) {
      candidates.push(report.push.nextAttemptAt);
    }
    if (report?.push.outcome === 'locked') candidates.push(now + LOCKED_RETRY_MS);
    // Push failures back off through their entries' notBefore; these are the failures nothing else retries.
    const failed =
      report === null ||
      (report.push.outcome === 'error' && report.push.problem.retryable) ||
      (report.pull?.outcome === 'failed' && report.pull.problem.retryable);
    if (failed) candidates.push(now + nextDelay(++failures, random()));
    else if (report.pull?.outcome === 'done') failures = 0;
    if (candidates.length === 0) return;
    const at = Math.min(...candidates);
    timer = { handle: options.setTimeout(() => void trigger(), Math.max(at - now, MIN_RETRY_MS)) };
  };

  const run = async (first: { ignoreBackoff: boolean }) => {
    let next: { ignoreBackoff: boolean } | null = first;
    try {
      while (next !== null && !stopped) {
        clearTimer();
        let report: SyncReport | null = null;
        try {
          report = await engine.syncNow(next);
        } catch {
          // syncNow reports its failures instead of throwing; if it throws anyway, retry later like a failure.
        }
        next = queued;
        queued = null;
        if (next === null && !stopped) schedule(report);
      }
    } finally {
      running = null;
    }
  };

  const trigger = (opts: { ignoreBackoff?: boolean } = {}): Promise<void> => {
    if (stopped) return Promise.resolve();
    const ignoreBackoff = opts.ignoreBackoff ?? false;
    if (running !== null) {
      queued = { ignoreBackoff: ignoreBackoff || (queued?.ignoreBackoff ?? false) };
      return running;
    }
    running = run({ ignoreBackoff });
    return running;
  };

  return {
    trigger,
    stop() {
      stopped = true;
      queued = null;
      clearTimer();
    },
  };
}
