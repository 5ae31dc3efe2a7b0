/** Communities (D6): create, join, leave, and their feed. */
import { STANDARD_RETRY } from '../../kit/versioned';
import { defineFeature, defineFeed } from '../feature';
import { FirestoreCommunities } from './firestore';
import { applyCommunityMutation, communitiesAnswer } from './handlers';
import { MemoryCommunities } from './memory';

export const communities = defineFeature({
  name: 'communities',
  retry: STANDARD_RETRY,
  store: {
    memory: (env) => new MemoryCommunities(env, STANDARD_RETRY),
    firestore: (env) => new FirestoreCommunities(env, STANDARD_RETRY),
  },
  mutations: {
    'community.create': applyCommunityMutation,
    'community.join': applyCommunityMutation,
    'community.leave': applyCommunityMutation,
  },
  feeds: [
    defineFeed({
      name: 'communities',
      plan: (stores, claims, cursor) => {
        const head = stores.communities.feedHead(claims.orgId);
        return {
          reads: [head.read],
          answer: () => communitiesAnswer(stores, claims.orgId, head.value(), cursor.version),
        };
      },
    }),
  ],
});
