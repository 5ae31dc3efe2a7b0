import type { NotificationsPage } from '../domain/notifications';
import { ProtocolError } from './status';

/** In-app notifications (P4): the caller's own, "since version V", a page at a time. */
export interface NotificationTransport {
  notificationsSince(version: number): Promise<NotificationsPage>;
}

export interface NotificationCache {
  version(): Promise<number>;
  /** Stores a page and its version atomically. Read state is the device's own and is never touched here. */
  applyPage(page: NotificationsPage): Promise<void>;
}

const MAX_PAGES = 10_000;

export async function pullNotifications(transport: NotificationTransport, cache: NotificationCache): Promise<number> {
  let since = await cache.version();
  let received = 0;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await transport.notificationsSince(since);
    if (page.version < since || (page.more && page.version === since)) {
      throw new ProtocolError(`notifications page does not advance: ${since} -> ${page.version}`);
    }
    if (page.notifications.length > 0 || page.version !== since) await cache.applyPage(page);
    received += page.notifications.length;
    since = page.version;
    if (!page.more) return received;
  }
  throw new ProtocolError('notifications: too many pages');
}
