import * as v from 'valibot';
import { AwardsConfigSchema, DEFAULT_AWARDS, type Award, type AwardsConfig } from '../domain/nominations';
import type { Answers, PageCache } from '../sync/feed';
import { initialCursor, keptCursor, readCursor, writeCursor } from './cursors';
import type { AppDb, NominationDraftRow } from './schema';

/** The nominations feed's cache; HR's awards are also saved alone, after HR changes them. */
export interface NominationCache extends PageCache<Answers['nominations']> {
  saveAwards(config: AwardsConfig): Promise<void>;
}

/**
 * The nominations feed's cache on Dexie. The version lives in the cursor table, not in the rows'
 * maximum: changes this viewer may not see (and removals) advance it too. The awards come only
 * when they changed; absent, the kept ones stay.
 */
export function dexieNominationCache(db: AppDb): NominationCache {
  return {
    async version() {
      return (await readCursor(db, 'nominations')).version;
    },
    async applyPage(page) {
      const kept = await keptCursor(db, 'nominations');
      const since = kept ?? initialCursor('nominations');
      const empty = kept !== null && !page.reset && page.version === since.version && page.nominations.length === 0;
      if (empty && page.removed.length === 0 && page.awards === undefined) return;
      await db.transaction('rw', [db.nominations, db.nominationMeta, db.feedCursors], async () => {
        if (page.reset) await db.nominations.clear();
        await db.nominations.bulkDelete(page.removed);
        await db.nominations.bulkPut(page.nominations);
        if (page.awards) await db.nominationMeta.put({ key: 'awards', value: page.awards });
        await writeCursor(db, 'nominations', { version: page.version });
      });
    },
    async saveAwards(config: AwardsConfig) {
      await db.nominationMeta.put({ key: 'awards', value: config });
    },
  };
}

/** HR's awards as last synced; the defaults before the first sync. */
export async function readAwards(db: AppDb): Promise<readonly Award[]> {
  const row = await db.nominationMeta.get('awards');
  const parsed = v.safeParse(AwardsConfigSchema, row?.value);
  return parsed.success ? parsed.output.awards : DEFAULT_AWARDS;
}

export async function saveDraft(db: AppDb, draft: NominationDraftRow): Promise<void> {
  await db.nominationDrafts.put(draft);
}

export async function deleteDraft(db: AppDb, id: string): Promise<void> {
  await db.nominationDrafts.delete(id);
}
