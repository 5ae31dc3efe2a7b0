import Dexie, { type EntityTable } from 'dexie';
import type { Mutation } from '../domain/mutations';
import type { OrgUnit } from '../domain/org';
import type { DirectoryRecord } from '../domain/staff';

/**
 * The directory is stored as chunk rows of about 1,000 people, not one row per person: writing
 * 40,000 rows with indexes takes ~10 s on a phone, 40 chunk rows well under one (ARCHITECTURE §7).
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

export interface DirectoryMetaValue {
  snapshotId: string | null;
  version: number;
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
  }
}
