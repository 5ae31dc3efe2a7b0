/**
 * Performance marks the bench reads (bench/first-signin-bench.ts); no imports, so the bench can
 * name them without loading firebase.
 */

/** Set when a sign-in has its ID token: a new device's first-run figures are timed from it (issue 22). */
export const ID_TOKEN_MARK = 'auth:id-token';
