import * as v from 'valibot';
import {
  RecognitionMeSchema,
  RecognitionSettingsSchema,
  DEFAULT_RECOGNITION_SETTINGS,
  type RecognitionMe,
  type RecognitionSettings,
  type Yell,
} from '../domain/yells';
import type { Answers, PageCache } from '../sync/feed';
import { initialCursor, keptCursor, readCursor, writeCursor } from './cursors';
import type { AppDb, YellRow } from './schema';

/** Keys of the `recognition` table. */
export const RECOGNITION_KEYS = {
  yellSync: 'yells',
  settings: 'settings',
  me: 'me',
} as const;

const FeedOptOutSchema = v.object({ feedOptOut: v.array(v.string()) });
export interface YellSyncState {
  version: number;
  feedOptOut: string[];
}

/** How far the device has synced エール (its feed cursor), and who keeps エール about themselves out of the feed. */
export async function readYellSyncState(db: AppDb): Promise<YellSyncState> {
  const [cursor, row] = await Promise.all([readCursor(db, 'yells'), db.recognition.get(RECOGNITION_KEYS.yellSync)]);
  const parsed = v.safeParse(FeedOptOutSchema, row?.value);
  return { version: cursor.version, feedOptOut: parsed.success ? parsed.output.feedOptOut : [] };
}

/** The yells feed's cache; the settings and my counts are also saved alone, after HR changes them. */
export interface YellCache extends PageCache<Answers['yells']> {
  saveSettings(settings: RecognitionSettings): Promise<void>;
  saveMe(me: RecognitionMe): Promise<void>;
}

/**
 * The yells feed's cache on Dexie. The version is the page's, kept in the cursor table in the same
 * transaction as the rows: a page can be all removals, which leave no row to carry it. The
 * settings and my counts come only when they changed; absent, the kept ones stay.
 */
export function dexieYellCache(db: AppDb, now: () => number = Date.now): YellCache {
  return {
    async version() {
      return (await readCursor(db, 'yells')).version;
    },
    async applyPage(page) {
      await db.transaction('rw', [db.yells, db.recognition, db.feedCursors], async () => {
        const keptRow = await keptCursor(db, 'yells');
        const since = keptRow ?? initialCursor('yells');
        const kept = v.safeParse(FeedOptOutSchema, (await db.recognition.get(RECOGNITION_KEYS.yellSync))?.value);
        const sameOptOut = kept.success && sameList(kept.output.feedOptOut, page.feedOptOut);
        if (page.reset) await db.yells.clear();
        if (page.removed.length > 0) await db.yells.bulkDelete(page.removed);
        if (page.yells.length > 0) await db.yells.bulkPut(page.yells.map(toRow));
        // Opt-outs change without any エール changing; written only when they did, so a sync that
        // changes nothing wakes no screen.
        if (!sameOptOut) {
          const value = { feedOptOut: page.feedOptOut };
          await db.recognition.put({ key: RECOGNITION_KEYS.yellSync, value, fetchedAt: now() });
        }
        if (page.settings) {
          await db.recognition.put({ key: RECOGNITION_KEYS.settings, value: page.settings, fetchedAt: now() });
        }
        if (page.me) await db.recognition.put({ key: RECOGNITION_KEYS.me, value: page.me, fetchedAt: now() });
        if (keptRow === null || page.reset || page.version !== since.version)
          await writeCursor(db, 'yells', { version: page.version });
      });
    },
    async saveSettings(settings: RecognitionSettings) {
      await db.recognition.put({ key: RECOGNITION_KEYS.settings, value: settings, fetchedAt: now() });
    },
    async saveMe(me: RecognitionMe) {
      await db.recognition.put({ key: RECOGNITION_KEYS.me, value: me, fetchedAt: now() });
    },
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function toRow(y: Yell): YellRow {
  return {
    id: y.id,
    from: y.from,
    to: y.to,
    message: y.message,
    value: y.value,
    visibility: y.visibility,
    createdAt: y.createdAt,
    version: y.version,
    clapCount: y.clapCount,
    clappedByMe: y.clappedByMe,
  };
}

/** The organisation's values and cap as last fetched; the defaults before the first sync. */
export async function readSettings(db: AppDb): Promise<RecognitionSettings> {
  const row = await db.recognition.get(RECOGNITION_KEYS.settings);
  const parsed = v.safeParse(RecognitionSettingsSchema, row?.value);
  return parsed.success ? parsed.output : DEFAULT_RECOGNITION_SETTINGS;
}

/** My counts as last fetched, with when: `sentToday` is only today's if fetched today. */
export async function readMe(db: AppDb): Promise<{ me: RecognitionMe; fetchedAt: number } | null> {
  const row = await db.recognition.get(RECOGNITION_KEYS.me);
  const parsed = v.safeParse(RecognitionMeSchema, row?.value);
  return parsed.success && row ? { me: parsed.output, fetchedAt: row.fetchedAt } : null;
}
