import type { Claims } from '../../../../src/domain/protocol';
import {
  audienceOf,
  deptOf,
  HISTORY_AUDIENCE,
  projectDetail,
  type StaffDetail,
  type Viewer,
} from '../../../../src/domain/profile';
import { AUDIENCE_FIELDS, type Audience } from '../../../../src/domain/staff';
import { recordAudit } from '../audit/record';
import type { StaffProfile } from '../../../../src/domain/staff';
import type { ServerStores } from '../stores';
import { notFound } from '../../api/errors';
import { problem } from '../../../../src/domain/problems';

/**
 * `GET /staff/{id}`: what the caller may see of one person beyond the shared snapshot (restricted
 * fields by audience and role, see src/domain/profile.ts). The caller's role comes from the
 * verified token, their 部 from their own profile on the server: nothing the client says counts.
 */
export async function getStaffDetail(
  store: ServerStores,
  claims: Claims,
  targetId: string,
  endpoint = `GET /staff/${targetId}`,
): Promise<StaffDetail> {
  const { target, viewer, targetDeptId } = await relation(store, claims, targetId);
  if (!target) throw notFound(problem('directory.notInDirectory'));
  const detail = projectDetail(target, viewer, targetDeptId);
  const fields = restrictedFieldsShown(target, detail, claims.staffId);
  // Logged before the answer: no entry, no data (A3).
  if (fields.length)
    await recordAudit(store, claims, { kind: 'profile.restricted', subject: target.id, fields, endpoint });
  return detail;
}

/** Audiences whose reads by someone else are logged (A3); everyone's and the department's are ordinary browsing. */
export const AUDITED_AUDIENCES: readonly Audience[] = ['managers', 'self'];

/**
 * The fields of `detail` a viewer other than the person got although their audience is 管理職と人事
 * or 本人のみ, and `history` (異動歴, whose audience is fixed at 管理職と人事). Empty for oneself.
 */
export function restrictedFieldsShown(target: StaffProfile, detail: StaffDetail, viewerId: string): string[] {
  if (viewerId === target.id) return [];
  const fields: string[] = AUDIENCE_FIELDS.filter(
    (f) => detail[f] !== undefined && AUDITED_AUDIENCES.includes(audienceOf(target, f)),
  );
  if (detail.history !== undefined && AUDITED_AUDIENCES.includes(HISTORY_AUDIENCE)) fields.push('history');
  return fields;
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
