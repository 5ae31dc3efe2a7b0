import { readCursor, writeCursor } from '../../db/cursors';
import type { AppDb } from '../../db/schema';
import type { Answers, PageCache } from '../../sync/feed';

/**
 * The trainings feed's cache on Dexie: the catalogue's page and, when the feed moved, all of my
 * applications (they replace what was kept: the server sends them whole). One transaction with
 * the cursor. A 課長's applications to approve come whole too, and replace theirs.
 */
export function dexieTrainingCache(db: AppDb): PageCache<Answers['trainings']> {
  return {
    async version() {
      return (await readCursor(db, 'trainings')).version;
    },
    async applyPage(page) {
      const since = await readCursor(db, 'trainings');
      const empty = !page.reset && page.version === since.version && page.trainings.length === 0;
      if (empty && page.mine === undefined && page.toApprove === undefined) return;
      const tables = [db.trainings, db.trainingApplications, db.trainingApprovals, db.feedCursors];
      await db.transaction('rw', tables, async () => {
        if (page.reset) await db.trainings.clear();
        await db.trainings.bulkPut(page.trainings);
        if (page.mine) {
          await db.trainingApplications.clear();
          await db.trainingApplications.bulkPut(page.mine);
        }
        if (page.toApprove) {
          await db.trainingApprovals.clear();
          await db.trainingApprovals.bulkPut(page.toApprove);
        }
        await writeCursor(db, 'trainings', { version: page.version });
      });
    },
  };
}
