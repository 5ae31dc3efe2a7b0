/**
 * The organisation upkeep (issue 21, A4): HR's batches of unit changes (add, rename, move, merge,
 * abolish) with an effective day, previewed before anything changes and applied at once or on
 * their day (due.ts, run by the directory feed). The units themselves are the directory's.
 */
import { json } from '../../api/http';
import { exact, parseJsonBody } from '../../api/params';
import { ORG_PATHS } from '../../../../src/domain/organisation/protocol';
import { serverClock } from '../../kit/clock';
import { STANDARD_RETRY } from '../../kit/versioned';
import { defineFeature } from '../feature';
import { FirestoreOrganisation } from './firestore';
import { applyBatch, organisationAudit, previewBatch } from './handlers';
import { MemoryOrganisation } from './memory';

export const organisation = defineFeature({
  name: 'organisation',
  retry: STANDARD_RETRY,
  store: {
    memory: (env) => new MemoryOrganisation(env, STANDARD_RETRY),
    firestore: (env) => new FirestoreOrganisation(env, STANDARD_RETRY),
  },
  routes: [
    {
      method: 'POST',
      pattern: exact(ORG_PATHS.batches),
      roles: ['hr'],
      handle: async ({ claims, request, stores }) =>
        json(200, await previewBatch(stores, claims, parseJsonBody(request.body), serverClock.now())),
    },
    {
      method: 'POST',
      pattern: /^\/org\/batches\/([A-Za-z0-9-]{1,64})\/apply$/,
      roles: ['hr'],
      handle: async ({ claims, stores, params }) =>
        json(200, await applyBatch(stores, claims, params[0] ?? '', serverClock.now(), organisationAudit(stores))),
    },
  ],
});
