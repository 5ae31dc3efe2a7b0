import type { DirectoryChange, PushResponse, SnapshotManifest } from '../domain/protocol';
import type { SyncRequest } from '../domain/sync-protocol';
import type { Mutation } from '../domain/mutations';
import type { ChunkText } from '../domain/directory-codec';
import type { OrgUnit } from '../domain/org';
import type { Refusal } from '../domain/problems';

/**
 * The sync engine talks to these ports only. The browser implements them with Dexie, fetch and
 * the Web Locks API (src/db, src/platform); tests implement them in memory.
 */

/** The network side. Implementations throw `TransportError` for anything that is not a valid answer. */
export interface Transport {
  /**
   * One `POST /sync` with every feed's cursor. The answer is checked as an envelope only: each
   * feed's answer is checked by that feed's schema (SYNC_FEEDS) before it is applied.
   */
  sync(request: SyncRequest): Promise<SyncEnvelope>;
  /** One chunk of a snapshot, structure-checked, as text (see ChunkText for why not decoded). */
  directoryChunk(snapshotId: string, n: number): Promise<ChunkText>;
  push(mutations: readonly Mutation[]): Promise<PushResponse>;
}

/** The answer of `POST /sync`: each feed asked for by name, a feed the server does not know absent. */
export interface SyncEnvelope {
  feeds: Record<string, unknown>;
}

export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    message: string,
    /** HTTP status, or 0 when the request never got an answer (offline, DNS, abort). */
    readonly status: number,
    readonly code = 'unknown',
    /** What to tell the user: the server's problem code and params (or an older server's words). */
    readonly refusal: Refusal = { message },
  ) {
    super(message);
  }
  /** Offline, timeouts, 5xx and 429 are worth retrying; 4xx answers will not change by waiting. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export interface DirectoryState {
  snapshotId: string | null;
  version: number;
}

/** The device's copy of the directory. */
export interface DirectoryStore {
  state(): Promise<DirectoryState>;
  /**
   * Replaces the whole directory with a snapshot, atomically: a reader sees the old directory or
   * the new one, never half of each.
   */
  replaceSnapshot(manifest: SnapshotManifest, units: readonly OrgUnit[], chunks: readonly ChunkText[]): Promise<void>;
  /**
   * The chunks of this snapshot already received, by number, with their counts: what an interrupted
   * download (a tab closed, the network gone) left, so a later pull fetches only the rest.
   */
  receivedChunks(manifest: SnapshotManifest): Promise<{ n: number; count: number }[]>;
  /**
   * Keeps one chunk of a snapshot being received, surviving the tab. A device that holds no
   * directory shows it at once (with the units): its first screen need not wait for the rest. A
   * device that holds one (or part of another snapshot) keeps it aside, and keeps showing what it
   * has, until installSnapshot.
   */
  receiveChunk(manifest: SnapshotManifest, units: readonly OrgUnit[], n: number, chunk: ChunkText): Promise<void>;
  /**
   * Makes a snapshot whose chunks have all been received the device's directory, with its cursor,
   * in one transaction: a reader sees the old directory or the new one, never half of each.
   */
  installSnapshot(manifest: SnapshotManifest, units: readonly OrgUnit[]): Promise<void>;
  /** Forgets what was received of this snapshot (it did not add up); the next pull starts it again. */
  discardReceived(manifest: SnapshotManifest): Promise<void>;
  /** Applies changes in order and records the new version, in one transaction. */
  applyChanges(changes: readonly DirectoryChange[], version: number): Promise<void>;
}

export interface OutboxEntry {
  mutation: Mutation;
  /** Number of failed attempts so far, for backoff. */
  attempts: number;
  /** Epoch ms before which the entry is not sent again. */
  notBefore: number;
  lastError: string | null;
}

/** Pending user changes, in the order they were made. */
export interface Outbox {
  /** The oldest entries first, at most `limit`. */
  peek(limit: number): Promise<OutboxEntry[]>;
  /** Removes acknowledged entries (applied or duplicate). */
  acknowledge(ids: readonly string[]): Promise<void>;
  /** Moves entries the server refused to the rejected list, keeping what the user typed. */
  reject(results: readonly (Refusal & { id: string })[]): Promise<void>;
  /** Records a failed attempt for entries that were sent but not answered. */
  recordFailure(ids: readonly string[], error: string, notBefore: number): Promise<void>;
}

/** Mutual exclusion across tabs of one origin (the Web Locks API in browsers). */
export interface LockManager {
  /** Runs `fn` while holding the named lock; if `ifAvailable` and it is held elsewhere, returns null at once. */
  withLock<T>(name: string, options: { ifAvailable: boolean }, fn: () => Promise<T>): Promise<T | null>;
}

export interface Clock {
  now(): number;
}
