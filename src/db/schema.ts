import {
  SURVEY_TABLES,
  type SurveyDraftRow,
  type SurveyRow,
  type SurveySendRow,
  type SurveyTokenRow,
} from '../features/surveys/tables';
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { Mutation } from '../domain/mutations';
import type { OrgUnit } from '../domain/org';
import type { DirectoryRecord } from '../domain/staff';
import { COMMUNITY_TABLES, type CommunityRow } from '../features/communities/tables';
import {
  NOMINATION_TABLES,
  type NominationDraftRow,
  type NominationMetaRow,
  type NominationRow,
} from '../features/nominations/tables';
import { NOTIFICATION_TABLES, type NotificationRow, type ReadNotificationRow } from '../features/notifications/tables';
import {
  TRAINING_TABLES,
  type TrainingApplicationRow,
  type TrainingApprovalRow,
  type TrainingRow,
} from '../features/trainings/tables';
import { PROFILE_TABLES, type ProfileDetailRow } from '../features/profile/tables';
import { YELL_TABLES, type RecognitionCacheRow, type YellRow } from '../features/yell/tables';
import type { FeedName } from '../domain/sync-protocol';
import { assemble, type TableDeclarations } from './tables';
import type { Refusal } from '../domain/problems';

export type {
  CommunityRow,
  NominationDraftRow,
  NominationMetaRow,
  NominationRow,
  NotificationRow,
  ProfileDetailRow,
  ReadNotificationRow,
  RecognitionCacheRow,
  YellRow,
};

/**
 * The directory is stored as chunk rows of about 1,000 people, not one row per person: writing
 * 40,000 rows with indexes takes ~10 s on a phone, 40 chunk rows well under one (docs/ARCHITECTURE.md).
 * Each row keeps the chunk's JSON text (see ChunkText). Search runs in memory over the decoded
 * records, so per-person indexes would buy nothing.
 */
export interface DirectoryChunkRow {
  n: number;
  /** With `n`, names the immutable content: decoded chunks are cached by it. */
  snapshotId: string;
  count: number;
  json: string;
}

/** A person changed since the snapshot; `removed` marks someone who left. */
export interface OverlayRow {
  id: string;
  version: number;
  record: DirectoryRecord | null;
}

export interface OutboxRow {
  /** Insertion order: mutations are sent in the order the user made them. */
  seq?: number;
  id: string;
  mutation: Mutation;
  attempts: number;
  notBefore: number;
  lastError: string | null;
}

/**
 * A mutation the server refused, kept so nothing typed vanishes. `code` and `params` say why (a
 * problem, src/domain/problems.ts); `message` is the words of a row kept before codes, or of an
 * older server that sent no code: shown as they are. No index on them, so no Dexie version change.
 */
export interface RejectedRow extends Refusal {
  id: string;
  mutation: Mutation;
  rejectedAt: number;
}

/** What the device knows of its directory beside the feed cursor (`feedCursors`, row `directory`). */
export interface DirectoryMetaValue {
  /** People on the device (while a first snapshot arrives, those received so far). */
  staffCount: number;
  syncedAt: number | null;
  /**
   * A device with no directory receiving its first snapshot (issue 22): which one, and how many
   * people it has in all. Absent once it is installed.
   */
  arriving?: { snapshotId: string; staffCount: number };
}

/** The last signed-in session, so the app opens offline before firebase has loaded. */
export interface SessionValue {
  uid: string;
  email: string;
  staffId: string;
  orgId: string;
  role: 'staff' | 'manager' | 'hr';
  duties: string[];
}

/**
 * The one table of sync cursors, one row per feed (src/domain/sync-protocol.ts): how far the
 * device holds each feed. A feed's cache writes its row in the same transaction as the rows a page
 * brings, so the two never disagree; signing out clears it with every other table.
 */
export interface FeedCursorRow {
  feed: FeedName;
  cursor: unknown;
}

export interface MetaRow {
  key: 'directory' | 'session';
  value: DirectoryMetaValue | SessionValue;
}

export const DB_NAME = 'shokuin-meikan';

/** The device's own tables, shared by every feature: the directory, the session, the outbox, the feed cursors. */
export const DEVICE_TABLES: TableDeclarations = {
  1: {
    directoryChunks: 'n',
    directoryOverlay: 'id',
    units: 'id, parentId',
    meta: 'key',
    outbox: '++seq, &id',
    rejected: 'id',
  },
  // One table of sync cursors, keyed by feed.
  5: { feedCursors: 'feed' },
  // Chunks of a snapshot being received beside the directory the device already shows (issue 22).
  7: { directoryIncoming: 'n' },
};

/** Every feature's tables; a new feature with tables of its own is one line here. */
export const FEATURE_TABLES: readonly TableDeclarations[] = [
  PROFILE_TABLES,
  COMMUNITY_TABLES,
  YELL_TABLES,
  NOTIFICATION_TABLES,
  NOMINATION_TABLES,
  TRAINING_TABLES,
  SURVEY_TABLES,
];

/** Every version of the database in order, with the tables it adds or changes. */
export const VERSION_HISTORY = assemble(DEVICE_TABLES, FEATURE_TABLES);

export class AppDb extends Dexie {
  directoryChunks!: EntityTable<DirectoryChunkRow, 'n'>;
  directoryOverlay!: EntityTable<OverlayRow, 'id'>;
  directoryIncoming!: EntityTable<DirectoryChunkRow, 'n'>;
  units!: EntityTable<OrgUnit, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  rejected!: EntityTable<RejectedRow, 'id'>;
  profileDetails!: EntityTable<ProfileDetailRow, 'id'>;
  communities!: EntityTable<CommunityRow, 'id'>;
  yells!: EntityTable<YellRow, 'id'>;
  notifications!: EntityTable<NotificationRow, 'id'>;
  readNotifications!: EntityTable<ReadNotificationRow, 'id'>;
  recognition!: EntityTable<RecognitionCacheRow, 'key'>;
  nominations!: EntityTable<NominationRow, 'id'>;
  nominationMeta!: EntityTable<NominationMetaRow, 'key'>;
  nominationDrafts!: EntityTable<NominationDraftRow, 'id'>;
  trainings!: EntityTable<TrainingRow, 'id'>;
  trainingApplications!: EntityTable<TrainingApplicationRow, 'runId'>;
  trainingApprovals!: Table<TrainingApprovalRow, [string, string]>;
  surveys!: EntityTable<SurveyRow, 'id'>;
  surveyDrafts!: EntityTable<SurveyDraftRow, 'surveyId'>;
  surveyTokens!: EntityTable<SurveyTokenRow, 'surveyId'>;
  surveySends!: EntityTable<SurveySendRow, 'surveyId'>;
  feedCursors!: EntityTable<FeedCursorRow, 'feed'>;

  constructor(name = DB_NAME) {
    super(name);
    // Version history, assembled from the device's own tables (below) and each feature's
    // tables.ts. Never edit a released version: add a new one with an upgrade and a test in
    // schema.test.ts that opens the previous version's data.
    // An upgrade's code runs once per device, on the first start after an update, so it is not in
    // the entry chunk: it loads as the upgrade begins (a chunk precached like every other, so it is
    // there offline), and Dexie.waitFor keeps the upgrade's transaction open meanwhile.
    const upgrades: Record<number, (tx: Transaction) => Promise<void>> = {
      // v5: each feed's cursor moves from where it was kept into feedCursors.
      5: async (tx) => (await Dexie.waitFor(import('./migrations'))).moveCursorsToTable(tx),
    };
    for (const [version, stores] of VERSION_HISTORY) {
      const declared = this.version(version).stores(stores);
      const upgrade = upgrades[version];
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}
