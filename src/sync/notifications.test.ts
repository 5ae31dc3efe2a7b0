import { describe, expect, it } from 'vitest';
import type { AppNotification, NotificationsPage } from '../domain/notifications';
import { pullNotifications, type NotificationCache, type NotificationTransport } from './notifications';
import { ProtocolError } from './status';

function note(id: string, version: number): AppNotification {
  return { id, kind: 'yell.received', createdAt: '2026-11-22T00:00:00.000Z', actor: 'a', yellId: 'y1', version };
}

class FakeServer implements NotificationTransport {
  readonly items: AppNotification[] = [];
  calls: number[] = [];
  constructor(private readonly pageSize = 2) {}
  add(id: string) {
    this.items.push(note(id, this.items.length + 1));
  }
  async notificationsSince(since: number): Promise<NotificationsPage> {
    this.calls.push(since);
    const newer = this.items.filter((n) => n.version > since);
    const page = newer.slice(0, this.pageSize);
    return { notifications: page, version: page.at(-1)?.version ?? since, more: newer.length > this.pageSize };
  }
}

class FakeCache implements NotificationCache {
  readonly rows = new Map<string, AppNotification>();
  stored = 0;
  async version() {
    return this.stored;
  }
  async applyPage(page: NotificationsPage) {
    for (const n of page.notifications) this.rows.set(n.id, n);
    this.stored = page.version;
  }
}

describe('pullNotifications', () => {
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
    const stuck: NotificationTransport = {
      notificationsSince: async (v) => ({ notifications: [], version: v, more: true }),
    };
    await expect(pullNotifications(stuck, cache)).rejects.toBeInstanceOf(ProtocolError);
    const backwards: NotificationTransport = {
      notificationsSince: async () => ({ notifications: [], version: 1, more: false }),
    };
    await expect(pullNotifications(backwards, cache)).rejects.toBeInstanceOf(ProtocolError);
  });
});
