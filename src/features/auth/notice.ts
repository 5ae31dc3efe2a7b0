/**
 * Why the sign-in screen is showing, when the device was signed out by the server (a lost phone
 * signed out from elsewhere, or a retirement, A6): kept in localStorage across the sign-out and
 * shown once by the sign-in screen.
 */
export const SIGNED_OUT_NOTICE_KEY = 'shokuin.signedOutRemotely';

export function noteSignedOutRemotely(): void {
  try {
    localStorage.setItem(SIGNED_OUT_NOTICE_KEY, '1');
  } catch {
    // Storage refused (private mode): the sign-in screen just shows no reason.
  }
}

/** Reads the note and forgets it: shown once. */
export function takeSignedOutNotice(): boolean {
  try {
    const noted = localStorage.getItem(SIGNED_OUT_NOTICE_KEY) !== null;
    localStorage.removeItem(SIGNED_OUT_NOTICE_KEY);
    return noted;
  } catch {
    return false;
  }
}
