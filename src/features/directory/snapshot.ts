/**
 * The directory's first screen as it was last shown, painted from the page's HTML before any of the
 * app's JavaScript has run. On a slow phone the app's script takes most of a second to parse, read
 * IndexedDB and render the first faces; a copy of the screen those faces made last time (kept in
 * localStorage, so it can be read synchronously by a script in index.html) shows them at the
 * first paint. The copy cannot be used: it is inert and hidden from assistive technology, and
 * the app's own screen replaces it as soon as its first faces are painted.
 *
 * The copy holds only what the directory screen already showed this person (the faces, names and
 * sections of the first screen), like the device store it was rendered from, and goes with it at
 * sign-out (`clearDevice`). This module is what the entry chunk needs (taking the copy at the first
 * screen, removing it, forgetting it); showing and keeping it are in `snapshot-html.ts`.
 */

/** Where the copy is kept. */
export const SNAPSHOT_KEY = 'shokuin:first-screen';
/** Marked at the first paint of a copy, for the benchmark (bench/app-bench.ts). */
export const SNAPSHOT_MARK = 'directory:snapshot-faces';
/** Marked when the copy gives way to the app's own screen: the next frame shows the app's faces. */
export const SNAPSHOT_REMOVED_MARK = 'directory:snapshot-removed';
/** How long a copy may stand in when the app never takes its place (its script failed, or threw). */
export const SNAPSHOT_MAX_MS = 10_000;
/** The element that holds a copy on the page, before the app's root. */
export const SNAPSHOT_ID = 'first-screen';
/** The app's entry script, whose URL names the build a copy was made by. */
export const ENTRY_SCRIPT = 'script[type="module"][src]';
/** The face cards of the grid, counted in a copy. */
export const FACE_CARDS = '.face-grid > li';

/** What the inline script is given (vite.config.ts): it cannot import. */
export const SNAPSHOT_OPTIONS = {
  key: SNAPSHOT_KEY,
  mark: SNAPSHOT_MARK,
  id: SNAPSHOT_ID,
  maxMs: SNAPSHOT_MAX_MS,
  entry: ENTRY_SCRIPT,
  faces: FACE_CARDS,
};
export type SnapshotOptions = typeof SNAPSHOT_OPTIONS;

export interface Saved {
  /** The app's entry script: a copy made by another build may not match its styles. */
  entry: string;
  /** The window's width: at another (a phone turned, a resized window) the grid has other columns. */
  width: number;
  html: string;
}

/**
 * A copy of the directory's first screen as the app's root shows it now: on the directory page, at
 * the top, with nothing typed in the search box. Taken as the first faces are painted, while the
 * grid still holds its opening window (it then shrinks to what is on screen).
 */
export function captureSnapshot(doc: Document): Saved | null {
  const view = doc.defaultView;
  const root = doc.getElementById('root');
  const entry = doc.querySelector(ENTRY_SCRIPT)?.getAttribute('src');
  if (!view || !root || !entry || view.location.pathname !== '/' || view.location.search !== '') return null;
  if (view.scrollY !== 0) return null;
  const box = root.querySelector<HTMLInputElement>('input[type="search"]');
  if (!box || box.value !== '' || !root.querySelector(FACE_CARDS)) return null;
  const clone = root.cloneNode(true) as HTMLElement;
  // The copy sits beside the app's own screen for a moment: the same ids twice would confuse labels.
  for (const element of clone.querySelectorAll('[id]')) element.removeAttribute('id');
  // A status (最新, オフライン) is true of this moment, not of the next start: its place stays, unseen.
  for (const element of clone.querySelectorAll<HTMLElement>('[role="status"]')) element.style.visibility = 'hidden';
  // A select's choice is a property, which cloning and serialising leave behind.
  const chosen = [...root.querySelectorAll('select')].map((select) => select.selectedIndex);
  clone.querySelectorAll('select').forEach((select, i) => {
    const option = select.options[chosen[i] ?? -1];
    if (option) option.setAttribute('selected', '');
  });
  return { entry, width: view.innerWidth, html: clone.innerHTML };
}

/** The app's own screen is up, or another one: the copy goes. */
export function removeSnapshot(doc: Document): void {
  const copy = doc.getElementById(SNAPSHOT_ID);
  if (!copy) return;
  copy.remove();
  performance.mark(SNAPSHOT_REMOVED_MARK);
}

/** Signing out, another person signing in, nobody signed in: the copy is forgotten. */
export function forgetSnapshot(): void {
  try {
    localStorage.removeItem(SNAPSHOT_KEY);
  } catch {
    // Storage absent or refused (no browser, a private window's policy): nothing was kept either.
  }
}
