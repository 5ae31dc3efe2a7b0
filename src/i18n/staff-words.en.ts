import type { StaffWords } from './staff-words';

/** The app's names for job levels, employment types and DX skills in English (`satisfies`: none missing). */
export const staffEn = {
  staff: {
    skill: 'Skill',
    dxSkills: 'DX skills',
    level: 'Level',
    levelAtLeast: (n: number) => `LV${n}+`,
    jobLevel: {
      部長級: 'Director level',
      課長級: 'Section chief level',
      課長補佐級: 'Deputy section chief level',
      係長級: 'Unit chief level',
      主任: 'Senior officer',
      主事: 'Officer',
      統括技能長: 'Chief technical supervisor',
      技能長: 'Technical supervisor',
      技能主任: 'Senior technician',
      係員: 'Staff member',
    },
    employment: {
      正規: 'Regular',
      再任用: 'Reappointed',
      会計年度任用: 'Fiscal-year appointee',
    },
    dxSkill: {
      業務改革: 'Business reform',
      プロジェクトマネジメント: 'Project management',
      デジタル活用: 'Digital tools',
      データ活用: 'Data use',
      セキュリティ: 'Security',
    },
  },
} satisfies StaffWords;
