/**
 * The roster import (issue 21, A1): HR's file in, checked, compared with the roster (dry run), and
 * applied as a job with checkpoints; rows dated ahead kept until their day (due.ts, run by the
 * directory feed). Rights go through the AccessPort the lead wires in (wiring.ts).
 */
import { json } from '../../api/http';
import { exact, parseJsonBody } from '../../api/params';
import { badRequest, notFound } from '../../api/errors';
import { problem } from '../../../../src/domain/problems';
import { ROSTER_PATHS } from '../../../../src/domain/roster/protocol';
import { serverClock, setServerClock, testClockEnabled } from '../../kit/clock';
import { STANDARD_RETRY } from '../../kit/versioned';
import { defineFeature } from '../feature';
import { FirestoreRoster } from './firestore';
import { applyImport, createImport, dryRun, putImportPart } from './handlers';
import { MemoryRoster } from './memory';
import { rosterWiringFor } from './wiring';

const ID = '([A-Za-z0-9-]{1,64})';
/** The local stack's clock, for tests of what is due at a date (kit/clock.ts). */
export const TEST_CLOCK_PATH = '/testing/clock';

export const roster = defineFeature({
  name: 'roster',
  retry: STANDARD_RETRY,
  store: {
    memory: (env) => new MemoryRoster(env, STANDARD_RETRY),
    firestore: (env) => new FirestoreRoster(env, STANDARD_RETRY),
  },
  routes: [
    {
      method: 'POST',
      pattern: exact(ROSTER_PATHS.imports),
      roles: ['hr'],
      handle: async ({ claims, request, stores }) =>
        json(200, await createImport(stores, claims, parseJsonBody(request.body), serverClock.now())),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/roster/imports/${ID}/parts/(\\d{1,4})$`),
      roles: ['hr'],
      handle: async ({ claims, request, stores, params }) =>
        json(200, await putImportPart(stores, claims, params[0] ?? '', Number(params[1]), parseJsonBody(request.body))),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/roster/imports/${ID}/check$`),
      roles: ['hr'],
      handle: async ({ claims, request, stores, params }) =>
        json(200, await dryRun(stores, claims, params[0] ?? '', parseJsonBody(request.body), serverClock.now())),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/roster/imports/${ID}/apply$`),
      roles: ['hr'],
      handle: async ({ claims, request, stores, params }) =>
        json(
          200,
          await applyImport(
            stores,
            claims,
            params[0] ?? '',
            parseJsonBody(request.body),
            serverClock.now,
            rosterWiringFor(stores),
          ),
        ),
    },
    {
      method: 'POST',
      pattern: exact(TEST_CLOCK_PATH),
      handle: async ({ request }) => {
        if (!testClockEnabled()) throw notFound();
        const body = parseJsonBody(request.body);
        const at = typeof body === 'object' && body !== null && 'at' in body ? body.at : undefined;
        if (at !== null && (typeof at !== 'string' || Number.isNaN(Date.parse(at)))) {
          throw badRequest(problem('api.badRequest'));
        }
        setServerClock(at === null ? null : new Date(at));
        return json(200, { now: serverClock.now().toISOString() });
      },
    },
  ],
});
