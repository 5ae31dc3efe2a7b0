import type { OrgUnit } from '../domain/org';
import type { DirectoryChange, SnapshotManifest } from '../domain/protocol';
import { decodeChunkText, type ChunkText } from '../domain/directory-codec';
import type { DirectoryRecord } from '../domain/staff';
import type { DirectoryState, DirectoryStore } from '../sync/ports';
import type { AppDb, DirectoryChunkRow, DirectoryMetaValue } from './schema';

const EMPTY: DirectoryMetaValue = { snapshotId: null, version: 0, staffCount: 0, syncedAt: null };

export async function readDirectoryMeta(db: AppDb): Promise<DirectoryMetaValue> {
  const row = await db.meta.get('directory');
  return row ? (row.value as DirectoryMetaValue) : EMPTY;
}

/** The sync engine's DirectoryStore port on Dexie. */
export function dexieDirectoryStore(db: AppDb, now: () => number = Date.now): DirectoryStore {
  return {
    async state(): Promise<DirectoryState> {
      const { snapshotId, version } = await readDirectoryMeta(db);
      return { snapshotId, version };
    },

    async replaceSnapshot(manifest: SnapshotManifest, units: readonly OrgUnit[], chunks: readonly ChunkText[]) {
      // One transaction: a screen reading the directory sees the old one or the new one, never a mix.
      await db.transaction('rw', [db.directoryChunks, db.directoryOverlay, db.units, db.meta], async () => {
        await Promise.all([db.directoryChunks.clear(), db.directoryOverlay.clear(), db.units.clear()]);
        await db.directoryChunks.bulkAdd(
          chunks.map(({ count, json }, n) => ({ n, snapshotId: manifest.id, count, json })),
        );
        await db.units.bulkAdd([...units]);
        await db.meta.put({
          key: 'directory',
          value: {
            snapshotId: manifest.id,
            version: manifest.version,
            staffCount: manifest.staffCount,
            syncedAt: now(),
          },
        });
      });
    },

    async applyChanges(changes: readonly DirectoryChange[], version: number) {
      await db.transaction('rw', [db.directoryOverlay, db.meta], async () => {
        // Later changes to the same person replace earlier ones: the engine hands them in version order.
        const rows = new Map<string, { id: string; version: number; record: DirectoryRecord | null }>();
        for (const c of changes) {
          if (c.op === 'put') rows.set(c.record.id, { id: c.record.id, version: c.version, record: c.record });
          else rows.set(c.id, { id: c.id, version: c.version, record: null });
        }
        await db.directoryOverlay.bulkPut([...rows.values()]);
        const meta = await readDirectoryMeta(db);
        await db.meta.put({ key: 'directory', value: { ...meta, version, syncedAt: now() } });
      });
    },
  };
}

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

/**
 * Everyone on the device: the snapshot with the changes since laid over it. Order is the snapshot's
 * (by organisation); people added since the snapshot come last.
 */
export function mergeDirectory(
  chunks: readonly (readonly DirectoryRecord[])[],
  overlay: readonly { id: string; record: DirectoryRecord | null }[],
): DirectoryRecord[] {
  const changed = new Map(overlay.map((o) => [o.id, o.record]));
  const out: DirectoryRecord[] = [];
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
  for (const rest of changed.values()) if (rest) out.push(rest);
  return out;
}
