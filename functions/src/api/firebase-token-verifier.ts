import type { Auth } from 'firebase-admin/auth';
import { SessionEndedError, type TokenVerifier } from './auth';

/**
 * Verifies with firebase-admin. Revocation is not checked here (`checkRevoked` would be one more
 * Auth call per request): the router checks every token against the person's access state
 * instead, one Firestore read batched with the /sync heads (features/access/token.ts), so a
 * demoted, retired or signed-out person's token is refused at once.
 */
export function firebaseTokenVerifier(auth: Auth): TokenVerifier {
  return {
    async verify(idToken) {
      try {
        return { ...(await auth.verifyIdToken(idToken)) };
      } catch (e) {
        // Against the Auth emulator firebase-admin always checks revocation and disabled users
        // (base-auth.js: `checkRevoked || isEmulator`): the same answer as the access state gives.
        const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
        if (code === 'auth/id-token-revoked' || code === 'auth/user-disabled') throw new SessionEndedError(code);
        throw e;
      }
    },
  };
}
