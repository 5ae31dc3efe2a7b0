import * as v from 'valibot';
import {
  RecognitionMeSchema,
  RecognitionSettingsSchema,
  DEFAULT_RECOGNITION_SETTINGS,
  type RecognitionMe,
  type RecognitionSettings,
  type Yell,
  type YellsPage,
} from '../domain/yells';
import type { RecognitionCache, YellCache } from '../sync/yells';
import type { AppDb, YellRow } from './schema';

/** Keys of the `recognition` table. */
export const RECOGNITION_KEYS = {
  yellSync: 'yells',
  settings: 'settings',
  me: 'me',
} as const;

const YellSyncStateSchema = v.object({
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  feedOptOut: v.array(v.string()),
});
export type YellSyncState = v.InferOutput<typeof YellSyncStateSchema>;

/** How far the device has synced エール, and who keeps エール about themselves out of the feed. */
export async function readYellSyncState(db: AppDb): Promise<YellSyncState> {
  const row = await db.recognition.get(RECOGNITION_KEYS.yellSync);
  const parsed = v.safeParse(YellSyncStateSchema, row?.value);
  return parsed.success ? parsed.output : { version: 0, feedOptOut: [] };
}

/**
 * The sync engine's YellCache and RecognitionCache on Dexie. The version is the page's, kept in its
 * own row in the same transaction as the rows: a page can be all removals, which leave no row to
 * carry it. Signing out clears every table, this row with them.
 */
export function dexieYellCache(db: AppDb, now: () => number = Date.now): YellCache & RecognitionCache {
  return {
    async version() {
      return (await readYellSyncState(db)).version;
    },
    async applyPage(page: YellsPage) {
      await db.transaction('rw', [db.yells, db.recognition], async () => {
        if (page.reset) await db.yells.clear();
        if (page.removed.length > 0) await db.yells.bulkDelete(page.removed);
        await db.yells.bulkPut(page.yells.map(toRow));
        const state: YellSyncState = { version: page.version, feedOptOut: page.feedOptOut };
        await db.recognition.put({ key: RECOGNITION_KEYS.yellSync, value: state, fetchedAt: now() });
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
