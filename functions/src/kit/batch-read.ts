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
  | { backend: 'memory'; take(): void };

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
    this.reads.add(reads.length);
    for (const r of reads) {
      if (r.backend !== 'memory') throw new Error('a Firestore read given to the in-memory reader');
      r.take();
    }
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
    const snaps = await this.db.getAll(...firestore.map((r) => r.ref));
    this.reads.add(firestore.length);
    firestore.forEach((r, k) => {
      const snap = snaps[k];
      if (!snap) throw new Error('getAll answered fewer documents than asked');
      r.take(snap);
    });
  }
}
