/** Commendations (C1-C3): nominations, endorsements, reviews, consent, awards and the audit log. */
import { API_PATHS } from '../../../../src/domain/protocol';
import { json } from '../../api/http';
import { exact, parseJsonBody } from '../../api/params';
import { STANDARD_RETRY } from '../../kit/versioned';
import { endpointOf } from '../audit/record';
import { defineFeature, defineFeed } from '../feature';
import { FirestoreNominations } from './firestore';
import { applyNominationMutation, nominationAudit, nominationsAnswer, putAwards } from './handlers';
import { MemoryNominations } from './memory';

export const nominations = defineFeature({
  name: 'nominations',
  retry: STANDARD_RETRY,
  store: {
    memory: (env) => new MemoryNominations(env, STANDARD_RETRY),
    firestore: (env) => new FirestoreNominations(env, STANDARD_RETRY),
  },
  mutations: {
    'nomination.create': applyNominationMutation,
    'nomination.endorse': applyNominationMutation,
    'nomination.review': applyNominationMutation,
    'award.consent': applyNominationMutation,
  },
  feeds: [
    defineFeed({
      name: 'nominations',
      plan: (stores, claims, cursor) => {
        const head = stores.nominations.feedHead(claims.orgId);
        return {
          reads: [head.read],
          answer: () => nominationsAnswer(stores, claims, head.value(), cursor.version),
        };
      },
    }),
  ],
  routes: [
    {
      method: 'GET',
      pattern: /^\/nominations\/([A-Za-z0-9-]{8,64})\/audit$/,
      handle: async ({ claims, params, request, stores }) =>
        json(200, { entries: await nominationAudit(stores, claims, params[0] ?? '', endpointOf(request)) }),
    },
    {
      method: 'POST',
      pattern: exact(API_PATHS.awards),
      roles: ['hr'],
      handle: async ({ claims, request, stores }) =>
        json(200, await putAwards(stores, claims.orgId, parseJsonBody(request.body))),
    },
  ],
});
