import type { AppDb } from '../../db/schema';
import { dexieYellCache } from '../../db/yells';
import { versionedFeed, type Feed } from '../../sync/feed';

/**
 * エール (R1-R4): the ones this viewer may see changed since the device's version, with the feed
 * opt-outs, and the organisation's settings and my counts when they changed (kept for the send
 * screen offline; absent, the kept ones stay).
 */
export function yellFeed(db: AppDb): Feed<'yells'> {
  return versionedFeed('yells', dexieYellCache(db));
}
