import type { AppDb } from '../db/schema';
import { noteSignedOutRemotely } from '../features/auth/notice';
import { forgetSnapshot } from '../features/directory/snapshot';

/**
 * Signing out forgets everything on the device: office PCs are shared, and the directory and any
 * unsent changes belong to the person who signed in.
 */
export async function clearDevice(db: AppDb): Promise<void> {
  // The copy of the first screen showed this person's directory.
  forgetSnapshot();
  await Promise.all([
    db.transaction('rw', db.tables, async () => {
      await Promise.all(db.tables.map((t) => t.clear()));
    }),
    clearPhotoCache(),
  ]);
}

/** The service worker's runtime cache of photos (its cacheName in vite.config.ts). */
export const PHOTO_CACHE = 'photos';

/**
 * The faces this person was allowed to see (some only to their 部 or to managers) are served
 * from the cache by URL alone, whoever signs in next, so they go with the rest.
 */
async function clearPhotoCache(): Promise<void> {
  // Absent in tests without a browser, and on http: pages other than localhost.
  if (typeof caches === 'undefined') return;
  await caches.delete(PHOTO_CACHE).catch((e: unknown) => console.error('photo cache', e));
}

/**
 * The server said this person was signed out of every device, or retired (`auth.signedOut`, A6):
 * the device deletes what it holds first (so that nothing stays even if signing out fails, e.g.
 * offline a moment later), then signs out of Auth. Unsent changes go too: they were the session's,
 * and the session was ended on purpose.
 */
export async function endSignedOutSession(db: AppDb, signOut: () => Promise<void>): Promise<void> {
  await clearDevice(db);
  noteSignedOutRemotely();
  await signOut().catch((e: unknown) => console.error('sign-out', e));
}
