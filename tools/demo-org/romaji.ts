/**
 * Hiragana → Hepburn-style romaji for e-mail local parts, written the way Japanese offices
 * usually spell addresses: long vowels dropped as on passports (さとう → sato, おおの → ono,
 * ゆういち → yuichi), except before え, where the う starts a word of its own (いのうえ → inoue).
 */

const BASIC: Record<string, string> = {};
const ROWS: readonly (readonly [kana: string, romaji: readonly string[]])[] = [
  ['あいうえお', ['a', 'i', 'u', 'e', 'o']],
  ['かきくけこ', ['ka', 'ki', 'ku', 'ke', 'ko']],
  ['がぎぐげご', ['ga', 'gi', 'gu', 'ge', 'go']],
  ['さしすせそ', ['sa', 'shi', 'su', 'se', 'so']],
  ['ざじずぜぞ', ['za', 'ji', 'zu', 'ze', 'zo']],
  ['たちつてと', ['ta', 'chi', 'tsu', 'te', 'to']],
  ['だぢづでど', ['da', 'ji', 'zu', 'de', 'do']],
  ['なにぬねの', ['na', 'ni', 'nu', 'ne', 'no']],
  ['はひふへほ', ['ha', 'hi', 'fu', 'he', 'ho']],
  ['ばびぶべぼ', ['ba', 'bi', 'bu', 'be', 'bo']],
  ['ぱぴぷぺぽ', ['pa', 'pi', 'pu', 'pe', 'po']],
  ['まみむめも', ['ma', 'mi', 'mu', 'me', 'mo']],
  ['やゆよ', ['ya', 'yu', 'yo']],
  ['らりるれろ', ['ra', 'ri', 'ru', 're', 'ro']],
  ['わゐゑをん', ['wa', 'i', 'e', 'o', 'n']],
  ['ぁぃぅぇぉゃゅょゎゔ', ['a', 'i', 'u', 'e', 'o', 'ya', 'yu', 'yo', 'wa', 'vu']],
];
for (const [kana, romaji] of ROWS) {
  [...kana].forEach((k, i) => {
    const r = romaji[i];
    if (r !== undefined) BASIC[k] = r;
  });
}

const SMALL_Y: Record<string, string> = { ゃ: 'a', ゅ: 'u', ょ: 'o' };
/** Consonants whose ゃゅょ combinations drop the i and y (しゃ sha, ちゃ cha, じゃ ja). */
const PALATAL: Record<string, string> = { し: 'sh', ち: 'ch', じ: 'j', ぢ: 'j' };

function syllable(kana: string, next: string | undefined): { romaji: string; length: number } {
  const base = BASIC[kana];
  if (base === undefined) throw new Error(`no romaji for ${JSON.stringify(kana)}`);
  const y = next === undefined ? undefined : SMALL_Y[next];
  if (y !== undefined && kana !== 'い' && base.endsWith('i')) {
    const palatal = PALATAL[kana];
    return { romaji: palatal !== undefined ? palatal + y : base.slice(0, -1) + 'y' + y, length: 2 };
  }
  return { romaji: base, length: 1 };
}

export function toRomaji(hiragana: string): string {
  const chars = [...hiragana];
  let out = '';
  let doubleNext = false;
  for (let i = 0; i < chars.length;) {
    const c = chars[i];
    if (c === undefined) break;
    if (c === 'っ') {
      doubleNext = true;
      i++;
      continue;
    }
    if (c === 'ー') {
      i++;
      continue;
    }
    const { romaji, length } = syllable(c, chars[i + 1]);
    let r = romaji;
    if (doubleNext) {
      r = (r.startsWith('ch') ? 't' : (r[0] ?? '')) + r;
      doubleNext = false;
    }
    const following = chars[i + length];
    const afterFollowing = chars[i + length + 1];
    // Long vowels: おう/おお → o and うう → u, but …のうえ is 上 (ue), not a long o.
    const lengthens =
      ((following === 'う' && (r.endsWith('o') || r.endsWith('u'))) || (following === 'お' && r.endsWith('o'))) &&
      afterFollowing !== 'え';
    out += r;
    i += lengthens ? length + 1 : length;
  }
  return out;
}
