import { dexieNotificationCache } from '../../db/notifications';
import type { AppDb } from '../../db/schema';
import { versionedFeed, type Feed } from '../../sync/feed';

/** In-app notifications (P4): the signed-in person's own since the device's version; a reset starts over. */
export function notificationFeed(db: AppDb): Feed<'notifications'> {
  return versionedFeed('notifications', dexieNotificationCache(db));
}
