import { jstDate } from '../../../../src/domain/roster/normalize';
import { refreshDirectoryDue } from '../due';
import { organisationAudit, writeBatch, type OrganisationStores } from './handlers';
import type { ServerStores } from '../stores';

/**
 * Applies the scheduled batches whose day has come (00:00 JST, server clock), oldest first. Called
 * by the directory feed of /sync when its head says something is due, before the roster's kept
 * rows, so that a 4/1 transfer finds the 4/1 units. Two syncs at once: `advance` lets one write
 * each batch. A batch that no longer applies (someone still sits in a unit it abolishes) stays
 * scheduled, and its day stays the directory's due day until HR fixes it.
 */
export async function applyDueOrganisation(
  stores: OrganisationStores & Pick<ServerStores, 'audit'>,
  orgId: string,
  now: Date,
): Promise<number> {
  const today = jstDate(now);
  const due = (await stores.organisation.listScheduled(orgId)).filter((b) => b.effective <= today);
  let applied = 0;
  for (const batch of due) {
    if (await writeBatch(stores, orgId, batch, now)) {
      applied++;
      await organisationAudit(stores)(orgId, { by: batch.by, batch, at: now, endpoint: 'POST /sync' });
    }
  }
  if (due.length > 0) await refreshDirectoryDue(stores, orgId);
  return applied;
}
