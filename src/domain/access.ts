import * as v from 'valibot';
import { RoleSchema, type Role } from './org';
import type { ProblemCode } from './problems';

/**
 * Rights from the roster (A2) and signing a person out of every device (A6): the paths, the
 * answers, and the two refusal codes that tell a device what to do with its token. Pure: shared
 * by the functions and the app.
 */
export const ACCESS_PATHS = {
  /** GET (HR): grants of 人事 waiting for a second HR account. */
  pendingGrants: '/access/pending',
  /** POST (HR, not the one who asked, not the person): the grant takes effect. */
  confirmGrant: (staffId: string) => `/access/pending/${encodeURIComponent(staffId)}/confirm`,
  /** POST (HR, or the person themself): every device of the person is signed out at its next contact. */
  signOutEverywhere: (staffId: string) => `/access/${encodeURIComponent(staffId)}/sign-out`,
} as const;

/**
 * What a refused token means to the device (functions/src/features/access/token.ts):
 * - `auth.tokenStale`: the person's rights changed after the token was issued; refresh it and
 *   send the request once more (src/platform/api.ts);
 * - `auth.signedOut`: the person was signed out of every device, or retired; delete what the
 *   device holds and sign out (src/app/connect.ts).
 */
export const TOKEN_STALE = 'auth.tokenStale' satisfies ProblemCode;
export const SIGNED_OUT = 'auth.signedOut' satisfies ProblemCode;

export const PendingGrantSchema = v.object({
  staffId: v.string(),
  role: RoleSchema,
  duties: v.array(v.string()),
  /** The HR person whose import asked for it. */
  requestedBy: v.string(),
  requestedAt: v.pipe(v.string(), v.isoTimestamp()),
});
export type PendingGrant = v.InferOutput<typeof PendingGrantSchema>;

export const PendingGrantsSchema = v.object({ grants: v.array(PendingGrantSchema) });
export type PendingGrants = v.InferOutput<typeof PendingGrantsSchema>;

export const SignOutAnswerSchema = v.object({ staffId: v.string(), signedOutAt: v.pipe(v.string(), v.isoTimestamp()) });
export type SignOutAnswer = v.InferOutput<typeof SignOutAnswerSchema>;

/** The same duties, in any order. */
export function sameDuties(a: readonly string[], b: readonly string[]): boolean {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((d, i) => d === y[i]);
}

const RANK: Record<Role, number> = { staff: 0, manager: 1, hr: 2 };

/**
 * Whether going from `before` to `after` takes any right away (a lower role, a duty removed, or
 * leaving): such a change also ends the person's sessions (refresh tokens revoked), where a
 * change that only adds rights lets the device refresh its token and carry on.
 */
export function losesRights(
  before: { role: Role; duties: readonly string[]; active: boolean },
  after: { role: Role; duties: readonly string[]; active: boolean },
): boolean {
  if (before.active && !after.active) return true;
  if (before.role !== after.role && RANK[after.role] <= RANK[before.role]) return true;
  return before.duties.some((d) => !after.duties.includes(d));
}
