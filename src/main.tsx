import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { lazyConnection } from './app/lazy-connection';
import { languageReady } from './i18n/language';
import { readSession } from './db/session';
import { getDb } from './app/services';
import { afterFirstScreen, FIRST_SCREEN_WAIT_MS } from './features/directory/first-screen';
import { captureSnapshot, removeSnapshot, SNAPSHOT_KEY } from './features/directory/snapshot';
import { preloadDirectory } from './ui/use-directory';
import './app/app.css';

// The service worker's registration and its update prompt wait for the first screen too: the faces
// need neither (a worker already installed serves them either way), and that keeps 0.5 KB (gzipped)
// out of the entry chunk the first screen waits for. The chunk is precached like the rest.
const UpdatePrompt = lazy(() =>
  afterFirstScreen(FIRST_SCREEN_WAIT_MS)
    .then(() => import('./app/UpdatePrompt'))
    .then(
      (m) => ({ default: m.UpdatePrompt }),
      // Not loaded (a first visit, no worker yet, and the network gone): no prompt, rather than no app.
      () => ({ default: () => null }),
    ),
);

/** How long a copy of the first screen may stand in for a screen that never reports its faces. */
const SNAPSHOT_WAIT_MS = 5000;

const db = getDb();
const connection = lazyConnection(db);
preloadDirectory(db);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
// Japanese is ready at once; a device set to English waits for that one precached chunk, so
// nobody sees a screen flash from one language to the other.
void languageReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App
        db={db}
        connect={() => connection}
        updatePrompt={
          <Suspense fallback={null}>
            <UpdatePrompt />
          </Suspense>
        }
      />
    </StrictMode>,
  ),
);

// Firebase and the sync loop load after the first screen of faces, which needs only what the device
// already has: parsing them before it cost the faces a few hundred ms on a slow phone. A page that
// opens on something else (sign-in loads them on demand, a profile) waits at most a moment.
void afterFirstScreen(FIRST_SCREEN_WAIT_MS).then(() => connection.load());

// The copy of the last first screen (index.html shows it before this script runs) gives way to the
// app's own faces; a page that never shows them (an error, another screen) still drops it, later.
void afterFirstScreen(SNAPSHOT_WAIT_MS).then(() => removeSnapshot(document));
// Back or forward to another screen before the faces: the directory's copy must not stand over it.
window.addEventListener('popstate', () => removeSnapshot(document), { once: true });
// The first screen of faces is kept for the next start; taken now, while it still holds the opening
// window, and kept only if someone is still signed in (another tab may have signed out meanwhile).
void afterFirstScreen(null).then(() => {
  const copy = captureSnapshot(document);
  if (!copy) return;
  void Promise.all([readSession(db), import('./features/directory/snapshot-html')]).then(
    ([session, { keepSnapshot }]) => session && keepSnapshot(document, SNAPSHOT_KEY, copy),
    (e: unknown) => console.error('first screen copy', e),
  );
});
