import { readCursor, writeCursor } from '../../db/cursors';
import type { AppDb } from '../../db/schema';
import type { Feed } from '../../sync/feed';

/**
 * The surveys assigned to me (S3): when the feed moved, the whole list replaces the device's (a
 * handful of surveys a year); when not, nothing changes. After a change, the token and send work
 * runs (work.ts, loaded then), outside the feed's transaction.
 */
export function surveyFeed(db: AppDb): Feed<'surveys'> {
  return {
    name: 'surveys',
    async start() {
      let cursor = await readCursor(db, 'surveys');
      return {
        cursor: () => cursor,
        async apply(answer) {
          await db.transaction('rw', db.surveys, db.feedCursors, async () => {
            if (answer.surveys) {
              await db.surveys.clear();
              await db.surveys.bulkPut(answer.surveys);
            }
            await writeCursor(db, 'surveys', { version: answer.version });
          });
          cursor = { version: answer.version };
          void import('./work').then((w) => w.surveyWork(db)).catch(() => undefined);
          return answer.more;
        },
      };
    },
  };
}
