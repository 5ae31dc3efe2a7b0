import type { Community, CommunityIntent } from '../../../../src/domain/communities';
import type { HeadHandle } from '../../kit/batch-read';
import type { RetryPolicy } from '../../kit/versioned';
import type { MutationOutcome } from '../../kit/versioned';

/**
 * The communities' store port (D6). Implemented by the twin (memory.ts) and the adapter
 * (firestore.ts), held to contract.ts.
 *
 * Invariants:
 * - Each mutation id is applied at most once, in the same id space as profile mutations: a replay
 *   answers `duplicate`, another person's id is rejected.
 * - Every change of a community takes the next community version (unique, consecutive, per
 *   organisation) by create-if-absent, in the same atomic write as the community itself. So
 *   "communities with a version above V, in version order" pages exactly, and two writers that read
 *   the same community collide on the version: the loser re-reads, and no join or leave is lost.
 * - A person is in a community's member set at most once: besides the set in the community
 *   document, membership is a document with the deterministic id `{communityId}_{staffId}`, created
 *   with create-if-absent and deleted on leave, in the same write.
 */
export interface CommunityStore {
  /** The feature's retry policy; twin and adapter use the same one (the drift test checks). */
  readonly retry: RetryPolicy;
  applyCommunityMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: CommunityIntent,
  ): Promise<MutationOutcome>;
  /** The highest community version; 0 before any community exists. One read. */
  communityHead(orgId: string): Promise<number>;
  /** The same head, for the /sync handler's batched read. */
  feedHead(orgId: string): HeadHandle<number>;
  /** Communities whose last change has a version above `version`, in version order, at most `limit`. */
  communitiesSince(orgId: string, version: number, limit: number): Promise<Community[]>;
}

/** Member documents are named so that one person can be a member of one community only once. */
export function memberDocId(communityId: string, staffId: string): string {
  return `${communityId}_${staffId}`;
}
