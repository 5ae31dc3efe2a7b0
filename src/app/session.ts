import type { AppDb } from '../db/schema';
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
