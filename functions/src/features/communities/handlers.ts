import { COMMUNITIES_PAGE_SIZE, type CommunitiesPage } from '../../../../src/domain/communities';
import { intentOf, type FeatureMutation } from '../../../../src/domain/mutations';
import type { Claims, PushResult } from '../../../../src/domain/protocol';
import { pageSince } from '../../kit/page';
import type { ServerStores } from '../stores';
import { resultOf } from '../results';

export type CommunityMutation = FeatureMutation<'communities'>;

/**
 * Applies a community mutation (D6) as the caller, once per mutation id. The actor is the token's
 * staffId: a person can only create, join or leave as themselves.
 */
export async function applyCommunityMutation(
  store: ServerStores,
  claims: Claims,
  mutation: CommunityMutation,
): Promise<PushResult> {
  const outcome = await store.communities.applyCommunityMutation(
    claims.orgId,
    mutation.id,
    claims.staffId,
    intentOf(mutation),
  );
  return resultOf(mutation.id, outcome);
}

/**
 * "Which communities changed since version V": nothing beyond the head when nothing did, otherwise
 * one read per changed community, in version order, a page at a time. A device ahead of the
 * server (the organisation was re-seeded) is told to start over (kit/page.ts).
 */
export async function communitiesAnswer(
  store: ServerStores,
  orgId: string,
  head: number,
  since: number,
  limit = COMMUNITIES_PAGE_SIZE,
): Promise<CommunitiesPage> {
  const page = await pageSince(head, since, limit, (from, n) => store.communities.communitiesSince(orgId, from, n));
  return { communities: page.items, version: page.version, more: page.more, reset: page.reset };
}

/** The same, reading the head first (one read). */
export async function communitiesSince(
  store: ServerStores,
  orgId: string,
  since: number,
  limit = COMMUNITIES_PAGE_SIZE,
) {
  return communitiesAnswer(store, orgId, await store.communities.communityHead(orgId), since, limit);
}
