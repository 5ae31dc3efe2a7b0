import type { Mutation } from '../../domain/mutations';
import type { Problem } from '../../domain/problems';

type YellSend = Extract<Mutation, { kind: 'yell.send' }>;

/**
 * Sends whose outbox write is under way in this tab. The sent list shows them from here for the
 * few tens of ms until IndexedDB has committed the entry and the list's query has read it back
 * (on a slow phone that round trip is most of the time from tap to screen); from then on they
 * show from the outbox, where they stay until acknowledged. A write that fails leaves this store
 * with its problem, so the screen can say so instead of dropping what was typed in silence.
 */
let queued: readonly { db: string; mutation: YellSend }[] = [];
let failure: Problem | null = null;
const listeners = new Set<() => void>();

function emit() {
  for (const l of listeners) l();
}

export const justQueued = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  /** The bridged sends of one database (tests open many; a phone one). Same array until a change. */
  snapshot(): readonly { db: string; mutation: YellSend }[] {
    return queued;
  },
  failure(): Problem | null {
    return failure;
  },
  add(db: string, mutation: YellSend) {
    queued = [...queued, { db, mutation }];
    failure = null;
    emit();
  },
  /** The entry is in the outbox (or the write failed): stop bridging it. */
  drop(yellIds: ReadonlySet<string>, failed: Problem | null = null) {
    const next = queued.filter((q) => !yellIds.has(q.mutation.yellId));
    if (next.length === queued.length && failed === null) return;
    queued = next;
    if (failed !== null) failure = failed;
    emit();
  },
  clearFailure() {
    if (failure === null) return;
    failure = null;
    emit();
  },
};
