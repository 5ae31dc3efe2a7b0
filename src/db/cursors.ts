import * as v from 'valibot';
import { SYNC_FEEDS, type FeedName } from '../domain/sync-protocol';
import type { Cursors } from '../sync/feed';
import type { AppDb } from './schema';

/**
 * The one table of sync cursors, one row per feed (src/domain/sync-protocol.ts): how far the
 * device holds each feed. A feed's cache writes its row in the same transaction as the rows a page
 * brings, so the two never disagree; signing out clears it with every other table.
 */
export interface FeedCursorRow {
  feed: FeedName;
  cursor: unknown;
}

const INITIAL: Cursors = {
  directory: { snapshotId: null, version: 0 },
  communities: { version: 0 },
  yells: { version: 0 },
  notifications: { version: 0 },
  nominations: { version: 0 },
};

/** The feed's cursor as kept, checked by its own schema; where a feed starts when none is kept (or it is broken). */
export async function readCursor<F extends FeedName>(db: AppDb, feed: F): Promise<Cursors[F]> {
  const row = await db.feedCursors.get(feed);
  const parsed = v.safeParse(SYNC_FEEDS[feed].cursor, row?.cursor);
  // The schema of feed F parses to F's cursor; TypeScript does not follow the generic index through it.
  return parsed.success ? (parsed.output as Cursors[F]) : INITIAL[feed];
}

/** Call inside the transaction that stores what the cursor stands for (it must include db.feedCursors). */
export async function writeCursor<F extends FeedName>(db: AppDb, feed: F, cursor: Cursors[F]): Promise<void> {
  await db.feedCursors.put({ feed, cursor });
}
