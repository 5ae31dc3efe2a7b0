import type { AppDb } from '../../db/schema';
import { versionedFeed, type Feed } from '../../sync/feed';
import { dexieTrainingCache } from './cache';

/** The training catalogue changed since the device's version, and my applications when it moved (T1-T2). */
export function trainingFeed(db: AppDb): Feed<'trainings'> {
  return versionedFeed('trainings', dexieTrainingCache(db));
}
