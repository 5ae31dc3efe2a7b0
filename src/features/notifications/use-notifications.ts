import { useLiveQuery } from 'dexie-react-hooks';
import type { AppDb, NotificationRow } from '../../db/schema';

/** Unread notifications on this device (read state never leaves it). 0 while IndexedDB is read. */
export function useUnreadCount(db: AppDb): number {
  return (
    useLiveQuery(async () => {
      const [ids, read] = await Promise.all([
        db.notifications.toCollection().primaryKeys(),
        db.readNotifications.toCollection().primaryKeys(),
      ]);
      const seen = new Set(read);
      return ids.filter((id) => !seen.has(id)).length;
    }, [db]) ?? 0
  );
}

export interface NotificationItem extends NotificationRow {
  read: boolean;
}

/** Newest first; `undefined` while IndexedDB is read. */
export function useNotifications(db: AppDb): NotificationItem[] | undefined {
  return useLiveQuery(async () => {
    const [rows, read] = await Promise.all([
      db.notifications.orderBy('version').reverse().toArray(),
      db.readNotifications.toCollection().primaryKeys(),
    ]);
    const seen = new Set(read);
    return rows.map((n) => ({ ...n, read: seen.has(n.id) }));
  }, [db]);
}
