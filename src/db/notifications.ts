import * as v from 'valibot';
import type { AppNotification, NotificationsPage } from '../domain/notifications';
import type { NotificationCache } from '../sync/notifications';
import type { AppDb, NotificationRow } from './schema';

const KEY = 'notifications';
const StateSchema = v.object({ version: v.pipe(v.number(), v.integer(), v.minValue(0)) });

/** The sync engine's NotificationCache on Dexie; the page version sits in the `recognition` table. */
export function dexieNotificationCache(db: AppDb, now: () => number = Date.now): NotificationCache {
  return {
    async version() {
      const parsed = v.safeParse(StateSchema, (await db.recognition.get(KEY))?.value);
      return parsed.success ? parsed.output.version : 0;
    },
    async applyPage(page: NotificationsPage) {
      await db.transaction('rw', [db.notifications, db.recognition], async () => {
        await db.notifications.bulkPut(page.notifications.map(toRow));
        await db.recognition.put({ key: KEY, value: { version: page.version }, fetchedAt: now() });
      });
    },
  };
}

function toRow(n: AppNotification): NotificationRow {
  const row: NotificationRow = { id: n.id, kind: n.kind, createdAt: n.createdAt, actor: n.actor, version: n.version };
  if (n.yellId !== undefined) row.yellId = n.yellId;
  if (n.nominationId !== undefined) row.nominationId = n.nominationId;
  if (n.status !== undefined) row.status = n.status;
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
