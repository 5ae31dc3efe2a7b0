import type { FeedName, SyncRequest } from '../../domain/sync-protocol';
import { pullFeeds } from '../engine';
import { startFeed, type Feed } from '../feed';

/**
 * Pulls one feed through the engine's loop, its server side being `answer` (what the server says
 * to each request, checked by the feed's schema as a real answer is). Returns the requests made.
 */
export async function pullOne<F extends FeedName>(
  feed: Feed<F>,
  answer: (request: SyncRequest) => unknown,
): Promise<number> {
  return pullFeeds({ sync: async (request) => ({ feeds: { [feed.name]: structuredClone(await answer(request)) } }) }, [
    await startFeed(feed),
  ]);
}
