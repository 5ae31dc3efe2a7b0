import { describe, expect, it } from 'vitest';
import type { CommunitiesPage } from '../domain/communities';
import { versionedFeed, type PageCache } from './feed';
import { TransportError } from './ports';
import { createWorld, makeRecord } from './testing';

/** Issue 22: a first snapshot arrives chunk by chunk, the first inside the sync answer, and resumes. */

const people = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => makeRecord(`p-${String(from + i).padStart(5, '0')}`, { intro: `v1-${i}` }));

function newWorld(staff = 11) {
  const w = createWorld();
  w.server.chunkSize = 3;
  w.server.write(people(staff));
  return w;
}

describe('a first snapshot, chunk by chunk', () => {
  it('shows the first chunk from the sync answer before any chunk is downloaded, and never downloads it', async () => {
    const w = newWorld();
    const manifest = w.server.takeSnapshot();
    const { engine, transport } = w.openTab('A');
    transport.inlineFirstChunk = true;
    const seenAtFirstDownload: number[] = [];
    const asked: number[] = [];
    transport.intercept.chunk = (_id, n, forward) => {
      if (asked.length === 0) seenAtFirstDownload.push(w.directory.records.size);
      asked.push(n);
      return forward();
    };

    expect((await engine.syncDirectory()).outcome).toBe('done');

    // Chunk 0's three people (the first screen) were on the device before the first download.
    expect(seenAtFirstDownload).toEqual([3]);
    expect(asked.sort((a, b) => a - b)).toEqual([1, 2, 3]);
    expect(transport.calls.chunk).toBe(manifest.chunkCount - 1);
    expect(w.directory.records).toEqual(w.server.records);
    expect(w.directory.replaced.map((m) => m.id)).toEqual([manifest.id]);
  });

  it('resumes where a closed tab stopped: only the chunks it lacks are downloaded, and it installs once', async () => {
    const w = newWorld(14);
    const manifest = w.server.takeSnapshot();
    const a = w.openTab('A');
    a.transport.inlineFirstChunk = true;
    // The network goes while chunk 3 is on its way, after the others in flight have landed.
    a.transport.intercept.chunk = async (_id, n, forward) => {
      if (n !== 3) return forward();
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw new TransportError('network unreachable', 0);
    };
    expect((await a.engine.syncDirectory()).outcome).toBe('failed');
    // What had arrived stays, but is not the directory yet: no cursor.
    expect(w.directory.snapshotId).toBeNull();
    const held = (await w.directory.receivedChunks(manifest)).map((c) => c.n).sort((x, y) => x - y);
    expect(held.length).toBeGreaterThanOrEqual(2);
    expect(held).not.toContain(3);

    const b = w.openTab('B');
    b.transport.inlineFirstChunk = true;
    const asked: number[] = [];
    b.transport.intercept.chunk = (_id, n, forward) => {
      asked.push(n);
      return forward();
    };
    expect((await b.engine.syncDirectory()).outcome).toBe('done');

    const all = Array.from({ length: manifest.chunkCount }, (_, n) => n);
    expect(asked.sort((x, y) => x - y)).toEqual(all.filter((n) => !held.includes(n)));
    expect(w.directory.records).toEqual(w.server.records);
    expect(w.directory.replaced.map((m) => m.id)).toEqual([manifest.id]);
    expect(w.directory.snapshotId).toBe(manifest.id);
  });

  it('keeps showing the directory a device has until the new snapshot is complete', async () => {
    const w = newWorld();
    const { engine, transport } = w.openTab('A');
    await engine.syncDirectory();
    const before = new Map(w.directory.records);
    w.server.write(people(4, 100));
    const next = w.server.takeSnapshot({ compact: true });
    // A device behind the log's floor must take the new snapshot.
    w.server.write([makeRecord('p-00200')]);
    w.server.takeSnapshot({ compact: true });
    transport.inlineFirstChunk = true;
    const during: number[] = [];
    transport.intercept.chunk = (_id, _n, forward) => {
      during.push(w.directory.records.size);
      return forward();
    };

    expect((await engine.syncDirectory()).outcome).toBe('done');

    expect(during.length).toBeGreaterThan(0);
    expect(during.every((size) => size === before.size)).toBe(true);
    expect(w.directory.records).toEqual(w.server.records);
    expect(w.directory.replaced).toHaveLength(2);
    expect(next.id).not.toBe(w.directory.snapshotId);
  });

  it('forgets a snapshot whose chunks do not add up to its count, and says the server broke the protocol', async () => {
    const w = newWorld();
    w.server.takeSnapshot();
    const { engine, transport } = w.openTab('A');
    transport.intercept.chunk = async (_id, n, forward) => {
      const chunk = await forward();
      return n === 2 ? { ...chunk, count: chunk.count - 1 } : chunk;
    };
    const report = await engine.syncDirectory();
    expect(report).toMatchObject({ outcome: 'failed', problem: { code: 'protocol' } });
    expect(w.directory.records.size).toBe(0);
    expect(w.directory.incoming.size).toBe(0);
  });

  it('applies the other feeds of the same answer while the chunks are still downloading', async () => {
    const stored: string[] = [];
    const cache: PageCache<CommunitiesPage> = {
      version: () => Promise.resolve(0),
      applyPage: (page) => {
        stored.push(`communities@${page.version}`);
        return Promise.resolve();
      },
    };
    const w = createWorld({
      feeds: (transport) => {
        transport.serve('communities', () => ({ communities: [], version: 3, more: false, reset: false }));
        return [versionedFeed('communities', cache)];
      },
    });
    w.server.chunkSize = 2;
    w.server.write(people(6));
    const { engine, transport } = w.openTab('A');
    const atDownloads: number[] = [];
    transport.intercept.chunk = async (_id, _n, forward) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      atDownloads.push(stored.length);
      return forward();
    };
    expect((await engine.syncDirectory()).outcome).toBe('done');
    expect(stored).toEqual(['communities@3']);
    // The communities page was stored before the first chunk had even come back.
    expect(atDownloads[0]).toBe(1);
  });
});
