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
 * sign-out (`clearDevice`).
 */

/** Where the copy is kept. */
export const SNAPSHOT_KEY = 'shokuin:first-screen';
/** Marked at the first paint of a copy, for the benchmark (bench/app-bench.ts). */
export const SNAPSHOT_MARK = 'directory:snapshot-faces';
/** The element that holds a copy on the page, before the app's root. */
export const SNAPSHOT_ID = 'first-screen';

export interface Saved {
  /** The app's entry script: a copy made by another build may not match its styles. */
  entry: string;
  /** The window's width: at another (a phone turned, a resized window) the grid has other columns. */
  width: number;
  faces: number;
  html: string;
}

/**
 * Runs as an inline script in index.html, right after the app's root, so it must not refer to
 * anything outside itself (vite.config.ts inlines its source). Anything unexpected leaves the page
 * as it would be without a copy.
 */
export function showSnapshot(doc: Document, storage: Storage, key: string, mark: string, id: string): void {
  try {
    const raw = storage.getItem(key);
    if (!raw || doc.location.pathname !== '/' || doc.location.search !== '') return;
    const saved = JSON.parse(raw) as Partial<Saved>;
    const entry = doc.querySelector('script[type="module"][src]')?.getAttribute('src');
    const root = doc.getElementById('root');
    if (!root || !entry || saved.entry !== entry || typeof saved.html !== 'string') {
      storage.removeItem(key);
      return;
    }
    // Kept for the next start at this width, which will take a copy of its own.
    if (saved.width !== doc.defaultView?.innerWidth) return;
    const copy = doc.createElement('div');
    copy.id = id;
    copy.inert = true;
    copy.setAttribute('aria-hidden', 'true');
    copy.innerHTML = saved.html;
    root.before(copy);
    const faces = saved.faces ?? 0;
    // The page's first contentful paint is the copy's: before it, the document holds no text.
    if (typeof PerformanceObserver === 'undefined') return;
    const observer = new PerformanceObserver((list) => {
      const paint = list.getEntriesByName('first-contentful-paint')[0];
      if (!paint) return;
      observer.disconnect();
      if (doc.getElementById(id)) performance.mark(mark, { startTime: paint.startTime, detail: { faces } });
    });
    observer.observe({ type: 'paint', buffered: true });
  } catch {
    // A copy that cannot be read is only a slower start.
  }
}

/** Tags and attributes that could load or run something when the saved HTML is parsed again. */
const UNSAFE_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'LINK',
  'META',
  'BASE',
  'FORM',
  'TEMPLATE',
]);

/**
 * Whether HTML, parsed again as the inline script will parse it, holds only inert content. React
 * escapes every text it renders, so this should always hold; it is checked on the exact string
 * kept, because a serialised tree can parse differently from the tree it came from.
 */
export function isInertHtml(doc: Document, html: string): boolean {
  const template = doc.createElement('template');
  template.innerHTML = html;
  for (const element of template.content.querySelectorAll('*')) {
    if (UNSAFE_TAGS.has(element.tagName.toUpperCase())) return false;
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on') || name === 'srcdoc') return false;
      if (/^\s*(javascript|data|vbscript):/i.test(attribute.value) && /^(href|src|action|xlink:href)$/.test(name))
        return false;
    }
  }
  return true;
}

/**
 * A copy of the directory's first screen as the app's root shows it now: on the directory page, at
 * the top, with nothing typed in the search box. Taken as the first faces are painted, while the
 * grid still holds its opening window (it then shrinks to what is on screen).
 */
export function captureSnapshot(doc: Document): Saved | null {
  const view = doc.defaultView;
  const root = doc.getElementById('root');
  const entry = doc.querySelector('script[type="module"][src]')?.getAttribute('src');
  if (!view || !root || !entry || view.location.pathname !== '/' || view.location.search !== '') return null;
  if (view.scrollY !== 0) return null;
  const box = root.querySelector<HTMLInputElement>('input[type="search"]');
  const faces = root.querySelectorAll('.face-grid > li').length;
  if (!box || box.value !== '' || faces === 0) return null;
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
  return { entry, width: view.innerWidth, faces, html: clone.innerHTML };
}

/** Keeps a captured copy for the next start, if it parses back to inert content. Returns whether it did. */
export function keepSnapshot(doc: Document, storage: Storage, saved: Saved): boolean {
  if (!isInertHtml(doc, saved.html)) return false;
  try {
    storage.setItem(SNAPSHOT_KEY, JSON.stringify(saved));
    return true;
  } catch {
    // Storage full or refused: the next start is only slower.
    return false;
  }
}

/** The app's own screen is up: the copy goes. */
export function removeSnapshot(doc: Document): void {
  doc.getElementById(SNAPSHOT_ID)?.remove();
}

/** Signing out (or another person signing in) forgets the copy with the rest of the device. */
export function forgetSnapshot(storage: Storage | undefined): void {
  try {
    storage?.removeItem(SNAPSHOT_KEY);
  } catch {
    // Storage refused (a private window's policy): nothing was kept either.
  }
}
