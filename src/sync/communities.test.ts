import { describe, expect, it } from 'vitest';
import type { CommunitiesPage, Community } from '../domain/communities';
import { pullCommunities, type CommunityCache, type CommunityTransport } from './communities';
import { SyncEngine } from './engine';
import { FakeDirectoryStore, FakeOutbox, FakeServer, FakeTransport, LockHub, ManualClock } from './testing';

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

/** The device side, with its version derived from the rows as the Dexie cache does. */
class FakeCommunityCache implements CommunityCache {
  readonly rows = new Map<string, Community>();
  async version(): Promise<number> {
    return Math.max(0, ...[...this.rows.values()].map((c) => c.version));
  }
  async applyPage(page: CommunitiesPage): Promise<void> {
    if (page.reset) this.rows.clear();
    for (const c of page.communities) this.rows.set(c.id, c);
  }
}

describe('pullCommunities', () => {
  it('takes everything over several pages, then asks once and gets nothing new', async () => {
    const server = new FakeCommunityServer(2);
    for (const id of ['c1', 'c2', 'c3']) server.put(id);
    const cache = new FakeCommunityCache();
    expect(await pullCommunities(server, cache)).toBe(3);
    expect([...cache.rows.keys()].sort()).toEqual(['c1', 'c2', 'c3']);
    server.calls = [];
    expect(await pullCommunities(server, cache)).toBe(0);
    expect(server.calls).toEqual([3]);
  });

  it('picks up a join made elsewhere: the community comes again with its new member set', async () => {
    const server = new FakeCommunityServer();
    server.put('c1', ['a']);
    server.put('c2', ['a']);
    const cache = new FakeCommunityCache();
    await pullCommunities(server, cache);
    server.put('c1', ['a', 'b']);
    expect(await pullCommunities(server, cache)).toBe(1);
    expect(cache.rows.get('c1')?.memberIds).toEqual(['a', 'b']);
    expect(await cache.version()).toBe(3);
  });

  it('starts over when the server says so, dropping what it no longer has', async () => {
    const server = new FakeCommunityServer();
    const cache = new FakeCommunityCache();
    cache.rows.set('gone', community('gone', 9));
    server.put('c1');
    await pullCommunities(server, cache);
    expect([...cache.rows.keys()]).toEqual(['c1']);
  });

  it('refuses a page that promises more without moving forward (it would loop forever)', async () => {
    const stuck: CommunityTransport = {
      communitiesSince: async (since) => ({ communities: [], version: since, more: true, reset: false }),
    };
    const cache = new FakeCommunityCache();
    cache.rows.set('c1', community('c1', 4));
    await expect(pullCommunities(stuck, cache)).rejects.toThrow(/does not advance/);
  });
});

describe('SyncEngine with communities', () => {
  it('pulls communities after the directory in one sync, and reports a failure of either as a failed pull', async () => {
    const server = new FakeServer();
    const communities = new FakeCommunityServer();
    communities.put('c1');
    const cache = new FakeCommunityCache();
    const ports = {
      transport: new FakeTransport(server, 'u-self'),
      directory: new FakeDirectoryStore(),
      outbox: new FakeOutbox(),
      locks: new LockHub().tab('t1'),
      clock: new ManualClock(),
    };
    const engine = new SyncEngine({ ...ports, communities: { transport: communities, cache } }, { random: () => 0.5 });
    expect((await engine.syncNow()).pull?.outcome).toBe('done');
    expect([...cache.rows.keys()]).toEqual(['c1']);

    const broken = new SyncEngine(
      {
        ...ports,
        communities: {
          transport: { communitiesSince: () => Promise.reject(new Error('boom')) },
          cache,
        },
      },
      { random: () => 0.5 },
    );
    expect((await broken.syncNow()).pull?.outcome).toBe('failed');
  });
});
