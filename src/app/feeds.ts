import type { AppDb } from '../db/schema';
import { communityFeed } from '../features/communities/feed';
import { nominationFeed } from '../features/nominations/feed';
import { notificationFeed } from '../features/notifications/feed';
import { trainingFeed } from '../features/trainings/feed';
import { surveyFeed } from '../features/surveys/feed';
import { yellFeed } from '../features/yell/feed';
import type { AnyFeed } from '../sync/feed';

/**
 * Every feed the device pulls beside the directory (which the engine pulls from its store first),
 * in the order their answers are applied. A new feature's feed is one line here.
 */
export function appFeeds(db: AppDb): AnyFeed[] {
  return [communityFeed(db), yellFeed(db), notificationFeed(db), nominationFeed(db), trainingFeed(db), surveyFeed(db)];
}
