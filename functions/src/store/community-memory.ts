import {
  applyCommunityIntent,
  withoutVersion,
  type Community,
  type CommunityIntent,
} from '../../../src/domain/communities';
import { memberDocId, type CommunityStore } from './community-port';
import { replayOutcome, type MutationOutcome, type MutationRecord } from './port';
import { CONFLICT, retryOnVersionConflict } from './retry';

interface OrgCommunities {
  head: number;
  communities: Map<string, Community>;
  /** Member document ids, as the Firestore adapter keeps them. */
  members: Set<string>;
  /** Taken versions: the create-if-absent gate. */
  versions: Set<number>;
}

/**
 * The in-memory twin of the communities part of the Store (MemoryStore delegates to it). Like the
 * rest of the twin, a read and its commit are separate steps, so concurrent callers really collide,
 * and a commit checks every create-if-absent before it applies anything.
 */
export class MemoryCommunities implements CommunityStore {
  readonly #orgs = new Map<string, OrgCommunities>();

  /** `mutations` gives the organisation's mutation records, shared with profile mutations. */
  constructor(private readonly mutations: (orgId: string) => Map<string, MutationRecord>) {}

  async applyCommunityMutation(
    orgId: string,
    mutationId: string,
    actorStaffId: string,
    intent: CommunityIntent,
  ): Promise<MutationOutcome> {
    return retryOnVersionConflict(async () => {
      await tick();
      const org = this.#org(orgId);
      const mutations = this.mutations(orgId);
      const head = org.head;
      const existing = mutations.get(mutationId);
      const stored = org.communities.get(intent.communityId);
      if (existing) return replayOutcome(existing, actorStaffId);
      const outcome = applyCommunityIntent(stored ? withoutVersion(stored) : null, intent, actorStaffId);
      if (!outcome.ok) return { status: 'rejected', message: outcome.message } as const;
      const appliedAt = new Date().toISOString();
      await tick();
      if (!outcome.changed) {
        // Recorded all the same: a replay of this id after a later leave must not join again.
        if (mutations.has(mutationId)) return CONFLICT;
        mutations.set(mutationId, { actor: actorStaffId, version: 0, appliedAt });
        return { status: 'applied', version: 0 } as const;
      }
      const version = head + 1;
      const member = memberDocId(intent.communityId, actorStaffId);
      const joins = intent.kind !== 'community.leave';
      if (org.versions.has(version) || mutations.has(mutationId) || (joins && org.members.has(member))) return CONFLICT;
      org.versions.add(version);
      mutations.set(mutationId, { actor: actorStaffId, version, appliedAt });
      if (joins) org.members.add(member);
      else org.members.delete(member);
      org.communities.set(intent.communityId, structuredClone({ ...outcome.community, version }));
      org.head = version;
      return { status: 'applied', version } as const;
    });
  }

  async communityHead(orgId: string): Promise<number> {
    await tick();
    return this.#org(orgId).head;
  }

  async communitiesSince(orgId: string, version: number, limit: number): Promise<Community[]> {
    await tick();
    return [...this.#org(orgId).communities.values()]
      .filter((c) => c.version > version)
      .sort((a, b) => a.version - b.version)
      .slice(0, limit)
      .map((c) => structuredClone(c));
  }

  #org(orgId: string): OrgCommunities {
    let org = this.#orgs.get(orgId);
    if (!org) {
      org = { head: 0, communities: new Map(), members: new Set(), versions: new Set() };
      this.#orgs.set(orgId, org);
    }
    return org;
  }
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
