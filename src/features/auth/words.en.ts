import type { SignInWords } from './words';

/** The auth feature's words in English. `satisfies`: a key missing from or added to words.ts fails the typecheck. */
export const signInEn = {
  signIn: {
    tagline: 'Faces, names and extensions, in a second.',
    form: 'Sign in',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    busy: 'Signing in…',
    failed: 'Could not sign in',
    keeps:
      'Once you sign in, this device keeps the staff directory and your own drafts and unsent changes, so it opens without a signal. To remove them from the device, sign out.',
  },
} satisfies SignInWords;
