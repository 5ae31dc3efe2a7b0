import type { Auth } from 'firebase-admin/auth';
import { describe, expect, it } from 'vitest';
import { authenticate } from './auth';
import { firebaseTokenVerifier } from './firebase-token-verifier';

/** An Auth whose verifyIdToken fails with `code`, as firebase-admin does. */
function failingWith(code: string): Auth {
  const auth = {
    verifyIdToken: () => Promise.reject(Object.assign(new Error(code), { code })),
  };
  return auth as unknown as Auth; // only verifyIdToken is used
}

describe('firebaseTokenVerifier', () => {
  it.each(['auth/id-token-revoked', 'auth/user-disabled'])(
    '%s (what the Auth emulator says of a signed-out or retired person) is auth.signedOut',
    async (code) => {
      await expect(authenticate('Bearer t', firebaseTokenVerifier(failingWith(code)))).rejects.toMatchObject({
        status: 401,
        problem: { code: 'auth.signedOut' },
      });
    },
  );

  it('any other failure is api.unauthenticated', async () => {
    await expect(
      authenticate('Bearer t', firebaseTokenVerifier(failingWith('auth/id-token-expired'))),
    ).rejects.toMatchObject({ status: 401, problem: { code: 'api.unauthenticated' } });
  });
});
