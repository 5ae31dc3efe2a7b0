/**
 * The notifications part of the Store port on Cloud Firestore (FirestoreStore delegates to it).
 *
 *   orgs/{orgId}/inboxes/{recipient}/notifications/{id}   AppNotification (with its version)
 *   orgs/{orgId}/yellVersions/{000000000042}              { version, kind }   (the gate, shared with yells)
 *   orgs/{orgId}/yellMeta/head                            { headVersion, feedOptOut }  (shared with yells)
 *
 * A notification lives under its recipient, so "mine above version V" is a single-field range
 * query on one person's collection (automatic index) and can never return someone else's. The id
 * is deterministic from the cause, so create-if-absent makes adding it idempotent.
 */
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';
import * as v from 'valibot';
import { AppNotificationSchema, type AppNotification } from '../../../src/domain/notifications';
import { assertNotificationItems, type NotificationItem, type NotificationStore } from './notification-port';
import { CONFLICT, versionDocId } from './retry';
import { retryYellWrite } from './yell-retry';
import { NOTIFICATIONS_PER_BATCH } from './yell-port';

const HeadSchema = v.object({ headVersion: v.optional(v.number(), 0) });
/** gRPC status of a refused create(). */
const ALREADY_EXISTS = 6;

export class FirestoreNotifications implements NotificationStore {
  constructor(private readonly db: Firestore) {}

  async addNotifications(orgId: string, items: readonly NotificationItem[]): Promise<void> {
    assertNotificationItems(items);
    for (let i = 0; i < items.length; i += NOTIFICATIONS_PER_BATCH) {
      const slice = dedupe(items.slice(i, i + NOTIFICATIONS_PER_BATCH));
      await retryYellWrite(async () => {
        // One consistent read of the head and the notifications: anything committed after it
        // takes a version this attempt wants, so a stale answer cannot win.
        const refs = slice.map((item) => inboxRef(this.db, orgId, item.recipient, item.notification.id));
        const [headSnap, ...snaps] = await this.db.getAll(recognitionHeadRef(this.db, orgId), ...refs);
        const head = headSnap?.exists ? v.parse(HeadSchema, headSnap.data()).headVersion : 0;
        const fresh = slice.filter((_, k) => !snaps[k]?.exists);
        if (fresh.length === 0) return undefined;
        const batch = this.db.batch();
        // Refusable creates first (the stand-in applies a batch write by write): the versions, then the notifications.
        fresh.forEach((_, k) => {
          const version = head + 1 + k;
          batch.create(yellVersionRef(this.db, orgId, version), { version, kind: 'notification' });
        });
        fresh.forEach((item, k) => {
          const n: AppNotification = { ...item.notification, version: head + 1 + k };
          batch.create(inboxRef(this.db, orgId, item.recipient, n.id), withoutUndefined(n));
        });
        batch.set(recognitionHeadRef(this.db, orgId), { headVersion: head + fresh.length }, { merge: true });
        return commitOrConflict(batch.commit());
      });
    }
  }

  async notificationsSince(
    orgId: string,
    recipient: string,
    version: number,
    limit: number,
  ): Promise<AppNotification[]> {
    const snap = await this.db
      .collection('orgs')
      .doc(orgId)
      .collection('inboxes')
      .doc(recipient)
      .collection('notifications')
      .where('version', '>', version)
      .orderBy('version')
      .limit(limit)
      .get();
    return snap.docs.map((d) => v.parse(AppNotificationSchema, d.data()));
  }
}

function dedupe(items: readonly NotificationItem[]): NotificationItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.recipient}\u0000${item.notification.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function recognitionHeadRef(db: Firestore, orgId: string): DocumentReference {
  return db.collection('orgs').doc(orgId).collection('yellMeta').doc('head');
}

export function yellVersionRef(db: Firestore, orgId: string, version: number): DocumentReference {
  return db.collection('orgs').doc(orgId).collection('yellVersions').doc(versionDocId(version));
}

export function inboxRef(db: Firestore, orgId: string, recipient: string, id: string): DocumentReference {
  return db.collection('orgs').doc(orgId).collection('inboxes').doc(recipient).collection('notifications').doc(id);
}

/** Firestore refuses `undefined` field values; optional fields that are absent are left out. */
export function withoutUndefined<T extends object>(x: T): T {
  // The filtered entries are the object's own, so the result has T's shape minus absent keys.
  return Object.fromEntries(Object.entries(x).filter(([, value]) => value !== undefined)) as T;
}

export async function commitOrConflict(commit: Promise<unknown>): Promise<typeof CONFLICT | undefined> {
  try {
    await commit;
    return undefined;
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === ALREADY_EXISTS)
      return CONFLICT;
    throw error;
  }
}
