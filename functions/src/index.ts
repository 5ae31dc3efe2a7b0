/**
 * The Cloud Functions entry point: one HTTPS function, `api`, behind the hosting rewrite of
 * `/api/**`. Routing, authentication and authorisation live in api/, each feature (its store
 * port, twin, adapter, handlers and routes) in features/<name>/, the shared write and read
 * machinery in kit/, the push and /sync handlers that loop over every feature in handlers/.
 */
import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { onRequest } from 'firebase-functions/v2/https';
import { firebaseTokenVerifier } from './api/firebase-token-verifier';
import { serveNodeRequest } from './api/node-http';
import { createApi, type Api } from './api/router';
import { createFirestoreStores } from './features';
import { firebaseAuthAdmin } from './features/access/auth-admin';
import { enableTestClock } from './kit/clock';

let instance: Api | undefined;

/** Created on the first request, not at load: deploy-time analysis loads this file without credentials. */
function getApi(): Api {
  if (!instance) {
    const app = initializeApp();
    const auth = getAuth(app);
    // The roster's test clock (kit/clock.ts) exists only inside the emulator, like the read count.
    if (process.env.FUNCTIONS_EMULATOR === 'true') enableTestClock();
    instance = createApi({
      // Claims, revocation and users of the roster go through the access module's Auth port.
      stores: createFirestoreStores(getFirestore(app), { auth: firebaseAuthAdmin(auth) }),
      verifier: firebaseTokenVerifier(auth),
      logError: (message, error) => logger.error(message, error),
      // The Functions emulator sets FUNCTIONS_EMULATOR; deployed functions never have it, so the
      // read count (for the local bench) cannot leak into production answers.
      exposeReads: process.env.FUNCTIONS_EMULATOR === 'true',
    });
  }
  return instance;
}

export const api = onRequest(
  {
    region: 'asia-northeast1',
    // Anyone may call it; every route but the 404s checks the Firebase ID token itself.
    invoker: 'public',
    // A snapshot rebuild holds every profile of a 40,000-person organisation in memory.
    memory: '1GiB',
    timeoutSeconds: 300,
  },
  (req, res) => serveNodeRequest(getApi, req, res, (message, error) => logger.error(message, error)),
);
