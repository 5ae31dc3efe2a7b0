import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { AppDb } from '../../db/schema';
import type { Problem } from '../../domain/problems';
import { keptCursor } from '../../db/cursors';
import { readMe, readSettings, readYellSyncState } from '../../db/yells';
import type { Mutation } from '../../domain/mutations';
import type { RecognitionMe, RecognitionSettings } from '../../domain/yells';
import { showYells, type ShownYell } from '../../sync/yells';
import { justQueued } from './just-queued';

export interface YellView {
  /** Newest first: the device's エール with my unsent sends and claps laid over. */
  yells: ShownYell[];
  settings: RecognitionSettings;
  /** People who keep エール about themselves out of the feed, as of the last sync. */
  feedOptOut: ReadonlySet<string>;
  me: { me: RecognitionMe; fetchedAt: number } | null;
  /** My own choice, counting an unsent change of it. */
  myOptOut: boolean;
  /** A change of my opt-out waits in the outbox. */
  optOutPending: boolean;
  /** The device could not store my last send (see sendYell). */
  writeFailure: Problem | null;
  /** The yells feed has stored its first page on this device; until then an empty list is not known to be empty. */
  arrived: boolean;
}

async function readAll(db: AppDb) {
  const [rows, outbox, rejected, settings, state, me, cursor] = await Promise.all([
    db.yells.toArray(),
    db.outbox.orderBy('seq').toArray(),
    db.rejected.toArray(),
    readSettings(db),
    readYellSyncState(db),
    readMe(db),
    keptCursor(db, 'yells'),
  ]);
  return { rows, pending: outbox.map((o) => o.mutation), rejected, settings, state, me, arrived: cursor !== null };
}

/**
 * The last answer per database. A screen that mounts (the sent list after 送る) paints with it at
 * once, with the send bridged over it, instead of waiting a query's round trip to IndexedDB (the
 * larger part of tap-to-screen on a slow phone); its own live query replaces it a moment later.
 * Kept in memory only, with whose it is.
 */
const lastAnswer = new WeakMap<AppDb, { selfId: string; answer: Awaited<ReturnType<typeof readAll>> }>();

/** Everything the エール screens read, from the device store; `undefined` while IndexedDB is read. */
export function useYells(db: AppDb, selfId: string): YellView | undefined {
  const data = useLiveQuery(
    async () => {
      const answer = await readAll(db);
      lastAnswer.set(db, { selfId, answer });
      return answer;
    },
    [db, selfId],
    // Only the same person's: after a sign-out another person's must never show, even for a frame.
    lastAnswer.get(db)?.selfId === selfId ? lastAnswer.get(db)?.answer : undefined,
  );
  const bridged = useSyncExternalStore(justQueued.subscribe, justQueued.snapshot);
  const writeFailure = useSyncExternalStore(justQueued.subscribe, justQueued.failure);
  // A bridged send the query has read back (from the outbox, or already stored) is bridged no more.
  useEffect(() => {
    if (!data || bridged.length === 0) return;
    const known = new Set<string>(data.rows.map((r) => r.id));
    for (const m of data.pending) if (m.kind === 'yell.send') known.add(m.yellId);
    for (const r of data.rejected) if (r.mutation.kind === 'yell.send') known.add(r.mutation.yellId);
    justQueued.drop(new Set(bridged.filter((q) => known.has(q.mutation.yellId)).map((q) => q.mutation.yellId)));
  }, [data, bridged]);
  return useMemo(() => {
    if (!data) return undefined;
    const feedOptOut = new Set(data.state.feedOptOut);
    const lastOptOut = data.pending.filter(isOptOutChange).at(-1);
    // After the outbox's own entries, so a send read back from the outbox is shown from there.
    const pending = [...data.pending, ...bridged.filter((q) => q.db === db.name).map((q) => q.mutation)];
    return {
      writeFailure,
      yells: showYells(data.rows, pending, data.rejected, selfId),
      settings: data.settings,
      feedOptOut,
      me: data.me,
      myOptOut: lastOptOut ? lastOptOut.patch.yellFeedOptOut === true : feedOptOut.has(selfId),
      optOutPending: lastOptOut !== undefined,
      arrived: data.arrived,
    };
  }, [data, selfId, bridged, writeFailure, db.name]);
}

function isOptOutChange(m: Mutation): m is Extract<Mutation, { kind: 'profile.update' }> {
  return m.kind === 'profile.update' && m.patch.yellFeedOptOut !== undefined;
}

/** The label of a value id in the organisation's settings; an id no longer there shows as is. */
export function valueLabel(settings: RecognitionSettings, valueId: string): string {
  return settings.values.find((x) => x.id === valueId)?.label ?? valueId;
}
