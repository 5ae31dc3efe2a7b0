import Dexie, { type EntityTable } from 'dexie';
import type { Mutation } from '../domain/mutations';
import type { OrgUnit } from '../domain/org';
import type { DirectoryRecord } from '../domain/staff';
import type { NominationView } from '../domain/nominations';
import type { FeedCursorRow } from './cursors';
import { moveCursorsToTable } from './migrations';

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

export interface RejectedRow {
  id: string;
  mutation: Mutation;
  message: string;
  rejectedAt: number;
}

/** What the device knows of its directory beside the feed cursor (`feedCursors`, row `directory`). */
export interface DirectoryMetaValue {
  staffCount: number;
  syncedAt: number | null;
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
 * What the server let this viewer see of one person beyond the shared snapshot (restricted fields
 * by audience and role), kept for offline viewing. Cleared on sign-out with everything else.
 */
export interface ProfileDetailRow {
  id: string;
  /** The per-person endpoint's answer, validated by the feature that fetched it. */
  detail: unknown;
  fetchedAt: number;
}

/** A community (interest circle) as the device last saw it. */
export interface CommunityRow {
  id: string;
  name: string;
  description: string;
  memberIds: string[];
  createdBy: string;
  createdAt: string;
}

/**
 * An エール as the device last saw it (R1, R2): the server's record for this viewer. Unsent ones are
 * not here: they are shown from the outbox, so an acknowledged or rejected send simply stops showing.
 */
export interface YellRow {
  id: string;
  from: string;
  to: string[];
  message: string;
  value: string;
  visibility: 'public' | 'private';
  createdAt: string;
  version: number;
  clapCount: number;
  clappedByMe: boolean;
}

/** An in-app notification (P4) for the signed-in person. */
export interface NotificationRow {
  id: string;
  kind: 'yell.received' | 'yell.clapped' | 'nomination.status';
  createdAt: string;
  actor: string | null;
  yellId?: string;
  nominationId?: string;
  status?: string;
  version: number;
}

/** Read state stays on the device: a notification read on this phone. */
export interface ReadNotificationRow {
  id: string;
  readAt: number;
}

/**
 * Recognition answers kept for offline use, by key: `yells` (who keeps エール about themselves out
 * of the feed), `settings` and `me` (so the send screen works offline), `summary:<unit|all>`.
 * Each value is validated by the code that reads it, as profileDetails are.
 */
export interface RecognitionCacheRow {
  key: string;
  value: unknown;
  fetchedAt: number;
}

/** A nomination (C1-C3) as the server let this viewer see it (NominationView). */
export type NominationRow = NominationView;

/** `awards`: HR's award list, for the new-nomination form offline (how far nominations synced is a feed cursor). */
export interface NominationMetaRow {
  key: 'awards';
  value: unknown;
}

/** A nomination being written, kept on the device until it is sent (then deleted with it). */
export interface NominationDraftRow {
  id: string;
  awardId: string;
  nominees: string[];
  teamName: string;
  reason: string;
  yellIds: string[];
  updatedAt: number;
}

export interface MetaRow {
  key: 'directory' | 'session';
  value: DirectoryMetaValue | SessionValue;
}

export const DB_NAME = 'shokuin-meikan';

export class AppDb extends Dexie {
  directoryChunks!: EntityTable<DirectoryChunkRow, 'n'>;
  directoryOverlay!: EntityTable<OverlayRow, 'id'>;
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
  feedCursors!: EntityTable<FeedCursorRow, 'feed'>;

  constructor(name = DB_NAME) {
    super(name);
    // Version history. Never edit a released version: add a new one with an upgrade and a test
    // in schema.test.ts that opens the previous version's data.
    this.version(1).stores({
      directoryChunks: 'n',
      directoryOverlay: 'id',
      units: 'id, parentId',
      meta: 'key',
      outbox: '++seq, &id',
      rejected: 'id',
    });
    // v2: restricted profile fields kept for offline viewing (D4), and communities (D6).
    this.version(2).stores({
      profileDetails: 'id',
      communities: 'id, name',
    });
    // v3: エール (R1-R4) and in-app notifications (P4), with what the send screen needs offline.
    this.version(3).stores({
      yells: 'id, version, from, *to, createdAt',
      notifications: 'id, version, createdAt',
      readNotifications: 'id',
      recognition: 'key',
    });
    // v4: commendations (C1-C3): nominations this viewer may see, sync meta, drafts kept until sent.
    this.version(4).stores({
      nominations: 'id, version, status, createdAt',
      nominationMeta: 'key',
      nominationDrafts: 'id, updatedAt',
    });
    // v5: one table of sync cursors, keyed by feed; each feed's cursor moves there from where it
    // was kept (see migrations.ts).
    this.version(5)
      .stores({ feedCursors: 'feed' })
      .upgrade((tx) => moveCursorsToTable(tx));
  }
}
