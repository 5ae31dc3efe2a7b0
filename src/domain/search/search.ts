import type { DirectoryRecord } from '../staff';
import { signature } from './bigrams';
import { compiledOf } from './compiled';
import { gramCandidates, gramRanks } from './grams';
import { recordsAt } from './positions';
import type { CompiledIndex, Haystack, SearchEntry } from './types';
import { classify, EXACT, NONE, OTHER, PREFIX } from './rank';
import type { Term } from './query';
import { parseQuery } from './query';

/** The offset in term whose character V8's indexOf (memchr on its higher byte) will stop at least often. */
function rarestAt(h: Haystack, term: string): number {
  let best = 0;
  let bestCount = Infinity;
  for (let k = 0; k < term.length; k++) {
    const c = term.charCodeAt(k);
    const count = h.byteCounts[Math.max(c & 0xff, c >> 8)] ?? 0;
    if (count < bestCount) {
      best = k;
      bestCount = count;
    }
  }
  return best;
}

/** The next position at or after from where term occurs, found by searching from its rarest character. */
function find(s: string, term: string, probe: string, offset: number, from: number): number {
  if (offset === 0) return s.indexOf(term, from);
  for (let p = s.indexOf(probe, from + offset); p !== -1; p = s.indexOf(probe, p + 1)) {
    if (s.startsWith(term, p - offset)) return p - offset;
  }
  return -1;
}

/**
 * Lowers ranks[i] to how well person i matches term in this haystack. Every hit is visited once, in
 * order, and once a person's rank can no longer improve (see settled) the search jumps to the next
 * person. No per-person strings are made.
 */
export function scan(h: Haystack, term: string, ranks: Uint8Array): void {
  const { s, starts } = h;
  const offset = rarestAt(h, term);
  const probe = term.slice(offset);
  let person = 0;
  let at = find(s, term, probe, offset, 0);
  while (at !== -1) {
    while ((starts[person + 1] ?? Infinity) <= at) person++;
    const rank = classify(h, person, at, term.length);
    if (rank < (ranks[person] ?? NONE)) ranks[person] = rank;
    at = find(
      s,
      term,
      probe,
      offset,
      settled(h, person, rank, ranks, term) ? (starts[person + 1] ?? s.length) : at + 1,
    );
  }
}

/**
 * Whether nothing later in this person's segment can better their rank: past the keys only OTHER
 * is left, nothing beats EXACT, and a PREFIX is final for a term shorter than all their keys.
 */
function settled(h: Haystack, person: number, rank: number, ranks: Uint8Array, term: string): boolean {
  const best = ranks[person] ?? NONE;
  return rank === OTHER || best === EXACT || (best === PREFIX && term.length < (h.shortestKey[person] ?? 0));
}

/** As scan, but only through the segments of the given people: for a later term once few are left. */
function scanPeople(h: Haystack, term: string, people: Int32Array, ranks: Uint8Array): void {
  const { s, starts } = h;
  // Indexed loops over typed arrays throughout: for-of over one measured far slower in V8 here.
  for (let k = 0; k < people.length; k++) {
    const person = people[k] ?? 0;
    const start = starts[person] ?? 0;
    const segment = s.slice(start, starts[person + 1] ?? start);
    for (let i = segment.indexOf(term); i !== -1; i = segment.indexOf(term, i + 1)) {
      const rank = classify(h, person, start + i, term.length);
      if (rank < (ranks[person] ?? NONE)) ranks[person] = rank;
      if (settled(h, person, rank, ranks, term)) break;
    }
  }
}

/** Above this share of everyone passing the signature check, a full scan is cheaper than visiting each. */
const MANY = 1 / 4;

/**
 * The people who may hold term, or null when that rules out too few (a full scan is then cheaper):
 * those on the shortest list of its grams (grams.ts) whose signature has all its character pairs,
 * or without a gram everyone whose signature has them.
 */
function candidates(h: Haystack, term: string): Int32Array | null {
  const { pairsLow, pairsHigh } = h;
  const most = pairsLow.length * MANY;
  const listed = shorter(
    shorter(gramCandidates(h.chars, term), gramCandidates(h.pairs, term)),
    h.triples ? gramCandidates(h.triples, term) : undefined,
  );
  if (listed !== undefined && listed.length > most) return null;
  if (term.length < 2) return listed ?? null;
  const [low, high] = signature(term);
  const pass = (i: number) => ((pairsLow[i] ?? 0) & low) === low && ((pairsHigh[i] ?? 0) & high) === high;
  if (listed !== undefined) return listed.filter(pass);
  const people = new Int32Array(pairsLow.length);
  // Given up as soon as too many pass: common pairs (on, no) pass in most people.
  let count = 0;
  for (let i = 0; i < pairsLow.length; i++) {
    if (pass(i)) {
      if (count >= most) return null;
      people[count++] = i;
    }
  }
  return people.subarray(0, count);
}

function shorter(a: Int32Array | undefined, b: Int32Array | undefined): Int32Array | undefined {
  return b === undefined || (a !== undefined && a.length <= b.length) ? a : b;
}

/** As scan for a term that is one whole gram of a ranked list (grams.ts): its people's ranks, read off. */
function lowerByList(list: { people: Int32Array; ranks: Uint8Array }, ranks: Uint8Array): void {
  const { people } = list;
  for (let k = 0; k < people.length; k++) {
    const person = people[k] ?? 0;
    const rank = list.ranks[k] ?? NONE;
    if (rank < (ranks[person] ?? NONE)) ranks[person] = rank;
  }
}

/** Above this many lists (a term in the names of many units), the people they hold are not merged. */
const MOST_LISTS = 8;

/** The ascending lists' people, each once, in ascending order; null past `most` of them or MOST_LISTS lists. */
function union(lists: readonly Int32Array[], most: number): Int32Array | null {
  if (lists.length > MOST_LISTS) return null;
  let out: Int32Array = new Int32Array(0);
  for (const list of lists) {
    const merged = new Int32Array(out.length + list.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < out.length && j < list.length) {
      const x = out[i] ?? 0;
      const y = list[j] ?? 0;
      merged[k++] = x <= y ? x : y;
      if (x <= y) i++;
      if (y <= x) j++;
    }
    while (i < out.length) merged[k++] = out[i++] ?? 0;
    while (j < list.length) merged[k++] = list[j++] ?? 0;
    if (k > most) return null;
    out = merged.subarray(0, k);
  }
  return out;
}

interface TermRanks {
  /** Each person's rank for the term; NONE for no match. */
  ranks: Uint8Array;
  /**
   * Everyone who may have a rank, ascending (a superset), or null when that is not known to be few:
   * the sort then looks at them alone instead of at everyone.
   */
  looked: Int32Array | null;
}

/** Ranks for one term; with `people`, only those are looked at and everyone else is NONE. */
function rankTerm(index: CompiledIndex, term: Term, people: Int32Array | null): TermRanks {
  const ranks = new Uint8Array(index.records.length).fill(NONE);
  // Who the first term looked at, list by list; `everyone` once a whole haystack was gone through.
  const lists: Int32Array[] = [];
  let everyone = false;
  const look = (h: Haystack, t: string) => {
    const whole =
      people === null
        ? (gramRanks(h.chars, t) ?? gramRanks(h.pairs, t) ?? (h.triples ? gramRanks(h.triples, t) : undefined))
        : undefined;
    if (whole) {
      lowerByList(whole, ranks);
      lists.push(whole.people);
      return;
    }
    const few = people ?? candidates(h, t);
    if (few === null) {
      scan(h, t, ranks);
      everyone = true;
    } else {
      scanPeople(h, t, few, ranks);
      lists.push(few);
    }
  };
  if (term.ascii) {
    // The text's Latin letters and digits are all in the ascii haystack too, and the small one-byte
    // haystacks scan far faster than the text.
    look(index.ascii, term.text);
    if (term.roma !== null) look(index.roma, term.roma);
  } else {
    look(index.text, term.text);
  }

  const unitHit = index.units.map(
    (u) => u.text.includes(term.text) || (term.roma !== null && u.roma.includes(term.roma)),
  );
  if (unitHit.includes(true)) {
    const { unitOf, members } = index;
    const inUnit = (i: number) => {
      if ((ranks[i] ?? NONE) > OTHER) ranks[i] = OTHER;
    };
    if (people !== null) {
      for (let k = 0; k < people.length; k++)
        if (unitHit[unitOf[people[k] ?? 0] ?? -1] === true) inUnit(people[k] ?? 0);
    } else {
      for (let u = 0; u < unitHit.length; u++) {
        if (!unitHit[u]) continue;
        const start = members.starts[u] ?? 0;
        const end = members.starts[u + 1] ?? 0;
        for (let k = start; k < end; k++) inUnit(members.people[k] ?? 0);
        lists.push(members.people.subarray(start, end));
      }
    }
  }
  if (people !== null) return { ranks, looked: people };
  return { ranks, looked: everyone ? null : union(lists, ranks.length * MANY) };
}

/** Below this share of everyone, a later term looks only at the people still in, not the whole haystack. */
const FEW = 1 / 8;

/**
 * The people the first term found (ascending), or null when more than FEW of everyone: from those
 * it looked at when it says, else one pass over everyone, given up as soon as there are too many.
 */
function stillIn(ranks: Uint8Array, looked: Int32Array | null): Int32Array | null {
  const most = Math.floor(ranks.length * FEW);
  const people = new Int32Array(Math.min(most, looked?.length ?? most));
  let count = 0;
  const size = looked === null ? ranks.length : looked.length;
  for (let k = 0; k < size; k++) {
    const i = looked === null ? k : (looked[k] ?? 0);
    if (ranks[i] === NONE) continue;
    if (count === most) return null;
    people[count++] = i;
  }
  return people.subarray(0, count);
}

/** Adds a later term's ranks to ranks: a person found by both keeps the sum, anyone else is out. */
function addRanks(ranks: Uint8Array, termRanks: Uint8Array, people: Int32Array | null): void {
  const add = (i: number) => {
    const a = ranks[i] ?? NONE;
    const b = termRanks[i] ?? NONE;
    ranks[i] = a === NONE || b === NONE ? NONE : Math.min(a + b, NONE - 1);
  };
  if (people === null) for (let i = 0; i < ranks.length; i++) add(i);
  else for (let k = 0; k < people.length; k++) add(people[k] ?? 0);
}

/**
 * Positions by rank, best first, input order within a rank: a counting sort, two passes. Over
 * `people` (ascending) when the search knows who alone can have a rank (the lists the first term
 * was looked for in, or who it left for the others): 佐藤 or 山本 健一 then never walks all 40,000.
 */
function byRank(ranks: Uint8Array, people: Int32Array | null, cap: number): Int32Array {
  // The positions looked at: everyone (no list), or those on it.
  const size = people === null ? ranks.length : people.length;
  const counts = new Int32Array(NONE);
  for (let k = 0; k < size; k++) {
    const rank = ranks[people === null ? k : (people[k] ?? 0)] ?? NONE;
    if (rank < NONE) counts[rank] = (counts[rank] ?? 0) + 1;
  }
  const slot = new Int32Array(NONE);
  let total = 0;
  for (let rank = 0; rank < NONE; rank++) {
    slot[rank] = total;
    total += counts[rank] ?? 0;
  }
  const found = Math.min(total, cap);
  const out = new Int32Array(found);
  for (let k = 0; k < size; k++) {
    const i = people === null ? k : (people[k] ?? 0);
    const rank = ranks[i] ?? NONE;
    if (rank === NONE) continue;
    const next = slot[rank] ?? found;
    slot[rank] = next + 1;
    if (next < found) out[next] = i;
  }
  return out;
}

/**
 * Positions in `index` of the people matching every term of the query: exact key matches first,
 * then key prefixes, then keys containing it, then other fields; stable within each rank. With
 * several terms the ranks add up, so in 'はな やまだ' (everyone an exact やまだ) はな still orders the
 * 山田s. An empty query returns everyone in input order. Positions, not records: the screen's
 * worker sends them to the page as they are (an index built from the directory keeps its order),
 * where turning 40,000 records back into positions cost a Map lookup each.
 */
export function searchPositions(index: readonly SearchEntry[], query: string, limit = Infinity): Int32Array {
  const compiled = compiledOf(index);
  const size = compiled.records.length;
  const cap = limit >= 0 ? Math.min(size, Math.floor(limit)) : 0;
  // The longest term first: it is likely the rarest, and the others then only check who is left.
  const terms = parseQuery(query).sort((a, b) => b.text.length - a.text.length);
  const [first, ...rest] = terms;
  if (first === undefined) {
    const everyone = new Int32Array(cap);
    for (let i = 0; i < cap; i++) everyone[i] = i;
    return everyone;
  }

  const { ranks, looked } = rankTerm(compiled, first, null);
  // Nobody the first term missed can match, so later terms, their sums and the sort look only at
  // those it found, when they are few.
  const people = rest.length > 0 ? stillIn(ranks, looked) : looked;
  for (const term of rest) addRanks(ranks, rankTerm(compiled, term, people).ranks, people);
  return byRank(ranks, people, cap);
}

/** As searchPositions, as the matching records. */
export function search(index: readonly SearchEntry[], query: string, limit = Infinity): DirectoryRecord[] {
  return recordsAt(compiledOf(index).records, searchPositions(index, query, limit));
}
