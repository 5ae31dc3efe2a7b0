import type { Mutation } from '../../domain/mutations';
import type { OrgUnit } from '../../domain/org';
import type { DirectoryRecord } from '../../domain/staff';

export function makeRecord(id: string, overrides: Partial<DirectoryRecord> = {}): DirectoryRecord {
  return {
    id,
    familyName: '山田',
    givenName: '花子',
    familyKana: 'やまだ',
    givenKana: 'はなこ',
    altFamilyName: '',
    altFamilyKana: '',
    unitId: 'kakari-1',
    title: '主事',
    jobLevel: '主事',
    employment: '正規',
    extension: '1234',
    email: `${id}@example.lg.jp`,
    skills: [],
    dxLevels: [0, 0, 0, 0, 0],
    hobbies: [],
    qualifications: [],
    intro: '',
    photo: null,
    ...overrides,
  };
}

export function profileUpdate(id: string, intro: string, createdAt = '2026-04-01T00:00:00.000Z'): Mutation {
  return { kind: 'profile.update', id, createdAt, patch: { intro } };
}

export const UNITS: OrgUnit[] = [
  { id: 'bu-1', kind: 'bu', name: '総務部', kana: 'そうむぶ', parentId: null, order: 1 },
  { id: 'ka-1', kind: 'ka', name: '人事課', kana: 'じんじか', parentId: 'bu-1', order: 1 },
  { id: 'kakari-1', kind: 'kakari', name: '人事係', kana: 'じんじかかり', parentId: 'ka-1', order: 1 },
];
