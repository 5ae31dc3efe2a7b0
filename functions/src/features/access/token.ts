import { sameDuties } from '../../../../src/domain/access';
import { problem } from '../../../../src/domain/problems';
import type { Claims } from '../../../../src/domain/protocol';
import { HandlerError } from '../../api/errors';
import type { BatchedRead } from '../../kit/batch-read';
import type { ServerStores } from '../stores';
import type { AccessState } from './port';

/** What a verified ID token says besides its claims: when it was issued and when its session signed in (epoch s). */
export interface TokenTimes {
  issuedAt: number;
  authTime: number;
}

/**
 * A request's token check: the read of the caller's access state, for the router to read alone or
 * for /sync to put in its one batched get, then `check()`, which throws the refusal.
 */
export interface TokenCheck {
  reads: readonly BatchedRead[];
  check(): void;
}

/**
 * Whether a verified token still holds (A2, A6), against the person's state as the access module
 * last set it, with no call to Auth:
 * - retired (not active), or the token's session signed in before the person was signed out of
 *   every device: `auth.signedOut`, and the device deletes what it holds;
 * - the token's role or duties are not the person's now (issued before the last change):
 *   `auth.tokenStale`, and the device refreshes its token (which then carries the new claims) and
 *   tries once more.
 * The state, not the time, decides staleness: a token issued before a change but carrying the
 * rights the person has now is as good as a new one, and a clock in seconds cannot tell a token
 * issued in the same second as the change from one issued after it.
 */
export function checkToken(state: AccessState | null, claims: Claims, token: TokenTimes): void {
  if (!state) return;
  if (!state.active || (state.signedOutAt !== null && token.authTime < state.signedOutAt)) {
    throw new HandlerError(401, problem('auth.signedOut'));
  }
  if (state.role !== claims.role || !sameDuties(state.duties, claims.duties)) {
    throw new HandlerError(401, problem('auth.tokenStale'));
  }
}

export function tokenCheck(stores: Pick<ServerStores, 'access'>, claims: Claims, token: TokenTimes): TokenCheck {
  const gate = stores.access.tokenGate(claims.orgId, claims.staffId);
  return { reads: [gate.read], check: () => checkToken(gate.value(), claims, token) };
}
