import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { decodeChunkRow, mergeDirectory } from '../../db/directory-store';
import type { AppDb } from '../../db/schema';
import type { OrgUnit } from '../../domain/org';
import type { DirectoryRecord } from '../../domain/staff';
import { applyPending } from '../../sync/reconcile';

export interface DirectoryView {
  records: DirectoryRecord[];
  byId: Map<string, DirectoryRecord>;
  units: Map<string, OrgUnit>;
}

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

  return useMemo(() => {
    if (!data) return undefined;
    const records = mergeDirectory(data.chunks.map(decodeChunkRow), data.overlay);
    if (selfId && data.pending.length > 0) {
      const i = records.findIndex((r) => r.id === selfId);
      const self = records[i];
      if (self) records[i] = applyPending(self, data.pending, selfId);
    }
    return {
      records,
      byId: new Map(records.map((r) => [r.id, r])),
      units: new Map(data.units.map((u) => [u.id, u])),
    };
  }, [data, selfId]);
}
