import * as v from 'valibot';
import {
  AwardsConfigSchema,
  DEFAULT_AWARDS,
  type Award,
  type AwardsConfig,
  type NominationsPage,
} from '../domain/nominations';
import type { NominationCache } from '../sync/nominations';
import type { AppDb, NominationDraftRow } from './schema';

/**
 * The sync engine's NominationCache on Dexie. The version lives in its own row, not in the rows'
 * maximum: changes this viewer may not see (and removals) advance it too.
 */
export function dexieNominationCache(db: AppDb): NominationCache {
  return {
    async version() {
      const row = await db.nominationMeta.get('version');
      return typeof row?.value === 'number' ? row.value : 0;
    },
    async applyPage(page: NominationsPage) {
      await db.transaction('rw', db.nominations, db.nominationMeta, async () => {
        if (page.reset) await db.nominations.clear();
        await db.nominations.bulkDelete(page.removed);
        await db.nominations.bulkPut(page.nominations);
        await db.nominationMeta.put({ key: 'version', value: page.version });
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
