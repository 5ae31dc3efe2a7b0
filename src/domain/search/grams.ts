/**
 * Who holds each gram: for the text, each character; for the one-byte haystacks (romaji, Latin
 * letters and digits), each run of three letters or digits. A term can only occur in the segment
 * of a person who holds every gram of it, so its rarest gram's list is a short list of people to
 * look at, where the character-pair signature (bigrams.ts) rules out almost nobody: a romaji
 * segment holds so many pairs that its 64 bits are nearly all set, and a single kanji (中) has no
 * pair at all. Both used to mean a scan of the whole haystack, the slowest searches there were.
 */

/** The people holding gram g are people[starts[g]] up to people[starts[g + 1]], in input order. */
export interface GramIndex {
  /** Characters per gram: 1 for the text, 3 for the one-byte haystacks. */
  readonly size: 1 | 3;
  readonly starts: Int32Array;
  readonly people: Int32Array;
}

/** Letters and digits of the one-byte haystacks as 1-36; anything else (separators) is 0 and ends a gram. */
const SYMBOL = new Uint8Array(128);
for (let c = 0; c < 10; c++) SYMBOL[48 + c] = c + 1;
for (let c = 0; c < 26; c++) SYMBOL[97 + c] = c + 11;
const SYMBOLS = 37;
const GRAMS_3 = SYMBOLS * SYMBOLS * SYMBOLS;

function symbolOf(code: number): number {
  return code < 128 ? (SYMBOL[code] ?? 0) : 0;
}

/**
 * One pass over every person's grams, each person counted once per gram: without `list` it counts
 * (into counts[g + 1]), with it it fills each gram's people in at next[g]. Written out rather than
 * with a callback per gram: there are millions of them, and the callback was half the build.
 */
function pass(
  s: string,
  starts: Int32Array,
  people: number,
  size: 1 | 3,
  last: Int32Array,
  counts: Int32Array,
  list: Int32Array | null,
): void {
  const add = (g: number, p: number) => {
    if (last[g] === p) return;
    last[g] = p;
    if (list === null) counts[g + 1] = (counts[g + 1] ?? 0) + 1;
    else list[(counts[g] = (counts[g] ?? 0) + 1) - 1] = p;
  };
  for (let p = 0; p < people; p++) {
    const end = starts[p + 1] ?? 0;
    if (size === 1) {
      for (let i = starts[p] ?? 0; i < end; i++) add(s.charCodeAt(i), p);
      continue;
    }
    // A rolling window of three symbols; a separator empties it, so no gram spans two fields.
    let window = 0;
    let held = 0;
    for (let i = starts[p] ?? 0; i < end; i++) {
      const symbol = symbolOf(s.charCodeAt(i));
      if (symbol === 0) {
        held = 0;
        continue;
      }
      window = (window * SYMBOLS + symbol) % GRAMS_3;
      if (++held >= 3) add(window, p);
    }
  }
}

/** The lists of a haystack: one pass to count each gram's people, one to fill them in. */
export function gramIndex(s: string, starts: Int32Array, people: number, size: 1 | 3): GramIndex {
  const grams = size === 1 ? 0x10000 : GRAMS_3;
  const counts = new Int32Array(grams + 1);
  // The last person seen per gram: a gram repeated in one segment lists its person once.
  const last = new Int32Array(grams).fill(-1);
  pass(s, starts, people, size, last, counts, null);
  for (let g = 0; g < grams; g++) counts[g + 1] = (counts[g + 1] ?? 0) + (counts[g] ?? 0);
  const list = new Int32Array(counts[grams] ?? 0);
  // Filled through a copy of the starts, each advanced as its gram's people are written.
  const next = counts.slice();
  last.fill(-1);
  pass(s, starts, people, size, last, next, list);
  return { size, starts: counts, people: list };
}

/**
 * The people whose segment holds the rarest gram of term, or undefined when the term has no gram
 * here (shorter than a gram, or not letters and digits in a one-byte haystack): the caller then
 * looks another way.
 */
export function gramCandidates(index: GramIndex, term: string): Int32Array | undefined {
  if (term.length < index.size) return undefined;
  let best: Int32Array | undefined;
  for (let i = 0; i + index.size <= term.length; i++) {
    let gram: number;
    if (index.size === 1) gram = term.charCodeAt(i);
    else {
      const a = symbolOf(term.charCodeAt(i));
      const b = symbolOf(term.charCodeAt(i + 1));
      const c = symbolOf(term.charCodeAt(i + 2));
      if (a === 0 || b === 0 || c === 0) return undefined;
      gram = (a * SYMBOLS + b) * SYMBOLS + c;
    }
    const from = index.starts[gram] ?? 0;
    const to = index.starts[gram + 1] ?? 0;
    if (best === undefined || to - from < best.length) best = index.people.subarray(from, to);
  }
  return best;
}
