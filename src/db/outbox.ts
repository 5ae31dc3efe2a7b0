import type { Mutation } from '../domain/mutations';
import type { Outbox, OutboxEntry } from '../sync/ports';
import type { AppDb } from './schema';

/** The sync engine's Outbox port on Dexie. */
export function dexieOutbox(db: AppDb, now: () => number = Date.now): Outbox {
  return {
    async peek(limit: number): Promise<OutboxEntry[]> {
      const rows = await db.outbox.orderBy('seq').limit(limit).toArray();
      return rows.map(({ mutation, attempts, notBefore, lastError }) => ({ mutation, attempts, notBefore, lastError }));
    },
    async acknowledge(ids) {
      await db.outbox
        .where('id')
        .anyOf([...ids])
        .delete();
    },
    async reject(results) {
      await db.transaction('rw', [db.outbox, db.rejected], async () => {
        for (const { id, ...refusal } of results) {
          const row = await db.outbox.where('id').equals(id).first();
          if (!row) continue;
          // Kept, not dropped: what the user typed must never vanish without a word.
          await db.rejected.put({ id, mutation: row.mutation, ...refusal, rejectedAt: now() });
          await db.outbox.where('id').equals(id).delete();
        }
      });
    },
    async recordFailure(ids, error, notBefore) {
      await db.transaction('rw', db.outbox, async () => {
        for (const id of ids) {
          await db.outbox
            .where('id')
            .equals(id)
            .modify((row) => {
              row.attempts += 1;
              row.notBefore = notBefore;
              row.lastError = error;
            });
        }
      });
    },
  };
}

/** Queues a user's change. The caller shows it at once (pending) through the reconcile rule. */
export async function enqueueMutation(db: AppDb, mutation: Mutation): Promise<void> {
  await db.outbox.add({ id: mutation.id, mutation, attempts: 0, notBefore: 0, lastError: null });
}
