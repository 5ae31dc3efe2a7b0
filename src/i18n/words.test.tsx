import { act, render, screen, waitFor } from '@testing-library/react';
import { createRoot } from 'react-dom/client';
import { Suspense } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ja } from './ja';
import { en } from './en';
import { defineWords, useLang, useT, type WordBook } from './language';

beforeEach(() => {
  localStorage.clear();
  useLang.setState({ lang: 'ja', shown: 'ja', messages: ja });
});
afterEach(() => localStorage.clear());

/** A book whose English arrives when the test says so. */
function heldBook() {
  let release: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (release = resolve));
  const book = defineWords({ demo: { title: 'お知らせ' } }, () => arrived.then(() => ({ demo: { title: 'Notices' } })));
  return { book, release };
}

function Screen({ book }: { book: WordBook<{ demo: { title: string } }> }) {
  const t = useT(book);
  return (
    <p>
      {t.demo.title} / {t.app.org}
    </p>
  );
}

describe('words per feature', () => {
  it('shows a screen in Japanese, then all of it in English once its book’s English is there, never a mix', async () => {
    const { book, release } = heldBook();
    render(
      <Suspense fallback={<p>…</p>}>
        <Screen book={book} />
      </Suspense>,
    );
    expect(screen.getByText('お知らせ / 組織')).toBeTruthy();

    act(() => useLang.getState().setLang('en'));
    // The shell's English may be there already; the screen stays wholly Japanese until the book's is too.
    await act(() => Promise.resolve());
    expect(screen.getByText('お知らせ / 組織')).toBeTruthy();
    expect(useLang.getState().shown).toBe('ja');

    await act(async () => release());
    expect(await screen.findByText('Notices / Org')).toBeTruthy();
    expect(useLang.getState().shown).toBe('en');

    act(() => useLang.getState().setLang('ja'));
    expect(await screen.findByText('お知らせ / 組織')).toBeTruthy();
  });

  it('suspends a screen whose book loads while English is shown, rather than show its Japanese', async () => {
    act(() => useLang.getState().setLang('en'));
    await waitForShown('en');

    const { book, release } = heldBook(); // as a lazy route's module registers its words
    // A root of its own outside act(), scheduled as in a browser: a suspended mount retries when its words come.
    const actEnv = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    actEnv.IS_REACT_ACT_ENVIRONMENT = false;
    const host = document.body.appendChild(document.createElement('div'));
    const root = createRoot(host);
    try {
      root.render(
        <Suspense fallback={<p>loading</p>}>
          <Screen book={book} />
        </Suspense>,
      );
      await waitFor(() => expect(host.textContent).toBe('loading'));
      expect(host.textContent).not.toContain('お知らせ');

      release();
      await waitFor(() => expect(host.textContent).toBe('Notices / Org'));
    } finally {
      root.unmount();
      host.remove();
      actEnv.IS_REACT_ACT_ENVIRONMENT = true;
    }
  });

  it('gives the same words object on every render, so a screen may use it in a hook’s dependencies', () => {
    const { book } = heldBook();
    const seen: object[] = [];
    function Probe() {
      const t = useT(book);
      seen.push(t);
      return null;
    }
    const { rerender } = render(<Probe />);
    rerender(<Probe />);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seen).size).toBe(1);
  });
});

describe('every feature’s English', () => {
  const books = import.meta.glob<Record<string, unknown>>('../features/**/words.ts', { eager: true });

  it('has exactly the keys of its Japanese, section by section (and the shell’s too)', async () => {
    expect(Object.keys(books).length).toBeGreaterThanOrEqual(10);
    expect(shape(en)).toEqual(shape(ja));
    for (const [path, module] of Object.entries(books)) {
      const book = Object.values(module).find(isBook);
      if (!book) throw new Error(`${path} defines no words`);
      expect(shape(await book.loadEn()), path).toEqual(shape(book.ja));
    }
  });
});

async function waitForShown(lang: 'ja' | 'en') {
  for (let i = 0; i < 50 && useLang.getState().shown !== lang; i++)
    await act(() => new Promise((r) => setTimeout(r, 10)));
  expect(useLang.getState().shown).toBe(lang);
}

function isBook(value: unknown): value is WordBook<object> {
  return typeof value === 'object' && value !== null && 'loadEn' in value && 'ja' in value;
}

/** The keys, nested, with what kind of value each holds. */
function shape(words: object): unknown {
  return Object.fromEntries(
    Object.entries(words)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, typeof v === 'object' && v !== null ? shape(v) : typeof v]),
  );
}
