/**
 * The notifications' store port on Cloud Firestore.
 *
 *   orgs/{orgId}/inboxes/{recipient}/notifications/{id}   AppNotification (with its version)
 *   orgs/{orgId}/recognitionVersions/…, recognitionMeta/head: the recognition sequence (sequence.ts)
 *
 * A notification lives under its recipient, so "mine above version V" is a single-field range
 * query on one person's collection (automatic index) and can never return someone else's. The id
 * is deterministic from the cause, so create-if-absent makes adding it idempotent.
 */
import * as v from 'valibot';
import { AppNotificationSchema, type AppNotification } from '../../../../src/domain/notifications';
import type { HeadHandle } from '../../kit/batch-read';
import {
  firestoreHead,
  firestorePage,
  firestoreVersionBump,
  parseHeadVersion,
  readDocs,
  withoutUndefined,
} from '../../kit/firestore';
import type { RetryPolicy } from '../../kit/versioned';
import type { FirestoreEnv } from '../stores';
import {
  assertNotificationItems,
  NOTIFICATIONS_PER_BATCH,
  type NotificationItem,
  type NotificationStore,
} from './port';
import { inboxRef, recognitionHeadRef, recognitionVersionRef } from './sequence';

export class FirestoreNotifications implements NotificationStore {
  constructor(
    private readonly env: FirestoreEnv,
    readonly retry: RetryPolicy,
  ) {}

  async addNotifications(orgId: string, items: readonly NotificationItem[]): Promise<void> {
    assertNotificationItems(items);
    const { db } = this.env;
    for (let i = 0; i < items.length; i += NOTIFICATIONS_PER_BATCH) {
      const slice = dedupe(items.slice(i, i + NOTIFICATIONS_PER_BATCH));
      await firestoreVersionBump({
        db,
        policy: this.retry,
        reads: this.env.reads,
        headRef: recognitionHeadRef(db, orgId),
        versionRef: (version) => recognitionVersionRef(db, orgId, version),
        // The notifications are read after the head: anything committed after the head read takes
        // a version this attempt wants, so an answer older than the head cannot win.
        decide: async () => {
          const snaps = await readDocs(
            this.env.reads,
            db,
            slice.map((item) => inboxRef(db, orgId, item.recipient, item.notification.id)),
          );
          const fresh = slice.filter((_, k) => !snaps[k]?.exists);
          return {
            count: fresh.length,
            gate: { kind: 'notification' },
            stage: (batch, first) =>
              fresh.forEach((item, k) => {
                const n: AppNotification = { ...item.notification, version: first + k };
                batch.create(inboxRef(db, orgId, item.recipient, n.id), withoutUndefined(n));
              }),
          };
        },
      });
    }
  }

  notificationsSince(orgId: string, recipient: string, version: number, limit: number): Promise<AppNotification[]> {
    const inbox = this.env.db
      .collection('orgs')
      .doc(orgId)
      .collection('inboxes')
      .doc(recipient)
      .collection('notifications');
    return firestorePage(this.env.reads, inbox, version, limit, (d) => v.parse(AppNotificationSchema, d));
  }

  feedHead(orgId: string): HeadHandle<number> {
    return firestoreHead(recognitionHeadRef(this.env.db, orgId), parseHeadVersion);
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
