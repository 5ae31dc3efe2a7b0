import { describe, expect, it } from 'vitest';
import type { AppNotification } from '../domain/notifications';
import type { FeedAnswer } from '../domain/sync-protocol';
import { versionedFeed, type PageCache } from './feed';
import { ProtocolError } from './status';
import { pullOne } from './testing';

type NotificationsPage = FeedAnswer<'notifications'>;

function note(id: string, version: number): AppNotification {
  return { id, kind: 'yell.received', createdAt: '2026-11-22T00:00:00.000Z', actor: 'a', yellId: 'y1', version };
}

/** The notifications feed's server side: the caller's notifications after V in version order, `reset` when V is ahead of it. */
class FakeServer {
  items: AppNotification[] = [];
  calls: number[] = [];
  constructor(private readonly pageSize = 2) {}
  add(id: string) {
    this.items.push(note(id, this.items.length + 1));
  }
  /** The server was reseeded: everything it had is gone, and versions start again. */
  reseed() {
    this.items = [];
  }
  notificationsSince(since: number): NotificationsPage {
    this.calls.push(since);
    const head = this.items.at(-1)?.version ?? 0;
    const reset = since > head;
    const from = reset ? 0 : since;
    const newer = this.items.filter((n) => n.version > from);
    const page = newer.slice(0, this.pageSize);
    return { notifications: page, version: page.at(-1)?.version ?? from, more: newer.length > this.pageSize, reset };
  }
}

class FakeCache implements PageCache<NotificationsPage> {
  readonly rows = new Map<string, AppNotification>();
  stored = 0;
  async version() {
    return this.stored;
  }
  async applyPage(page: NotificationsPage) {
    if (page.reset) this.rows.clear();
    for (const n of page.notifications) this.rows.set(n.id, n);
    this.stored = page.version;
  }
}

/** The notifications feed alone through the engine's loop; the number of notifications received. */
async function pullNotifications(server: { notificationsSince(v: number): NotificationsPage }, cache: FakeCache) {
  const before = new Set(cache.rows.keys());
  let received = 0;
  const counting: PageCache<NotificationsPage> = {
    version: () => cache.version(),
    applyPage: async (page) => {
      received += page.notifications.filter((n) => !before.has(n.id)).length;
      await cache.applyPage(page);
    },
  };
  await pullOne(versionedFeed('notifications', counting), (r) =>
    server.notificationsSince(r.feeds.notifications?.version ?? -1),
  );
  return received;
}

describe('the notifications feed', () => {
  it('takes every page in order and then asks from where it stopped', async () => {
    const server = new FakeServer(2);
    for (const id of ['n1', 'n2', 'n3', 'n4', 'n5']) server.add(id);
    const cache = new FakeCache();
    expect(await pullNotifications(server, cache)).toBe(5);
    expect(server.calls).toEqual([0, 2, 4]);
    expect(cache.stored).toBe(5);
    server.add('n6');
    server.calls = [];
    expect(await pullNotifications(server, cache)).toBe(1);
    expect(server.calls).toEqual([5]);
    expect([...cache.rows.keys()]).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
  });

  it('refuses a page that does not advance', async () => {
    const cache = new FakeCache();
    cache.stored = 4;
    const stuck = (v: number): NotificationsPage => ({ notifications: [], version: v, more: true, reset: false });
    await expect(pullNotifications({ notificationsSince: stuck }, cache)).rejects.toBeInstanceOf(ProtocolError);
    const backwards = (): NotificationsPage => ({ notifications: [], version: 1, more: false, reset: false });
    await expect(pullNotifications({ notificationsSince: backwards }, cache)).rejects.toBeInstanceOf(ProtocolError);
    expect(cache.stored).toBe(4);
  });

  it('a device ahead of a reseeded server gets its notifications after a reset, and forgets the old ones', async () => {
    const server = new FakeServer(2);
    for (const id of ['n1', 'n2', 'n3', 'n4', 'n5']) server.add(id);
    const cache = new FakeCache();
    await pullNotifications(server, cache);
    expect(cache.stored).toBe(5);
    server.reseed();
    for (const id of ['r1', 'r2', 'r3']) server.add(id);
    server.calls = [];

    // Without a reset the device would ask "since 5" forever and never see r1-r3 (versions 1-3).
    expect(await pullNotifications(server, cache)).toBe(3);
    expect(server.calls).toEqual([5, 2]);
    expect([...cache.rows.keys()]).toEqual(['r1', 'r2', 'r3']);
    expect(cache.stored).toBe(3);
  });
});
