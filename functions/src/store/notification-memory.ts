import type { AppNotification } from '../../../src/domain/notifications';
import type { RecognitionSettings, StoredYell } from '../../../src/domain/yells';
import type { PersonCounts, ScopeAggregate } from '../../../src/domain/yell-aggregate';
import {
  assertNotificationItems,
  notificationDocId,
  type NotificationItem,
  type NotificationStore,
} from './notification-port';
import { NOTIFICATIONS_PER_BATCH } from './yell-port';
import { CONFLICT, retryOnVersionConflict } from './retry';

/**
 * What the in-memory twin keeps of recognition for one organisation, shared by its yells part
 * (yell-memory.ts) and its notifications part: one version sequence for both, as in Firestore.
 */
export interface MemoryRecognitionOrg {
  head: number;
  /** Taken versions: the create-if-absent gate. */
  versions: Set<number>;
  yells: Map<string, StoredYell>;
  /** Clap document ids `{yellId}_{staffId}`. */
  claps: Set<string>;
  /** By document id `{recipient}~{id}`. */
  notifications: Map<string, { recipient: string; notification: AppNotification }>;
  feedOptOut: Set<string>;
  settings: RecognitionSettings | null;
  scopes: Map<string, ScopeAggregate>;
  people: Map<string, PersonCounts>;
  /** `{staffId}~{day}` → yells sent that Asia/Tokyo day. */
  daily: Map<string, number>;
}

export function emptyRecognitionOrg(): MemoryRecognitionOrg {
  return {
    head: 0,
    versions: new Set(),
    yells: new Map(),
    claps: new Set(),
    notifications: new Map(),
    feedOptOut: new Set(),
    settings: null,
    scopes: new Map(),
    people: new Map(),
    daily: new Map(),
  };
}

/**
 * The in-memory twin of the notifications part (MemoryStore delegates to it). Like the rest of
 * the twin, a read and its commit are separate steps and a commit checks every create-if-absent
 * before it applies anything.
 */
export class MemoryNotifications implements NotificationStore {
  constructor(private readonly org: (orgId: string) => MemoryRecognitionOrg) {}

  async addNotifications(orgId: string, items: readonly NotificationItem[]): Promise<void> {
    assertNotificationItems(items);
    for (let i = 0; i < items.length; i += NOTIFICATIONS_PER_BATCH) {
      const slice = items.slice(i, i + NOTIFICATIONS_PER_BATCH);
      await retryOnVersionConflict(async () => {
        await tick();
        const org = this.org(orgId);
        const head = org.head;
        const seen = new Set<string>();
        const fresh = slice.filter((item) => {
          const docId = notificationDocId(item.recipient, item.notification.id);
          if (org.notifications.has(docId) || seen.has(docId)) return false;
          seen.add(docId);
          return true;
        });
        if (fresh.length === 0) return undefined;
        await tick();
        const versions = fresh.map((_, k) => head + 1 + k);
        if (versions.some((n) => org.versions.has(n))) return CONFLICT;
        if (fresh.some((item) => org.notifications.has(notificationDocId(item.recipient, item.notification.id))))
          return CONFLICT;
        fresh.forEach((item, k) => {
          const version = head + 1 + k;
          org.versions.add(version);
          org.notifications.set(notificationDocId(item.recipient, item.notification.id), {
            recipient: item.recipient,
            notification: structuredClone({ ...item.notification, version }),
          });
        });
        org.head = head + fresh.length;
        return undefined;
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
    return [...this.org(orgId).notifications.values()]
      .filter((n) => n.recipient === recipient && n.notification.version > version)
      .map((n) => n.notification)
      .sort((a, b) => a.version - b.version)
      .slice(0, limit)
      .map((n) => structuredClone(n));
  }
}

export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
