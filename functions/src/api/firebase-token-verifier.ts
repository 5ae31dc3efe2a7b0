import type { Auth } from 'firebase-admin/auth';
import type { TokenVerifier } from './auth';

/**
 * Verifies with firebase-admin. Revocation is not checked here (`checkRevoked` would be one more
 * Auth call per request): the router checks every token against the person's access state
 * instead, one Firestore read batched with the /sync heads (features/access/token.ts), so a
 * demoted, retired or signed-out person's token is refused at once.
 */
export function firebaseTokenVerifier(auth: Auth): TokenVerifier {
  return {
    async verify(idToken) {
      return { ...(await auth.verifyIdToken(idToken)) };
    },
  };
}
