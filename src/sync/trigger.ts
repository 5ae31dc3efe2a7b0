/** Lets features ask for a sync (after queueing a change) without knowing how sync is wired. */
const listeners = new Set<() => void>();

export function requestSync(): void {
  for (const l of listeners) l();
}

export function onSyncRequested(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
