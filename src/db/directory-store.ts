import type { OrgUnit } from '../domain/org';
import type { DirectoryChange, SnapshotManifest } from '../domain/protocol';
import type { ChunkText } from '../domain/directory-codec';
import type { DirectoryRecord } from '../domain/staff';
import type { DirectoryState, DirectoryStore } from '../sync/ports';
import { readCursor, writeCursor } from './cursors';
import type { AppDb, DirectoryMetaValue } from './schema';

const EMPTY: DirectoryMetaValue = { staffCount: 0, syncedAt: null };

/** The directory's feed cursor (where its snapshot and changes stand) with its count and last sync. */
export async function readDirectoryMeta(db: AppDb): Promise<DirectoryMetaValue & DirectoryState> {
  const [cursor, row] = await Promise.all([readCursor(db, 'directory'), db.meta.get('directory')]);
  // Only this file writes the `directory` row, always a DirectoryMetaValue.
  const meta = row ? (row.value as DirectoryMetaValue) : EMPTY;
  return {
    ...cursor,
    staffCount: meta.staffCount,
    syncedAt: meta.syncedAt,
    ...(meta.arriving ? { arriving: meta.arriving } : {}),
  };
}

/**
 * The sync engine's DirectoryStore port on Dexie: the writes of the directory feed, loaded with the
 * sync engine (the first screen only reads, src/db/directory-read.ts).
 */
export function dexieDirectoryStore(db: AppDb, now: () => number = Date.now): DirectoryStore {
  /**
   * Where a snapshot's chunks go while it arrives: straight into the directory when the device has
   * none (no cursor, and no chunk of another snapshot), so its first screen shows the first chunk;
   * aside otherwise, so the directory it shows stays whole until the new one is.
   */
  const receivingInto = async (manifest: SnapshotManifest) => {
    const [cursor, first] = await Promise.all([readCursor(db, 'directory'), db.directoryChunks.toCollection().first()]);
    const empty = cursor.snapshotId === null && (first === undefined || first.snapshotId === manifest.id);
    return empty ? db.directoryChunks : db.directoryIncoming;
  };
  return {
    async state(): Promise<DirectoryState> {
      return readCursor(db, 'directory');
    },

    async replaceSnapshot(manifest: SnapshotManifest, units: readonly OrgUnit[], chunks: readonly ChunkText[]) {
      // One transaction: a screen reading the directory sees the old one or the new one, never a mix.
      const tables = [db.directoryChunks, db.directoryOverlay, db.units, db.meta, db.feedCursors];
      await db.transaction('rw', tables, async () => {
        await Promise.all([db.directoryChunks.clear(), db.directoryOverlay.clear(), db.units.clear()]);
        await db.directoryChunks.bulkAdd(
          chunks.map(({ count, json }, n) => ({ n, snapshotId: manifest.id, count, json })),
        );
        await db.units.bulkAdd([...units]);
        await db.meta.put({ key: 'directory', value: { staffCount: manifest.staffCount, syncedAt: now() } });
        await writeCursor(db, 'directory', { snapshotId: manifest.id, version: manifest.version });
      });
    },

    async receivedChunks(manifest: SnapshotManifest) {
      const table = await receivingInto(manifest);
      const rows = await table.toArray();
      return rows.filter((r) => r.snapshotId === manifest.id).map(({ n, count }) => ({ n, count }));
    },

    async receiveChunk(manifest: SnapshotManifest, units: readonly OrgUnit[], n: number, chunk: ChunkText) {
      const tables = [db.directoryChunks, db.directoryIncoming, db.units, db.meta, db.feedCursors];
      await db.transaction('rw', tables, async () => {
        const table = await receivingInto(manifest);
        if (table === db.directoryIncoming) {
          // Aside: what the screens show stays as it is until the snapshot is complete.
          const other = await db.directoryIncoming.filter((r) => r.snapshotId !== manifest.id).primaryKeys();
          if (other.length > 0) await db.directoryIncoming.bulkDelete(other);
          await db.directoryIncoming.put({ n, snapshotId: manifest.id, count: chunk.count, json: chunk.json });
          return;
        }
        // Nothing on the device yet: shown at once, the first chunk with the units its cards name.
        const meta = await readDirectoryMeta(db);
        const first = meta.arriving?.snapshotId !== manifest.id;
        if (first) {
          await db.units.clear();
          await db.units.bulkAdd([...units]);
        }
        const had = await db.directoryChunks.get(n);
        await db.directoryChunks.put({ n, snapshotId: manifest.id, count: chunk.count, json: chunk.json });
        const staffCount = (first ? 0 : meta.staffCount) + chunk.count - (had ? had.count : 0);
        const arriving = { snapshotId: manifest.id, staffCount: manifest.staffCount };
        await db.meta.put({ key: 'directory', value: { staffCount, syncedAt: null, arriving } });
      });
    },

    async installSnapshot(manifest: SnapshotManifest, units: readonly OrgUnit[]) {
      const tables = [db.directoryChunks, db.directoryIncoming, db.directoryOverlay, db.units, db.meta, db.feedCursors];
      await db.transaction('rw', tables, async () => {
        const table = await receivingInto(manifest);
        const rows = (await table.toArray()).filter((r) => r.snapshotId === manifest.id);
        if (rows.length !== manifest.chunkCount) throw new Error(`snapshot ${manifest.id} is not complete`);
        await Promise.all([db.directoryOverlay.clear(), db.units.clear(), db.directoryIncoming.clear()]);
        if (table === db.directoryIncoming) {
          await db.directoryChunks.clear();
          await db.directoryChunks.bulkAdd(rows);
        }
        await db.units.bulkAdd([...units]);
        await db.meta.put({ key: 'directory', value: { staffCount: manifest.staffCount, syncedAt: now() } });
        await writeCursor(db, 'directory', { snapshotId: manifest.id, version: manifest.version });
      });
    },

    async discardReceived(manifest: SnapshotManifest) {
      const tables = [db.directoryChunks, db.directoryIncoming, db.units, db.meta, db.feedCursors];
      await db.transaction('rw', tables, async () => {
        if ((await receivingInto(manifest)) === db.directoryChunks) {
          await Promise.all([db.directoryChunks.clear(), db.units.clear(), db.meta.delete('directory')]);
        }
        await db.directoryIncoming.clear();
      });
    },

    async applyChanges(changes: readonly DirectoryChange[], version: number) {
      await db.transaction('rw', [db.directoryOverlay, db.units, db.meta, db.feedCursors], async () => {
        // Later changes to the same person replace earlier ones: the engine hands them in version order.
        const rows = new Map<string, { id: string; version: number; record: DirectoryRecord | null }>();
        for (const c of changes) {
          if (c.op === 'put') rows.set(c.record.id, { id: c.record.id, version: c.version, record: c.record });
          else if (c.op === 'remove') rows.set(c.id, { id: c.id, version: c.version, record: null });
          // Unit changes (issue 21) apply in version order, each in this one transaction.
          else if (c.op === 'unit') await db.units.put(c.unit);
          else await db.units.delete(c.id);
        }
        await db.directoryOverlay.bulkPut([...rows.values()]);
        const { snapshotId, staffCount } = await readDirectoryMeta(db);
        await db.meta.put({ key: 'directory', value: { staffCount, syncedAt: now() } });
        await writeCursor(db, 'directory', { snapshotId, version });
      });
    },
  };
}
