import {
  applyCommunityIntent,
  withoutVersion,
  type Community,
  type CommunityIntent,
} from '../../../../src/domain/communities';
import type { HeadHandle } from '../../kit/batch-read';
import { emptyGate, memoryHead, memoryPage, memoryVersionedWrite, tick, type MemoryGate } from '../../kit/memory';
import { rejectWith, UNCHANGED, type MutationOutcome, type RetryPolicy } from '../../kit/versioned';
import type { MemoryEnv } from '../stores';
import { memberDocId, type CommunityStore } from './port';

interface OrgCommunities {
  gate: MemoryGate;
  communities: Map<string, Community>;
  /** Member document ids, as the Firestore adapter keeps them. */
  members: Set<string>;
}

/** The in-memory twin of the communities' Firestore adapter (kit/memory.ts says what it keeps of Firestore). */
export class MemoryCommunities implements CommunityStore {
  readonly #orgs = new Map<string, OrgCommunities>();

  constructor(
    private readonly env: MemoryEnv,
    readonly retry: RetryPolicy,
  ) {}

  applyCommunityMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: CommunityIntent,
  ): Promise<MutationOutcome> {
    return memoryVersionedWrite({
      policy: this.retry,
      reads: this.env.reads,
      mutations: () => this.env.mutations(orgId),
      gate: () => this.#org(orgId).gate,
      mutationId,
      actor: actorStaffId,
      appliedAt: () => new Date().toISOString(),
      extraReads: 1,
      decide: () => {
        const org = this.#org(orgId);
        const stored = org.communities.get(intent.communityId);
        const outcome = applyCommunityIntent(stored ? withoutVersion(stored) : null, intent, actorStaffId);
        if (!outcome.ok) return rejectWith(outcome.problem);
        // Recorded all the same: a replay of this id after a later leave must not join again.
        if (!outcome.changed) return UNCHANGED;
        const member = memberDocId(intent.communityId, actorStaffId);
        const joins = intent.kind !== 'community.leave';
        return {
          write: {
            conflicts: () => joins && org.members.has(member),
            commit: (version) => {
              if (joins) org.members.add(member);
              else org.members.delete(member);
              org.communities.set(intent.communityId, structuredClone({ ...outcome.community, version }));
            },
          },
        };
      },
    });
  }

  async communityHead(orgId: string): Promise<number> {
    await tick();
    this.env.reads.add(1);
    return this.#org(orgId).gate.head;
  }

  feedHead(orgId: string): HeadHandle<number> {
    return memoryHead(`${orgId}/communityMeta/head`, () => this.#org(orgId).gate.head);
  }

  async communitiesSince(orgId: string, version: number, limit: number): Promise<Community[]> {
    await tick();
    return memoryPage(this.env.reads, this.#org(orgId).communities.values(), version, limit);
  }

  #org(orgId: string): OrgCommunities {
    let org = this.#orgs.get(orgId);
    if (!org) {
      org = { gate: emptyGate(), communities: new Map(), members: new Set() };
      this.#orgs.set(orgId, org);
    }
    return org;
  }
}
