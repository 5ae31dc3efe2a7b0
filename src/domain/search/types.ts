import type { DirectoryRecord } from '../staff';

// The shapes the index's modules share (compiled.ts builds them, grams.ts, rank.ts and search.ts
// read them), kept here so that those modules import each other's types from nowhere but here.

/**
 * All people's strings of one kind joined into one: a query is then one indexOf per hit instead
 * of one `includes` per person, which is what keeps a keystroke at 40,000 people in a few ms.
 *
 * A person's segment is their keys, each ending with SEP, then KEYS_END, then their other fields,
 * each ending with SEP. A full name is one key split in two without a SEP (佐藤|花子), so that 佐藤,
 * 花子 and 佐藤花子 are all whole keys while the text is stored once: the split positions say where.
 */
export interface Haystack {
  readonly s: string;
  /** Where each person's segment starts; one more entry than people, the last being s.length. */
  readonly starts: Int32Array;
  /** Where each person's keys end (absolute): the position of their KEYS_END. */
  readonly keysEnd: Int32Array;
  /** Up to two split positions per person inside their keys (absolute); -1 when unused. */
  readonly splitA: Int32Array;
  readonly splitB: Int32Array;
  /**
   * How often each byte value occurs in s (sampled). V8's indexOf finds a pattern's first character
   * with memchr on one of its bytes, so a common first character (a, さ, 中's 0x4e) stops it often;
   * search starts the pattern at its rarest character instead.
   */
  readonly byteCounts: Uint32Array;
  /** Each person's character-pair signature (see bigrams.ts), low and high halves. */
  readonly pairsLow: Int32Array;
  readonly pairsHigh: Int32Array;
  /**
   * Each person's shortest key (at most 255): a shorter term can equal none of their keys, so once
   * it is found at the start of one the person's rank is settled. This is what keeps a first
   * letter (さ, s), found in nearly everyone, from visiting every one of its occurrences.
   */
  readonly shortestKey: Uint8Array;
  /**
   * Who holds each gram, with their rank for it (grams.ts): each character, each pair (of kana side
   * by side in the text, of letters and digits in the one-byte haystacks), and in the one-byte
   * haystacks each run of three.
   */
  readonly chars: GramIndex;
  readonly pairs: GramIndex;
  readonly triples: GramIndex | null;
}

export interface CompiledIndex {
  readonly records: readonly DirectoryRecord[];
  readonly text: Haystack;
  readonly roma: Haystack;
  /** Extensions, and Latin letters and digits as written: what an ASCII query term is looked for in. */
  readonly ascii: Haystack;
  /** Index into units per person; -1 when the person's unit is unknown. */
  readonly unitOf: Int32Array;
  readonly units: readonly UnitKeys[];
  /** Who sits in each unit: a term found in a unit's names visits them, not all 40,000. */
  readonly members: UnitMembers;
}

/** The people of unit u are people[starts[u]] up to people[starts[u + 1]], in input order. */
export interface UnitMembers {
  readonly starts: Int32Array;
  readonly people: Int32Array;
}

/** The people holding gram g are people[starts[g]] up to people[starts[g + 1]], in input order. */
export interface GramIndex {
  readonly kind: GramKind;
  readonly starts: Int32Array;
  readonly people: Int32Array;
  /**
   * Beside each person, their best rank (rank.ts) for the gram as a whole term. A query of one
   * gram (a character, two kana, two or three letters) is then answered by reading its list: さ,
   * と, か and ka are in a third of everyone or more, too many to look at one by one, and scanning
   * the whole haystack for them was the slowest search there was.
   */
  readonly ranks: Uint8Array;
}

/**
 * The text: each character, and each pair of kana side by side. The one-byte haystacks: each pair
 * and each run of three letters or digits.
 */
export type GramKind = 'char' | 'kana-pair' | 'pair' | 'triple';

/** What a 係 and the 課 and 部 above it are found by; one object shared by everyone sitting in it. */
export interface UnitKeys {
  /** Names and readings of the unit and its ancestors, normalised, each ending with SEP. */
  readonly text: string;
  /** Folded romaji of those readings, each ending with SEP. */
  readonly roma: string;
}

/**
 * One person in an index. The searchable text lives in the index's shared haystacks, not here, so
 * 40,000 entries cost 40,000 small objects and no strings; position says where to find it, which
 * also lets a filtered copy of an index be searched.
 */
export interface SearchEntry {
  readonly record: DirectoryRecord;
  readonly source: CompiledIndex;
  readonly position: number;
}
