/**
 * What the app shows about syncing, apart from the engine: the first screen reads it (src/ui/ui-store.ts)
 * without loading the engine's error mapping (status.ts).
 */
import type { Problem, SyncCode } from '../domain/problems';

export type SyncPhase = 'idle' | 'pushing' | 'pulling' | 'offline' | 'error';

/** What the app shows about syncing. Plain data, replaced (never mutated) on every change. */
export interface SyncStatus {
  phase: SyncPhase;
  /**
   * Outbox entries not yet accepted by the server, as of the last push; null before the first one. Counted from
   * one batch, so it reads at most MAX_MUTATIONS_PER_PUSH: screens that need the exact number count the outbox
   * in the device store.
   */
  pending: number | null;
  /** Client time of the last directory sync that reached the server, for 「最終更新」. */
  lastSyncedAt: number | null;
  /** What went wrong, as a code: the badge puts it into words (src/i18n/problems/sync.ts). */
  error: Problem<SyncCode> | null;
  /** Lets the app react without parsing the message, e.g. ask for sign-in on 'unauthenticated'. */
  errorCode: SyncErrorCode | null;
}

export type SyncErrorCode =
  'offline' | 'unauthenticated' | 'forbidden' | 'unavailable' | 'refused' | 'protocol' | 'internal';

export const INITIAL_STATUS: SyncStatus = {
  phase: 'idle',
  pending: null,
  lastSyncedAt: null,
  error: null,
  errorCode: null,
};
