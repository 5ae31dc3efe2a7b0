import { useCallback, useEffect, useState } from 'react';
import type { Refusal } from '../../domain/problems';
import { useLang, type Lang } from '../language';
import { SYNC_EN } from './sync-en';
import { SYNC_JA } from './sync-ja';
import { problemText, type ProblemWords } from './words';

/**
 * The words of problems, loaded with the screens that show them (a chunk per language, precached
 * by the service worker like every chunk, so they are there offline). The sync words (sync-ja.ts,
 * sync-en.ts, a few lines) come with this module: the answer until the others are there.
 */
const loaded: Partial<Record<Lang, ProblemWords>> = {};

export function loadProblemWords(lang: Lang): Promise<ProblemWords> {
  const have = loaded[lang];
  if (have) return Promise.resolve(have);
  const words = lang === 'ja' ? import('./ja').then((m) => m.ja) : import('./en').then((m) => m.en);
  return words.then((w) => (loaded[lang] = w));
}

/**
 * `const say = useProblem(); say(result.problem)`: a refusal (a code and params, or an older
 * server's message) in the chosen language. Starts loading the words when the screen mounts, so
 * they are there by the time anything is refused.
 */
export function useProblem(): (refusal: Refusal) => string {
  const lang = useLang((s) => s.lang);
  // Until the problem words are loaded: the sync words, or the refusal's own message.
  const syncWords = lang === 'ja' ? SYNC_JA : SYNC_EN;
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
  const current = words !== undefined && loaded[lang] === words ? words : syncWords;
  return useCallback((refusal: Refusal) => problemText(refusal, current), [current]);
}
