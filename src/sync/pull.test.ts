import { decodeChunkText, toChunkText } from '../domain/directory-codec';
import { describe, expect, it, vi } from 'vitest';
import { SyncEngine } from './engine';
import { TransportError } from './ports';
import { createWorld, FakeDirectoryStore, FakeTransport, makeRecord, settle } from './testing';

const people = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => makeRecord(`p-${String(from + i).padStart(5, '0')}`, { intro: `v1-${i}` }));

describe('syncDirectory', () => {
  it('takes the snapshot when the device has nothing, then the changes made since it', async () => {
    const w = createWorld();
    w.server.write(people(10));
    const manifest = w.server.takeSnapshot();
    w.server.write([makeRecord('p-00003', { intro: 'after snapshot' }), makeRecord('p-99999')]);
    w.server.remove(['p-00007']);
    const { engine, transport } = w.openTab('A');

    const report = await engine.syncDirectory();

    expect(report.outcome).toBe('done');
    expect(w.directory.replaced.map((m) => m.id)).toEqual([manifest.id]);
    expect(transport.calls.chunk).toBe(manifest.chunkCount);
    // The three changes after the snapshot's version arrived as changes, none of those before it.
    expect(w.directory.appliedChanges.map((c) => c.version)).toEqual([
      manifest.version + 1,
      manifest.version + 2,
      manifest.version + 3,
    ]);
    expect(w.directory.records).toEqual(w.server.records);
    expect(w.directory.units).toEqual(w.server.units);
    expect({ snapshotId: w.directory.snapshotId, version: w.directory.version }).toEqual({
      snapshotId: manifest.id,
      version: w.server.version,
    });
    expect(engine.getStatus()).toMatchObject({ phase: 'idle', error: null, lastSyncedAt: w.clock.now() });
  });

  it('costs one request when up to date, and applies nothing', async () => {
    const w = createWorld();
    w.server.write(people(4));
    const { engine, transport } = w.openTab('A');
    await engine.syncDirectory();
    const before = { calls: { ...transport.calls }, applied: w.directory.appliedChanges.length };

    const report = await engine.syncDirectory();

    expect(report).toMatchObject({ outcome: 'done', changes: 0, snapshotId: null });
    expect(transport.calls.sync - before.calls.sync).toBe(1);
    expect(transport.calls.chunk).toBe(before.calls.chunk);
    expect(w.directory.appliedChanges.length).toBe(before.applied);
  });

  it('asks again while the server says more, from the version each page ends at', async () => {
    const w = createWorld();
    const { engine, transport } = w.openTab('A');
    await engine.syncDirectory();
    w.server.pageSize = 4;
    w.server.write(people(10));
    const asked: number[] = [];
    transport.intercept.directory = (since, forward) => {
      asked.push(since.version);
      return forward();
    };

    const report = await engine.syncDirectory();

    const start = w.server.version - 10;
    expect(asked).toEqual([start, start + 4, start + 8]);
    expect(report).toMatchObject({ outcome: 'done', changes: 10 });
    expect(w.directory.records).toEqual(w.server.records);
  });

  it('downloads snapshot chunks a few at a time, never more than 4 at once, and installs them once in order', async () => {
    const w = createWorld();
    w.server.chunkSize = 2;
    w.server.write(people(23));
    const manifest = w.server.takeSnapshot();
    const store = new FakeDirectoryStore();
    const replace = vi.spyOn(store, 'replaceSnapshot');
    const { engine, transport } = w.openTab('A', { directory: store });

    await engine.syncDirectory();

    expect(manifest.chunkCount).toBe(12);
    expect(transport.calls.chunk).toBe(12);
    expect(transport.maxChunksInFlight).toBe(4);
    expect(replace).toHaveBeenCalledTimes(1);
    const chunks = replace.mock.calls[0]?.[2] ?? [];
    expect(chunks.flatMap(decodeChunkText).map((r) => r.id)).toEqual([...w.server.records.keys()].sort());
  });

  it('failure mid-snapshot keeps the old directory untouched, and the next sync completes it', async () => {
    const w = createWorld();
    w.server.write(people(9));
    w.server.takeSnapshot();
    const { engine, transport } = w.openTab('A');
    await engine.syncDirectory();
    const oldRecords = structuredClone(w.directory.records);
    const oldState = { snapshotId: w.directory.snapshotId, version: w.directory.version };
    const lastSynced = engine.getStatus().lastSyncedAt;
    // HR moves everyone; the server compacts its log, so the device must take the new snapshot.
    w.server.write(people(9).map((r) => ({ ...r, unitId: 'kakari-2' })));
    const manifest = w.server.takeSnapshot({ compact: true });
    transport.intercept.chunk = (id, n, forward) =>
      n === 2 ? Promise.reject(new TransportError('bad gateway', 502)) : forward();
    w.clock.advance(60_000);

    const failed = await engine.syncDirectory();

    expect(failed).toMatchObject({ outcome: 'failed', problem: { code: 'unavailable', retryable: true } });
    expect(w.directory.records).toEqual(oldRecords);
    expect({ snapshotId: w.directory.snapshotId, version: w.directory.version }).toEqual(oldState);
    expect(w.directory.replaced).toHaveLength(1);
    expect(engine.getStatus()).toMatchObject({
      phase: 'error',
      error: { code: 'sync.unavailable', params: {} },
      lastSyncedAt: lastSynced,
    });

    delete transport.intercept.chunk;
    await settle();
    const retried = await engine.syncDirectory();

    expect(retried).toMatchObject({ outcome: 'done', snapshotId: manifest.id });
    expect(w.directory.records).toEqual(w.server.records);
    expect([...w.directory.records.values()].every((r) => r.id === 'u-self' || r.unitId === 'kakari-2')).toBe(true);
  });

  it('refuses a snapshot whose chunks hold fewer people than its manifest, keeping the old directory', async () => {
    const w = createWorld();
    w.server.write(people(6));
    const { engine, transport } = w.openTab('A');
    await engine.syncDirectory();
    const oldRecords = structuredClone(w.directory.records);
    w.server.write([makeRecord('p-00001', { intro: 'new' })]);
    w.server.takeSnapshot({ compact: true });
    transport.intercept.chunk = async (_id, n, forward) => {
      // The first chunk comes back one person short.
      const chunk = await forward();
      return n === 0 ? toChunkText(decodeChunkText(chunk).slice(1)) : chunk;
    };
    const onUnexpectedError = vi.fn();
    const engineWithLog = new SyncEngine(
      { transport, directory: w.directory, outbox: w.outbox, locks: w.locks.tab('B'), clock: w.clock },
      { onUnexpectedError },
    );

    const report = await engineWithLog.syncDirectory();

    expect(report).toMatchObject({ outcome: 'failed', problem: { code: 'protocol' } });
    expect(onUnexpectedError).toHaveBeenCalledTimes(1);
    expect(w.directory.records).toEqual(oldRecords);
  });

  it('stops instead of looping when the server promises more without moving forward', async () => {
    const w = createWorld();
    const { engine, transport } = w.openTab('A');
    await engine.syncDirectory();
    const version = w.directory.version;
    const callsBefore = transport.calls.sync;
    transport.intercept.directory = async () => ({ kind: 'changes', changes: [], version, more: true });

    const report = await engine.syncDirectory();

    expect(report).toMatchObject({ outcome: 'failed', problem: { code: 'protocol' } });
    expect(transport.calls.sync - callsBefore).toBe(1);
    expect(w.directory.version).toBe(version);
  });

  it('lets two tabs pull one after the other: the second finds the directory up to date', async () => {
    const w = createWorld();
    w.server.write(people(8));
    const a = w.openTab('A');
    const b = w.openTab('B', { transport: new FakeTransport(w.server, w.selfId) });

    const [ra, rb] = await Promise.all([a.engine.syncDirectory(), b.engine.syncDirectory()]);

    expect(ra).toMatchObject({ outcome: 'done', changes: 0 });
    expect(ra.outcome === 'done' && ra.snapshotId).toBeTruthy();
    expect(rb).toMatchObject({ outcome: 'done', snapshotId: null, changes: 0 });
    expect(w.directory.replaced).toHaveLength(1);
    expect(a.transport.calls.chunk).toBeGreaterThan(0);
    expect(b.transport.calls).toEqual({ sync: 1, chunk: 0, push: 0 });
  });
});
