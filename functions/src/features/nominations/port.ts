import type {
  AuditEntry,
  Award,
  Nomination,
  NominationContext,
  NominationIntent,
} from '../../../../src/domain/nominations';
import type { HeadHandle } from '../../kit/batch-read';
import type { RetryPolicy } from '../../kit/versioned';
import type { MutationOutcome } from '../../kit/versioned';

/**
 * The commendations' store port (C1-C3), implemented by the twin (memory.ts) and the adapter
 * (firestore.ts), held to contract.ts.
 *
 * Invariants:
 * - Each mutation id is applied at most once, in the id space shared with profile and community
 *   mutations: a replay answers `duplicate`, another person's id is rejected.
 * - Every change of a nomination takes the next nomination version (unique, consecutive, per
 *   organisation) by create-if-absent, in the same atomic write as the nomination. This is the
 *   compare-and-set that guards status changes: two reviewers who read the same nomination collide
 *   on the version, the loser re-reads and re-runs the pure rule (applyNominationIntent), which
 *   then refuses its stale `from` status instead of letting it jump a status.
 * - One endorsement per person per nomination: besides the list in the nomination, the document
 *   `{nominationId}_{staffId}` is created with create-if-absent in the same write.
 * - The audit log is append-only: one entry per change, created (never updated or deleted) in the
 *   same write as the change it records.
 * - A refused intent writes nothing and records nothing (the same id may be used again).
 */
export interface NominationStore {
  /** The feature's retry policy; twin and adapter use the same one (the drift test checks). */
  readonly retry: RetryPolicy;
  applyNominationMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: NominationIntent,
    ctx: NominationContext,
  ): Promise<MutationOutcome>;
  getNomination(orgId: string, nominationId: string): Promise<Nomination | null>;
  /** The highest nomination version; 0 before any. One read. */
  nominationHead(orgId: string): Promise<number>;
  /** The same head, for the /sync handler's batched read. */
  feedHead(orgId: string): HeadHandle<number>;
  /** Nominations whose last change has a version above `version`, in version order, at most `limit`. */
  nominationsSince(orgId: string, version: number, limit: number): Promise<Nomination[]>;
  /** The audit log of one nomination, oldest first. */
  nominationAudit(orgId: string, nominationId: string): Promise<AuditEntry[]>;
  /** HR's award list; null until HR sets one (the defaults apply). */
  getAwards(orgId: string): Promise<Award[] | null>;
  /** Replaces the list and moves the nominations head, so the next sync carries the new list. */
  putAwards(orgId: string, awards: readonly Award[]): Promise<void>;
}

/** Endorsement documents are named so that one person endorses one nomination only once. */
export function endorsementDocId(nominationId: string, staffId: string): string {
  return `${nominationId}_${staffId}`;
}

export function withoutVersion(n: Nomination): Omit<Nomination, 'version'> {
  const { version: _version, ...rest } = n;
  return rest;
}
