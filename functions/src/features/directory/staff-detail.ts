import type { Claims } from '../../../../src/domain/protocol';
import { deptOf, projectDetail, type StaffDetail, type Viewer } from '../../../../src/domain/profile';
import type { StaffProfile } from '../../../../src/domain/staff';
import type { ServerStores } from '../stores';
import { notFound } from '../../api/errors';
import { problem } from '../../../../src/domain/problems';

/**
 * `GET /staff/{id}`: what the caller may see of one person beyond the shared snapshot (restricted
 * fields by audience and role, see src/domain/profile.ts). The caller's role comes from the
 * verified token, their 部 from their own profile on the server: nothing the client says counts.
 */
export async function getStaffDetail(store: ServerStores, claims: Claims, targetId: string): Promise<StaffDetail> {
  const { target, viewer, targetDeptId } = await relation(store, claims, targetId);
  if (!target) throw notFound(problem('directory.notInDirectory'));
  return projectDetail(target, viewer, targetDeptId);
}

/** The person, the caller as a Viewer, and the person's 部. Oneself needs no unit lookup. */
export async function relation(
  store: ServerStores,
  claims: Claims,
  targetId: string,
): Promise<{ target: StaffProfile | null; viewer: Viewer; targetDeptId: string | null }> {
  const self = targetId === claims.staffId;
  const [target, viewerProfile, units] = await Promise.all([
    store.directory.getStaff(claims.orgId, targetId),
    self ? null : store.directory.getStaff(claims.orgId, claims.staffId),
    self ? [] : store.directory.listUnits(claims.orgId),
  ]);
  const byId = new Map(units.map((u) => [u.id, u]));
  const targetDeptId = target && !self ? deptOf(byId, target.unitId) : null;
  // A caller with no profile (just removed from the roster) has no 部: only `everyone` fields show.
  const viewerDeptId = self ? targetDeptId : viewerProfile ? deptOf(byId, viewerProfile.unitId) : null;
  return { target, viewer: { staffId: claims.staffId, role: claims.role, deptId: viewerDeptId }, targetDeptId };
}
