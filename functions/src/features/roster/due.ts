import { jstDate } from '../../../../src/domain/roster/normalize';
import { applyRow, sameProfile } from '../../../../src/domain/roster/plan';
import type { StaffProfile } from '../../../../src/domain/staff';
import type { AccessChange } from '../../kit/access';
import { accessChangeOf, refreshDue, type RosterStores } from './handlers';
import type { RosterWiring } from './wiring';

/**
 * Applies the kept roster changes whose 発令日 has come (00:00 JST of that day, by the server's
 * clock), oldest first. Called by the directory feed of /sync when its head (read anyway) says one
 * is due, so the first request of the day applies them and no scheduler is needed; nothing of a
 * kept change reaches a device before (内示 is confidential). Idempotent: a person already in the
 * state a change leads to is not written again, so two syncs applying at once write one change
 * each at most and lose nothing. Without the AccessPort wired, nothing is applied (people's
 * rights would not follow): the changes wait.
 */
export async function applyDueRoster(
  stores: RosterStores,
  orgId: string,
  now: Date,
  wiring: RosterWiring | null,
): Promise<number> {
  if (!wiring) return 0;
  const today = jstDate(now);
  const due = (await stores.roster.listPending(orgId))
    .filter((c) => c.effective <= today)
    .sort((a, b) => (a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : a.row.line - b.row.line));
  if (due.length === 0) {
    await refreshDue(stores, orgId);
    return 0;
  }
  const units = new Map((await stores.directory.listUnits(orgId)).map((u) => [u.id, u]));
  const people = new Map<string, StaffProfile | null>();
  const firstState = new Map<string, StaffProfile | null>();
  for (const change of due) {
    if (!people.has(change.staffId)) {
      const p = await stores.directory.getStaff(orgId, change.staffId);
      people.set(change.staffId, p);
      firstState.set(change.staffId, p);
    }
    const before = people.get(change.staffId) ?? null;
    people.set(change.staffId, applyRow(before, change.row, change.effective, units));
  }
  const written: StaffProfile[] = [];
  const access: AccessChange[] = [];
  for (const [id, next] of people) {
    const before = firstState.get(id) ?? null;
    if (!next || (before && sameProfile(before, next))) continue;
    written.push(next);
    const change = accessChangeOf(before, next);
    if (change) access.push(change);
  }
  const by = due[0]?.by ?? '';
  if (access.length > 0) {
    const outcome = await wiring.access.apply(orgId, access, { staffId: by });
    const held = new Set(outcome.pendingHr);
    for (const p of written) if (held.has(p.id)) p.role = firstState.get(p.id)?.role ?? 'staff';
  }
  if (written.length > 0) await stores.directory.putStaffBulk(orgId, written);
  await stores.roster.deletePending(
    orgId,
    due.map((c) => c.id),
  );
  await refreshDue(stores, orgId);
  return written.length;
}
