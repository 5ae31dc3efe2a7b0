import type { Problem, SyncCode } from '../../domain/problems';
import type { SyncWords } from './words';

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
