import { useEffect, useState } from 'react';
import type { Problem, SyncCode } from '../../domain/problems';
import { useLang, type Lang } from '../language';
import type { SyncWords } from './words';

/**
 * The sync badge's words for sync errors, a chunk per language (sync-ja.ts, sync-en.ts), not in the
 * entry: an error can only come from the sync engine, which itself loads after the first paint
 * (src/app/lazy-connection.ts). Precached by the service worker like every chunk.
 */
const loaded: Partial<Record<Lang, SyncWords>> = {};

export function loadSyncWords(lang: Lang): Promise<SyncWords> {
  const have = loaded[lang];
  if (have) return Promise.resolve(have);
  const words = lang === 'ja' ? import('./sync-ja').then((m) => m.SYNC_JA) : import('./sync-en').then((m) => m.SYNC_EN);
  return words.then((w) => (loaded[lang] = w));
}

/**
 * The sync errors' words in the language on screen, loaded as the badge mounts (and for the chosen
 * language as soon as it is chosen); undefined until they are there.
 */
export function useSyncWords(): SyncWords | undefined {
  const lang = useLang((s) => s.lang);
  const shown = useLang((s) => s.shown);
  const [words, setWords] = useState<Partial<Record<Lang, SyncWords>>>(() => ({ ...loaded }));
  useEffect(() => {
    let live = true;
    for (const l of new Set([lang, shown])) {
      loadSyncWords(l).then(
        (w) => {
          if (live) setWords((had) => (had[l] === w ? had : { ...had, [l]: w }));
        },
        () => undefined, // not loaded (offline before the first visit cached it): the badge's short word stays
      );
    }
    return () => {
      live = false;
    };
  }, [lang, shown]);
  return words[shown];
}

/**
 * A sync error in words, for the badge. Not problemText (words.ts): that one checks codes from the
 * wire against the list of every code, which would bring the whole list into the entry chunk; a
 * sync status is made on the device and its code is always a sync code.
 */
export function syncText(error: Problem<SyncCode>, words: SyncWords): string {
  const say = words[error.code];
  if (typeof say === 'string') return say;
  // A cast: the mapped union of codes and params cannot be narrowed by the looked-up code
  // (microsoft/TypeScript#30581); `error` pairs them by its type.
  return (say as (params: Readonly<Record<string, unknown>>) => string)(error.params);
}
