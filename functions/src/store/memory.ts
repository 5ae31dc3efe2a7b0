/**
 * Kept for bench/run.ts, which seeds the directory twin under this name and reads its chunks. The
 * bench is outside this branch; when it moves to createMemoryStores (features/index.ts) this file goes.
 */
import { MemoryDirectory } from '../features/directory/memory';
import type { DirectoryStore } from '../features/directory/port';
import type { MemoryMutations } from '../kit/memory';
import { ReadCounter } from '../kit/reads';
import { STANDARD_RETRY } from '../kit/versioned';

export class MemoryStore extends MemoryDirectory {
  /** So that it can be handed to seedOrganisation, which takes `{ directory }`. */
  readonly directory: DirectoryStore = this;

  constructor() {
    const records = new Map<string, MemoryMutations>();
    super(
      {
        reads: new ReadCounter(),
        mutations: (orgId) => {
          let m = records.get(orgId);
          if (!m) records.set(orgId, (m = new Map()));
          return m;
        },
      },
      STANDARD_RETRY,
    );
  }
}
