import type { GramIndex, GramKind, Haystack } from './types';
import { classify } from './rank';

/**
 * Who holds each gram: for the text, each character and each pair of kana; for the one-byte
 * haystacks (romaji, Latin letters and digits), each run of three letters or digits. A term can only occur in the segment
 * of a person who holds every gram of it, so its rarest gram's list is a short list of people to
 * look at, where the character-pair signature (bigrams.ts) rules out almost nobody: a romaji
 * segment holds so many pairs that its 64 bits are nearly all set, and a single kanji (中) has no
 * pair at all. Both used to mean a scan of the whole haystack, the slowest searches there were.
 */

const SIZE: Record<GramKind, number> = { char: 1, 'kana-pair': 2, pair: 2, triple: 3 };

/** Letters and digits of the one-byte haystacks as 1-36; anything else (separators) is 0 and ends a gram. */
const SYMBOL = new Uint8Array(128);
for (let c = 0; c < 10; c++) SYMBOL[48 + c] = c + 1;
for (let c = 0; c < 26; c++) SYMBOL[97 + c] = c + 11;
const SYMBOLS = 37;

function symbolOf(code: number): number {
  return code < 128 ? (SYMBOL[code] ?? 0) : 0;
}

/** Hiragana, katakana and ー (the text holds readings in hiragana), as 0-191; -1 for anything else. */
const KANA_FIRST = 0x3040;
const KANA_SPAN = 0x30ff - KANA_FIRST + 1;

function kanaOf(code: number): number {
  const k = code - KANA_FIRST;
  return k >= 0 && k < KANA_SPAN ? k : -1;
}

const GRAMS: Record<GramKind, number> = {
  char: 0x10000,
  'kana-pair': KANA_SPAN * KANA_SPAN,
  pair: SYMBOLS * SYMBOLS,
  triple: SYMBOLS * SYMBOLS * SYMBOLS,
};

/** What a person's best rank for a gram is worked out from. */
type Keys = Pick<Haystack, 's' | 'starts' | 'keysEnd' | 'splitA' | 'splitB'>;

/**
 * One pass over every person's grams, each person counted once per gram: without `list` it counts
 * (into counts[g + 1]), with it it fills each gram's people in at next[g] and their best rank for
 * it into `ranks`. Written out rather than with a callback per gram: there are millions of them,
 * and the callback was half the build.
 */
function pass(
  h: Keys,
  people: number,
  kind: GramKind,
  last: Int32Array,
  counts: Int32Array,
  fill: { list: Int32Array; ranks: Uint8Array } | null,
): void {
  const { s, starts } = h;
  const size = SIZE[kind];
  // `at` is where the gram starts: its rank is that of a hit there.
  const add = (g: number, p: number, at: number) => {
    if (last[g] === p) {
      if (fill === null) return;
      const slot = (counts[g] ?? 0) - 1;
      const rank = classify(h, p, at, size);
      if (rank < (fill.ranks[slot] ?? 0)) fill.ranks[slot] = rank;
      return;
    }
    last[g] = p;
    if (fill === null) {
      counts[g + 1] = (counts[g + 1] ?? 0) + 1;
      return;
    }
    const slot = (counts[g] = (counts[g] ?? 0) + 1) - 1;
    fill.list[slot] = p;
    fill.ranks[slot] = classify(h, p, at, size);
  };
  for (let p = 0; p < people; p++) {
    const end = starts[p + 1] ?? 0;
    if (kind === 'char') {
      for (let i = starts[p] ?? 0; i < end; i++) add(s.charCodeAt(i), p, i);
      continue;
    }
    if (kind === 'kana-pair') {
      // Kana side by side: anything else between them (a kanji, a separator) breaks the pair.
      let previous = -1;
      for (let i = starts[p] ?? 0; i < end; i++) {
        const k = kanaOf(s.charCodeAt(i));
        if (previous >= 0 && k >= 0) add(previous * KANA_SPAN + k, p, i - 1);
        previous = k;
      }
      continue;
    }
    // A rolling window of symbols; a separator empties it, so no gram spans two fields.
    const grams = GRAMS[kind];
    let window = 0;
    let held = 0;
    for (let i = starts[p] ?? 0; i < end; i++) {
      const symbol = symbolOf(s.charCodeAt(i));
      if (symbol === 0) {
        held = 0;
        continue;
      }
      window = (window * SYMBOLS + symbol) % grams;
      if (++held >= size) add(window, p, i - size + 1);
    }
  }
}

/** The lists of a haystack: one pass to count each gram's people, one to fill them in with their ranks. */
export function gramIndex(h: Keys, people: number, kind: GramKind): GramIndex {
  const grams = GRAMS[kind];
  const counts = new Int32Array(grams + 1);
  // The last person seen per gram: a gram repeated in one segment lists its person once.
  const last = new Int32Array(grams).fill(-1);
  pass(h, people, kind, last, counts, null);
  for (let g = 0; g < grams; g++) counts[g + 1] = (counts[g + 1] ?? 0) + (counts[g] ?? 0);
  const list = new Int32Array(counts[grams] ?? 0);
  const ranks = new Uint8Array(list.length);
  // Filled through a copy of the starts, each advanced as its gram's people are written.
  const next = counts.slice();
  last.fill(-1);
  pass(h, people, kind, last, next, { list, ranks });
  return { kind, starts: counts, people: list, ranks };
}

/** Gram g of term at i, or -1 when the characters there make none in this index. */
function gramAt(kind: GramKind, term: string, i: number): number {
  if (kind === 'char') return term.charCodeAt(i);
  if (kind === 'kana-pair') {
    const a = kanaOf(term.charCodeAt(i));
    const b = kanaOf(term.charCodeAt(i + 1));
    return a < 0 || b < 0 ? -1 : a * KANA_SPAN + b;
  }
  let gram = 0;
  for (let k = 0; k < SIZE[kind]; k++) {
    const symbol = symbolOf(term.charCodeAt(i + k));
    if (symbol === 0) return -1;
    gram = gram * SYMBOLS + symbol;
  }
  return gram;
}

/**
 * The people whose segment holds the rarest gram of term, or undefined when the term has no gram
 * here (shorter than a gram, or not letters and digits in a one-byte haystack): the caller then
 * looks another way. Kana pairs are looked for wherever two kana stand side by side in the term.
 */
export function gramCandidates(index: GramIndex, term: string): Int32Array | undefined {
  const size = SIZE[index.kind];
  let best: Int32Array | undefined;
  for (let i = 0; i + size <= term.length; i++) {
    const gram = gramAt(index.kind, term, i);
    if (gram < 0) {
      if (index.kind === 'kana-pair') continue;
      return undefined;
    }
    const from = index.starts[gram] ?? 0;
    const to = index.starts[gram + 1] ?? 0;
    if (best === undefined || to - from < best.length) best = index.people.subarray(from, to);
  }
  return best;
}

/** A term that is one whole gram: its people, and their ranks for it, as the list holds them. Undefined for any other. */
export function gramRanks(index: GramIndex, term: string): { people: Int32Array; ranks: Uint8Array } | undefined {
  if (term.length !== SIZE[index.kind]) return undefined;
  const gram = gramAt(index.kind, term, 0);
  if (gram < 0) return undefined;
  const from = index.starts[gram] ?? 0;
  const to = index.starts[gram + 1] ?? 0;
  return { people: index.people.subarray(from, to), ranks: index.ranks.subarray(from, to) };
}
