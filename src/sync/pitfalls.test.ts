/**
 * One test per pitfall of device sync (docs/ARCHITECTURE.md, "Data flow": versions, not timestamps; the outbox
 * under a Web Lock, replays answered as duplicates), named after it. Each runs the real engine against the
 * in-memory server and checks what ends up on the device and on the server, not how the engine got there.
 */
import { describe, expect, it } from 'vitest';
import type { DirectoryChange } from '../domain/protocol';
import { TransportError } from './ports';
import { applyPending } from './reconcile';
import { createWorld, deferred, FakeTransport, makeRecord, profileUpdate, settle } from './testing';

const mutationId = (i: number) => `mut-${String(i).padStart(6, '0')}`;

/** Versions must come each exactly once and rising: no change lost, none applied twice. */
function expectEachVersionOnce(applied: readonly DirectoryChange[], from: number, to: number): void {
  expect(applied.map((c) => c.version)).toEqual(Array.from({ length: to - from }, (_, i) => from + 1 + i));
}

describe('pitfalls of device sync', () => {
  it('thousands of records written in one batch share one timestamp', async () => {
    const w = createWorld();
    const { engine } = w.openTab('A');
    await engine.syncNow();
    const from = w.directory.version;
    const at = Date.UTC(2026, 3, 1, 0, 0, 0);
    w.server.instanceNow = at;
    // 年度初めの人事異動: 2,500 people moved in one batch, and a second batch in the same millisecond.
    w.server.write(Array.from({ length: 2_500 }, (_, i) => makeRecord(`p-${i}`, { unitId: 'kakari-2' })));
    w.server.write(Array.from({ length: 300 }, (_, i) => makeRecord(`p-${i}`, { unitId: 'kakari-2', title: '主任' })));
    w.server.pageSize = 1_000;

    await engine.syncNow();

    const batch = w.server.logEntries().filter((e) => e.version > from);
    expect(batch).toHaveLength(2_800);
    expect(new Set(batch.map((e) => e.writtenAt))).toEqual(new Set([at]));
    expectEachVersionOnce(w.directory.appliedChanges.slice(-2_800), from, from + 2_800);
    expect(w.directory.records.size).toBe(2_501);
    expect(w.directory.records).toEqual(w.server.records);
    expect(w.directory.records.get('p-0')).toMatchObject({ unitId: 'kakari-2', title: '主任' });
    expect(w.directory.records.get('p-2499')).toMatchObject({ unitId: 'kakari-2', title: '主事' });
  });

  it('function instances’ clocks differ', async () => {
    const w = createWorld();
    const { engine } = w.openTab('A');
    w.server.write([makeRecord('p-1', { extension: '1111' })]);
    await engine.syncNow();
    // The device clock runs a day ahead, so the user's edit claims to be the newest thing around.
    w.clock.set(Date.UTC(2026, 3, 2, 9));
    w.outbox.add(profileUpdate(mutationId(1), '端末で書いた紹介', new Date(w.clock.now()).toISOString()));
    // Instance A is ahead: it applies the user's edit and changes p-1.
    w.server.instanceNow = Date.UTC(2026, 3, 1, 10, 0, 5);
    await engine.pushOutbox();
    w.server.write([makeRecord('p-1', { extension: '2222' })]);
    // Instance B's clock is behind A's, so its later writes carry earlier times: HR corrects the intro, and p-1.
    w.server.instanceNow = Date.UTC(2026, 3, 1, 10, 0, 0);
    const hr = makeRecord(w.selfId, { familyName: '佐藤', intro: '人事課で修正' });
    w.server.write([hr, makeRecord('p-1', { extension: '3333' })]);
    const log = w.server.logEntries();
    const last = log.slice(-2);
    const earlier = log.slice(-4, -2);
    expect(last.every((l) => earlier.every((e) => l.version > e.version && l.writtenAt < e.writtenAt))).toBe(true);

    await engine.syncNow();

    const mine = w.directory.records.get(w.selfId);
    expect(mine?.intro).toBe('人事課で修正');
    expect(mine && applyPending(mine, [], w.selfId).intro).toBe('人事課で修正');
    expect(w.directory.records.get('p-1')?.extension).toBe('3333');
    expect(w.directory.version).toBe(w.server.version);
  });

  it('a page boundary may fall inside equal keys', async () => {
    const w = createWorld();
    const { engine, transport } = w.openTab('A');
    await engine.syncNow();
    const from = w.directory.version;
    w.server.instanceNow = Date.UTC(2026, 3, 1, 8, 30);
    w.server.write(Array.from({ length: 10 }, (_, i) => makeRecord(`p-${i}`)));
    w.server.write(Array.from({ length: 7 }, (_, i) => makeRecord(`q-${i}`)));
    // Pages of 4 cut both batches (which share one timestamp) in the middle; the connection drops after the
    // second page, so the device stops on a version inside the first batch and resumes from there.
    w.server.pageSize = 4;
    let pages = 0;
    transport.intercept.directory = (_since, forward) =>
      ++pages === 3 ? Promise.reject(new TransportError('network lost', 0)) : forward();

    const interrupted = await engine.syncDirectory();

    expect(interrupted.outcome).toBe('failed');
    expect(w.directory.version).toBe(from + 8);
    delete transport.intercept.directory;
    const resumed = await engine.syncDirectory();

    expect(resumed).toMatchObject({ outcome: 'done', changes: 9 });
    expectEachVersionOnce(w.directory.appliedChanges.slice(-17), from, from + 17);
    expect(w.directory.records).toEqual(w.server.records);
  });

  it('a tab may be killed between send and acknowledgement', async () => {
    const w = createWorld();
    w.outbox.add(profileUpdate(mutationId(1), '送った直後にタブを閉じた'));
    const a = w.openTab('A');
    const appliedOnServer = deferred();
    // The request reaches the server and is applied, then the tab dies before the answer arrives.
    a.transport.intercept.push = async (_m, forward) => {
      await forward();
      appliedOnServer.resolve();
      return new Promise(() => {});
    };
    void a.engine.pushOutbox();
    await appliedOnServer.promise;
    expect(w.locks.heldBy('outbox')).toBe('A');
    w.locks.kill('A');
    const versionAfterFirst = w.server.version;

    const b = w.openTab('B');
    const report = await b.engine.syncNow();

    expect(report.push).toMatchObject({ outcome: 'done', sent: 1, acknowledged: 1 });
    expect(w.server.received.get(mutationId(1))).toBe(2);
    expect(w.server.applied.get(mutationId(1))).toBe(1);
    expect(w.server.version).toBe(versionAfterFirst);
    expect(w.outbox.entries).toEqual([]);
    expect(w.directory.records.get(w.selfId)?.intro).toBe('送った直後にタブを閉じた');
  });

  it('two tabs may sync at once', async () => {
    const w = createWorld();
    for (let i = 1; i <= 120; i++) w.outbox.add(profileUpdate(mutationId(i), `版${i}`));
    const a = w.openTab('A');
    const b = w.openTab('B', { transport: new FakeTransport(w.server, w.selfId) });
    // Tab B starts while tab A's first batch is in flight.
    const aInFlight = deferred();
    const letAGo = deferred();
    a.transport.intercept.push = async (_m, forward) => {
      aInFlight.resolve();
      await letAGo.promise;
      return forward();
    };
    const aRun = a.engine.syncNow();
    await aInFlight.promise;
    const bRun = b.engine.syncNow();
    await settle();
    letAGo.resolve();
    const [ra, rb] = await Promise.all([aRun, bRun]);

    expect(ra.push).toMatchObject({ outcome: 'done', acknowledged: 120 });
    expect(rb.push).toEqual({ outcome: 'locked', problem: null });
    // And once more with both starting in the same tick.
    for (let i = 121; i <= 180; i++) w.outbox.add(profileUpdate(mutationId(i), `版${i}`));
    await Promise.all([a.engine.syncNow(), b.engine.syncNow()]);

    expect(w.server.received.size).toBe(180);
    expect([...w.server.received.values()].every((n) => n === 1)).toBe(true);
    expect([...w.server.applied.values()].every((n) => n === 1)).toBe(true);
    expect(w.outbox.entries).toEqual([]);
    expect(w.server.records.get(w.selfId)?.intro).toBe('版180');
    expect(w.directory.records.get(w.selfId)?.intro).toBe('版180');
  });
});
