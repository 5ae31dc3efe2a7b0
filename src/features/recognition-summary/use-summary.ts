import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import * as v from 'valibot';
import type { AppDb } from '../../db/schema';
import { RecognitionSummarySchema, type RecognitionSummary } from '../../domain/yell-aggregate';
import { TransportError } from '../../sync/ports';
import { getRecognitionApi, onRecognitionApi } from './summary-source';

/** The cache row of one scope; `null` is the viewer's default scope (a manager's 部, HR's whole organisation). */
export function summaryKey(unitId: string | null): string {
  return `summary:${unitId ?? '@default'}`;
}

export type SummaryState = 'loading' | 'fresh' | 'offline' | 'failed' | 'forbidden';

export interface SummaryView {
  summary: RecognitionSummary | null;
  fetchedAt: number | null;
  state: SummaryState;
}

/**
 * One scope's summary: the copy kept on the device at once (offline viewing), then the server's
 * when it answers. A refusal (403) forgets the copy: the viewer's role or 部 changed.
 */
export function useSummary(db: AppDb, unitId: string | null): SummaryView {
  const key = summaryKey(unitId);
  const cached = useLiveQuery(async () => {
    const row = await db.recognition.get(key);
    const parsed = v.safeParse(RecognitionSummarySchema, row?.value);
    return parsed.success && row ? { summary: parsed.output, fetchedAt: row.fetchedAt } : null;
  }, [db, key]);
  const [state, setState] = useState<SummaryState>('loading');

  useEffect(() => {
    let live = true;
    const run = async () => {
      const api = getRecognitionApi();
      if (!api) return setState('offline');
      setState('loading');
      try {
        const summary = await api.fetchRecognitionSummary(unitId);
        await db.recognition.put({ key, value: summary, fetchedAt: Date.now() });
        if (live) setState('fresh');
      } catch (e) {
        if (e instanceof TransportError && e.status === 403) {
          await db.recognition.delete(key);
          if (live) setState('forbidden');
        } else if (live) setState(e instanceof TransportError && e.status === 0 ? 'offline' : 'failed');
      }
    };
    void run();
    const stop = onRecognitionApi(() => void run());
    const online = () => void run();
    window.addEventListener('online', online);
    return () => {
      live = false;
      stop();
      window.removeEventListener('online', online);
    };
  }, [db, key, unitId]);

  return { summary: cached?.summary ?? null, fetchedAt: cached?.fetchedAt ?? null, state };
}
