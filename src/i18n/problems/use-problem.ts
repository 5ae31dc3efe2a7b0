import { useCallback, useEffect, useState } from 'react';
import type { Refusal } from '../../domain/problems';
import { useLang, type Lang } from '../language';
import { SYNC_WORDS } from './sync';
import { problemText, type ProblemWords } from './words';

/**
 * The words of problems, loaded with the screens that show them (a chunk per language, precached
 * by the service worker like every chunk, so they are there offline); the sync badge's words are
 * in the entry (sync.ts).
 */
const loaded: Partial<Record<Lang, ProblemWords>> = {};

export function loadProblemWords(lang: Lang): Promise<ProblemWords> {
  const have = loaded[lang];
  if (have) return Promise.resolve(have);
  const words = lang === 'ja' ? import('./ja').then((m) => m.ja) : import('./en').then((m) => m.en);
  return words.then((w) => (loaded[lang] = w));
}

/** A refusal in a language, once its words are loaded; until then the sync words or the refusal's own message. */
export function problemTextIn(refusal: Refusal, lang: Lang): string {
  return problemText(refusal, loaded[lang] ?? SYNC_WORDS[lang]);
}

/**
 * `const say = useProblem(); say(result.problem)`: a refusal (a code and params, or an older
 * server's message) in the chosen language. Starts loading the words when the screen mounts, so
 * they are there by the time anything is refused.
 */
export function useProblem(): (refusal: Refusal) => string {
  const lang = useLang((s) => s.lang);
  const [words, setWords] = useState<ProblemWords | undefined>(() => loaded[lang]);
  useEffect(() => {
    let live = true;
    void loadProblemWords(lang).then((w) => {
      if (live) setWords(w);
    });
    return () => {
      live = false;
    };
  }, [lang]);
  const current = words !== undefined && loaded[lang] === words ? words : SYNC_WORDS[lang];
  return useCallback((refusal: Refusal) => problemText(refusal, current), [current]);
}
