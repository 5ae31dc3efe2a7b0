import * as v from 'valibot';
import { NotificationIdSchema, type AppNotification, type NewNotification } from '../../../../src/domain/notifications';
import type { HeadHandle } from '../../kit/batch-read';
import type { RetryPolicy } from '../../kit/versioned';

/**
 * The notifications' store port (P4). Implemented by the twin (memory.ts) and the adapter
 * (firestore.ts), held to contract.ts (and, for those a yell causes, to the yells' contract).
 *
 * Invariants:
 * - A notification is kept once per (recipient, id): ids are deterministic from their cause
 *   (src/domain/notifications.ts), and adding one that exists adds nothing, so a replayed
 *   mutation or a retried call never notifies twice: the document is created if absent, under
 *   its recipient (Firestore: inboxes/{recipient}/notifications/{id}; the twin keys it
 *   `{recipient}~{id}`).
 * - Each notification takes a recognition version (the recognition sequence, shared with yells: sequence.ts)
 *   by create-if-absent in the same atomic write, so "a person's notifications above version V, in
 *   version order" pages exactly. Versions are unique per person (the recipients of one yell
 *   share that yell's version). Notifications caused by a yell mutation are written by the
 *   yell store in that mutation's own write, not through addNotifications: that is why the two
 *   share one sequence, the recognition sequence (sequence.ts). A yell and its notifications are
 *   one atomic write with one version gate; with two gates, the stand-in (which applies a batch
 *   write by write) could leave one taken and its head behind, and stall that sequence.
 * - A person reads only their own notifications: the recipient is part of every query.
 */
export interface NotificationStore {
  /** The feature's retry policy; twin and adapter use the same one (the drift test checks). */
  readonly retry: RetryPolicy;
  /**
   * Adds notifications (e.g. 'nomination.status' from the nominations feature). Idempotent per
   * (recipient, id). Written at most NOTIFICATIONS_PER_BATCH per atomic write.
   */
  addNotifications(orgId: string, items: readonly NotificationItem[]): Promise<void>;
  /** `recipient`'s notifications with a version above `version`, in version order, at most `limit`. */
  notificationsSince(orgId: string, recipient: string, version: number, limit: number): Promise<AppNotification[]>;
  /** The recognition head, for the /sync handler's batched read (one read). */
  feedHead(orgId: string): HeadHandle<number>;
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
/** Notifications per attempt of addNotifications (a version document and the notification each). */
export const NOTIFICATIONS_PER_BATCH = 200;

export function assertNotificationItems(items: readonly NotificationItem[]): void {
  for (const item of items) {
    if (!v.is(NotificationIdSchema, item.notification.id))
      throw new RangeError(`not a notification id: ${JSON.stringify(item.notification.id)}`);
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(item.recipient))
      throw new RangeError(`not a staff id: ${JSON.stringify(item.recipient)}`);
  }
}
