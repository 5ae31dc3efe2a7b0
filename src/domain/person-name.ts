// Kept apart from staff.ts (its schemas and valibot), which the directory's first screen does not need.
// Structural, so that it imports nothing: staff.ts re-exports it, and a DirectoryRecord has these fields.

export function fullName(r: { readonly familyName: string; readonly givenName: string }): string {
  return `${r.familyName} ${r.givenName}`;
}

export function fullKana(r: { readonly familyKana: string; readonly givenKana: string }): string {
  return `${r.familyKana} ${r.givenKana}`;
}
