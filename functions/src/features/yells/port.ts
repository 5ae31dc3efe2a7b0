import type { RecognitionSettings, StoredYell, Yell, YellIntent } from '../../../../src/domain/yells';

export type { YellIntent };
import type { ScopeAggregate } from '../../../../src/domain/yell-aggregate';
import type { HeadHandle } from '../../kit/batch-read';
import type { RetryPolicy } from '../../kit/versioned';
import type { MutationOutcome } from '../../kit/versioned';

/**
 * The エール store port (R1-R4). Implemented by the twin (memory.ts) and the adapter
 * (firestore.ts), held to contract.ts.
 *
 * Invariants:
 * - Each mutation id is applied at most once, in the same id space as profile and community
 *   mutations (the records are shared): a replay answers `duplicate`, another person's id is
 *   rejected.
 * - Every change of a yell (sent, clapped, re-logged after an opt-out change) and every
 *   notification takes the next recognition version (unique per organisation; the sequence is
 *   notifications/sequence.ts) by create-if-absent
 *   on a version document, in the same atomic write as the change itself. A writer takes
 *   head + 1 after reading the head, so any write committed after its read collides with it:
 *   no clap, daily count or opt-out change is lost, and "yells above version V, in version
 *   order" pages exactly (nothing can appear later below a version a reader has passed).
 * - One clap per person per yell: besides the clapper list in the yell, a clap is a document
 *   with the deterministic id `{yellId}_{staffId}`, created if absent in the same write.
 * - The aggregates (per scope, per person, per sender per Asia/Tokyo day) are incremented in
 *   the same write as the send they count (yellDelta in src/domain/yell-aggregate.ts), so they
 *   are exact: never a send without its counts, never counts twice.
 * - The daily cap is checked against the day count read with the head: a concurrent send by the
 *   same person collides on the version and re-reads, so the cap is never exceeded.
 * - A viewer gets a yell only if canSeeYell (src/domain/yells.ts) allows it, with the opt-out
 *   set as the store holds it; a public yell hidden by an opt-out comes as a removed id.
 */
export interface YellStore {
  /** The feature's retry policy; twin and adapter use the same one (the drift test checks). */
  readonly retry: RetryPolicy;
  applyYellMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: YellIntent,
    context: YellContext,
  ): Promise<MutationOutcome>;
  /** The highest recognition version (yells and notifications); 0 before any. One read. */
  yellHead(orgId: string): Promise<number>;
  /** The recognition head with the opt-out set, for the /sync handler's batched read (one read). */
  feedHead(orgId: string): HeadHandle<YellFeedHead>;
  /**
   * What `viewer` gets of the yells changed after `version`: at most `limit` yells are scanned in
   * version order; `version` in the answer is where the next page starts.
   */
  yellsSince(orgId: string, viewer: string, version: number, limit: number): Promise<YellsSince>;
  /** Stored yells by id (unknown ids are left out), in the order asked; for checks by other features. */
  getYells(orgId: string, ids: readonly string[]): Promise<StoredYell[]>;
  /** Who keeps エール about themselves out of the public feed. */
  getYellFeedOptOut(orgId: string): Promise<string[]>;
  /**
   * Sets one person's opt-out; when it changes, every public yell to them is re-logged with a new
   * version (in batches), so it leaves or comes back to others' devices at their next pull.
   * Setting the state it already has changes nothing.
   */
  setYellFeedOptOut(orgId: string, staffId: string, optOut: boolean): Promise<void>;
  /** The organisation's settings; the defaults until HR saves some. */
  getRecognitionSettings(orgId: string): Promise<RecognitionSettings>;
  /** Replaces the settings and takes a recognition version, so the next sync carries them. */
  putRecognitionSettings(orgId: string, settings: RecognitionSettings): Promise<void>;
  /** One scope's aggregate (ORG_SCOPE or a unit id); empty when nothing was counted. */
  getYellScope(orgId: string, scope: string): Promise<ScopeAggregate>;
  /** One person's counts, and how many yells they sent on `day` ('YYYY-MM-DD', Asia/Tokyo). */
  getYellPerson(orgId: string, staffId: string, day: string): Promise<YellPersonCounts>;
}

/** Facts the handler resolves before the store applies a yell mutation (none of them race-sensitive). */
export interface YellContext {
  settings: RecognitionSettings;
  /**
   * Unit paths (部 first) of the sender and every recipient, from the roster; a recipient missing
   * here is not a person of the organisation and the send is refused.
   */
  paths: ReadonlyMap<string, readonly string[]>;
  /** Server clock: the yell's createdAt and the day of the daily cap. */
  now: Date;
}

export interface YellsSince {
  yells: Yell[];
  removed: string[];
  version: number;
  more: boolean;
  /** Read after the scan: an opt-out set newer than the scan is safe (its change re-logs), an older one is not. */
  feedOptOut: string[];
  /** The head read before the scan: a `version` above it means the device is ahead (re-seeded org). */
  head: number;
}

export interface YellFeedHead {
  headVersion: number;
  feedOptOut: string[];
}

export interface YellPersonCounts {
  received: number;
  sent: number;
  sentOnDay: number;
}

/** Clap documents are named so that one person claps a yell once. */
export function clapDocId(yellId: string, staffId: string): string {
  return `${yellId}_${staffId}`;
}

/** Re-logged yells per atomic write (a version document and the yell each). */
export const YELL_RELOG_PER_BATCH = 200;
