import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureSnapshot, SNAPSHOT_ID, SNAPSHOT_KEY, type Saved, SNAPSHOT_OPTIONS } from './snapshot';
import { keepSnapshot, parseInert, showSnapshot } from './snapshot-html';

const ENTRY = '/assets/index-abc123.js';

/** The page as index.html and the app leave it: the entry script, then the root with a first screen. */
function page(names: string[], entry = ENTRY): HTMLElement {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  const script = document.createElement('script');
  script.type = 'module';
  script.setAttribute('src', entry);
  document.head.append(script);
  const root = document.createElement('div');
  root.id = 'root';
  const status = document.createElement('p');
  status.className = 'sync-badge';
  status.setAttribute('role', 'status');
  status.textContent = '最新';
  const label = document.createElement('label');
  label.htmlFor = '_r_0_';
  const select = document.createElement('select');
  select.id = '_r_0_';
  for (const value of ['ja', 'en']) select.append(new Option(value, value));
  select.value = 'en';
  const box = document.createElement('input');
  box.type = 'search';
  const grid = document.createElement('ul');
  grid.className = 'face-grid';
  for (const name of names) {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = '/people/x';
    link.textContent = name;
    li.append(link);
    grid.append(li);
  }
  root.append(status, label, select, box, grid);
  document.body.append(root);
  return root;
}

/** A new page load: the same document emptied down to what index.html holds. */
function reload(entry = ENTRY): void {
  page([], entry);
  document.getElementById('root')?.replaceChildren();
}

const MAX_MS = 10_000;
const show = (win: Window = window) => showSnapshot(win, { ...SNAPSHOT_OPTIONS, maxMs: MAX_MS }, parseInert);
const keep = (copy: Saved | null) => (copy ? keepSnapshot(document, SNAPSHOT_KEY, copy) : false);

beforeEach(() => {
  localStorage.clear();
  window.history.replaceState(null, '', '/');
});
afterEach(() => localStorage.clear());

describe('the copy of the first screen', () => {
  it('is shown at the next start before the root, inert and hidden from assistive technology', () => {
    page(['佐藤 花子', '鈴木 一郎']);
    const copy = captureSnapshot(document);
    expect(keep(copy)).toBe(true);

    reload();
    show();
    const shown = document.getElementById(SNAPSHOT_ID);
    expect(shown?.nextElementSibling?.id).toBe('root');
    expect(shown?.inert).toBe(true);
    expect(shown?.getAttribute('aria-hidden')).toBe('true');
    expect([...(shown?.querySelectorAll('a') ?? [])].map((a) => a.textContent)).toEqual(['佐藤 花子', '鈴木 一郎']);
  });

  it('keeps no ids (they would be there twice), no status of the moment it was taken, and the chosen option', () => {
    page(['佐藤 花子']);
    const copy = captureSnapshot(document);
    expect(copy?.html).not.toContain('id=');
    reload();
    keep(copy);
    show();
    const shown = document.getElementById(SNAPSHOT_ID);
    expect(shown?.querySelector<HTMLElement>('[role="status"]')?.style.visibility).toBe('hidden');
    expect(shown?.querySelector('select')?.value).toBe('en');
  });

  it('shows a name with markup in it as text, and makes no element of it', () => {
    const name = '<img src="x" onerror="window.__ran = true"><script>window.__ran = true</script>';
    page([name]);
    const copy = captureSnapshot(document);
    expect(keep(copy)).toBe(true);
    reload();
    show();
    const shown = document.getElementById(SNAPSHOT_ID);
    expect(shown?.querySelector('a')?.textContent).toBe(name);
    expect(shown?.querySelector('img, script')).toBeNull();
  });

  it('is not taken with a query typed, away from the directory, or with no faces', () => {
    const root = page(['佐藤 花子']);
    const box = root.querySelector('input');
    if (box) box.value = 'さとう';
    expect(captureSnapshot(document)).toBeNull();

    page(['佐藤 花子']);
    window.history.replaceState(null, '', '/people/s1');
    expect(captureSnapshot(document)).toBeNull();

    window.history.replaceState(null, '', '/');
    page([]);
    expect(captureSnapshot(document)).toBeNull();
  });

  it('is not shown on another page, and is dropped when another build made it', () => {
    page(['佐藤 花子']);
    const copy = captureSnapshot(document);
    keep(copy);

    reload();
    window.history.replaceState(null, '', '/people/s1');
    show();
    expect(document.getElementById(SNAPSHOT_ID)).toBeNull();
    expect(localStorage.getItem(SNAPSHOT_KEY)).not.toBeNull();

    window.history.replaceState(null, '', '/');
    reload('/assets/index-newbuild.js');
    show();
    expect(document.getElementById(SNAPSHOT_ID)).toBeNull();
    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();
  });

  it('is not shown at another window width, where the grid has other columns', () => {
    page(['佐藤 花子']);
    const copy = captureSnapshot(document);
    if (copy) keep({ ...copy, width: copy.width + 200 });
    reload();
    show();
    expect(document.getElementById(SNAPSHOT_ID)).toBeNull();
    expect(localStorage.getItem(SNAPSHOT_KEY)).not.toBeNull();
  });

  it('leaves the page as it was when what is kept cannot be read, or storage is refused', () => {
    localStorage.setItem(SNAPSHOT_KEY, '{not json');
    reload();
    expect(() => show()).not.toThrow();
    expect(document.getElementById(SNAPSHOT_ID)).toBeNull();

    const refused = new Proxy(window, {
      get: (target, name) => {
        if (name === 'localStorage') throw new DOMException('The operation is insecure.', 'SecurityError');
        return Reflect.get(target, name, target) as unknown;
      },
    });
    expect(() => show(refused)).not.toThrow();
    expect(document.getElementById(SNAPSHOT_ID)).toBeNull();
  });

  it('checks what it reads too: markup planted in storage is not shown, and is dropped', () => {
    page(['佐藤 花子']);
    const copy = captureSnapshot(document);
    if (!copy) throw new Error('no copy');
    localStorage.setItem(
      SNAPSHOT_KEY,
      JSON.stringify({ ...copy, html: `${copy.html}<img src="/x" onerror="window.__ran = true">` }),
    );
    reload();
    show();
    expect(document.getElementById(SNAPSHOT_ID)).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();
  });

  it('goes by itself when the app never takes its place', () => {
    vi.useFakeTimers();
    try {
      page(['佐藤 花子']);
      keep(captureSnapshot(document));
      reload();
      show();
      expect(document.getElementById(SNAPSHOT_ID)).not.toBeNull();
      vi.advanceTimersByTime(MAX_MS);
      expect(document.getElementById(SNAPSHOT_ID)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
  // Going with the rest of the device at sign-out: src/app/session.test.ts (clearDevice is the app's).
});

describe('parseInert', () => {
  const inert = (html: string) => parseInert(document, html) !== null;
  // What React renders.
  it.each([
    '<a href="/people/1" class="face-link"><span style="width: 72px">佐藤</span></a>',
    '<img src="/api/photos/abc" loading="lazy">',
    '<span>&lt;script&gt;alert(1)&lt;/script&gt;</span>',
  ])('accepts %s', (html) => expect(inert(html)).toBe(true));
  // What could run, or load something from elsewhere.
  it.each([
    '<img src="/x" onerror="alert(1)">',
    '<script>alert(1)</script>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="//evil.example/">x</a>',
    '<img src="https://evil.example/x.png">',
    '<img src="/x" srcset="https://evil.example/x.png 2x">',
    '<span style="background: url(https://evil.example/)">x</span>',
    '<iframe srcdoc="x"></iframe>',
    '<svg><style>*{}</style></svg>',
    '<svg><animate attributeName="href" to="javascript:alert(1)"></animate></svg>',
  ])('refuses %s', (html) => expect(inert(html)).toBe(false));
});
