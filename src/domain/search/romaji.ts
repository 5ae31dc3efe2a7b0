import { toHiragana, toRomaji } from 'wanakana';
import { SEP } from './normalize';

/**
 * Romaji is compared in a folded form that every way of spelling a reading maps to:
 *
 * - Hepburn and Kunrei (si/shi, tu/tsu, sya/sha, zi/ji …): the query goes through kana and back
 *   (wanakana reads both systems and writes Hepburn), so only Hepburn ever reaches the fold;
 * - long vowels, which people write as ou, oo, oh, o or ō (さとう: satou, satoo, satoh, sato, satō):
 *   a run of one vowel becomes one vowel, and o followed by u, o or a syllable-final h becomes o;
 * - nn for ん (IME habit) becomes n, and the apostrophe of shin'ichi goes, so shinichi matches;
 * - m before b, p, m (Hepburn's homma, namba) is ん, so it becomes n before conversion.
 *
 * The fold is lossy (おの and おおの both fold to ono): romaji is how people type a name they
 * only half remember, and a few extra candidates are better than a miss.
 */
const LONG_VOWELS_AND_MARKS = /([aeiu])\1+|o(?:[ou]|h(?![aeiouy]))+|n{2,}|['-]/g;
const NON_ASCII_RUN = /[\u0080-\uffff]+/g;

function foldRomaji(r: string): string {
  return r.replace(LONG_VOWELS_AND_MARKS, (m: string, vowel: string | undefined) =>
    vowel !== undefined ? vowel : m === "'" || m === '-' ? '' : m.charAt(0),
  );
}

/**
 * Folds Hepburn romaji (wanakana's toRomaji of normalised text) into a key. What wanakana could not
 * romanise (kanji) becomes SEP, so it neither matches nor glues the romaji around it together.
 * Romanising a name's parts and joining them gives the romanisation of the whole, up to the
 * apostrophe of ん that the fold drops: so a full name can be romanised from its parts, which repeat.
 */
export function foldRomajiKey(romaji: string): string {
  return foldRomaji(romaji).replace(NON_ASCII_RUN, SEP);
}

/** The folded romaji of normalised text (hiragana readings, katakana already folded to hiragana). */
export function romajiKey(normalized: string): string {
  return foldRomajiKey(toRomaji(normalized));
}

const ROMAJI_TERM = /^[a-z'\-āâīîūûēêōô]+$/;
const HAS_LETTER = /[a-z]/;

/** A normalised query term typed in Latin letters only, which may be romaji (or a word like excel). */
export function isRomajiTerm(term: string): boolean {
  return ROMAJI_TERM.test(term) && HAS_LETTER.test(term);
}

const MARKED_VOWELS: Readonly<Record<string, string>> = {
  ā: 'a',
  â: 'a',
  ī: 'i',
  î: 'i',
  ū: 'u',
  û: 'u',
  ē: 'e',
  ê: 'e',
  ō: 'o',
  ô: 'o',
};
// While a person is still typing しゃ or ちょ in Kunrei, the half-typed sy or ty would match nothing.
const HALF_TYPED: Readonly<Record<string, string>> = { sy: 'sh', ty: 'ch', zy: 'j', jy: 'j', dy: 'j' };

/**
 * The folded romaji key of a romaji query term, comparable with romajiKey of a reading; null when
 * the term is not romaji at all (excel: wanakana leaves a ヶ in it), so it is matched only as written.
 */
export function romajiQueryKey(term: string): string | null {
  const plain = term
    .replace(/[āâīîūûēêōô]/g, (c) => MARKED_VOWELS[c] ?? c)
    .replace(/m(?=[bpm])/g, 'n')
    .replace(/(?:sy|ty|zy|jy|dy)$/, (c) => HALF_TYPED[c] ?? c);
  const key = romajiKey(toHiragana(plain));
  return key === '' || key.includes(SEP) ? null : key;
}
