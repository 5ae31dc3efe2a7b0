import type { Saved, SnapshotOptions } from './snapshot';

/**
 * Showing a copy of the first screen (inlined into index.html by vite.config.ts) and keeping one
 * (loaded after the first screen): neither is in the entry chunk.
 */

/**
 * The saved HTML parsed, when it holds only inert content that loads nothing from elsewhere; null
 * otherwise. Checked when a copy is kept and again when it is shown: what is in localStorage must
 * never run, whoever wrote it there. Parsed into a template, so nothing in it loads or runs before
 * it has been checked. Self-contained: the inline script is given its source.
 */
export function parseInert(doc: Document, html: string): DocumentFragment | null {
  const tags =
    /^(script|style|iframe|frame|frameset|object|embed|link|meta|base|form|template|noscript|image|use|set|animate|animatemotion|animatetransform|foreignobject|video|audio|source|track|math)$/;
  const urls = /^(href|src|xlink:href|srcset|poster|data|background|action|formaction|ping|cite|longdesc)$/;
  const template = doc.createElement('template');
  template.innerHTML = html;
  for (const element of template.content.querySelectorAll('*')) {
    if (tags.test(element.localName.toLowerCase())) return null;
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on') || name === 'srcdoc') return null;
      // Links and images of this app only: a path on this origin, never another site or a script.
      if (urls.test(name) && !/^\/(?![/\\])/.test(attribute.value)) return null;
      if (name === 'style' && /url\(|expression|image-set|\\/i.test(attribute.value)) return null;
    }
  }
  return template.content;
}

/**
 * Runs as an inline script in index.html, right after the app's root, so it must not refer to
 * anything outside itself and `parse` (vite.config.ts inlines their source). Anything unexpected
 * (storage refused, a copy that does not parse or check) leaves the page as it would be without one.
 */
export function showSnapshot(
  win: Window,
  { key, mark, id, maxMs, entry: entryScript, faces: faceCards }: SnapshotOptions,
  parse: (doc: Document, html: string) => DocumentFragment | null,
): void {
  try {
    const doc = win.document;
    const storage = win.localStorage;
    const raw = storage.getItem(key);
    if (!raw || win.location.pathname !== '/' || win.location.search !== '') return;
    const saved = JSON.parse(raw) as Partial<Saved>;
    const entry = doc.querySelector(entryScript)?.getAttribute('src');
    const root = doc.getElementById('root');
    const content =
      root && entry && saved.entry === entry && typeof saved.html === 'string' ? parse(doc, saved.html) : null;
    if (!root || !content) {
      storage.removeItem(key);
      return;
    }
    // Kept for the next start at this width, which will take a copy of its own.
    if (saved.width !== win.innerWidth) return;
    const copy = doc.createElement('div');
    copy.id = id;
    copy.inert = true;
    copy.setAttribute('aria-hidden', 'true');
    copy.append(content);
    root.before(copy);
    // Counted as painted, not as saved.
    const faces = copy.querySelectorAll(faceCards).length;
    // The app removes the copy when its own faces are up; a page whose script never ran must not
    // be left looking alive.
    win.setTimeout(() => copy.remove(), maxMs);
    // The page's first contentful paint is the copy's: before it, the document holds no text.
    if (typeof PerformanceObserver === 'undefined') return;
    const observer = new PerformanceObserver((list) => {
      const paint = list.getEntriesByName('first-contentful-paint')[0];
      if (!paint) return;
      observer.disconnect();
      if (copy.isConnected) win.performance.mark(mark, { startTime: paint.startTime, detail: { faces } });
    });
    observer.observe({ type: 'paint', buffered: true });
  } catch {
    // A copy that cannot be read is only a slower start.
  }
}

/**
 * Keeps a captured copy under `key` (SNAPSHOT_KEY) for the next start, if it parses back to inert
 * content. Returns whether it did.
 */
export function keepSnapshot(doc: Document, key: string, saved: Saved): boolean {
  if (!parseInert(doc, saved.html)) return false;
  try {
    localStorage.setItem(key, JSON.stringify(saved));
    return true;
  } catch {
    // Storage full or refused: the next start is only slower.
    return false;
  }
}
