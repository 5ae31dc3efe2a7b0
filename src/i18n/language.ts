import { create } from 'zustand';
import { use } from 'react';
import { ja, type Messages } from './ja';

export type Lang = 'ja' | 'en';

export const LANGS: readonly Lang[] = ['ja', 'en'];

/** Each language named in itself, so anyone can find their own in the switch. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { ja: '日本語', en: 'English' };

/**
 * Only the first screen's words are in the entry chunk (ja.ts: the shell, the directory, its
 * filters' first view, the sync badge, the update prompt). Every other feature brings its own
 * (`defineWords` in its words.ts), loaded with its lazy route. English is a chunk of its own for
 * the shell and one per feature, loaded when chosen and precached by the service worker like every
 * chunk, so it is there offline too.
 */
const loaded: Partial<Record<Lang, Messages>> = { ja };

function load(lang: Lang): Promise<Messages> {
  const have = loaded[lang];
  if (have) return Promise.resolve(have);
  return import('./en').then(({ en }) => (loaded.en = en));
}

/** One feature's words: its Japanese, always there, and its English, loaded on demand. */
export interface WordBook<W extends object> {
  /** Tells books apart in the cache of merged words. */
  readonly id: number;
  readonly ja: W;
  /** The English words once loaded. */
  en: W | undefined;
  /** Loads the English words (once; again after a failure). */
  loadEn(): Promise<W>;
}

/** Every book whose feature has loaded: a switch to English loads each one's English before it shows. */
const books = new Set<WordBook<object>>();

/**
 * A feature's words, registered as its module loads: `defineWords(yellJa, () => import('./words.en').then((m) => m.yellEn))`.
 * Each key is a section (`yell`, `nominations` …), so a screen reads `t.yell.title` beside `t.common.loading`.
 * If English is chosen, its English starts loading at once.
 */
export function defineWords<W extends object>(wordsJa: W, importEn: () => Promise<W>): WordBook<W> {
  let pending: Promise<W> | undefined;
  const book: WordBook<W> = {
    id: books.size + 1,
    ja: wordsJa,
    en: undefined,
    loadEn: () => {
      if (pending) return pending;
      const loading: Promise<W> & { status?: string; value?: W } = importEn().then(
        (en) => {
          // Marked as React marks a promise it has read, so `use` returns it at once on every render.
          loading.status = 'fulfilled';
          loading.value = en;
          return (book.en = en);
        },
        (e: unknown) => {
          pending = undefined; // a later render or switch tries again
          throw e;
        },
      );
      return (pending = loading);
    },
  };
  books.add(book);
  if (useLang.getState().lang === 'en') book.loadEn().catch(() => undefined); // a screen that needs it asks again
  return book;
}

/** Loads the English of every book registered, including those registered meanwhile. */
async function loadBooksEn(): Promise<void> {
  for (;;) {
    const missing = [...books].filter((b) => !b.en);
    if (missing.length === 0) return;
    await Promise.all(missing.map((b) => b.loadEn()));
  }
}

/** The device's choice; one key per origin, read before the first render. */
export const LANG_STORAGE_KEY = 'shokuin-meikan:lang';

function isLang(value: unknown): value is Lang {
  return value === 'ja' || value === 'en';
}

/** The saved choice, else Japanese. Storage can throw (private mode, blocked cookies): then Japanese. */
export function readStoredLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return isLang(saved) ? saved : 'ja';
  } catch {
    return 'ja';
  }
}

function saveLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not saved: the switch still applies to this page; the next start is in Japanese.
  }
}

/** `<html lang>` drives screen-reader voices, hyphenation and the CJK font choice. */
function applyHtmlLang(lang: Lang): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

interface LangState {
  /** The chosen language. */
  lang: Lang;
  /**
   * The language on screen: the chosen one once its words (the shell's and every loaded
   * feature's) are there; until then (a moment, for English) Japanese.
   */
  shown: Lang;
  /** The shell's words in `shown`. */
  messages: Messages;
  setLang(lang: Lang): void;
}

const initialLang = readStoredLang();

export const useLang = create<LangState>()((set, get) => ({
  lang: initialLang,
  shown: 'ja',
  messages: ja,
  setLang: (lang) => {
    saveLang(lang);
    applyHtmlLang(lang);
    set({ lang });
    void adopt(lang, get, set);
  },
}));

/** Shows a language's words once loaded, unless another was chosen meanwhile. */
async function adopt(lang: Lang, get: () => LangState, set: (s: Partial<LangState>) => void): Promise<void> {
  const [messages] = await Promise.all([load(lang), lang === 'en' ? loadBooksEn() : undefined]);
  if (get().lang === lang) set({ messages, shown: lang });
}

// Synchronously at module load (the entry chunk imports this through App), so the first paint and
// its <html lang> are already in the saved language.
applyHtmlLang(initialLang);

/** Resolves once the saved language's words are there: main.tsx renders after it (at once for Japanese). */
export const languageReady: Promise<void> = adopt(initialLang, useLang.getState, useLang.setState);

/** The shell's words merged with each book's, per language and books: the same object on every render. */
const merged = new WeakMap<Messages, Map<string, object>>();

function mergeWords(messages: Messages, own: readonly object[], ids: string): object {
  let byBooks = merged.get(messages);
  if (!byBooks) merged.set(messages, (byBooks = new Map()));
  const have = byBooks.get(ids);
  if (have) return have;
  const words: object = Object.assign({}, messages, ...own);
  byBooks.set(ids, words);
  return words;
}

/**
 * The current language's words: `const t = useT(); t.directory.search`, or with a feature's
 * books `const t = useT(yellWords); t.yell.title`. A book whose English is not loaded yet
 * suspends the screen until it is (routes render inside Suspense), so no word is ever missing.
 */
export function useT(): Messages;
export function useT<A extends object>(a: WordBook<A>): Messages & A;
export function useT<A extends object, B extends object>(a: WordBook<A>, b: WordBook<B>): Messages & A & B;
export function useT(...wordBooks: WordBook<object>[]): Messages {
  const messages = useLang((s) => s.messages);
  const shown = useLang((s) => s.shown);
  if (wordBooks.length === 0) return messages;
  const own: object[] = [];
  // `use` on every English render, loaded or not: a component that suspended here is replayed, and
  // React mounts the hooks after it only when `use` is called again in that replay (skipping it
  // because the words arrived meanwhile threw React error 467 on /trainings opened in English).
  for (const book of wordBooks) own.push(shown === 'ja' ? book.ja : use(book.loadEn()));
  // Cast: the merged object holds every key of the shell's words and of each book (the overloads' types).
  return mergeWords(messages, own, wordBooks.map((b) => b.id).join(',')) as Messages;
}
