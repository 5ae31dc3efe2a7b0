import * as v from 'valibot';
import { NotificationIdSchema, type AppNotification, type NewNotification } from '../../../src/domain/notifications';

/**
 * The notifications part of the Store port (P4). Implemented by both stores
 * (notification-memory.ts, notification-firestore.ts), held to yell.contract.ts.
 *
 * Invariants:
 * - A notification is kept once per (recipient, id): ids are deterministic from their cause
 *   (src/domain/notifications.ts), and adding one that exists adds nothing, so a replayed
 *   mutation or a retried call never notifies twice: the document is created if absent, under
 *   its recipient (Firestore: inboxes/{recipient}/notifications/{id}; the twin keys it
 *   `{recipient}~{id}`).
 * - Each notification takes a recognition version (the same sequence as yells, see yell-port.ts)
 *   by create-if-absent in the same atomic write, so "a person's notifications above version V, in
 *   version order" pages exactly. Versions are unique per person (the recipients of one yell
 *   share that yell's version). Notifications caused by a yell mutation are written by the
 *   yell store in that mutation's own write, not through addNotifications.
 * - A person reads only their own notifications: the recipient is part of every query.
 */
export interface NotificationStore {
  /**
   * Adds notifications (e.g. 'nomination.status' from the nominations feature). Idempotent per
   * (recipient, id). Written at most NOTIFICATIONS_PER_BATCH per atomic write.
   */
  addNotifications(orgId: string, items: readonly NotificationItem[]): Promise<void>;
  /** `recipient`'s notifications with a version above `version`, in version order, at most `limit`. */
  notificationsSince(orgId: string, recipient: string, version: number, limit: number): Promise<AppNotification[]>;
}

export interface NotificationItem {
  recipient: string;
  notification: NewNotification;
}

/** `~` is in neither a staff id nor a notification id, so the pair maps to one document id. */
export function notificationDocId(recipient: string, id: string): string {
  return `${recipient}~${id}`;
}

/** A bad id is a programming error of the caller (ids are made by code, never typed): refused before anything is written. */
export function assertNotificationItems(items: readonly NotificationItem[]): void {
  for (const item of items) {
    if (!v.is(NotificationIdSchema, item.notification.id))
      throw new RangeError(`not a notification id: ${JSON.stringify(item.notification.id)}`);
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(item.recipient))
      throw new RangeError(`not a staff id: ${JSON.stringify(item.recipient)}`);
  }
}
