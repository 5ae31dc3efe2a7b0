import { useLiveQuery } from 'dexie-react-hooks';
import { KEPT_FEEDS } from '../db/cursors';
import type { AppDb } from '../db/schema';

/**
 * Whether every feed has arrived on this device (issue 22): each has stored its first answer (its
 * cursor row, which every feed writes with its first page, an empty one too), and no first
 * directory is still arriving. `undefined` while IndexedDB is read. The sync badge says 最新 only then.
 */
export function useAllFeedsArrived(db: AppDb): boolean | undefined {
  return useLiveQuery(async () => {
    const [kept, meta] = await Promise.all([db.feedCursors.toCollection().primaryKeys(), db.meta.get('directory')]);
    const arriving = meta !== undefined && 'arriving' in meta.value && meta.value.arriving !== undefined;
    const have = new Set<string>(kept);
    return !arriving && KEPT_FEEDS.every((feed) => have.has(feed));
  }, [db]);
}
