import type { Auth } from 'firebase-admin/auth';
import type { TokenVerifier } from './auth';

/**
 * Verifies with firebase-admin. Revocation is not checked on each request: that is one more Auth
 * call per request; an ID token lives at most an hour, and removing someone's claims takes
 * effect at their next token refresh.
 */
export function firebaseTokenVerifier(auth: Auth): TokenVerifier {
  return {
    async verify(idToken) {
      return { ...(await auth.verifyIdToken(idToken)) };
    },
  };
}
