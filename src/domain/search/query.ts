import { NOT_DIGIT, normalizeForSearch } from './normalize';
import { isRomajiTerm, romajiQueryKey } from './romaji';

/** One space-separated part of a query; a person must match every term. */
export interface Term {
  /** The term as written, normalised: matched against the text, or the ascii haystack when ascii. */
  readonly text: string;
  /** Only Latin letters and digits: found in the extension, Latin words, and (roma) readings, never the text. */
  readonly ascii: boolean;
  /** Its folded romaji key, when it is Latin letters only; matched against the readings. */
  readonly roma: string | null;
}

const SPACES = /\s+/;
// Hyphens and the long-vowel mark people type between the digits of an extension (03-1234, 03ー1234).
const EXTENSION_TERM = /^[0-9\-‐‑‒–—―−ー]*[0-9][0-9\-‐‑‒–—―−ー]*$/;
const ASCII_TERM = /^[a-z0-9]+$/;

export function parseQuery(query: string): Term[] {
  const terms: Term[] = [];
  for (const part of query.normalize('NFKC').split(SPACES)) {
    let text = normalizeForSearch(part);
    if (text === '') continue;
    if (EXTENSION_TERM.test(text)) text = text.replace(NOT_DIGIT, '');
    const romaji = isRomajiTerm(text);
    terms.push({ text, ascii: romaji || ASCII_TERM.test(text), roma: romaji ? romajiQueryKey(text) : null });
  }
  return terms;
}
