import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from './normalize';
import { romajiKey, romajiQueryKey } from './romaji';
import { VARIANT_KANJI } from './variant-kanji';

describe('normalizeForSearch', () => {
  it.each([
    ['サトウ', 'さとう'],
    ['ｻﾄｳ', 'さとう'],
    ['ｶﾞｯｺｳ', 'がっこう'],
    ['ＳＡＴＯ', 'sato'],
    ['５６７８', '5678'],
    ['佐藤　花子', '佐藤花子'],
    [' さとう  はなこ ', 'さとうはなこ'],
    ['ファイナンシャル・プランニング', 'ふぁいなんしゃるぷらんにんぐ'],
    ['葛\u{E0100}城', '葛城'],
    ['<b>太郎</b>', '<b>太郎</b>'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });

  it('folds every variant kanji in the table to its common form, and leaves the common form alone', () => {
    for (const [variant, common] of VARIANT_KANJI) {
      expect(normalizeForSearch(variant), variant).toBe(common);
      expect(normalizeForSearch(common), common).toBe(common);
    }
  });

  it('never maps a variant to another variant, so one pass folds everything', () => {
    const variants = new Set(VARIANT_KANJI.map(([variant]) => variant));
    for (const [, common] of VARIANT_KANJI) expect(variants.has(common), common).toBe(false);
  });

  it('folds 祐 (U+FA4F), 﨑 (U+FA11) and 𠮷 (U+20BB7), which editors and NFC treat differently', () => {
    expect(normalizeForSearch('\uFA4F')).toBe('\u7950');
    expect(normalizeForSearch('\uFA11')).toBe('崎');
    expect(normalizeForSearch('\u{20BB7}田')).toBe('吉田');
  });

  it('keeps no separator a query could use to match across fields', () => {
    expect(normalizeForSearch('a\u0001b\u0002c')).toBe('abc');
  });
});

describe('romaji keys', () => {
  it.each([
    ['さとう', ['satou', 'sato', 'satoh', 'satoo', 'satō', 'satô']],
    ['おおの', ['oono', 'ono', 'ohno', 'ōno']],
    ['しんいち', ['shinichi', 'siniti', "shin'ichi", 'shinnichi']],
    ['ちば', ['chiba', 'tiba']],
    ['まつもと', ['matsumoto', 'matumoto']],
    ['ふじた', ['fujita', 'huzita', 'hujita']],
    ['しょうた', ['shota', 'shouta', 'syouta', 'syota', 'shohta']],
    ['ちょうこ', ['choko', 'chouko', 'tyouko', 'tyoko']],
    ['じゅんいち', ['junichi', 'zyuniti', 'jyunichi']],
    ['ほんま', ['honma', 'homma']],
    ['ゆうこ', ['yuko', 'yuuko', 'yūko']],
    ['きょうこ', ['kyoko', 'kyouko', 'kyōko']],
    ['しんや', ['shinya', 'sinya', "shin'ya"]],
  ])('%s is found by its spellings', (kana, spellings) => {
    const key = romajiKey(kana);
    for (const spelling of spellings) expect(romajiQueryKey(spelling), spelling).toBe(key);
  });

  it('finds a half-typed Kunrei syllable: sy is already sh', () => {
    expect(romajiKey('しょうた').startsWith(romajiQueryKey('sy') ?? '-')).toBe(true);
  });

  it('has no key for Latin words that are not romaji', () => {
    expect(romajiQueryKey('excel')).toBeNull();
  });
});
