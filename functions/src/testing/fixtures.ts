/** Test data: valid profiles and units, small and deterministic. Used by tests only. */
import * as v from 'valibot';
import { JOB_LEVELS, type OrgUnit } from '../../../src/domain/org';
import type { Claims } from '../../../src/domain/protocol';
import { StaffProfileSchema, type StaffProfile } from '../../../src/domain/staff';

const FAMILY = [
  ['佐藤', 'さとう'],
  ['鈴木', 'すずき'],
  ['高橋', 'たかはし'],
  ['田中', 'たなか'],
  ['伊藤', 'いとう'],
] as const;
const GIVEN = [
  ['花子', 'はなこ'],
  ['太郎', 'たろう'],
  ['陽菜', 'ひな'],
  ['蓮', 'れん'],
] as const;

export function staffId(n: number): string {
  return `s${String(n).padStart(5, '0')}`;
}

export function makeProfile(n: number, overrides: Partial<StaffProfile> = {}): StaffProfile {
  const [familyName, familyKana] = FAMILY[n % FAMILY.length] ?? FAMILY[0];
  const [givenName, givenKana] = GIVEN[n % GIVEN.length] ?? GIVEN[0];
  const profile: StaffProfile = {
    id: staffId(n),
    familyName,
    givenName,
    familyKana,
    givenKana,
    altFamilyName: '',
    altFamilyKana: '',
    unitId: `kakari-${n % 3}`,
    title: '主事',
    jobLevel: JOB_LEVELS[n % JOB_LEVELS.length] ?? '主事',
    employment: '正規',
    extension: String(1000 + (n % 9000)),
    email: `${staffId(n)}@city.example.lg.jp`,
    skills: ['Excel'],
    dxLevels: [1, 0, 2, 0, 1],
    hobbies: [],
    qualifications: [],
    intro: '',
    photo: null,
    role: 'staff',
    duties: [],
    loginEmail: `${staffId(n)}@city.example.lg.jp`,
    privatePhone: '090-0000-0000',
    history: [],
    audiences: { intro: 'everyone', hobbies: 'everyone', photo: 'everyone' },
    photoConsent: false,
    ...overrides,
  };
  // A fixture that breaks the domain schema would make store tests fail for the wrong reason.
  return v.parse(StaffProfileSchema, profile);
}

export function makeProfiles(count: number, from = 0): StaffProfile[] {
  return Array.from({ length: count }, (_, i) => makeProfile(from + i));
}

export const UNITS: OrgUnit[] = [
  { id: 'bu-1', kind: 'bu', name: '総務部', kana: 'そうむぶ', parentId: null, order: 1 },
  { id: 'ka-1', kind: 'ka', name: '人事課', kana: 'じんじか', parentId: 'bu-1', order: 1 },
  { id: 'kakari-0', kind: 'kakari', name: '人事係', kana: 'じんじがかり', parentId: 'ka-1', order: 1 },
  { id: 'kakari-1', kind: 'kakari', name: '給与係', kana: 'きゅうよがかり', parentId: 'ka-1', order: 2 },
  { id: 'kakari-2', kind: 'kakari', name: '研修係', kana: 'けんしゅうがかり', parentId: 'ka-1', order: 3 },
];

export function claimsFor(n: number, role: Claims['role'] = 'staff', orgId = 'org-test'): Claims {
  return { orgId, staffId: staffId(n), role, duties: [] };
}

let counter = 0;
/** A fresh organisation id per test, so tests sharing one store never see each other's data. */
export function freshOrgId(prefix = 'org'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/** A mutation id valid for MutationIdSchema (8-64 of [A-Za-z0-9_-]). */
export function mutationId(label: string | number): string {
  return `m-${String(label).padStart(8, '0')}`;
}
