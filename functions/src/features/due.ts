/**
 * The kept work that waits for its day, by feature (kit/due.ts): the organisation's scheduled
 * batches and the roster's future rows. `refreshDirectoryDue` keeps the earliest of them in the
 * directory's head; the directory feed applies what is due (organisation first, so a roster row
 * of 4/1 finds the units of 4/1).
 */
import { refreshDue, type DueSource } from '../kit/due';
import type { ServerStores } from './stores';

type DueStores = Pick<ServerStores, 'organisation' | 'roster' | 'directory'>;

export const DUE_SOURCES: readonly DueSource<DueStores>[] = [
  {
    name: 'organisation',
    earliest: async (stores, orgId) => (await stores.organisation.listScheduled(orgId))[0]?.effective ?? null,
  },
  {
    name: 'roster',
    earliest: async (stores, orgId) =>
      (await stores.roster.listPending(orgId)).reduce<string | null>(
        (min, c) => (min === null || c.effective < min ? c.effective : min),
        null,
      ),
  },
];

export async function refreshDirectoryDue(stores: DueStores, orgId: string): Promise<string | null> {
  return refreshDue(DUE_SOURCES, stores, orgId, (due) => stores.directory.setRosterDue(orgId, due));
}
