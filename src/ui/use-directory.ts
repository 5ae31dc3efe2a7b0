import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { cachedChunk, decodeChunkRow, decodeChunks, mergeDirectory } from '../db/directory-read';
import type { AppDb, DirectoryMetaValue } from '../db/schema';
import type { OrgUnit } from '../domain/org';
import type { DirectoryRecord } from '../domain/staff';
import { applyPending } from '../sync/reconcile';
import { afterNextPaint } from './paint';

export interface DirectoryView {
  records: DirectoryRecord[];
  byId: Map<string, DirectoryRecord>;
  units: Map<string, OrgUnit>;
  /**
   * False while only the first chunk is decoded: the first screen paints from it, the rest
   * follows one chunk per task. Counts and "not found" must wait for it.
   */
  complete: boolean;
  /**
   * A first snapshot still arriving (issue 22): people received so far of how many. Search works on
   * those, and says so. Null once the directory is whole.
   */
  arriving: { received: number; total: number } | null;
}

/**
 * Everyone on the device, with the signed-in person's unsent edits shown over the server's copy.
 * `undefined` while IndexedDB is being read (a few tens of ms), so screens can tell "loading"
 * from "empty".
 *
 * The live query reads only the first chunk's text and the other chunks' numbers: reading all
 * 40,000 people's JSON (about 10 MB) and parsing it took seconds on a throttled phone before the
 * first face could show. The other chunks are read and decoded after the first paint, one per
 * task, and kept decoded in memory (chunks never change), so later re-reads (an outbox or overlay
 * change) cost one small chunk.
 */
type DirectoryRows = Awaited<ReturnType<typeof readDirectoryRows>>;

/** What the directory view is made of; everything but the chunks after the first. */
async function readDirectoryRows(db: AppDb) {
  const [first, numbers, overlay, units, outbox, meta] = await Promise.all([
    db.directoryChunks.toCollection().first(),
    db.directoryChunks.toCollection().primaryKeys(),
    db.directoryOverlay.toArray(),
    db.units.toArray(),
    db.outbox.orderBy('seq').toArray(),
    db.meta.get('directory'),
  ]);
  // Only the directory store writes this row, always a DirectoryMetaValue.
  const arrivingMeta = meta ? (meta.value as DirectoryMetaValue) : null;
  const arriving = arrivingMeta?.arriving
    ? { received: arrivingMeta.staffCount, total: arrivingMeta.arriving.staffCount }
    : null;
  return { first, numbers, overlay, units, pending: outbox.map((o) => o.mutation), arriving };
}

interface Preload {
  db: AppDb;
  rows: Promise<DirectoryRows | undefined>;
}
let preloaded: Preload | null = null;

/**
 * Starts reading the directory as the page starts, beside the session read that comes before the
 * directory screen, so the first faces do not wait for a second IndexedDB round trip.
 */
export function preloadDirectory(db: AppDb): void {
  preloaded = {
    db,
    rows: readDirectoryRows(db).then(
      (rows) => {
        // Decoded now, while the session is read, rather than in the first render.
        if (rows.first) decodeChunkRow(rows.first);
        return rows;
      },
      // The live query reads again and reports what is wrong; the preload is only a head start.
      () => undefined,
    ),
  };
}

/** The page's preload, once: a later mount (after sign-out and in) must not see old rows. */
function takePreloaded(db: AppDb): Promise<DirectoryRows | undefined> | null {
  const entry = preloaded;
  preloaded = null;
  return entry?.db === db ? entry.rows : null;
}

export function useDirectory(db: AppDb, selfId: string | null): DirectoryView | undefined {
  const live = useLiveQuery(() => readDirectoryRows(db), [db]);
  // Until the live query's first answer, the rows the page preloaded when it started.
  const [preload] = useState(() => takePreloaded(db));
  const [early, setEarly] = useState<DirectoryRows | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void preload?.then((rows) => {
      if (current) setEarly(rows);
    });
    return () => {
      current = false;
    };
  }, [preload]);
  const data = live ?? early;

  const snapshotId = data?.first?.snapshotId ?? null;
  const rest = data?.numbers.slice(1) ?? [];
  const restKey = snapshotId === null ? '' : `${snapshotId}:${rest.join(',')}`;
  const [decoded, setDecoded] = useState<{ key: string; chunks: DirectoryRecord[][] } | null>(null);
  // Decoded already in this page (another mount, a re-read after an edit): no need to wait.
  const cached = useMemo(() => {
    if (snapshotId === null) return []; // Nothing on the device: complete as it is.
    const chunks = rest.map((n) => cachedChunk(snapshotId, n));
    return chunks.every((c) => c !== undefined) ? chunks : null;
    // restKey stands for rest and snapshotId.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [restKey]);
  const restChunks = cached ?? (decoded?.key === restKey ? decoded.chunks : null);

  useEffect(() => {
    if (snapshotId === null || restChunks !== null) return;
    let cancelled = false;
    // After the frame with the first faces: until then this would only compete with it.
    void afterNextPaint()
      .then(() => (cancelled ? null : decodeChunks(db, snapshotId, rest, () => cancelled)))
      .then((chunks) => {
        if (chunks) setDecoded({ key: restKey, chunks });
      });
    return () => {
      cancelled = true;
    };
    // restKey stands for rest and snapshotId; restChunks only says whether there is work.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, restKey, restChunks === null]);

  return useMemo(() => {
    if (!data) return undefined;
    const complete = restChunks !== null;
    const first = data.first ? decodeChunkRow(data.first) : [];
    const records = mergeDirectory(complete ? [first, ...restChunks] : [first], data.overlay, {
      appendNew: complete,
    });
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
      arriving: data.arriving,
    };
  }, [data, selfId, restChunks]);
}
