import type { DirectoryRecord } from './staff';

// Kept apart from staff.ts (its schemas and valibot), which the directory's first screen does not need.

export function fullName(r: Pick<DirectoryRecord, 'familyName' | 'givenName'>): string {
  return `${r.familyName} ${r.givenName}`;
}

export function fullKana(r: Pick<DirectoryRecord, 'familyKana' | 'givenKana'>): string {
  return `${r.familyKana} ${r.givenKana}`;
}
