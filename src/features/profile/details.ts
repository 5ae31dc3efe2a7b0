import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import * as v from 'valibot';
import type { AppDb } from '../../db/schema';
import type { Mutation } from '../../domain/mutations';
import { StaffDetailSchema, type StaffDetail } from '../../domain/profile';
import { applyPendingToDetail } from '../../sync/reconcile-detail';
import { TransportError } from '../../sync/ports';
import { getProfileApi, onProfileApi } from './detail-source';

/**
 * Restricted profile fields (D4) come from `GET /staff/{id}` and are kept in Dexie, so a profile
 * opened once shows them offline. What is read back is validated: a row written by an older
 * version of the app, or damaged, is treated as absent rather than shown wrongly.
 */
export async function readDetail(db: AppDb, id: string): Promise<{ detail: StaffDetail; fetchedAt: number } | null> {
  const row = await db.profileDetails.get(id);
  if (!row) return null;
  const parsed = v.safeParse(StaffDetailSchema, row.detail);
  return parsed.success && parsed.output.id === id ? { detail: parsed.output, fetchedAt: row.fetchedAt } : null;
}

export type RefreshOutcome = 'fresh' | 'gone' | 'offline' | 'failed';

/** Fetches and stores one person's detail. A person no longer there, or no longer visible, is forgotten. */
export async function refreshDetail(db: AppDb, id: string, now = Date.now()): Promise<RefreshOutcome> {
  const api = getProfileApi();
  if (!api) return 'offline';
  try {
    const detail = await api.fetchStaffDetail(id);
    await db.profileDetails.put({ id, detail, fetchedAt: now });
    return 'fresh';
  } catch (e) {
    if (e instanceof TransportError && (e.status === 404 || e.status === 403)) {
      await db.profileDetails.delete(id);
      return 'gone';
    }
    return e instanceof TransportError && e.status === 0 ? 'offline' : 'failed';
  }
}

export interface DetailView {
  /** null until fetched once (and while offline before that). */
  detail: StaffDetail | null;
  fetchedAt: number | null;
  /** The signed-in user's unacknowledged mutations, in outbox order. */
  pending: Mutation[];
  refreshing: boolean;
}

/** One person's detail from Dexie, refreshed from the server when it can be, with one's own pending edits laid over. */
export function useStaffDetail(db: AppDb, id: string, selfId: string): DetailView | undefined {
  const data = useLiveQuery(async () => {
    const [stored, outbox] = await Promise.all([
      readDetail(db, id),
      id === selfId ? db.outbox.orderBy('seq').toArray() : Promise.resolve([]),
    ]);
    return { stored, pending: outbox.map((o) => o.mutation) };
  }, [db, id, selfId]);
  const [refreshing, setRefreshing] = useState(false);

  useEffect(() => {
    let live = true;
    const run = () => {
      if (!getProfileApi()) return;
      setRefreshing(true);
      void refreshDetail(db, id).finally(() => live && setRefreshing(false));
    };
    run();
    const stop = onProfileApi(run);
    window.addEventListener('online', run);
    return () => {
      live = false;
      stop();
      window.removeEventListener('online', run);
    };
  }, [db, id]);

  // One's own edits leave the outbox when the server has applied them; from then on the server's
  // detail must carry them (consent, audiences, the photo's id), or the screen falls back to the
  // copy fetched before the edit and shows, say, "not consented" to someone who just consented.
  const pendingCount = data?.pending.length;
  const lastPending = useRef(pendingCount);
  useEffect(() => {
    const before = lastPending.current;
    lastPending.current = pendingCount;
    if (id !== selfId || before === undefined || pendingCount === undefined || pendingCount >= before) return;
    if (getProfileApi()) void refreshDetail(db, id);
  }, [db, id, selfId, pendingCount]);

  if (!data) return undefined;
  const detail = data.stored ? applyPendingToDetail(data.stored.detail, data.pending, selfId) : null;
  return { detail, fetchedAt: data.stored?.fetchedAt ?? null, pending: data.pending, refreshing };
}
