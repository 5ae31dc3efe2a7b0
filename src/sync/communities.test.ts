import { describe, expect, it } from 'vitest';
import type { CommunitiesPage, Community } from '../domain/communities';
import { SyncEngine } from './engine';
import { versionedFeed, type PageCache } from './feed';
import { FakeDirectoryStore, FakeOutbox, FakeServer, FakeTransport, LockHub, ManualClock, pullOne } from './testing';

interface CommunityTransport {
  communitiesSince(version: number): Promise<CommunitiesPage>;
}

/** The communities feed alone through the engine's loop; the number of communities received. */
async function pullCommunities(server: CommunityTransport, cache: PageCache<CommunitiesPage>): Promise<number> {
  let received = 0;
  const counting: PageCache<CommunitiesPage> = {
    version: () => cache.version(),
    applyPage: async (page) => {
      received += page.communities.length;
      await cache.applyPage(page);
    },
  };
  await pullOne(versionedFeed('communities', counting), (r) =>
    server.communitiesSince(r.feeds.communities?.version ?? -1),
  );
  return received;
}

function community(id: string, version: number, memberIds: string[] = ['a']): Community {
  return { id, name: id, description: '', memberIds, createdBy: 'a', createdAt: '2026-04-01T00:00:00.000Z', version };
}

/** A server holding communities, answering as the functions do (head check, version order, pages, reset). */
class FakeCommunityServer implements CommunityTransport {
  readonly communities = new Map<string, Community>();
  head = 0;
  calls: number[] = [];
  constructor(private readonly pageSize = 2) {}

  put(id: string, memberIds: string[] = ['a']): void {
    this.head += 1;
    this.communities.set(id, community(id, this.head, memberIds));
  }

  async communitiesSince(since: number): Promise<CommunitiesPage> {
    this.calls.push(since);
    if (since === this.head) return { communities: [], version: since, more: false, reset: false };
    const reset = since > this.head;
    const from = reset ? 0 : since;
    const page = [...this.communities.values()]
      .filter((c) => c.version > from)
      .sort((a, b) => a.version - b.version)
      .slice(0, this.pageSize);
    return {
      communities: structuredClone(page),
      version: page.at(-1)?.version ?? from,
      more: page.length === this.pageSize,
      reset,
    };
  }
}

/** The device side, keeping the page version beside the rows as the Dexie cache does. */
class FakeCommunityCache implements PageCache<CommunitiesPage> {
  readonly rows = new Map<string, Community>();
  stored = 0;
  async version(): Promise<number> {
    return this.stored;
  }
  async applyPage(page: CommunitiesPage): Promise<void> {
    if (page.reset) this.rows.clear();
    for (const c of page.communities) this.rows.set(c.id, c);
    this.stored = page.version;
  }
}

describe('pullCommunities', () => {
  it('takes everything over several pages, then asks once and gets nothing new', async () => {
    const server = new FakeCommunityServer(2);
    for (const id of ['comm-0001', 'comm-0002', 'comm-0003']) server.put(id);
    const cache = new FakeCommunityCache();
    expect(await pullCommunities(server, cache)).toBe(3);
    expect([...cache.rows.keys()].sort()).toEqual(['comm-0001', 'comm-0002', 'comm-0003']);
    server.calls = [];
    expect(await pullCommunities(server, cache)).toBe(0);
    expect(server.calls).toEqual([3]);
  });

  it('picks up a join made elsewhere: the community comes again with its new member set', async () => {
    const server = new FakeCommunityServer();
    server.put('comm-0001', ['a']);
    server.put('comm-0002', ['a']);
    const cache = new FakeCommunityCache();
    await pullCommunities(server, cache);
    server.put('comm-0001', ['a', 'b']);
    expect(await pullCommunities(server, cache)).toBe(1);
    expect(cache.rows.get('comm-0001')?.memberIds).toEqual(['a', 'b']);
    expect(await cache.version()).toBe(3);
  });

  it('starts over when the server says so, dropping what it no longer has', async () => {
    const server = new FakeCommunityServer();
    const cache = new FakeCommunityCache();
    cache.rows.set('gone-0001', community('gone-0001', 9));
    cache.stored = 9;
    server.put('comm-0001');
    await pullCommunities(server, cache);
    expect([...cache.rows.keys()]).toEqual(['comm-0001']);
  });

  it('refuses a page that promises more without moving forward (it would loop forever)', async () => {
    const stuck: CommunityTransport = {
      communitiesSince: async (since) => ({ communities: [], version: since, more: true, reset: false }),
    };
    const cache = new FakeCommunityCache();
    cache.rows.set('comm-0001', community('comm-0001', 4));
    cache.stored = 4;
    await expect(pullCommunities(stuck, cache)).rejects.toThrow(/does not advance/);
  });
});

describe('SyncEngine with communities', () => {
  it('pulls communities after the directory in one sync, and reports a failure of either as a failed pull', async () => {
    const server = new FakeServer();
    const communities = new FakeCommunityServer();
    communities.put('comm-0001');
    const cache = new FakeCommunityCache();
    const transport = new FakeTransport(server, 'u-self').serve('communities', (c) =>
      communities.communitiesSince(c.version),
    );
    const ports = {
      transport,
      directory: new FakeDirectoryStore(),
      outbox: new FakeOutbox(),
      locks: new LockHub().tab('t1'),
      clock: new ManualClock(),
    };
    const engine = new SyncEngine({ ...ports, feeds: [versionedFeed('communities', cache)] }, { random: () => 0.5 });
    expect((await engine.syncNow()).pull?.outcome).toBe('done');
    expect([...cache.rows.keys()]).toEqual(['comm-0001']);
    // The directory and the communities were asked in the same request.
    expect(transport.requests[0]?.feeds).toEqual({
      directory: { snapshotId: null, version: 0 },
      communities: { version: 0 },
    });

    const failing: PageCache<CommunitiesPage> = {
      version: () => cache.version(),
      applyPage: () => Promise.reject(new Error('boom')),
    };
    communities.put('comm-0002');
    const broken = new SyncEngine({ ...ports, feeds: [versionedFeed('communities', failing)] }, { random: () => 0.5 });
    expect((await broken.syncNow()).pull?.outcome).toBe('failed');
    const brokenServer = new SyncEngine(
      { ...ports, feeds: [versionedFeed('communities', cache)] },
      { random: () => 0.5 },
    );
    // A malformed answer, as a faulty server would send it: the handler's type only allows well-formed ones.
    const malformed = {
      communities: 'not a list',
      version: 1,
      more: false,
      reset: false,
    } as unknown as CommunitiesPage;
    transport.serve('communities', () => malformed);
    expect((await brokenServer.syncNow()).pull).toMatchObject({ outcome: 'failed', problem: { code: 'protocol' } });
  });
});
