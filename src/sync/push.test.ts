import { describe, expect, it } from 'vitest';
import type { Mutation } from '../domain/mutations';
import { nextDelay } from './backoff';
import { TransportError } from './ports';
import { createWorld, deferred, profileUpdate } from './testing';

const mutationId = (i: number) => `mut-${String(i).padStart(6, '0')}`;

describe('pushOutbox', () => {
  it('sends what is due and removes what the server applied', async () => {
    const w = createWorld();
    w.outbox.add(profileUpdate(mutationId(1), '窓口担当です'));
    w.outbox.add(profileUpdate(mutationId(2), '窓口担当です。よろしくお願いします'));
    const { engine, transport } = w.openTab('A');

    const report = await engine.pushOutbox();

    expect(report).toMatchObject({ outcome: 'done', sent: 2, acknowledged: 2, rejected: 0, remaining: 0 });
    expect(transport.calls.push).toBe(1);
    expect(w.outbox.entries).toEqual([]);
    expect(w.server.records.get(w.selfId)?.intro).toBe('窓口担当です。よろしくお願いします');
    expect(engine.getStatus()).toMatchObject({ phase: 'idle', pending: 0, error: null });
  });

  it('sends more than one batch in order, at most 50 per request, until the outbox is empty', async () => {
    const w = createWorld();
    for (let i = 1; i <= 120; i++) w.outbox.add(profileUpdate(mutationId(i), `版${i}`));
    const { engine, transport } = w.openTab('A');
    const batches: string[][] = [];
    transport.intercept.push = (mutations, forward) => {
      batches.push(mutations.map((m) => m.id));
      return forward();
    };

    const report = await engine.pushOutbox();

    expect(batches.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(batches.flat()).toEqual(Array.from({ length: 120 }, (_, i) => mutationId(i + 1)));
    expect(report).toMatchObject({ outcome: 'done', sent: 120, acknowledged: 120, remaining: 0 });
    expect(w.server.records.get(w.selfId)?.intro).toBe('版120');
  });

  it('keeps a rejected mutation in the rejected list with the server code and params, and applies the rest', async () => {
    const w = createWorld();
    w.outbox.add(profileUpdate(mutationId(1), 'あ'.repeat(401)));
    w.outbox.add(profileUpdate(mutationId(2), '短い自己紹介'));
    const { engine } = w.openTab('A');

    const report = await engine.pushOutbox();

    expect(report).toMatchObject({ outcome: 'done', acknowledged: 1, rejected: 1, remaining: 0 });
    expect(w.outbox.entries).toEqual([]);
    expect(w.outbox.rejected).toHaveLength(1);
    expect(w.outbox.rejected[0]?.entry.mutation).toEqual(profileUpdate(mutationId(1), 'あ'.repeat(401)));
    expect(w.outbox.rejected[0]?.refusal).toEqual({
      code: 'edit.introTooLong',
      params: { max: 400, field: 'patch.intro' },
    });
    expect(w.server.applied.has(mutationId(1))).toBe(false);
    expect(w.server.records.get(w.selfId)?.intro).toBe('短い自己紹介');
  });

  it('an older server without codes: its message is kept as it came; neither code nor message: "not accepted"', async () => {
    const w = createWorld();
    w.outbox.add(profileUpdate(mutationId(1), 'ひとつめ'));
    w.outbox.add(profileUpdate(mutationId(2), 'ふたつめ'));
    const { engine, transport } = w.openTab('A');
    transport.intercept.push = async (mutations) => ({
      results: [
        { id: mutations[0]?.id ?? '', status: 'rejected', message: '自己紹介は400文字以内で入力してください' },
        { id: mutations[1]?.id ?? '', status: 'rejected' },
      ],
    });

    await engine.pushOutbox();

    expect(w.outbox.rejected.map((r) => r.refusal)).toEqual([
      { message: '自己紹介は400文字以内で入力してください' },
      { code: 'sync.rejectedDefault' },
    ]);
  });

  it('backoff respected: a failed entry is not resent before its notBefore, then is', async () => {
    const w = createWorld();
    w.outbox.add(profileUpdate(mutationId(1), '送信テスト'));
    const { engine, transport } = w.openTab('A');
    transport.failWith = new TransportError('unavailable', 503);
    const t0 = w.clock.now();

    const first = await engine.pushOutbox();

    const firstWait = nextDelay(1, 0.5);
    expect(firstWait).toBe(500);
    expect(first).toMatchObject({ outcome: 'failed', problem: { code: 'unavailable' }, nextAttemptAt: t0 + firstWait });
    expect(w.outbox.get(mutationId(1))).toMatchObject({
      attempts: 1,
      notBefore: t0 + firstWait,
      lastError: 'sync.unavailable',
    });
    expect(engine.getStatus()).toMatchObject({ phase: 'error', errorCode: 'unavailable', pending: 1 });

    transport.failWith = null;
    w.clock.advance(firstWait - 1);
    const early = await engine.pushOutbox();
    expect(transport.calls.push).toBe(1);
    expect(early).toMatchObject({ outcome: 'done', sent: 0, remaining: 1, nextAttemptAt: t0 + firstWait });

    // A second failure doubles the ceiling of the wait.
    transport.failWith = new TransportError('unavailable', 503);
    w.clock.advance(1);
    await engine.pushOutbox();
    expect(transport.calls.push).toBe(2);
    expect(w.outbox.get(mutationId(1))).toMatchObject({ attempts: 2, notBefore: w.clock.now() + nextDelay(2, 0.5) });

    transport.failWith = null;
    w.clock.advance(nextDelay(2, 0.5));
    const sent = await engine.pushOutbox();
    expect(sent).toMatchObject({ outcome: 'done', acknowledged: 1, remaining: 0 });
    expect(transport.calls.push).toBe(3);
    expect(w.server.applied.get(mutationId(1))).toBe(1);
  });

  it('lets an entry waiting out its backoff hold back newer ones, so a later edit never lands first', async () => {
    const w = createWorld();
    const { engine, transport } = w.openTab('A');
    w.outbox.add(profileUpdate(mutationId(1), '古い編集'));
    transport.failWith = new TransportError('unavailable', 503);
    await engine.pushOutbox();
    transport.failWith = null;
    w.outbox.add(profileUpdate(mutationId(2), '新しい編集'));

    const held = await engine.pushOutbox();

    expect(held).toMatchObject({ sent: 0, remaining: 2 });
    expect(w.server.received.size).toBe(0);

    w.clock.advance(nextDelay(1, 0.5));
    const order: string[] = [];
    transport.intercept.push = (mutations, forward) => {
      order.push(...mutations.map((m) => m.id));
      return forward();
    };
    await engine.pushOutbox();

    expect(order).toEqual([mutationId(1), mutationId(2)]);
    expect(w.server.records.get(w.selfId)?.intro).toBe('新しい編集');
  });

  it('sends at once with ignoreBackoff, for when the network has just come back', async () => {
    const w = createWorld();
    const { engine, transport } = w.openTab('A');
    w.outbox.add(profileUpdate(mutationId(1), 'オフライン中の編集'));
    transport.offline = true;
    await engine.pushOutbox();
    expect(w.outbox.get(mutationId(1))?.notBefore).toBeGreaterThan(w.clock.now());
    transport.offline = false;

    const report = await engine.pushOutbox({ ignoreBackoff: true });

    expect(report).toMatchObject({ outcome: 'done', acknowledged: 1, remaining: 0 });
  });

  it('401 stops without marking attempts: the entries stay as they were, and sign-in is asked for', async () => {
    const w = createWorld();
    for (let i = 1; i <= 60; i++) w.outbox.add(profileUpdate(mutationId(i), `版${i}`));
    const before = structuredClone(w.outbox.entries);
    const { engine, transport } = w.openTab('A');
    transport.failWith = new TransportError('token expired', 401, 'unauthenticated');

    const report = await engine.pushOutbox();

    expect(report).toMatchObject({ outcome: 'failed', sent: 0, nextAttemptAt: null, problem: { retryable: false } });
    expect(transport.calls.push).toBe(1);
    expect(w.outbox.entries).toEqual(before);
    expect(w.outbox.entries[0]).toMatchObject({ attempts: 0, notBefore: 0, lastError: null });
    expect(engine.getStatus()).toMatchObject({
      phase: 'error',
      errorCode: 'unauthenticated',
      error: { code: 'sync.unauthenticated', params: {} },
    });
  });

  it('offline (status 0) sets phase offline with a message for the user, and backs the entries off', async () => {
    const w = createWorld();
    w.outbox.add(profileUpdate(mutationId(1), '電波の届かない会議室で'));
    const { engine, transport } = w.openTab('A');
    transport.offline = true;
    const seen: string[] = [];
    engine.subscribe((s) => seen.push(s.phase));

    const report = await engine.syncNow();

    expect(report.pull).toBeNull();
    expect(transport.calls.sync).toBe(0);
    expect(seen).toEqual(['pushing', 'offline']);
    expect(engine.getStatus()).toEqual({
      phase: 'offline',
      pending: 1,
      lastSyncedAt: null,
      error: { code: 'sync.offline', params: {} },
      errorCode: 'offline',
    });
    expect(w.outbox.get(mutationId(1))).toMatchObject({ attempts: 1, lastError: 'sync.offline' });
  });

  it('returns without sending while another tab holds the outbox lock', async () => {
    const w = createWorld();
    w.outbox.add(profileUpdate(mutationId(1), '別タブ'));
    const { engine, transport } = w.openTab('A');
    const release = deferred();
    const otherTab = w.locks.tab('B').withLock('outbox', { ifAvailable: false }, () => release.promise);

    const report = await engine.pushOutbox();

    expect(report).toEqual({ outcome: 'locked', problem: null });
    expect(transport.calls.push).toBe(0);
    expect(w.outbox.ids()).toEqual([mutationId(1)]);
    release.resolve();
    await otherTab;
  });

  it('backs off the entries a server answer left out, instead of resending them in a loop', async () => {
    const w = createWorld();
    w.outbox.add(profileUpdate(mutationId(1), '一'));
    w.outbox.add(profileUpdate(mutationId(2), '二'));
    const { engine, transport } = w.openTab('A');
    transport.intercept.push = async (mutations: readonly Mutation[], forward) => {
      const answer = await forward();
      return { results: answer.results.filter((r) => r.id !== mutations[1]?.id) };
    };

    const report = await engine.pushOutbox();

    expect(report).toMatchObject({ outcome: 'failed', acknowledged: 1, problem: { code: 'protocol' } });
    expect(transport.calls.push).toBe(1);
    expect(w.outbox.ids()).toEqual([mutationId(2)]);
    expect(w.outbox.get(mutationId(2))).toMatchObject({ attempts: 1, lastError: 'sync.noResult' });
  });
});
