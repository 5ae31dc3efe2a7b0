import { describe, expect, it } from 'vitest';
import type { FeedAnswer } from '../domain/sync-protocol';
import type { Yell } from '../domain/yells';
import { MAX_SYNC_ROUNDS, SyncEngine } from './engine';
import { versionedFeed, type PageCache } from './feed';
import { ProtocolError } from './status';
import {
  createWorld,
  FakeDirectoryStore,
  FakeOutbox,
  FakeServer,
  FakeTransport,
  LockHub,
  ManualClock,
  pullOne,
} from './testing';
import type { Mutation } from '../domain/mutations';
import { showYells } from './yells';

type YellsPage = FeedAnswer<'yells'>;
type YellCache = PageCache<YellsPage>;
interface YellTransport {
  yellsSince(version: number): Promise<YellsPage>;
}

/** The yells feed alone through the engine's loop; the number of エール received. */
async function pullYells(server: YellTransport, cache: YellCache): Promise<number> {
  let received = 0;
  const counting: YellCache = {
    version: () => cache.version(),
    applyPage: async (page) => {
      received += page.yells.length;
      await cache.applyPage(page);
    },
  };
  await pullOne(versionedFeed('yells', counting), (r) => server.yellsSince(r.feeds.yells?.version ?? -1));
  return received;
}

function yell(id: string, version: number, over: Partial<Yell> = {}): Yell {
  return {
    id,
    from: 'a',
    to: ['b'],
    message: 'ありがとう',
    value: 'tasukeai',
    visibility: 'public',
    createdAt: '2026-11-22T00:00:00.000Z',
    version,
    clapCount: 0,
    clappedByMe: false,
    ...over,
  };
}

/**
 * A server keeping every change with a unique version, answering as the functions are specified
 * to: yells changed since V in version order, ids hidden from this viewer in `removed`, `reset`
 * when V is older than what it keeps.
 */
class FakeYellServer implements YellTransport {
  /** id -> latest yell, or null when hidden from this viewer since that version. */
  readonly log = new Map<string, { version: number; yell: Yell | null }>();
  head = 0;
  /** Versions at or below this are forgotten: asking from before it is a reset. */
  keptFrom = 0;
  calls: number[] = [];
  optOut: string[] = [];
  constructor(private readonly pageSize = 2) {}

  put(id: string, over: Partial<Yell> = {}): void {
    this.head += 1;
    this.log.set(id, { version: this.head, yell: yell(id, this.head, over) });
  }
  hide(id: string): void {
    this.head += 1;
    this.log.set(id, { version: this.head, yell: null });
  }

  async yellsSince(since: number): Promise<YellsPage> {
    this.calls.push(since);
    const reset = since > this.head || (since > 0 && since < this.keptFrom);
    const from = reset ? 0 : since;
    const entries = [...this.log.entries()]
      .filter(([, e]) => e.version > from && (!reset || e.yell !== null))
      .sort((a, b) => a[1].version - b[1].version);
    const page = entries.slice(0, this.pageSize);
    return {
      yells: page.flatMap(([, e]) => (e.yell ? [structuredClone(e.yell)] : [])),
      removed: page.flatMap(([id, e]) => (e.yell ? [] : [id])),
      version: page.at(-1)?.[1].version ?? (reset ? this.head : from),
      more: entries.length > this.pageSize,
      reset,
      feedOptOut: [...this.optOut],
    };
  }
}

/** The device side, keeping the page version as the Dexie cache does, and the settings and counts that came. */
class FakeYellCache implements YellCache {
  readonly rows = new Map<string, Yell>();
  stored = 0;
  feedOptOut: string[] = [];
  settings: YellsPage['settings'] = undefined;
  me: YellsPage['me'] = undefined;
  async version() {
    return this.stored;
  }
  async applyPage(page: YellsPage) {
    this.feedOptOut = page.feedOptOut;
    if (page.settings) this.settings = page.settings;
    if (page.me) this.me = page.me;
    if (page.reset) this.rows.clear();
    for (const y of page.yells) this.rows.set(y.id, y);
    for (const id of page.removed) this.rows.delete(id);
    this.stored = page.version;
  }
}

describe('pullYells', () => {
  it('takes everything over several pages, then asks once more and changes nothing', async () => {
    const server = new FakeYellServer(2);
    for (const id of ['yell-0001', 'yell-0002', 'yell-0003']) server.put(id);
    const cache = new FakeYellCache();
    expect(await pullYells(server, cache)).toBe(3);
    expect([...cache.rows.keys()].sort()).toEqual(['yell-0001', 'yell-0002', 'yell-0003']);
    expect(server.calls).toEqual([0, 2]);
    server.calls = [];
    expect(await pullYells(server, cache)).toBe(0);
    expect(server.calls).toEqual([3]);
    expect(cache.rows.size).toBe(3);
  });

  it('keeps the feed opt-outs of an empty page: they change without any yell changing', async () => {
    const server = new FakeYellServer();
    server.put('yell-0001');
    const cache = new FakeYellCache();
    await pullYells(server, cache);
    server.optOut = ['b'];
    await pullYells(server, cache);
    expect(cache.feedOptOut).toEqual(['b']);
  });

  it('a clap bumps the version, so the new count replaces the old copy', async () => {
    const server = new FakeYellServer();
    server.put('yell-0001');
    const cache = new FakeYellCache();
    await pullYells(server, cache);
    server.put('yell-0001', { clapCount: 1 });
    await pullYells(server, cache);
    expect(cache.rows.get('yell-0001')?.clapCount).toBe(1);
    expect(cache.stored).toBe(2);
  });

  it('forgets an エール the viewer may no longer see, and stores the version of a page of removals only', async () => {
    const server = new FakeYellServer();
    server.put('yell-0001');
    server.put('yell-0002');
    const cache = new FakeYellCache();
    await pullYells(server, cache);
    server.hide('yell-0001');
    await pullYells(server, cache);
    expect([...cache.rows.keys()]).toEqual(['yell-0002']);
    expect(cache.stored).toBe(3);
    server.calls = [];
    await pullYells(server, cache);
    // The removal is not asked for again.
    expect(server.calls).toEqual([3]);
  });

  it('on reset drops the device copy and keeps what the pages from zero bring', async () => {
    const server = new FakeYellServer(5);
    server.put('yell-0001');
    const cache = new FakeYellCache();
    cache.rows.set('stale-001', yell('stale-001', 99));
    cache.stored = 99;
    await pullYells(server, cache);
    expect([...cache.rows.keys()]).toEqual(['yell-0001']);
    expect(cache.stored).toBe(1);
  });

  it('refuses a page that goes backwards, instead of looping or losing changes', async () => {
    const cache = new FakeYellCache();
    cache.stored = 5;
    const backwards: YellTransport = {
      yellsSince: async () => ({ yells: [], removed: [], version: 3, more: false, reset: false, feedOptOut: [] }),
    };
    await expect(pullYells(backwards, cache)).rejects.toBeInstanceOf(ProtocolError);
    const stuck: YellTransport = {
      yellsSince: async (v) => ({ yells: [], removed: [], version: v, more: true, reset: false, feedOptOut: [] }),
    };
    await expect(pullYells(stuck, cache)).rejects.toBeInstanceOf(ProtocolError);
  });
});

describe('showYells (my unsent sends and claps over the stored エール)', () => {
  const send = (yellId: string, createdAt = '2026-11-23T00:00:00.000Z'): Mutation => ({
    kind: 'yell.send',
    id: `m-${yellId}-0001`,
    createdAt,
    yellId,
    to: ['b'],
    message: '<b>ありがとう</b>',
    value: 'tasukeai',
    visibility: 'public',
  });
  const clap = (yellId: string, n = 1): Mutation => ({
    kind: 'yell.clap',
    id: `c-${yellId}-000${n}`,
    createdAt: '2026-11-23T00:00:00.000Z',
    yellId,
  });

  it('shows an unsent send as mine and pending, newest first, and the server copy once it is here', () => {
    const stored = [yell('old', 1, { from: 'me', createdAt: '2026-11-01T00:00:00.000Z' })];
    const shown = showYells(stored, [send('new1')], [], 'me');
    expect(shown.map((y) => [y.id, y.from, y.pending, y.message])).toEqual([
      ['new1', 'me', true, '<b>ありがとう</b>'],
      ['old', 'me', false, 'ありがとう'],
    ]);
    // Acknowledged and pulled, but the outbox entry not yet removed: one copy, the server's.
    const both = showYells([...stored, yell('new1', 2, { from: 'me' })], [send('new1')], [], 'me');
    expect(both.filter((y) => y.id === 'new1').map((y) => [y.pending, y.version])).toEqual([[false, 2]]);
  });

  it('adds my unsent clap once, however often I tapped, and never to my own or an already clapped one', () => {
    const stored = [
      yell('theirs', 1, { clapCount: 2 }),
      yell('clapped', 2, { clapCount: 5, clappedByMe: true }),
      yell('mine', 3, { from: 'me', clapCount: 1 }),
    ];
    const pending = [clap('theirs', 1), clap('theirs', 2), clap('clapped'), clap('mine')];
    const byId = new Map(showYells(stored, pending, [], 'me').map((y) => [y.id, y]));
    expect(byId.get('theirs')).toMatchObject({ clapCount: 3, clappedByMe: true, pending: true });
    expect(byId.get('clapped')).toMatchObject({ clapCount: 5, pending: false });
    expect(byId.get('mine')).toMatchObject({ clapCount: 1, clappedByMe: false, pending: false });
  });

  it("keeps a refused send with the server's message, and ignores others' kinds of mutation", () => {
    const other: Mutation = {
      kind: 'community.join',
      id: 'j-00000001',
      createdAt: '2026-11-23T00:00:00.000Z',
      communityId: 'c-000001',
    };
    const shown = showYells(
      [],
      [other],
      [{ mutation: send('bad1'), code: 'yell.dailyCap', params: { cap: 20 } }],
      'me',
    );
    expect(shown.map((y) => [y.id, y.pending, y.rejected])).toEqual([
      ['bad1', false, { code: 'yell.dailyCap', params: { cap: 20 } }],
    ]);
  });
});

describe('SyncEngine with エール and notifications', () => {
  it('pulls エール with the settings and my counts, and notifications, in the same request as the directory', async () => {
    const yells = new FakeYellServer();
    yells.put('yell-0001');
    const cache = new FakeYellCache();
    const notes: number[] = [];
    const transport = new FakeTransport(new FakeServer(), 'u-self')
      .serve('yells', async (c) => ({
        ...(await yells.yellsSince(c.version)),
        settings: { values: [{ id: 'tasukeai', label: '助けあエール' }], dailyCap: 3 },
        me: { received: 0, sent: 1, sentToday: 1, dailyCap: 3 },
      }))
      .serve('notifications', (c) => {
        notes.push(c.version);
        return { notifications: [], version: c.version, more: false, reset: false };
      });
    const ports = {
      transport,
      directory: new FakeDirectoryStore(),
      outbox: new FakeOutbox(),
      locks: new LockHub().tab('t1'),
      clock: new ManualClock(),
    };
    const notificationCache = { version: async () => 7, applyPage: async () => undefined };
    const engine = new SyncEngine(
      { ...ports, feeds: [versionedFeed('yells', cache), versionedFeed('notifications', notificationCache)] },
      { random: () => 0.5 },
    );
    expect((await engine.syncNow()).pull?.outcome).toBe('done');
    expect([...cache.rows.keys()]).toEqual(['yell-0001']);
    expect(cache.settings).toEqual({ values: [{ id: 'tasukeai', label: '助けあエール' }], dailyCap: 3 });
    expect(cache.me).toEqual({ received: 0, sent: 1, sentToday: 1, dailyCap: 3 });
    expect(notes).toEqual([7]);
    // The directory's snapshot asks again for its changes: two requests, each with the feeds that had more.
    expect(transport.requests.map((r) => Object.keys(r.feeds).sort())).toEqual([
      ['directory', 'notifications', 'yells'],
      ['directory'],
    ]);
  });

  it('keeps the settings and my counts it has when the answer leaves them out (they did not change)', async () => {
    const yells = new FakeYellServer();
    const cache = new FakeYellCache();
    let withSettings = true;
    const w = createWorld({
      feeds: (transport) => {
        transport.serve('yells', async (c) => ({
          ...(await yells.yellsSince(c.version)),
          ...(withSettings ? { settings: { values: [{ id: 'kansha', label: '感謝' }], dailyCap: 4 } } : {}),
        }));
        return [versionedFeed('yells', cache)];
      },
    });
    const { engine } = w.openTab('A');
    await engine.syncNow();
    withSettings = false;
    yells.put('yell-0001');
    await engine.syncNow();
    expect(cache.settings).toEqual({ values: [{ id: 'kansha', label: '感謝' }], dailyCap: 4 });
    expect([...cache.rows.keys()]).toEqual(['yell-0001']);
  });
});

describe('one request per sync', () => {
  it('a sync when nothing changed is exactly one HTTPS call, for the directory and every feed', async () => {
    const yells = new FakeYellServer();
    yells.put('yell-0001');
    const cache = new FakeYellCache();
    const emptyPage = (version: number) => ({ version, more: false, reset: false });
    let notifications = 0;
    let communities = 0;
    let nominations = 0;
    const w = createWorld({
      feeds: (transport) => {
        transport
          .serve('yells', (c) => yells.yellsSince(c.version))
          .serve('communities', (c) => ({ ...emptyPage(Math.max(c.version, communities)), communities: [] }))
          .serve('notifications', (c) => ({ ...emptyPage(Math.max(c.version, notifications)), notifications: [] }))
          .serve('nominations', (c) => ({
            ...emptyPage(Math.max(c.version, nominations)),
            nominations: [],
            removed: [],
          }));
        const kept = (v: { n: number }) => ({
          version: async () => v.n,
          applyPage: async (p: { version: number }) => void (v.n = p.version),
        });
        return [
          versionedFeed('communities', kept({ n: 0 })),
          versionedFeed('yells', cache),
          versionedFeed('notifications', kept({ n: 0 })),
          versionedFeed('nominations', kept({ n: 0 })),
        ];
      },
    });
    const { engine, transport } = w.openTab('A');
    notifications = 3;
    communities = 2;
    nominations = 5;
    await engine.syncNow();
    const before = { ...transport.calls };

    const report = await engine.syncNow();

    expect(report.pull?.outcome).toBe('done');
    expect(transport.calls.sync - before.sync).toBe(1);
    expect(transport.calls.chunk - before.chunk).toBe(0);
    expect(transport.calls.push - before.push).toBe(0);
    expect(transport.requests.at(-1)?.feeds).toEqual({
      directory: { snapshotId: w.directory.snapshotId, version: w.server.version },
      communities: { version: 2 },
      yells: { version: 1 },
      notifications: { version: 3 },
      nominations: { version: 5 },
    });
  });
});

describe('the pull loop', () => {
  it('leaves a feed the server does not answer as it is (an older server), and asks the others again', async () => {
    const yells = new FakeYellServer(1);
    yells.put('yell-0001');
    yells.put('yell-0002');
    yells.put('yell-0003');
    const cache = new FakeYellCache();
    const untouched = {
      version: async () => 4,
      applyPage: async () => expect.unreachable('no answer, nothing applied'),
    };
    const w = createWorld({
      feeds: (transport) => {
        transport.serve('yells', (c) => yells.yellsSince(c.version));
        return [versionedFeed('yells', cache), versionedFeed('communities', untouched)];
      },
    });
    const { engine, transport } = w.openTab('A');

    expect((await engine.syncNow()).pull?.outcome).toBe('done');

    expect([...cache.rows.keys()].sort()).toEqual(['yell-0001', 'yell-0002', 'yell-0003']);
    // Asked once, with everything; then only what had more.
    expect(transport.requests.map((r) => Object.keys(r.feeds).sort())).toEqual([
      ['communities', 'directory', 'yells'],
      ['directory', 'yells'],
      ['yells'],
    ]);
  });

  it('stops a server that never says "no more" after MAX_SYNC_ROUNDS requests', async () => {
    let version = 0;
    const cache = new FakeYellCache();
    const rounds = pullOne(versionedFeed('yells', cache), () => ({
      yells: [],
      removed: [],
      version: ++version,
      more: true,
      reset: false,
      feedOptOut: [],
    }));
    await expect(rounds).rejects.toBeInstanceOf(ProtocolError);
    expect(version).toBe(MAX_SYNC_ROUNDS);
    // Every page before the limit was stored with its version.
    expect(cache.stored).toBe(MAX_SYNC_ROUNDS);
  });
});
