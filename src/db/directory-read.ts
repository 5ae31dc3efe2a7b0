import { decodeChunkText } from '../domain/directory-codec';
import type { DirectoryRecord } from '../domain/staff';
import type { AppDb, DirectoryChunkRow } from './schema';

/** Reading the device's directory: what the first screen and the search worker need (the feed's writes are directory-store.ts). */

/**
 * Decoded chunks, by snapshot and number. A chunk's content never changes, so every re-read of
 * the directory (after each outbox or overlay change) costs a lookup instead of 40,000 decodes.
 */
const decoded = new Map<string, DirectoryRecord[]>();

export function decodeChunkRow(row: DirectoryChunkRow): DirectoryRecord[] {
  const key = `${row.snapshotId}/${row.n}`;
  let records = decoded.get(key);
  if (!records) {
    records = decodeChunkText(row);
    // Only the current snapshot's chunks are worth keeping.
    for (const k of decoded.keys()) if (!k.startsWith(`${row.snapshotId}/`)) decoded.delete(k);
    decoded.set(key, records);
  }
  return records;
}

/** A chunk already decoded in this thread, if it is. */
export function cachedChunk(snapshotId: string, n: number): DirectoryRecord[] | undefined {
  return decoded.get(`${snapshotId}/${n}`);
}

/**
 * Reads and decodes the given chunks of one snapshot, one chunk per task: each is a JSON.parse of
 * about 1,000 people (a few tens of ms on a slow phone), and between them the browser can paint,
 * scroll and take keystrokes. The next chunk's read is under way while one is decoded. Null when
 * cancelled, or when the device's snapshot changed meanwhile (its reader starts again).
 */
export async function decodeChunks(
  db: AppDb,
  snapshotId: string,
  numbers: readonly number[],
  cancelled: () => boolean,
  yieldToBrowser: () => Promise<void> = nextTask,
): Promise<DirectoryRecord[][] | null> {
  const out: DirectoryRecord[][] = [];
  const read = (n: number) => {
    const hit = cachedChunk(snapshotId, n);
    return hit ? Promise.resolve(hit) : db.directoryChunks.get(n);
  };
  let next = numbers.length > 0 ? read(numbers[0] ?? 0) : null;
  for (let i = 0; i < numbers.length; i++) {
    const row = await next;
    next = i + 1 < numbers.length ? read(numbers[i + 1] ?? 0) : null;
    if (cancelled()) return null;
    if (Array.isArray(row)) out.push(row);
    else if (!row || row.snapshotId !== snapshotId) return null;
    else {
      out.push(decodeChunkRow(row));
      await yieldToBrowser();
    }
  }
  return out;
}

/** A new task, so input and rendering can go first: scheduler.yield where there is one. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Everyone on the device: the snapshot with the changes since laid over it. Order is the snapshot's
 * (by organisation); people added since the snapshot come last. With `appendNew: false` (a view of
 * the first chunks only) changes are laid over those in place and nobody is appended: a person
 * changed since the snapshot may sit in a chunk not decoded yet, and must not show twice.
 */
export function mergeDirectory(
  chunks: readonly (readonly DirectoryRecord[])[],
  overlay: readonly { id: string; record: DirectoryRecord | null }[],
  options: { appendNew?: boolean } = {},
): DirectoryRecord[] {
  const out: DirectoryRecord[] = [];
  if (overlay.length === 0) {
    // The usual case, between a snapshot and the first change: no lookup per person.
    for (const records of chunks) for (const r of records) out.push(r);
    return out;
  }
  const changed = new Map(overlay.map((o) => [o.id, o.record]));
  for (const records of chunks) {
    for (const r of records) {
      if (!changed.has(r.id)) out.push(r);
      else {
        const replacement = changed.get(r.id);
        if (replacement) out.push(replacement);
        changed.delete(r.id);
      }
    }
  }
  if (options.appendNew !== false) for (const rest of changed.values()) if (rest) out.push(rest);
  return out;
}
