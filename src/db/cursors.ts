import type { FeedName } from '../domain/sync-protocol';
import type { Cursors } from '../sync/feed';
import type { AppDb } from './schema';

/** Reading and writing the feed cursor table (`feedCursors`, FeedCursorRow in schema.ts). */

const INITIAL: Cursors = {
  directory: { snapshotId: null, version: 0 },
  communities: { version: 0 },
  yells: { version: 0 },
  notifications: { version: 0 },
  nominations: { version: 0 },
  trainings: { version: 0 },
  surveys: { version: 0 },
};

/**
 * The feed's cursor as kept; where a feed starts when none is kept (or it is broken). Checked by
 * hand, as the cursor schemas of SYNC_FEEDS would: the directory store reads this on the first
 * screen, and the protocol module would bring every feed's schemas into the entry chunk.
 */
export async function readCursor<F extends FeedName>(db: AppDb, feed: F): Promise<Cursors[F]> {
  const row = await db.feedCursors.get(feed);
  return isCursorOf(feed, row?.cursor) ? row.cursor : INITIAL[feed];
}

/**
 * The feed's cursor, or null when the device has never stored a page of it (issue 22): a screen
 * whose feed has not arrived says it is loading, not that it is empty, and the badge is not 最新.
 * So every feed stores its cursor at its first answer, an empty one too.
 */
export async function keptCursor<F extends FeedName>(db: AppDb, feed: F): Promise<Cursors[F] | null> {
  const row = await db.feedCursors.get(feed);
  return isCursorOf(feed, row?.cursor) ? row.cursor : null;
}

/** Where a feed starts when the device holds nothing of it. */
export function initialCursor<F extends FeedName>(feed: F): Cursors[F] {
  return INITIAL[feed];
}

/** Every feed the device keeps a cursor for (the list of SYNC_FEEDS, without its schemas). */
export const KEPT_FEEDS = Object.keys(INITIAL) as FeedName[];

export function isCursorOf<F extends FeedName>(feed: F, value: unknown): value is Cursors[F] {
  if (typeof value !== 'object' || value === null || !('version' in value)) return false;
  const { version } = value;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return false;
  if (feed !== 'directory') return true;
  if (!('snapshotId' in value)) return false;
  const { snapshotId } = value;
  return snapshotId === null || (typeof snapshotId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(snapshotId));
}

/** Call inside the transaction that stores what the cursor stands for (it must include db.feedCursors). */
export async function writeCursor<F extends FeedName>(db: AppDb, feed: F, cursor: Cursors[F]): Promise<void> {
  await db.feedCursors.put({ feed, cursor });
}
