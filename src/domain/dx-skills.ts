// Kept apart from org.ts (its schemas and valibot): the directory's first screen needs only this list.

/** The five DX skills of the DX talent policy, each held at LV0 (none) to LV3. */
export const DX_SKILLS = [
  '業務改革',
  'プロジェクトマネジメント',
  'デジタル活用',
  'データ活用',
  'セキュリティ',
] as const;
export type DxSkill = (typeof DX_SKILLS)[number];
