import { VARIANT_KANJI } from './variant-kanji';

/**
 * Ends every field in the haystacks. Normalisation strips it from queries, so a match can never
 * run from one field (or one person) into the next.
 */
export const SEP = '\u0001';
export const SEP_CODE = 1;
/** Ends a person's keys, which rank above their other fields; stripped from queries like SEP. */
export const KEYS_END = '\u0002';
export const KEYS_END_CODE = 2;

/** Hiragana in normalised text (katakana has become hiragana): a reading that has a romaji key. */
export const HAS_KANA = /[\u3041-\u3096]/;
/** What an extension's digits are stripped of (03-1234 is searched as 031234). */
export const NOT_DIGIT = /[^0-9]/g;

// Spaces, control characters, zero-width characters, the middle dot people leave out when typing
// (ファイナンシャル・プランニング), and variation selectors including IVS (葛 + U+E0100): none changes
// who is meant.
const IGNORED_CHARS = String.raw`\s\u0002-\u001f\u007f\u200b-\u200d\u2060\ufeff\u30fb`;
const VARIATION_SELECTORS = String.raw`[\ufe00-\ufe0f]|\udb40[\udd00-\uddef]`;
const IGNORABLE = new RegExp(String.raw`[\u0000\u0001${IGNORED_CHARS}]|${VARIATION_SELECTORS}`, 'g');
const IGNORABLE_KEEP_SEP = new RegExp(String.raw`[\u0000${IGNORED_CHARS}]|${VARIATION_SELECTORS}`, 'g');

const KATAKANA = /[\u30a1-\u30f6\u30fd\u30fe]/;
const KATAKANA_ALL = /[\u30a1-\u30f6\u30fd\u30fe]/g;
const toHiraganaChar = (c: string): string => String.fromCharCode(c.charCodeAt(0) - 0x60);

// Keys go through NFKC first because that is what they are compared against after normalisation.
const VARIANTS = new Map<string, string>();
for (const [variant, common] of VARIANT_KANJI) {
  const key = variant.normalize('NFKC');
  if (key !== common) VARIANTS.set(key, common);
}
const variantClass = `[${[...VARIANTS.keys()].join('')}]`;
const VARIANT = new RegExp(variantClass, 'u');
const VARIANT_ALL = new RegExp(variantClass, 'gu');
const toCommonForm = (c: string): string => VARIANTS.get(c) ?? c;

function fold(s: string, ignorable: RegExp): string {
  let t = s.normalize('NFKC').replace(ignorable, '').toLowerCase();
  // The tests first: most text has no katakana or variants, and a failed test is far cheaper than a replace.
  if (KATAKANA.test(t)) t = t.replace(KATAKANA_ALL, toHiraganaChar);
  if (VARIANT.test(t)) t = t.replace(VARIANT_ALL, toCommonForm);
  return t;
}

/**
 * Folds the forms a person may type into one: full-width letters and digits and half-width kana
 * (NFKC), katakana to hiragana, lower case, variant kanji to their common form, no spaces.
 */
export function normalizeForSearch(s: string): string {
  return fold(s, IGNORABLE);
}

/** As normalizeForSearch, but keeps SEP, so many fields joined by it are normalised in one call. */
export function normalizeFields(s: string): string {
  return fold(s, IGNORABLE_KEEP_SEP);
}
