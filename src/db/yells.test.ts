import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Yell, YellsPage } from '../domain/yells';
import { dexieNotificationCache, markRead } from './notifications';
import { AppDb } from './schema';
import { dexieYellCache, readMe, readSettings, readYellSyncState } from './yells';

const dbs: AppDb[] = [];
function fresh(): AppDb {
  const db = new AppDb(`yells-${Math.random().toString(36).slice(2)}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => (db.close(), Dexie.delete(db.name))));
});

function yell(id: string, version: number): Yell {
  return {
    id,
    from: 'a',
    to: ['b', 'c'],
    message: 'ありがとう',
    value: 'tasukeai',
    visibility: 'public',
    createdAt: '2026-11-22T00:00:00.000Z',
    version,
    clapCount: 0,
    clappedByMe: false,
  };
}
const page = (p: Partial<YellsPage>): YellsPage => ({
  yells: [],
  removed: [],
  version: 0,
  more: false,
  reset: false,
  feedOptOut: [],
  ...p,
});

describe('dexieYellCache', () => {
  it('stores yells, forgets removed ones, keeps the page version and opt-outs, and drops everything on reset', async () => {
    const db = fresh();
    const cache = dexieYellCache(db, () => 42);
    expect(await cache.version()).toBe(0);
    await cache.applyPage(page({ yells: [yell('y-000001', 1), yell('y-000002', 2)], version: 2 }));
    expect((await db.yells.where('to').equals('c').toArray()).map((y) => y.id)).toEqual(['y-000001', 'y-000002']);
    await cache.applyPage(page({ removed: ['y-000001'], version: 5, feedOptOut: ['b'] }));
    expect((await db.yells.toArray()).map((y) => y.id)).toEqual(['y-000002']);
    expect(await cache.version()).toBe(5);
    expect(await readYellSyncState(db)).toEqual({ version: 5, feedOptOut: ['b'] });
    await cache.applyPage(page({ yells: [yell('y-000009', 1)], version: 1, reset: true }));
    expect((await db.yells.toArray()).map((y) => y.id)).toEqual(['y-000009']);
    expect(await cache.version()).toBe(1);
  });

  it('keeps settings and my counts for offline use, and falls back to the defaults when what is kept is broken', async () => {
    const db = fresh();
    const cache = dexieYellCache(db, () => 7);
    expect((await readSettings(db)).values.map((x) => x.label)).toEqual([
      '助けあエール',
      'そんちょうしあエール',
      'たのしめエール',
    ]);
    await cache.saveSettings({ values: [{ id: 'kansha', label: '感謝' }], dailyCap: 5 });
    await cache.saveMe({ received: 1, sent: 2, sentToday: 1, dailyCap: 5 });
    expect(await readSettings(db)).toEqual({ values: [{ id: 'kansha', label: '感謝' }], dailyCap: 5 });
    expect(await readMe(db)).toEqual({ me: { received: 1, sent: 2, sentToday: 1, dailyCap: 5 }, fetchedAt: 7 });
    await db.recognition.put({ key: 'settings', value: { values: 'broken' }, fetchedAt: 8 });
    expect((await readSettings(db)).dailyCap).toBe(20);
  });

  it('stores the settings and my counts a page brings, and keeps them when the next page leaves them out', async () => {
    const db = fresh();
    const cache = dexieYellCache(db, () => 9);
    const settings = { values: [{ id: 'kansha', label: '感謝' }], dailyCap: 5 };
    const me = { received: 1, sent: 2, sentToday: 1, dailyCap: 5 };
    await cache.applyPage({ ...page({ version: 2 }), settings, me });
    await cache.applyPage(page({ yells: [yell('y-000003', 3)], version: 3 }));
    expect(await readSettings(db)).toEqual(settings);
    expect(await readMe(db)).toEqual({ me, fetchedAt: 9 });
    expect(await cache.version()).toBe(3);
  });
});

describe('dexieNotificationCache and read state', () => {
  it('keeps the version and the first time a notification was read', async () => {
    const db = fresh();
    const cache = dexieNotificationCache(db);
    await cache.applyPage({
      notifications: [
        {
          id: 'yell.received:y1',
          kind: 'yell.received',
          createdAt: '2026-11-22T00:00:00.000Z',
          actor: 'a',
          version: 3,
        },
      ],
      version: 3,
      more: false,
      reset: false,
    });
    expect(await cache.version()).toBe(3);
    // A reseeded server answers a device ahead of it with a reset: the old ones go, read state stays.
    await cache.applyPage({
      notifications: [{ id: 'yell.clapped:y9', kind: 'yell.clapped', createdAt: 'x', actor: 'b', version: 1 }],
      version: 1,
      more: false,
      reset: true,
    });
    expect((await db.notifications.toArray()).map((n) => n.id)).toEqual(['yell.clapped:y9']);
    expect(await cache.version()).toBe(1);
    await markRead(db, ['yell.received:y1'], 100);
    await markRead(db, ['yell.received:y1'], 200);
    expect(await db.readNotifications.toArray()).toEqual([{ id: 'yell.received:y1', readAt: 100 }]);
  });
});
