import * as v from 'valibot';
import { PendingGrantSchema, type PendingGrant } from '../../../../src/domain/access';
import { RoleSchema } from '../../../../src/domain/org';
import type { HeadHandle } from '../../kit/batch-read';
import type { RetryPolicy } from '../../kit/versioned';
import type { AuthAdmin } from './auth-admin';

/**
 * The access module's store (A2, A6): each person's rights as the server last set them, and the
 * grants of 人事 waiting for a second HR account. The twin (memory.ts) and the adapter
 * (firestore.ts) are held to contract.ts; `auth` is the Auth port (auth-admin.ts) the module sets
 * claims through.
 *
 * The state is what every request's token is checked against (token.ts): one document per person,
 * read in the same batched get as the /sync heads, so checking costs one read and no Auth call.
 * A person with no state (never applied by the module: a demo account seeded with claims) is not
 * checked.
 */
export const AccessStateSchema = v.object({
  staffId: v.string(),
  /** The Auth user, once known (created by the module or found by e-mail). */
  uid: v.nullable(v.string()),
  email: v.nullable(v.string()),
  role: RoleSchema,
  duties: v.array(v.string()),
  /** false after 退職: every token is refused, the Auth user is disabled. */
  active: v.boolean(),
  /** When the rights were last changed (ISO). */
  changedAt: v.pipe(v.string(), v.isoTimestamp()),
  /** Sessions signed in before this (epoch seconds, the token's auth_time) are refused; null if never. */
  signedOutAt: v.nullable(v.number()),
});
export type AccessState = v.InferOutput<typeof AccessStateSchema>;

export { PendingGrantSchema, type PendingGrant };

export interface AccessStore {
  readonly retry: RetryPolicy;
  readonly auth: AuthAdmin;
  /** The person's state for the batched read of a request's token check (one read, found or not). */
  tokenGate(orgId: string, staffId: string): HeadHandle<AccessState | null>;
  /** The states of these people that exist (one batched get). */
  getStates(orgId: string, staffIds: readonly string[]): Promise<Map<string, AccessState>>;
  /** Writes states (whole documents) in batches. */
  putStates(orgId: string, states: readonly AccessState[]): Promise<void>;
  /** Staff whose state says 人事 and active (a query). */
  activeHr(orgId: string): Promise<string[]>;
  listPending(orgId: string): Promise<PendingGrant[]>;
  putPending(orgId: string, grants: readonly PendingGrant[]): Promise<void>;
  deletePending(orgId: string, staffIds: readonly string[]): Promise<void>;
}
