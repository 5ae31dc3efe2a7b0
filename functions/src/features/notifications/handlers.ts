import { NOTIFICATIONS_PAGE_SIZE } from '../../../../src/domain/notifications';
import type { Claims } from '../../../../src/domain/protocol';
import type { FeedAnswer } from '../../../../src/domain/sync-protocol';
import { pageSince } from '../../kit/page';
import type { ServerStores } from '../stores';

/**
 * The caller's own notifications after version V (P4), in version order; no one else's can be
 * asked for. The head is the recognition sequence's; a device ahead of it (the organisation was
 * re-seeded) starts again from 0 with `reset`, like every versioned feed (kit/page.ts).
 */
export async function notificationsAnswer(
  store: ServerStores,
  claims: Claims,
  head: number,
  since: number,
  limit = NOTIFICATIONS_PAGE_SIZE,
): Promise<FeedAnswer<'notifications'>> {
  const page = await pageSince(head, since, limit, (from, n) =>
    store.notifications.notificationsSince(claims.orgId, claims.staffId, from, n),
  );
  return { notifications: page.items, version: page.version, more: page.more, reset: page.reset };
}
