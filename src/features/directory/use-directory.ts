import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { decodeChunkRow, mergeDirectory } from '../../db/directory-store';
import type { AppDb } from '../../db/schema';
import type { OrgUnit } from '../../domain/org';
import type { DirectoryRecord } from '../../domain/staff';
import { applyPending } from '../../sync/reconcile';

export interface DirectoryView {
  records: DirectoryRecord[];
  byId: Map<string, DirectoryRecord>;
  units: Map<string, OrgUnit>;
  /**
   * False while only the first chunks are decoded: the first screen paints from them, the rest
   * follows a task later. Counts and "not found" must wait for it.
   */
  complete: boolean;
}

/** Chunks decoded before the first paint: a phone screen of faces needs only the first. */
const FIRST_PAINT_CHUNKS = 1;

/**
 * Everyone on the device, with the signed-in person's unsent edits shown over the server's copy.
 * `undefined` while IndexedDB is being read (a few tens of ms), so screens can tell "loading"
 * from "empty".
 */
export function useDirectory(db: AppDb, selfId: string | null): DirectoryView | undefined {
  const data = useLiveQuery(async () => {
    const [chunks, overlay, units, outbox] = await Promise.all([
      db.directoryChunks.toArray(),
      db.directoryOverlay.toArray(),
      db.units.toArray(),
      db.outbox.orderBy('seq').toArray(),
    ]);
    return { chunks, overlay, units, pending: outbox.map((o) => o.mutation) };
  }, [db]);

  // Decoding 40,000 people takes several hundred ms on a slow phone; the first faces should not wait.
  const [decodeAll, setDecodeAll] = useState(false);
  const total = data?.chunks.length ?? 0;
  useEffect(() => {
    if (decodeAll || total <= FIRST_PAINT_CHUNKS) return;
    const timer = setTimeout(() => setDecodeAll(true), 0);
    return () => clearTimeout(timer);
  }, [decodeAll, total]);

  return useMemo(() => {
    if (!data) return undefined;
    const complete = decodeAll || data.chunks.length <= FIRST_PAINT_CHUNKS;
    const chunks = complete ? data.chunks : data.chunks.slice(0, FIRST_PAINT_CHUNKS);
    // People changed since the snapshot are laid over only once everyone is decoded, so a partial
    // view never shows someone twice.
    const records = mergeDirectory(chunks.map(decodeChunkRow), complete ? data.overlay : []);
    if (selfId && data.pending.length > 0) {
      const i = records.findIndex((r) => r.id === selfId);
      const self = records[i];
      if (self) records[i] = applyPending(self, data.pending, selfId);
    }
    return {
      records,
      byId: new Map(records.map((r) => [r.id, r])),
      units: new Map(data.units.map((u) => [u.id, u])),
      complete,
    };
  }, [data, selfId, decodeAll]);
}
