import * as v from 'valibot';
import { departmentOf, type OrgUnit, type Role } from './org';
import {
  AUDIENCE_FIELDS,
  AudienceSchema,
  DeptHistoryEntrySchema,
  DirectoryRecordSchema,
  type Audience,
  type AudienceField,
  type StaffProfile,
} from './staff';

/**
 * Who may see what of a person beyond the shared directory (D4, D5). Pure, so the server enforces
 * it and the tests read it as a table. The device never decides visibility: it only shows what the
 * server returned.
 *
 * Audiences, for a viewer who is not the person:
 * - everyone: every signed-in member of the organisation;
 * - department (所属部の職員): staff whose 部 is the person's 部, whatever their role;
 * - managers (管理職と人事): HR, and the managers (role `manager`) of the person's own 部. A 課長
 *   of another 部 is not the person's line management, so "managers" does not mean every
 *   manager in the city;
 * - self (自分のみ): no one else.
 * The person always sees all of their own fields.
 */

/** Audience a field has until the person chooses one. A private phone starts closed. */
export const DEFAULT_AUDIENCES: Readonly<Record<AudienceField, Audience>> = {
  intro: 'everyone',
  hobbies: 'everyone',
  photo: 'everyone',
  privatePhone: 'managers',
};

/** 異動歴 has a fixed audience: personnel data, not something a person publishes. */
export const HISTORY_AUDIENCE: Audience = 'managers';

export interface Viewer {
  staffId: string;
  role: Role;
  /** The viewer's 部, or null when their unit is unknown (then only `everyone` fields show). */
  deptId: string | null;
}

export interface Target {
  id: string;
  deptId: string | null;
}

export function audienceOf(p: Pick<StaffProfile, 'audiences'>, field: AudienceField): Audience {
  return p.audiences[field] ?? DEFAULT_AUDIENCES[field];
}

export function canSee(audience: Audience, viewer: Viewer, target: Target): boolean {
  if (viewer.staffId === target.id) return true;
  const sameDept = viewer.deptId !== null && viewer.deptId === target.deptId;
  switch (audience) {
    case 'everyone':
      return true;
    case 'department':
      return sameDept;
    case 'managers':
      return viewer.role === 'hr' || (viewer.role === 'manager' && sameDept);
    case 'self':
      return false;
  }
}

const PhotoIdSchema = DirectoryRecordSchema.entries.photo.wrapped;

/**
 * What the per-person endpoint (`GET /staff/{id}`) returns: the fields this viewer may see that
 * the shared snapshot may not carry. A field left out is one the viewer may not see; an empty
 * value is one the person left empty.
 */
export const StaffDetailSchema = v.object({
  id: DirectoryRecordSchema.entries.id,
  intro: v.optional(DirectoryRecordSchema.entries.intro),
  hobbies: v.optional(DirectoryRecordSchema.entries.hobbies),
  /** Only with the person's consent (to anyone but themselves). */
  photo: v.optional(v.nullable(PhotoIdSchema)),
  privatePhone: v.optional(v.pipe(v.string(), v.maxLength(20))),
  history: v.optional(v.array(DeptHistoryEntrySchema)),
  /** Only in one's own detail: what the edit screen needs. */
  settings: v.optional(
    v.object({
      audiences: v.object(
        Object.fromEntries(AUDIENCE_FIELDS.map((f) => [f, AudienceSchema])) as Record<
          AudienceField,
          typeof AudienceSchema
        >, // fromEntries loses the key type; the keys are exactly AUDIENCE_FIELDS
      ),
      photoConsent: v.boolean(),
      /** The uploaded photo, shown to oneself even before consent. */
      photo: v.nullable(PhotoIdSchema),
    }),
  ),
});
export type StaffDetail = v.InferOutput<typeof StaffDetailSchema>;

export function deptOf(units: ReadonlyMap<string, OrgUnit>, unitId: string): string | null {
  return departmentOf(units, unitId)?.id ?? null;
}

/** The projection of a full profile that one viewer may see (see the audience rules above). */
export function projectDetail(p: StaffProfile, viewer: Viewer, targetDeptId: string | null): StaffDetail {
  const target: Target = { id: p.id, deptId: targetDeptId };
  const sees = (field: AudienceField) => canSee(audienceOf(p, field), viewer, target);
  const self = viewer.staffId === p.id;
  const detail: StaffDetail = { id: p.id };
  if (sees('intro')) detail.intro = p.intro;
  if (sees('hobbies')) detail.hobbies = [...p.hobbies];
  if (sees('photo')) detail.photo = self || p.photoConsent ? p.photo : null;
  if (sees('privatePhone')) detail.privatePhone = p.privatePhone;
  if (canSee(HISTORY_AUDIENCE, viewer, target)) detail.history = p.history.map((h) => ({ ...h }));
  if (self) {
    detail.settings = {
      audiences: Object.fromEntries(AUDIENCE_FIELDS.map((f) => [f, audienceOf(p, f)])) as Record<
        AudienceField,
        Audience
      >, // fromEntries loses the key type; every AUDIENCE_FIELDS key is set
      photoConsent: p.photoConsent,
      photo: p.photo,
    };
  }
  return detail;
}
