import { describe, expect, it, vi } from 'vitest';
import { nextDelay } from './backoff';
import { LOCKED_RETRY_MS, createSyncLoop } from './loop';
import { TransportError } from './ports';
import { createWorld, deferred, profileUpdate } from './testing';

function setup(options: { refreshMs?: number } = {}) {
  const w = createWorld();
  const tab = w.openTab('A');
  let running = 0;
  let overlapped = false;
  const runs: { ignoreBackoff: boolean }[] = [];
  const syncNow = tab.engine.syncNow.bind(tab.engine);
  // Wraps the real engine only to observe it: how often it runs, with what, and whether runs overlap.
  const spy = vi.spyOn(tab.engine, 'syncNow').mockImplementation(async (opts = {}) => {
    runs.push({ ignoreBackoff: opts.ignoreBackoff ?? false });
    overlapped ||= running > 0;
    running++;
    try {
      return await syncNow(opts);
    } finally {
      running--;
    }
  });
  const loop = createSyncLoop(tab.engine, {
    clock: w.clock,
    setTimeout: w.clock.setTimeout,
    clearTimeout: w.clock.clearTimeout,
    random: () => 0.5,
    ...options,
  });
  return { ...w, ...tab, loop, runs, spy, overlapped: () => overlapped };
}

describe('createSyncLoop', () => {
  it('merges triggers that arrive during a run into one more run, never two at once', async () => {
    const s = setup();
    const gate = deferred();
    s.transport.intercept.directory = async (_since, forward) => {
      await gate.promise;
      return forward();
    };

    const first = s.loop.trigger();
    const second = s.loop.trigger();
    const third = s.loop.trigger({ ignoreBackoff: true });
    gate.resolve();
    await Promise.all([first, second, third]);

    expect(s.runs).toEqual([{ ignoreBackoff: false }, { ignoreBackoff: true }]);
    expect(s.overlapped()).toBe(false);
  });

  it('runs again at the earliest notBefore after a failed send, and sends then', async () => {
    const s = setup();
    s.outbox.add(profileUpdate('mut-000001', '朝の打ち合わせ中に書いた'));
    s.transport.offline = true;

    await s.loop.trigger();

    const notBefore = s.outbox.get('mut-000001')?.notBefore ?? 0;
    expect(notBefore).toBe(s.clock.now() + nextDelay(1, 0.5));
    expect(s.clock.timerDueTimes()).toEqual([notBefore]);

    s.transport.offline = false;
    s.clock.advance(nextDelay(1, 0.5));
    await vi.waitFor(() => expect(s.outbox.entries).toEqual([]));
    expect(s.runs).toHaveLength(2);
    expect(s.server.applied.get('mut-000001')).toBe(1);
    expect(s.clock.timerDueTimes()).toEqual([]);
  });

  it('retries a failed directory pull with growing backoff, and stops retrying once it succeeds', async () => {
    const s = setup();
    s.transport.failWith = new TransportError('unavailable', 503);

    await s.loop.trigger();
    const t1 = s.clock.now();
    expect(s.clock.timerDueTimes()).toEqual([t1 + nextDelay(1, 0.5)]);

    s.clock.advance(nextDelay(1, 0.5));
    await vi.waitFor(() => expect(s.runs).toHaveLength(2));
    await vi.waitFor(() => expect(s.clock.timerDueTimes()).toEqual([s.clock.now() + nextDelay(2, 0.5)]));

    s.transport.failWith = null;
    s.clock.advance(nextDelay(2, 0.5));
    await vi.waitFor(() => expect(s.engine.getStatus().phase).toBe('idle'));
    expect(s.runs).toHaveLength(3);
    expect(s.clock.timerDueTimes()).toEqual([]);
  });

  it('waits for a new trigger, not a timer, when signed out', async () => {
    const s = setup();
    s.outbox.add(profileUpdate('mut-000001', '何か'));
    s.transport.failWith = new TransportError('expired', 401);

    await s.loop.trigger();

    expect(s.engine.getStatus().errorCode).toBe('unauthenticated');
    expect(s.clock.timerDueTimes()).toEqual([]);
  });

  it('looks again shortly when another tab held the outbox lock', async () => {
    const s = setup();
    const release = deferred();
    const otherTab = s.locks.tab('B').withLock('outbox', { ifAvailable: false }, () => release.promise);

    await s.loop.trigger();

    expect(s.clock.timerDueTimes()).toEqual([s.clock.now() + LOCKED_RETRY_MS]);
    release.resolve();
    await otherTab;
  });

  it('refreshes on the interval when asked to, and does nothing more after stop', async () => {
    const s = setup({ refreshMs: 15 * 60_000 });

    await s.loop.trigger();
    expect(s.clock.timerDueTimes()).toEqual([s.clock.now() + 15 * 60_000]);
    s.clock.advance(15 * 60_000);
    await vi.waitFor(() => expect(s.runs).toHaveLength(2));

    s.loop.stop();
    expect(s.clock.timerDueTimes()).toEqual([]);
    await s.loop.trigger();
    expect(s.runs).toHaveLength(2);
  });
});
