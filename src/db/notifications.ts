import type { AppNotification } from '../domain/notifications';
import type { Answers, PageCache } from '../sync/feed';
import { initialCursor, keptCursor, readCursor, writeCursor } from './cursors';
import type { AppDb, NotificationRow } from './schema';

/**
 * The notifications feed's cache on Dexie, its version in the cursor table. A reset (a reseeded
 * server, a device ahead of it) drops the kept notifications and starts again from the page; read
 * state is the device's own and is never touched here.
 */
export function dexieNotificationCache(db: AppDb): PageCache<Answers['notifications']> {
  return {
    async version() {
      return (await readCursor(db, 'notifications')).version;
    },
    async applyPage(page) {
      const kept = await keptCursor(db, 'notifications');
      const since = kept ?? initialCursor('notifications');
      if (kept !== null && !page.reset && page.version === since.version && page.notifications.length === 0) return;
      await db.transaction('rw', [db.notifications, db.feedCursors], async () => {
        if (page.reset) await db.notifications.clear();
        await db.notifications.bulkPut(page.notifications.map(toRow));
        await writeCursor(db, 'notifications', { version: page.version });
      });
    },
  };
}

function toRow(n: AppNotification): NotificationRow {
  const row: NotificationRow = { id: n.id, kind: n.kind, createdAt: n.createdAt, actor: n.actor, version: n.version };
  if (n.yellId !== undefined) row.yellId = n.yellId;
  if (n.nominationId !== undefined) row.nominationId = n.nominationId;
  if (n.status !== undefined) row.status = n.status;
  if (n.surveyId !== undefined) row.surveyId = n.surveyId;
  return row;
}

/** Marks notifications read on this device (idempotent: the first time read is kept). */
export async function markRead(db: AppDb, ids: readonly string[], now = Date.now()): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction('rw', db.readNotifications, async () => {
    const known = new Set((await db.readNotifications.bulkGet([...ids])).flatMap((r) => (r ? [r.id] : [])));
    await db.readNotifications.bulkPut(ids.filter((id) => !known.has(id)).map((id) => ({ id, readAt: now })));
  });
}
