/**
 * The directory: profiles and their change log, snapshots and their chunks, photos, staff detail,
 * seeding, and the profile mutations.
 */
import { gzipChunk, json, webpImage } from '../../api/http';
import { exact, parseChunkParams, parseStaffId } from '../../api/params';
import { STANDARD_RETRY } from '../../kit/versioned';
import { endpointOf } from '../audit/record';
import { defineFeature, defineFeed } from '../feature';
import { getDirectoryChunk } from './chunk';
import { FirestoreDirectory } from './firestore';
import { MemoryDirectory } from './memory';
import { readPhoto } from './photos';
import { applyProfilePhoto, applyProfileUpdate } from './profile';
import { buildDirectorySnapshot } from './snapshot';
import { getStaffDetail } from './staff-detail';
import { directoryAnswer } from './sync';
import { jstDate } from '../../../../src/domain/roster/normalize';
import { serverClock } from '../../kit/clock';
import { applyDueRoster } from '../roster/due';
import { applyDueOrganisation } from '../organisation/due';
import { rosterWiringFor } from '../roster/wiring';

/** Paths only the functions serve (the app's paths are in src/domain/protocol.ts). */
export const ADMIN_PATHS = {
  rebuildSnapshot: '/admin/directory/snapshot',
} as const;

export const directory = defineFeature({
  name: 'directory',
  retry: STANDARD_RETRY,
  store: {
    memory: (env) => new MemoryDirectory(env, STANDARD_RETRY),
    firestore: (env) => new FirestoreDirectory(env, STANDARD_RETRY),
  },
  mutations: {
    'profile.update': applyProfileUpdate,
    'profile.photo': applyProfilePhoto,
  },
  feeds: [
    defineFeed({
      name: 'directory',
      plan: (stores, claims, cursor) => {
        const head = stores.directory.directoryHead(claims.orgId);
        return {
          reads: [head.read],
          answer: async () => {
            let meta = head.value();
            // An organisation batch or a roster change kept until its day (issue 21) is applied by
            // the first sync after it: the organisation first, so a 4/1 row finds the 4/1 units.
            const now = serverClock.now();
            if (meta.rosterDue !== undefined && meta.rosterDue <= jstDate(now)) {
              await applyDueOrganisation(stores, claims.orgId, now);
              await applyDueRoster(stores, claims.orgId, now, rosterWiringFor(stores));
              meta = await stores.directory.getDirectoryMeta(claims.orgId);
            }
            return directoryAnswer(stores, claims.orgId, meta, cursor);
          },
        };
      },
    }),
  ],
  routes: [
    {
      method: 'GET',
      pattern: /^\/directory\/snapshots\/([^/]+)\/chunks\/([^/]+)$/,
      handle: async ({ claims, params, stores }) => {
        const { snapshotId, n } = parseChunkParams(params);
        return gzipChunk(await getDirectoryChunk(stores, claims.orgId, snapshotId, n));
      },
    },
    {
      method: 'GET',
      pattern: /^\/staff\/([^/]+)$/,
      handle: async ({ claims, params, request, stores }) =>
        json(200, await getStaffDetail(stores, claims, parseStaffId(params[0]), endpointOf(request))),
    },
    {
      method: 'GET',
      pattern: /^\/photos\/([^/]+)$/,
      cookieAuth: true,
      handle: async ({ claims, params, request, stores }) =>
        webpImage(await readPhoto(stores, claims, params[0] ?? '', 'thumb', endpointOf(request))),
    },
    {
      method: 'GET',
      pattern: /^\/photos\/([^/]+)\/large$/,
      cookieAuth: true,
      handle: async ({ claims, params, request, stores }) =>
        webpImage(await readPhoto(stores, claims, params[0] ?? '', 'large', endpointOf(request))),
    },
    {
      method: 'POST',
      pattern: exact(ADMIN_PATHS.rebuildSnapshot),
      roles: ['hr'],
      handle: async ({ claims, stores }) => {
        const { manifest, status } = await buildDirectorySnapshot(stores, claims.orgId);
        return json(200, { snapshot: manifest, status });
      },
    },
  ],
});
