import * as v from 'valibot';

/** 職層, from the HR policy; the order is seniority and is relied on for sorting. */
export const JOB_LEVELS = [
  '部長級',
  '課長級',
  '課長補佐級',
  '係長級',
  '主任',
  '主事',
  '統括技能長',
  '技能長',
  '技能主任',
  '係員',
] as const;
export type JobLevel = (typeof JOB_LEVELS)[number];
export const JobLevelSchema = v.picklist(JOB_LEVELS);

export const EMPLOYMENT_TYPES = ['正規', '再任用', '会計年度任用'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export const EmploymentTypeSchema = v.picklist(EMPLOYMENT_TYPES);

/**
 * Roles carried in the Firebase custom claims. A person has one primary role; committee and
 * DX duties are extra flags because a 課長 can also sit on the award committee.
 */
export const ROLES = ['staff', 'manager', 'hr'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = v.picklist(ROLES);

/** 部 → 課 → 係. */
export const UNIT_KINDS = ['bu', 'ka', 'kakari'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const OrgUnitSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  kind: v.picklist(UNIT_KINDS),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(60)),
  /** Reading in hiragana, for search and sorting. */
  kana: v.pipe(v.string(), v.maxLength(120)),
  parentId: v.nullable(v.string()),
  /** Display order among siblings. */
  order: v.pipe(v.number(), v.integer()),
});
export type OrgUnit = v.InferOutput<typeof OrgUnitSchema>;

export { DX_SKILLS, type DxSkill } from './dx-skills';
export { departmentOf, unitAncestry } from './unit-tree';

/** The layers of the HR policy's skill pyramid, bottom to top of how they are grown. */
export const SKILL_PYRAMID = ['ポテンシャル', 'スタンス', 'ポータブルスキル', 'ICTスキル', 'テクニカルスキル'] as const;
export type SkillLayer = (typeof SKILL_PYRAMID)[number];
