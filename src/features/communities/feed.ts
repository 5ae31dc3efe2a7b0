import { dexieCommunityCache } from '../../db/communities';
import type { AppDb } from '../../db/schema';
import { versionedFeed, type Feed } from '../../sync/feed';

/** Communities (D6): the ones changed since the device's version, a page at a time; a reset starts over. */
export function communityFeed(db: AppDb): Feed<'communities'> {
  return versionedFeed('communities', dexieCommunityCache(db));
}
