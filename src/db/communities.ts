import type { CommunitiesPage, Community } from '../domain/communities';
import type { CommunityCache } from '../sync/communities';
import type { AppDb, CommunityRow } from './schema';

/**
 * The row as stored: the schema's CommunityRow plus the server's version of it. The schema file
 * declares only the indexed shape; Dexie keeps the extra field as it keeps any other.
 */
interface StoredCommunity extends CommunityRow {
  version: number;
}

function versionOf(row: CommunityRow): number {
  return 'version' in row && typeof row.version === 'number' ? row.version : 0;
}

/**
 * The sync engine's CommunityCache on Dexie. The device's version is the highest version among its
 * rows: every community carries the version of its last change, and the server's head is always
 * the version of some community, so the two agree without a separate meta row (and signing out,
 * which clears every table, resets it too).
 */
export function dexieCommunityCache(db: AppDb): CommunityCache {
  return {
    async version() {
      let max = 0;
      await db.communities.each((row) => {
        max = Math.max(max, versionOf(row));
      });
      return max;
    },
    async applyPage(page: CommunitiesPage) {
      const rows: StoredCommunity[] = page.communities.map(toRow);
      await db.transaction('rw', db.communities, async () => {
        if (page.reset) await db.communities.clear();
        await db.communities.bulkPut(rows);
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
