import { create } from 'zustand';
import { ja, type Messages } from './ja';

export type Lang = 'ja' | 'en';

export const LANGS: readonly Lang[] = ['ja', 'en'];

/** Each language named in itself, so anyone can find their own in the switch. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { ja: '日本語', en: 'English' };

/**
 * Japanese is in the entry chunk; English is a chunk of its own (about 4 KB gzipped of the
 * 120 KB first-paint budget), loaded when chosen and precached by the service worker like every
 * chunk, so it is there offline too.
 */
const loaded: Partial<Record<Lang, Messages>> = { ja };

function load(lang: Lang): Promise<Messages> {
  const have = loaded[lang];
  if (have) return Promise.resolve(have);
  return import('./en').then(({ en }) => (loaded.en = en));
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
  /** Its words once loaded; until then (a moment, for English) the Japanese ones. */
  messages: Messages;
  setLang(lang: Lang): void;
}

const initialLang = readStoredLang();

export const useLang = create<LangState>()((set, get) => ({
  lang: initialLang,
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
  const messages = await load(lang);
  if (get().lang === lang) set({ messages });
}

// Synchronously at module load (the entry chunk imports this through App), so the first paint and
// its <html lang> are already in the saved language.
applyHtmlLang(initialLang);

/** Resolves once the saved language's words are there: main.tsx renders after it (at once for Japanese). */
export const languageReady: Promise<void> = adopt(initialLang, useLang.getState, useLang.setState);

/** The current language's messages: `const t = useT(); t.directory.search`. */
export function useT(): Messages {
  return useLang((s) => s.messages);
}
