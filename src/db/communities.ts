import type { Community } from '../domain/communities';
import type { Answers, PageCache } from '../sync/feed';
import { initialCursor, keptCursor, readCursor, writeCursor } from './cursors';
import type { AppDb, CommunityRow } from './schema';

/**
 * The row as stored: the schema's CommunityRow plus the server's version of it. The schema file
 * declares only the indexed shape; Dexie keeps the extra field as it keeps any other.
 */
interface StoredCommunity extends CommunityRow {
  version: number;
}

/**
 * The communities feed's cache on Dexie, its version in the cursor table beside the rows, written
 * in the same transaction (signing out, which clears every table, resets it too).
 */
export function dexieCommunityCache(db: AppDb): PageCache<Answers['communities']> {
  return {
    async version() {
      return (await readCursor(db, 'communities')).version;
    },
    async applyPage(page) {
      const kept = await keptCursor(db, 'communities');
      const since = kept ?? initialCursor('communities');
      if (kept !== null && !page.reset && page.version === since.version && page.communities.length === 0) return;
      const rows: StoredCommunity[] = page.communities.map(toRow);
      await db.transaction('rw', [db.communities, db.feedCursors], async () => {
        if (page.reset) await db.communities.clear();
        await db.communities.bulkPut(rows);
        await writeCursor(db, 'communities', { version: page.version });
      });
    },
  };
}

function toRow(c: Community): StoredCommunity {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    memberIds: c.memberIds,
    createdBy: c.createdBy,
    createdAt: c.createdAt,
    version: c.version,
  };
}
