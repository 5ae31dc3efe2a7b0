import { lazy } from 'react';

/** Sign-in is the one screen shown with nobody signed in: the app shows it instead of its routes. */
export const SignInScreen = lazy(() => import('./SignInScreen').then((m) => ({ default: m.SignInScreen })));
