import type { DocumentReference, DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import type { ReadCounter } from './reads';

/**
 * Reads of several stores' documents in ONE batched get: the `/sync` handler reads every feed's
 * head this way, so a sync when nothing changed costs one round trip to the database and one
 * read per feed. A store hands out a HeadHandle; its `read` goes to BatchReader.readAll, and its
 * `value()` is the parsed head afterwards.
 */
export type BatchedRead =
  | { backend: 'firestore'; ref: DocumentReference; take(snap: DocumentSnapshot): void }
  /** `key` names the twin's document: two reads of one key are one read, as two refs of one path. */
  | { backend: 'memory'; key: string; take(): void };

export interface HeadHandle<H> {
  read: BatchedRead;
  value(): H;
}

export interface BatchReader {
  readAll(reads: readonly BatchedRead[]): Promise<void>;
}

export class MemoryBatchReader implements BatchReader {
  constructor(private readonly reads: ReadCounter) {}

  async readAll(reads: readonly BatchedRead[]): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    const keys = new Set<string>();
    for (const r of reads) {
      if (r.backend !== 'memory') throw new Error('a Firestore read given to the in-memory reader');
      keys.add(r.key);
      r.take();
    }
    this.reads.add(keys.size);
  }
}

export class FirestoreBatchReader implements BatchReader {
  constructor(
    private readonly db: Firestore,
    private readonly reads: ReadCounter,
  ) {}

  async readAll(reads: readonly BatchedRead[]): Promise<void> {
    const firestore = reads.flatMap((r) => (r.backend === 'firestore' ? [r] : []));
    if (firestore.length !== reads.length) throw new Error('an in-memory read given to the Firestore reader');
    if (firestore.length === 0) return;
    // Two feeds may share a head document (yells and notifications share the recognition head).
    const unique = [...new Map(firestore.map((r) => [r.ref.path, r.ref])).values()];
    const snaps = await this.db.getAll(...unique);
    this.reads.add(unique.length);
    const byPath = new Map(snaps.map((s) => [s.ref.path, s]));
    for (const r of firestore) {
      const snap = byPath.get(r.ref.path);
      if (!snap) throw new Error('getAll answered fewer documents than asked');
      r.take(snap);
    }
  }
}
