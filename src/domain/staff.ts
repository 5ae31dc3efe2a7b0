import * as v from 'valibot';
import { says } from './issues';
import { DX_SKILLS, EmploymentTypeSchema, JobLevelSchema, RoleSchema } from './org';

/** Limits shared by the edit form (to say so while typing) and the server (to refuse). */
/** An award shown on the winner's profile (C3), after their consent. */
export const ProfileAwardSchema = v.object({
  nominationId: v.string(),
  awardId: v.string(),
  label: v.string(),
  year: v.number(),
});
export type ProfileAward = v.InferOutput<typeof ProfileAwardSchema>;

export const LIMITS = {
  intro: 400,
  name: 20,
  tag: 30,
  tags: 20,
} as const;

/** Who may see a field. The shared directory snapshot carries only `everyone` fields. */
export const AUDIENCES = ['everyone', 'department', 'managers', 'self'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AudienceSchema = v.picklist(AUDIENCES);

export const StaffIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/, says('staff.idInvalid')));
const NameSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.name));
const KanaSchema = v.pipe(v.string(), v.maxLength(LIMITS.name * 3));
const TagSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.tag));
const TagsSchema = v.pipe(v.array(TagSchema), v.maxLength(LIMITS.tags));
/** One level (0-3) per DX skill, in the order of DX_SKILLS. */
const DxLevelsSchema = v.pipe(
  v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3))),
  v.length(DX_SKILLS.length),
);

export const DirectoryRecordSchema = v.object({
  id: StaffIdSchema,
  familyName: NameSchema,
  givenName: NameSchema,
  familyKana: KanaSchema,
  givenKana: KanaSchema,
  /** 旧姓 or 通称 used at work, with its reading; empty when none. */
  altFamilyName: v.pipe(v.string(), v.maxLength(LIMITS.name)),
  altFamilyKana: KanaSchema,
  /** The 係 (or 課 for those directly under a 課長) the person sits in. */
  unitId: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  /** 職名 as printed on the seating chart, e.g. 課長, 主任, 係長. */
  title: v.pipe(v.string(), v.maxLength(LIMITS.name)),
  jobLevel: JobLevelSchema,
  employment: EmploymentTypeSchema,
  extension: v.pipe(v.string(), v.regex(/^[0-9-]{0,12}$/)),
  email: v.pipe(v.string(), v.maxLength(120)),
  skills: TagsSchema,
  dxLevels: DxLevelsSchema,
  hobbies: TagsSchema,
  qualifications: TagsSchema,
  intro: v.pipe(v.string(), v.maxLength(LIMITS.intro)),
  /** Content hash of the consented photo; null shows the generated avatar. */
  photo: v.nullable(v.pipe(v.string(), v.regex(/^[a-f0-9]{16,64}$/))),
  /**
   * Awards the person agreed to show (C3); absent when none, so records and chunks made before
   * awards existed stay valid and a directory without awards costs nothing more.
   */
  awards: v.optional(v.pipe(v.array(ProfileAwardSchema), v.maxLength(50))),
  /** 兼務: the other units the person also belongs to (roster import, issue 21); absent when none. */
  concurrentUnitIds: v.optional(v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(40))), v.maxLength(10))),
  /** 休職: kept in the directory, marked, and out of reminders; absent when at work. */
  onLeave: v.optional(v.literal(true)),
});
/** What everyone in the organisation may see of a person: the shape of the shared snapshot. */
export type DirectoryRecord = v.InferOutput<typeof DirectoryRecordSchema>;

/** A directory record checked against its schema (throws a valibot error otherwise). */
export function parseDirectoryRecord(record: unknown): DirectoryRecord {
  return v.parse(DirectoryRecordSchema, record);
}

export const DeptHistoryEntrySchema = v.object({
  unitId: v.string(),
  unitName: v.string(),
  from: v.pipe(v.string(), v.isoDate()),
  to: v.nullable(v.pipe(v.string(), v.isoDate())),
});
export type DeptHistoryEntry = v.InferOutput<typeof DeptHistoryEntrySchema>;

/**
 * Fields whose audience a person chooses; the rest of the record is always `everyone`, except the
 * department history, which only the person, HR and their 部's managers see (src/domain/profile.ts).
 */
export const AUDIENCE_FIELDS = ['intro', 'hobbies', 'photo', 'privatePhone'] as const;
export type AudienceField = (typeof AUDIENCE_FIELDS)[number];

/** The whole profile, as the server keeps it. Never sent to a client as is. */
export const StaffProfileSchema = v.object({
  ...DirectoryRecordSchema.entries,
  role: RoleSchema,
  /** Extra duties (award committee, DX推進委員) that add to the role. */
  duties: v.array(v.picklist(['committee', 'dx'])),
  /** Sign-in address; the demo uses it as the Auth e-mail too. */
  loginEmail: v.pipe(v.string(), v.email()),
  privatePhone: v.pipe(v.string(), v.maxLength(20)),
  history: v.array(DeptHistoryEntrySchema),
  audiences: v.record(v.picklist(AUDIENCE_FIELDS), AudienceSchema),
  /** The person agreed that their photo may be shown. */
  photoConsent: v.boolean(),
  /**
   * エール about this person stay out of the public feed (R4); absent means false, so profiles
   * stored before it existed read as opted in.
   */
  yellFeedOptOut: v.optional(v.boolean()),
  /**
   * From the roster import (issue 21): 休職 (kept in the directory, marked) or 退職 (kept on the
   * server so what others wrote to them stays, out of the directory and of new audiences).
   * Absent means at work.
   */
  status: v.optional(v.picklist(['leave', 'retired'])),
});
export type StaffProfile = v.InferOutput<typeof StaffProfileSchema>;

/** Projects a full profile to the record everyone may see: fields with a narrower audience are blanked. */
export function toDirectoryRecord(p: StaffProfile): DirectoryRecord {
  const open = (field: AudienceField) => (p.audiences[field] ?? 'everyone') === 'everyone';
  return {
    id: p.id,
    familyName: p.familyName,
    givenName: p.givenName,
    familyKana: p.familyKana,
    givenKana: p.givenKana,
    altFamilyName: p.altFamilyName,
    altFamilyKana: p.altFamilyKana,
    unitId: p.unitId,
    title: p.title,
    jobLevel: p.jobLevel,
    employment: p.employment,
    extension: p.extension,
    email: p.email,
    skills: p.skills,
    dxLevels: p.dxLevels,
    hobbies: open('hobbies') ? p.hobbies : [],
    qualifications: p.qualifications,
    intro: open('intro') ? p.intro : '',
    photo: open('photo') && p.photoConsent ? p.photo : null,
    // Only the awards the person agreed to show are stored on the profile at all (award.consent).
    ...(p.awards && p.awards.length > 0 && { awards: p.awards.map((a) => ({ ...a })) }),
    ...(p.concurrentUnitIds && p.concurrentUnitIds.length > 0 && { concurrentUnitIds: [...p.concurrentUnitIds] }),
    ...(p.status === 'leave' && { onLeave: true as const }),
  };
}

export { fullKana, fullName } from './person-name';
