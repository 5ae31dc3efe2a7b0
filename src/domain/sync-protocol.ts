import * as v from 'valibot';
import { CommunitiesPageSchema } from './communities';
import { AwardsConfigSchema, NominationsPageSchema } from './nominations';
import { NotificationsPageSchema } from './notifications';
import { DirectorySyncResponseSchema } from './protocol';
import { SurveysPageSchema } from './surveys/survey';
import { TrainingsPageSchema } from './trainings/schemas';
import { RecognitionMeSchema, RecognitionSettingsSchema, YellsPageSchema } from './yells';

/**
 * One round trip for every feed: `POST /sync` with every cursor the device holds, answered with
 * each feed's page, reset or "up to date" (a page that changes nothing). A feed the device does
 * not name is not answered; a feed the server does not know is ignored (an older server).
 *
 * A feed is one line in SYNC_FEEDS: its cursor and its answer. A versioned feed's answer is its
 * page ({ version, more, reset, ...items }); "up to date" is the page with the cursor's version, no
 * items, more and reset false. When a page says `more`, the device asks again for the feeds that
 * have more only. Feeds that carry small whole values beside their pages (the エール settings and
 * my counts, the award names) send them only when the feed changed, so an answer without them
 * means "keep what you have".
 */

const Version = v.pipe(v.number(), v.integer(), v.minValue(0));
export const VersionCursorSchema = v.object({ version: Version });
export type VersionCursor = v.InferOutput<typeof VersionCursorSchema>;

export const DirectoryCursorSchema = v.object({
  snapshotId: v.nullable(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/))),
  version: Version,
});

export const SYNC_FEEDS = {
  directory: { cursor: DirectoryCursorSchema, answer: DirectorySyncResponseSchema },
  communities: { cursor: VersionCursorSchema, answer: CommunitiesPageSchema },
  yells: {
    cursor: VersionCursorSchema,
    answer: v.object({
      ...YellsPageSchema.entries,
      settings: v.optional(RecognitionSettingsSchema),
      me: v.optional(RecognitionMeSchema),
    }),
  },
  notifications: {
    cursor: VersionCursorSchema,
    answer: v.object({ ...NotificationsPageSchema.entries, reset: v.boolean() }),
  },
  surveys: { cursor: VersionCursorSchema, answer: SurveysPageSchema },
  nominations: {
    cursor: VersionCursorSchema,
    answer: v.object({ ...NominationsPageSchema.entries, awards: v.optional(AwardsConfigSchema) }),
  },
  trainings: { cursor: VersionCursorSchema, answer: TrainingsPageSchema },
} as const;

export type FeedName = keyof typeof SYNC_FEEDS;
export const FEED_NAMES = Object.keys(SYNC_FEEDS) as FeedName[];
export type FeedCursor<F extends FeedName> = v.InferOutput<(typeof SYNC_FEEDS)[F]['cursor']>;
export type FeedAnswer<F extends FeedName> = v.InferOutput<(typeof SYNC_FEEDS)[F]['answer']>;

export type SyncRequest = { feeds: { [F in FeedName]?: FeedCursor<F> } };
export type SyncResponse = { feeds: { [F in FeedName]?: FeedAnswer<F> } };

/** The envelope; each cursor and answer is checked by its own feed's schema. */
export const SyncRequestSchema = v.object({ feeds: v.record(v.string(), v.unknown()) });
export const SyncResponseSchema = v.object({ feeds: v.record(v.string(), v.unknown()) });

export const SYNC_PATH = '/sync';
