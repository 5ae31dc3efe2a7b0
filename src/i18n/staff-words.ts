import { DX_SKILLS, type DxSkill } from '../domain/dx-skills';
import type { EmploymentType, JobLevel } from '../domain/org';
import { defineWords } from './language';

/**
 * The app's own names for a person's place in the organisation: the 職層 of the HR policy, the
 * employment types and the DX skills of the DX talent policy. They are lists in the code, not data
 * the organisation writes (a person's 職名, unit, tags are, and are shown as written), so they are
 * translated. In their own module: only the screens that show them load it.
 */
export const staffJa = {
  staff: {
    skill: 'スキル',
    dxSkills: 'DXスキル',
    level: 'レベル',
    levelAtLeast: (n: number) => `LV${n}以上`,
    jobLevel: {
      部長級: '部長級',
      課長級: '課長級',
      課長補佐級: '課長補佐級',
      係長級: '係長級',
      主任: '主任',
      主事: '主事',
      統括技能長: '統括技能長',
      技能長: '技能長',
      技能主任: '技能主任',
      係員: '係員',
    } satisfies Record<JobLevel, string>,
    employment: {
      正規: '正規',
      再任用: '再任用',
      会計年度任用: '会計年度任用',
    } satisfies Record<EmploymentType, string>,
    dxSkill: {
      業務改革: '業務改革',
      プロジェクトマネジメント: 'プロジェクトマネジメント',
      デジタル活用: 'デジタル活用',
      データ活用: 'データ活用',
      セキュリティ: 'セキュリティ',
    } satisfies Record<DxSkill, string>,
  },
};

export type StaffWords = typeof staffJa;

export const staffWords = defineWords(staffJa, () => import('./staff-words.en').then((m) => m.staffEn));

/** A tag's name in the current words: a DX skill's translated, any other tag (data) as written. */
export function tagName(t: StaffWords, tag: string): string {
  return isDxSkill(tag) ? t.staff.dxSkill[tag] : tag;
}

function isDxSkill(tag: string): tag is DxSkill {
  return DX_SKILLS.some((s) => s === tag);
}
