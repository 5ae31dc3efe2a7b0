import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { AppDb } from '../../db/schema';
import { showCommunities, type ShownCommunity } from '../../domain/communities';
import { featureIntents } from '../../domain/mutations';

/**
 * The communities on the device, with my unsent creates, joins and leaves laid over them (so a tap
 * shows at once, offline too). `undefined` while IndexedDB is being read.
 */
export function useCommunities(db: AppDb, selfId: string): ShownCommunity[] | undefined {
  const data = useLiveQuery(async () => {
    const [rows, outbox] = await Promise.all([db.communities.toArray(), db.outbox.orderBy('seq').toArray()]);
    return { rows, pending: outbox.map((o) => o.mutation) };
  }, [db]);
  return useMemo(
    () => (data ? showCommunities(data.rows, featureIntents('communities', data.pending), selfId) : undefined),
    [data, selfId],
  );
}
