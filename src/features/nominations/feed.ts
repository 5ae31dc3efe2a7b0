import { dexieNominationCache } from '../../db/nominations';
import type { AppDb } from '../../db/schema';
import { versionedFeed, type Feed } from '../../sync/feed';

/** Nominations (C1-C3) this viewer may see, changed since the device's version, and HR's awards when they changed. */
export function nominationFeed(db: AppDb): Feed<'nominations'> {
  return versionedFeed('nominations', dexieNominationCache(db));
}
