import type { TrainingInput } from './schemas';

/** A training as HR would write it, for tests: one run of two dates in June 2027 with 2 places. */
export function sampleTraining(overrides: Partial<TrainingInput> = {}): TrainingInput {
  return {
    id: 'trn-0001',
    title: 'データ活用入門（Excel・BIツール）',
    provider: 'ku',
    area: 'dx',
    dxSkill: 'データ活用',
    dxLevel: 1,
    targetLevels: [],
    kind: 'open',
    approvalRequired: false,
    description: '業務データを集計し、グラフで伝える基礎を学びます。',
    runs: [
      { id: 'run-0001-1', dates: ['2027-06-10', '2027-06-17'], online: false, place: '本庁舎 第1研修室', capacity: 2 },
    ],
    ...overrides,
  };
}
