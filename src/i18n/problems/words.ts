import { isProblemCode } from '../../domain/problem-codes';
import { type ProblemCode, type ProblemParams, type Refusal, type SyncCode } from '../../domain/problems';

/** The words of one code: a sentence, or a sentence made from the code's params. */
export type Say<C extends ProblemCode> = string | ((params: ProblemParams[C]) => string);

/** A language's words for every code (ja.ts, en.ts): the compiler refuses a missing one. */
export type ProblemWords = { readonly [C in ProblemCode]: Say<C> };
/** The sync errors' words (sync-ja.ts, sync-en.ts): the badge loads only these (sync.ts). */
export type SyncWords = { readonly [C in SyncCode]: Say<C> };

/**
 * A refusal in words: its code's, when this version knows the code; else the words it came with
 * (an older server, an outbox row kept before codes); else "this change was not accepted".
 */
export function problemText(refusal: Refusal, words: Partial<ProblemWords> & SyncWords): string {
  const { code } = refusal;
  if (isProblemCode(code)) {
    const say = words[code];
    if (typeof say === 'string') return say;
    if (say) {
      // A cast: params from the wire are checked only as a record of strings and numbers; the
      // server made them for this code, and a missing one reads as empty rather than failing.
      return (say as (params: Readonly<Record<string, unknown>>) => string)(refusal.params ?? {});
    }
  }
  if (refusal.message) return refusal.message;
  const fallback = words['sync.rejectedDefault'];
  return typeof fallback === 'string' ? fallback : fallback({});
}
