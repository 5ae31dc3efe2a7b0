import { describe, expect, it, vi } from 'vitest';
import { SyncEngine } from './engine';
import { TransportError } from './ports';
import { applyPending } from './reconcile';
import { createWorld, profileUpdate } from './testing';

describe('syncNow', () => {
  it('pushes first, then pulls, so one’s own edit comes back from the server in the same round', async () => {
    const w = createWorld();
    const { engine, transport } = w.openTab('A');
    await engine.syncNow();
    w.outbox.add(profileUpdate('mut-000001', '  保育課から異動してきました  '));
    const order: string[] = [];
    transport.intercept.push = (_m, forward) => {
      order.push('push');
      return forward();
    };
    transport.intercept.directory = (_s, forward) => {
      order.push('sync');
      return forward();
    };
    const phases: string[] = [];
    engine.subscribe((s) => phases.push(s.phase));
    w.clock.advance(1_000);

    const report = await engine.syncNow();

    expect(order).toEqual(['push', 'sync']);
    expect(phases).toEqual(['pushing', 'pulling', 'idle']);
    expect(report.push).toMatchObject({ outcome: 'done', acknowledged: 1 });
    expect(report.pull).toMatchObject({ outcome: 'done', changes: 1 });
    // The server's cleaned form is on the device, and with nothing pending it is what shows.
    const mine = w.directory.records.get(w.selfId);
    expect(mine?.intro).toBe('保育課から異動してきました');
    expect(mine && applyPending(mine, [], w.selfId).intro).toBe('保育課から異動してきました');
    expect(report.status).toEqual({
      phase: 'idle',
      pending: 0,
      lastSyncedAt: w.clock.now(),
      error: null,
      errorCode: null,
    });
  });

  it('still pulls the directory when the server refuses a push request, and says so', async () => {
    const w = createWorld();
    w.outbox.add(profileUpdate('mut-000001', '何か'));
    const { engine, transport } = w.openTab('A');
    transport.intercept.push = () => Promise.reject(new TransportError('payload too large', 413));

    const report = await engine.syncNow();

    expect(report.pull).toMatchObject({ outcome: 'done' });
    expect(w.directory.records.get(w.selfId)).toEqual(w.server.records.get(w.selfId));
    expect(w.outbox.get('mut-000001')).toMatchObject({ attempts: 0 });
    expect(report.status).toMatchObject({
      phase: 'error',
      errorCode: 'refused',
      error: { code: 'sync.refused', params: { status: 413 } },
      lastSyncedAt: w.clock.now(),
    });
  });

  it('does not pull when signed out (401 on push), as the pull would fail the same way', async () => {
    const w = createWorld();
    w.outbox.add(profileUpdate('mut-000001', '何か'));
    const { engine, transport } = w.openTab('A');
    transport.failWith = new TransportError('expired', 401);

    const report = await engine.syncNow();

    expect(report.pull).toBeNull();
    expect(transport.calls.sync).toBe(0);
    expect(report.status.errorCode).toBe('unauthenticated');
  });

  it('reports a failing device store as an error, to the app’s log too, without throwing', async () => {
    const w = createWorld();
    w.outbox.add(profileUpdate('mut-000001', '何か'));
    const quota = new Error('QuotaExceededError');
    vi.spyOn(w.outbox, 'acknowledge').mockRejectedValue(quota);
    const onUnexpectedError = vi.fn();
    const engine = new SyncEngine(
      {
        transport: w.openTab('A').transport,
        directory: w.directory,
        outbox: w.outbox,
        locks: w.locks.tab('A'),
        clock: w.clock,
      },
      { random: () => 0.5, onUnexpectedError },
    );

    const report = await engine.syncNow();

    expect(report.push).toEqual({ outcome: 'error', problem: expect.objectContaining({ code: 'internal' }) });
    expect(onUnexpectedError).toHaveBeenCalledWith(quota);
    expect(report.status).toMatchObject({
      phase: 'error',
      errorCode: 'internal',
      error: { code: 'sync.internal', params: {} },
    });
    // The lock was released despite the failure: the next push can run.
    expect(w.locks.heldBy('outbox')).toBeNull();
  });

  it('tells subscribers of each change until they unsubscribe', async () => {
    const w = createWorld();
    const { engine } = w.openTab('A');
    const listener = vi.fn();
    const unsubscribe = engine.subscribe(listener);
    await engine.syncNow();
    const calls = listener.mock.calls.length;
    unsubscribe();
    await engine.syncNow();

    expect(calls).toBe(3);
    expect(listener).toHaveBeenCalledTimes(3);
    expect(listener).toHaveBeenLastCalledWith(engine.getStatus());
  });
});
