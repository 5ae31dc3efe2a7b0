import * as v from 'valibot';
import { ClaimsSchema, type Claims } from '../../../src/domain/protocol';
import { problem } from '../../../src/domain/problems';
import { forbidden, HandlerError } from './errors';

/**
 * Checks a Firebase ID token and returns its decoded payload (custom claims sit at the top
 * level). Throws when the token is not valid. Production uses firebase-admin's Auth; tests use a
 * table of fake tokens.
 */
export interface TokenVerifier {
  verify(idToken: string): Promise<Readonly<Record<string, unknown>>>;
}

export const unauthenticated = () => new HandlerError(401, problem('api.unauthenticated'));

/**
 * Thrown by a verifier for a genuine token whose session was ended (refresh tokens revoked) or
 * whose user is disabled: answered as `auth.signedOut`, so the device deletes what it holds.
 * firebase-admin checks this on every call only against the Auth emulator; in production the
 * access state does the same without an Auth call (features/access/token.ts).
 */
export class SessionEndedError extends Error {
  override name = 'SessionEndedError';
}

/** What the router needs of a verified token: the claims, and its times for the access check (epoch s; 0 if absent). */
export interface Caller {
  claims: Claims;
  token: { issuedAt: number; authTime: number };
}

const seconds = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

/** The caller's claims from `Authorization: Bearer <ID token>`. */
export async function authenticate(authorization: string | undefined, verifier: TokenVerifier): Promise<Caller> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!token) throw unauthenticated();
  let payload: Readonly<Record<string, unknown>>;
  try {
    payload = await verifier.verify(token);
  } catch (e) {
    if (e instanceof SessionEndedError) throw new HandlerError(401, problem('auth.signedOut'));
    // Expired, revoked, malformed or for another project: all mean "sign in again" to the client,
    // whose auth layer refreshes the token and retries once.
    throw unauthenticated();
  }
  const claims = v.safeParse(ClaimsSchema, payload);
  // Signed in, but not on this organisation's roster (no claims set yet, or removed).
  if (!claims.success) throw forbidden();
  return {
    claims: claims.output,
    token: { issuedAt: seconds(payload['iat']), authTime: seconds(payload['auth_time']) },
  };
}
