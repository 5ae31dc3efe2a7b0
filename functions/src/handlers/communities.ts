import { COMMUNITIES_PAGE_SIZE, type CommunitiesPage, type CommunityIntent } from '../../../src/domain/communities';
import type { Mutation } from '../../../src/domain/mutations';
import type { Claims, PushResult } from '../../../src/domain/protocol';
import type { Store } from '../store/port';

export type CommunityMutation = Extract<Mutation, { kind: `community.${string}` }>;

export function isCommunityMutation(m: Mutation): m is CommunityMutation {
  return m.kind === 'community.create' || m.kind === 'community.join' || m.kind === 'community.leave';
}

/**
 * Applies a community mutation (D6) as the caller, once per mutation id. The actor is the token's
 * staffId: a person can only create, join or leave as themselves.
 */
export async function applyCommunityMutation(
  store: Store,
  claims: Claims,
  mutation: CommunityMutation,
): Promise<PushResult> {
  const outcome = await store.applyCommunityMutation(claims.orgId, mutation.id, claims.staffId, toIntent(mutation));
  return outcome.status === 'rejected'
    ? { id: mutation.id, status: 'rejected', message: outcome.message }
    : { id: mutation.id, status: outcome.status };
}

function toIntent(m: CommunityMutation): CommunityIntent {
  switch (m.kind) {
    case 'community.create':
      return {
        kind: m.kind,
        communityId: m.communityId,
        name: m.name,
        description: m.description,
        createdAt: m.createdAt,
      };
    case 'community.join':
    case 'community.leave':
      return { kind: m.kind, communityId: m.communityId };
  }
}

/**
 * "Which communities changed since version V": one read (the head) when nothing did, otherwise one
 * per changed community, in version order, a page at a time. A device ahead of the server (the
 * organisation was re-seeded) is told to start over.
 */
export async function communitiesSince(
  store: Store,
  orgId: string,
  since: number,
  limit = COMMUNITIES_PAGE_SIZE,
): Promise<CommunitiesPage> {
  const head = await store.communityHead(orgId);
  if (since === head) return { communities: [], version: head, more: false, reset: false };
  const reset = since > head;
  const from = reset ? 0 : since;
  const communities = await store.communitiesSince(orgId, from, limit);
  const last = communities.at(-1)?.version ?? from;
  return { communities, version: last, more: communities.length === limit, reset };
}
