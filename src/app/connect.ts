import { dexieDirectoryStore } from '../db/directory-store';
import { dexieOutbox } from '../db/outbox';
import type { AppDb, SessionValue } from '../db/schema';
import { httpTransport } from '../platform/api';
import { getIdToken, keepPhotoCookie, signIn, signOut, watchSession, type SignedInUser } from '../platform/auth';
import { setProfileApi } from '../features/profile/detail-source';
import { setRecognitionApi } from '../features/recognition-summary/summary-source';
import { setNominationApi } from '../features/nominations/audit-source';
import { setAccessApi, setAdminApi } from '../features/admin/admin-source';
import { setRosterApi } from '../features/roster/public';
import { setOrganisationApi } from '../features/organisation/public';

import { setSurveyApi } from '../features/surveys/public';
import { readConfig } from '../platform/config';
import { webLocks } from '../platform/locks';
import { SyncEngine } from '../sync/engine';
import { createSyncLoop } from '../sync/loop';
import { appFeeds } from './feeds';
import type { Connection } from './lazy-connection';
import { clearDevice, endSignedOutSession } from './session';
import { readSession, saveSession } from '../db/session';
import { onSyncRequested } from '../sync/trigger';
import { useUi } from '../ui/ui-store';

/** While the app is open, look for others' changes this often (pushes happen at once). */
const PULL_INTERVAL_MS = 5 * 60_000;

function toSession(user: SignedInUser): SessionValue {
  return {
    uid: user.uid,
    email: user.email,
    staffId: user.claims.staffId,
    orgId: user.claims.orgId,
    role: user.claims.role,
    duties: user.claims.duties,
  };
}

/**
 * Firebase Auth and the sync loop, wired to the device store. Loaded after the first paint by
 * lazy-connection.ts; this module is the only app code that reaches src/platform/auth.
 */
export function connect(db: AppDb): Connection {
  const transport = httpTransport({
    apiBase: readConfig().apiBase,
    getToken: getIdToken,
    // Signed out of every device by HR or by oneself (a lost phone), or retired: wipe and sign out.
    onSignedOut: () => endSignedOutSession(db, signOut),
  });
  // Profile details (D4) and photos (an <img> is authenticated by cookie, see keepPhotoCookie).
  setProfileApi(transport);
  // The recognition summary (R3) is read online by managers and HR; the rest of エール is a feed (feeds.ts).
  setRecognitionApi(transport);
  // The award committee's audit log of a nomination (C2) is read online; nominations are a feed.
  setNominationApi(transport);
  // Surveys (S1-S4): tokens, the anonymous answer and HR's screens are online calls; surveys are a feed.
  setSurveyApi(transport);
  setAdminApi(transport);
  setAccessApi(transport);
  setRosterApi(transport);
  setOrganisationApi({ post: (path, body) => transport.rosterPost(path, body) });
  keepPhotoCookie();
  const engine = new SyncEngine(
    {
      transport,
      feeds: appFeeds(db),
      directory: dexieDirectoryStore(db),
      outbox: dexieOutbox(db),
      locks: webLocks(),
      clock: { now: () => Date.now() },
    },
    { onUnexpectedError: (e) => console.error('sync', e) },
  );
  engine.subscribe((status) => useUi.getState().setSync(status));
  const loop = createSyncLoop(engine, {
    // Wrapped: the browser's timers throw "Illegal invocation" when called as methods of another object.
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (handle) => window.clearTimeout(handle),
    clock: { now: () => Date.now() },
    refreshMs: PULL_INTERVAL_MS,
  });

  async function adopt(user: SignedInUser) {
    const previous = await readSession(db);
    // A different person on this device must not see the last one's unsent changes.
    if (previous && previous.uid !== user.uid) await clearDevice(db);
    await saveSession(db, toSession(user));
    void loop.trigger();
  }

  watchSession((user) => {
    if (user) void adopt(user);
    // Firebase says nobody is signed in (signed out elsewhere, or the account was removed).
    else void readSession(db).then((s) => (s ? clearDevice(db) : undefined));
  });
  onSyncRequested(() => void loop.trigger());
  // Back online: entries that backed off while offline go now, not when their timer would have fired.
  window.addEventListener('online', () => void loop.trigger({ ignoreBackoff: true }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void loop.trigger();
  });

  return {
    async signIn(email, password) {
      await adopt(await signIn(email, password));
    },
    async signOut() {
      await signOut();
      await clearDevice(db);
    },
  };
}
