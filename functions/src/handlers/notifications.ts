import { NOTIFICATIONS_PAGE_SIZE, type NotificationsPage } from '../../../src/domain/notifications';
import type { Claims } from '../../../src/domain/protocol';
import type { Store } from '../store/port';

/** The caller's own notifications after version V (P4), in version order; no one else's can be asked for. */
export async function notificationsSince(
  store: Store,
  claims: Claims,
  since: number,
  limit = NOTIFICATIONS_PAGE_SIZE,
): Promise<NotificationsPage> {
  const notifications = await store.notificationsSince(claims.orgId, claims.staffId, since, limit);
  return {
    notifications,
    version: notifications.at(-1)?.version ?? since,
    more: notifications.length === limit,
  };
}
