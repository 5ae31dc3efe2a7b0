import { create } from 'zustand';
import { en } from './en';
import { ja, type Messages } from './ja';

export type Lang = 'ja' | 'en';

export const LANGS: readonly Lang[] = ['ja', 'en'];

/** Each language named in itself, so anyone can find their own in the switch. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { ja: '日本語', en: 'English' };

const DICTIONARIES: Readonly<Record<Lang, Messages>> = { ja, en };

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
  lang: Lang;
  setLang(lang: Lang): void;
}

export const useLang = create<LangState>()((set) => ({
  lang: readStoredLang(),
  setLang: (lang) => {
    saveLang(lang);
    applyHtmlLang(lang);
    set({ lang });
  },
}));

// Synchronously at module load (the entry chunk imports this through App), so the first paint and
// its <html lang> are already in the saved language.
applyHtmlLang(useLang.getState().lang);

/** The current language's messages: `const t = useT(); t.directory.search`. */
export function useT(): Messages {
  return DICTIONARIES[useLang((s) => s.lang)];
}

/** For code outside React (and tests) that needs the words of the current language. */
export function messagesFor(lang: Lang): Messages {
  return DICTIONARIES[lang];
}
