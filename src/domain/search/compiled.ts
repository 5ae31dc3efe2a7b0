import type { CompiledIndex, Haystack, SearchEntry, UnitKeys, UnitMembers } from './types';
import { signature } from './bigrams';
import { gramIndex } from './grams';
import { KEYS_END, KEYS_END_CODE, SEP_CODE } from './normalize';

/** The length of the shortest of these keys (each ending with SEP, split at splitA and splitB). */
function shortestKeyOf(keys: string, splitA: number, splitB: number): number {
  let shortest = 255;
  let from = 0;
  for (let i = 0; i < keys.length; i++) {
    const sep = keys.charCodeAt(i) === SEP_CODE;
    if (sep || i === splitA || i === splitB) {
      if (i > from) shortest = Math.min(shortest, i - from);
      from = sep ? i + 1 : i;
    }
  }
  return shortest;
}

/** Members by unit from each person's unit, counted first so it fills two flat arrays. */
export function unitMembers(unitOf: Int32Array, unitCount: number): UnitMembers {
  const starts = new Int32Array(unitCount + 1);
  for (let i = 0; i < unitOf.length; i++) {
    const u = unitOf[i] ?? -1;
    if (u >= 0) starts[u + 1] = (starts[u + 1] ?? 0) + 1;
  }
  for (let u = 0; u < unitCount; u++) starts[u + 1] = (starts[u + 1] ?? 0) + (starts[u] ?? 0);
  const people = new Int32Array(starts[unitCount] ?? 0);
  const next = starts.slice(0, unitCount);
  for (let i = 0; i < unitOf.length; i++) {
    const u = unitOf[i] ?? -1;
    if (u >= 0) people[(next[u] = (next[u] ?? 0) + 1) - 1] = i;
  }
  return { starts, people };
}

/** Every BYTE_SAMPLE-th character is counted: the counts only rank bytes, and a full count costs as much as a search. */
const BYTE_SAMPLE = 3;

/** Collects people's segments in order, then joins them once. */
export class HaystackBuilder {
  private readonly parts: string[] = [];
  private readonly starts: Int32Array;
  private readonly keysEnd: Int32Array;
  private readonly splitA: Int32Array;
  private readonly splitB: Int32Array;
  private readonly shortestKey: Uint8Array;
  private length = 0;
  private people = 0;

  constructor(
    size: number,
    /** The text (characters, kana pairs) or a one-byte haystack (characters, pairs and runs of three). */
    private readonly kind: 'text' | 'one-byte',
  ) {
    this.starts = new Int32Array(size + 1);
    this.keysEnd = new Int32Array(size);
    this.splitA = new Int32Array(size);
    this.splitB = new Int32Array(size);
    this.shortestKey = new Uint8Array(size);
  }

  /** keys: each ending with SEP; others: each ending with SEP; splits relative to the keys' start, or -1. */
  add(keys: string, others: string, splitA = -1, splitB = -1): void {
    const at = this.length;
    const i = this.people++;
    this.starts[i] = at;
    this.keysEnd[i] = at + keys.length;
    this.splitA[i] = splitA < 0 ? -1 : at + splitA;
    this.splitB[i] = splitB < 0 ? -1 : at + splitB;
    this.shortestKey[i] = shortestKeyOf(keys, splitA, splitB);
    this.parts.push(keys, KEYS_END, others);
    this.length += keys.length + 1 + others.length;
  }

  /** Adds person i of another haystack as it is. */
  copy(from: Haystack, i: number): void {
    const start = from.starts[i] ?? 0;
    const keysEnd = from.keysEnd[i] ?? start;
    const relative = (split: number | undefined) => (split === undefined || split < 0 ? -1 : split - start);
    this.add(
      from.s.slice(start, keysEnd),
      from.s.slice(keysEnd + 1, from.starts[i + 1] ?? keysEnd + 1),
      relative(from.splitA[i]),
      relative(from.splitB[i]),
    );
  }

  finish(): Haystack {
    this.starts[this.people] = this.length;
    const s = this.parts.join('');
    const byteCounts = new Uint32Array(256);
    for (let i = 0; i < s.length; i += BYTE_SAMPLE) {
      const c = s.charCodeAt(i);
      byteCounts[c & 0xff] = (byteCounts[c & 0xff] ?? 0) + 1;
      byteCounts[c >> 8] = (byteCounts[c >> 8] ?? 0) + 1;
    }
    const { starts, keysEnd, splitA, splitB, shortestKey } = this;
    const pairsLow = new Int32Array(this.people);
    const pairsHigh = new Int32Array(this.people);
    for (let i = 0; i < this.people; i++) {
      const [low, high] = signature(s, starts[i] ?? 0, starts[i + 1] ?? 0, KEYS_END_CODE);
      pairsLow[i] = low;
      pairsHigh[i] = high;
    }
    const keys = { s, starts, keysEnd, splitA, splitB };
    const text = this.kind === 'text';
    const chars = gramIndex(keys, this.people, 'char');
    const pairs = gramIndex(keys, this.people, text ? 'kana-pair' : 'pair');
    const triples = text ? null : gramIndex(keys, this.people, 'triple');
    return {
      s,
      starts,
      keysEnd,
      splitA,
      splitB,
      byteCounts,
      pairsLow,
      pairsHigh,
      shortestKey,
      chars,
      pairs,
      triples,
    };
  }
}

/** Numbers units by first appearance, so each unit is matched once per term however many sit in it. */
export class UnitTable {
  readonly units: UnitKeys[] = [];
  private readonly ids = new Map<UnitKeys, number>();

  idOf(unit: UnitKeys | null): number {
    if (unit === null) return -1;
    let id = this.ids.get(unit);
    if (id === undefined) {
      id = this.units.length;
      this.ids.set(unit, id);
      this.units.push(unit);
    }
    return id;
  }
}

/** An index of the given entries, taken from the indexes they were built in (a filtered copy, a merge). */
function compile(entries: readonly SearchEntry[]): CompiledIndex {
  const text = new HaystackBuilder(entries.length, 'text');
  const roma = new HaystackBuilder(entries.length, 'one-byte');
  const ascii = new HaystackBuilder(entries.length, 'one-byte');
  const table = new UnitTable();
  const unitOf = new Int32Array(entries.length);
  entries.forEach((e, i) => {
    const from = e.source;
    text.copy(from.text, e.position);
    roma.copy(from.roma, e.position);
    ascii.copy(from.ascii, e.position);
    unitOf[i] = table.idOf(from.units[from.unitOf[e.position] ?? -1] ?? null);
  });
  return {
    records: entries.map((e) => e.record),
    text: text.finish(),
    roma: roma.finish(),
    ascii: ascii.finish(),
    unitOf,
    units: table.units,
    members: unitMembers(unitOf, table.units.length),
  };
}

/**
 * The compiled form of each index. Keyed by the entries array itself, so the index stays a plain
 * array (the screen can hold `[]` before the directory arrives) and a compiled form lives exactly
 * as long as its index.
 */
const compiledIndexes = new WeakMap<readonly SearchEntry[], CompiledIndex>();

export function remember(entries: readonly SearchEntry[], compiled: CompiledIndex): void {
  compiledIndexes.set(entries, compiled);
}

/** An array of entries buildSearchIndex did not return (a filtered copy, `[]`) is compiled on first use. */
export function compiledOf(entries: readonly SearchEntry[]): CompiledIndex {
  let compiled = compiledIndexes.get(entries);
  if (compiled === undefined) {
    compiled = compile(entries);
    compiledIndexes.set(entries, compiled);
  }
  return compiled;
}
