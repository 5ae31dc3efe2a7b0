/**
 * Counters written by many writers at once (an organisation's aggregate, a popular person's
 * count), in both forms. Firestore sustains about one write per second per document, so the
 * Firestore form spreads a counter over COUNTER_SHARDS documents: a write increments shard
 * `version % COUNTER_SHARDS` (consecutive versions land on different shards) and a read sums the
 * shards in one getAll. Counters are flat records of numbers: the stand-in applies increments
 * only to top-level fields.
 */
import type { DocumentReference, Firestore, WriteBatch } from 'firebase-admin/firestore';
import * as v from 'valibot';
import { fieldValueFor, readDocs } from './firestore';
import type { ReadCounter } from './reads';

export type Counts = Record<string, number>;

export const COUNTER_SHARDS = 10;

const CountsSchema = v.record(v.string(), v.number());

export function shardOf(version: number): string {
  return String(version % COUNTER_SHARDS);
}

export class FirestoreCounters {
  readonly #fv;

  constructor(
    private readonly db: Firestore,
    private readonly reads: ReadCounter,
  ) {
    this.#fv = fieldValueFor(db);
  }

  /** `counter` is the counter's document; its shards are `counter/shards/{0-9}`. */
  increment(batch: WriteBatch, counter: DocumentReference, version: number, delta: Readonly<Counts>): void {
    const fields = Object.fromEntries(Object.entries(delta).map(([k, n]) => [k, this.#fv.increment(n)]));
    batch.set(counter.collection('shards').doc(shardOf(version)), fields, { merge: true });
  }

  /** Several counters summed, in one getAll of all their shards. */
  async read(counters: readonly DocumentReference[]): Promise<Counts[]> {
    const refs = counters.flatMap((c) =>
      Array.from({ length: COUNTER_SHARDS }, (_, k) => c.collection('shards').doc(String(k))),
    );
    const snaps = await readDocs(this.reads, this.db, refs);
    return counters.map((_, i) => {
      const sum: Counts = {};
      for (const s of snaps.slice(i * COUNTER_SHARDS, (i + 1) * COUNTER_SHARDS)) {
        if (!s.exists) continue;
        for (const [k, n] of Object.entries(v.parse(CountsSchema, s.data()))) sum[k] = (sum[k] ?? 0) + n;
      }
      return sum;
    });
  }
}

/** The twin's counters: one record per counter (sharding changes nothing a reader sees). */
export class MemoryCounters {
  readonly #counters = new Map<string, Counts>();

  constructor(private readonly reads: ReadCounter) {}

  increment(counter: string, delta: Readonly<Counts>): void {
    const current = this.#counters.get(counter) ?? {};
    for (const [k, n] of Object.entries(delta)) current[k] = (current[k] ?? 0) + n;
    this.#counters.set(counter, current);
  }

  read(counters: readonly string[]): Counts[] {
    // Billed as the Firestore form's shard reads, so both forms count alike.
    this.reads.add(counters.length * COUNTER_SHARDS);
    return counters.map((c) => ({ ...this.#counters.get(c) }));
  }
}
