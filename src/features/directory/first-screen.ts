/**
 * The first screen of faces goes before anything else the page has to do (decoding the rest of
 * the directory, loading firebase and the sync loop, building the search index): on a slow phone
 * each of these is hundreds of ms, and done first they push the faces back by as much.
 */

/** Set once per page load when the app's first faces are painted (bench/app-bench.ts, the copy's removal). */
export const FIRST_FACES_MARK = 'directory:first-faces';
/** The first screen: 50 faces in the grid, or everyone when fewer match. */
export const FIRST_SCREEN_FACES = 50;

export { afterNextPaint } from '../../ui/paint';

let shown = false;
const waiting: (() => void)[] = [];

/** Whether the first screen has been painted in this page's life. */
export function isFirstScreenShown(): boolean {
  return shown;
}

let facesShown = false;

/**
 * Whether this page has painted its first faces (FIRST_FACES_MARK). Not the same as the first
 * screen: on a new device that is the word that the directory is being received, and the faces
 * come later; their window must still hold the first FIRST_SCREEN_FACES (issue 22).
 */
export function areFirstFacesShown(): boolean {
  return facesShown;
}

/** The first faces have been painted (FaceGrid, once per page): the first screen too, if it was not yet. */
export function firstFacesShown(): void {
  facesShown = true;
  firstScreenShown();
}

/** The directory's first screen (faces, or the word that there are none yet) has been painted. */
export function firstScreenShown(): void {
  if (shown) return;
  shown = true;
  for (const resolve of waiting.splice(0)) resolve();
}

/**
 * How long work that waits for the first faces (firebase and sync, the search index, the service
 * worker's registration) waits for them at most: a page that opens on something else never shows them.
 */
export const FIRST_SCREEN_WAIT_MS = 1500;

/**
 * Resolves once the first screen has been painted, or after `timeoutMs` when the page opened
 * on something else (sign-in, a profile) that never reports it; with `null`, only once painted.
 */
export function afterFirstScreen(timeoutMs: number | null): Promise<void> {
  if (shown) return Promise.resolve();
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (timeoutMs !== null) setTimeout(resolve, timeoutMs);
  });
}
