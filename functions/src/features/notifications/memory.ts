import type { AppNotification } from '../../../../src/domain/notifications';
import type { HeadHandle } from '../../kit/batch-read';
import { memoryHead, memoryPage, memoryVersionBump, tick } from '../../kit/memory';
import type { RetryPolicy } from '../../kit/versioned';
import type { MemoryEnv } from '../stores';
import {
  assertNotificationItems,
  notificationDocId,
  NOTIFICATIONS_PER_BATCH,
  type NotificationItem,
  type NotificationStore,
} from './port';
import { memoryRecognition } from './sequence';

/** The in-memory twin of the notifications' Firestore adapter (kit/memory.ts says what it keeps of Firestore). */
export class MemoryNotifications implements NotificationStore {
  constructor(
    private readonly env: MemoryEnv,
    readonly retry: RetryPolicy,
  ) {}

  async addNotifications(orgId: string, items: readonly NotificationItem[]): Promise<void> {
    assertNotificationItems(items);
    for (let i = 0; i < items.length; i += NOTIFICATIONS_PER_BATCH) {
      const slice = items.slice(i, i + NOTIFICATIONS_PER_BATCH);
      let fresh: NotificationItem[] = [];
      await memoryVersionBump({
        policy: this.retry,
        reads: this.env.reads,
        gate: () => memoryRecognition(this.env, orgId).gate,
        decide: () => {
          const org = memoryRecognition(this.env, orgId);
          const seen = new Set<string>();
          fresh = slice.filter((item) => {
            const docId = notificationDocId(item.recipient, item.notification.id);
            if (org.notifications.has(docId) || seen.has(docId)) return false;
            seen.add(docId);
            return true;
          });
          this.env.reads.add(slice.length);
          return fresh.length;
        },
        commit: (first) => {
          const org = memoryRecognition(this.env, orgId);
          fresh.forEach((item, k) => {
            org.notifications.set(notificationDocId(item.recipient, item.notification.id), {
              recipient: item.recipient,
              notification: structuredClone({ ...item.notification, version: first + k }),
            });
          });
        },
      });
    }
  }

  async notificationsSince(
    orgId: string,
    recipient: string,
    version: number,
    limit: number,
  ): Promise<AppNotification[]> {
    await tick();
    const mine = [...memoryRecognition(this.env, orgId).notifications.values()]
      .filter((n) => n.recipient === recipient)
      .map((n) => n.notification);
    return memoryPage(this.env.reads, mine, version, limit);
  }

  feedHead(orgId: string): HeadHandle<number> {
    return memoryHead(`${orgId}/recognitionMeta/head`, () => memoryRecognition(this.env, orgId).gate.head);
  }
}
