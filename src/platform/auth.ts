import { initializeApp } from 'firebase/app';
import {
  connectAuthEmulator,
  indexedDBLocalPersistence,
  initializeAuth,
  onIdTokenChanged,
  signInWithEmailAndPassword,
  signOut as firebaseSignOut,
  type Auth,
  type User,
} from 'firebase/auth';
import * as v from 'valibot';
import { problem, ProblemError, type ProblemCode } from '../domain/problems';
import { ClaimsSchema, type Claims } from '../domain/protocol';
import { readConfig } from './config';
import { ID_TOKEN_MARK } from './marks';

/**
 * Every firebase call of the app is here, as verbs. This module is loaded with import() after the
 * first paint, so firebase is never in the critical bundle.
 */
let auth: Auth | null = null;

function getAuthInstance(): Auth {
  if (auth) return auth;
  const config = readConfig();
  const app = initializeApp({ apiKey: config.apiKey, authDomain: config.authDomain, projectId: config.projectId });
  // IndexedDB persistence: the session survives reloads and is there offline.
  auth = initializeAuth(app, { persistence: indexedDBLocalPersistence });
  if (config.authEmulatorUrl) connectAuthEmulator(auth, config.authEmulatorUrl, { disableWarnings: true });
  return auth;
}

export interface SignedInUser {
  uid: string;
  email: string;
  claims: Claims;
}

/** A refused sign-in; its problem says why (`signIn.*`), the screen puts it into words. */
export class SignInError extends ProblemError {
  override name = 'SignInError';
}

async function toSignedIn(user: User, forceRefresh = false): Promise<SignedInUser> {
  const token = await user.getIdTokenResult(forceRefresh);
  const claims = v.safeParse(ClaimsSchema, token.claims);
  if (!claims.success) throw new SignInError(problem('signIn.notInRoster'));
  return { uid: user.uid, email: user.email ?? '', claims: claims.output };
}

/** Firebase Auth's error codes, as ours. */
const SIGN_IN_PROBLEMS: Readonly<Record<string, ProblemCode>> = {
  'auth/invalid-credential': 'signIn.invalidCredential',
  'auth/invalid-email': 'signIn.invalidEmail',
  'auth/user-disabled': 'signIn.userDisabled',
  'auth/too-many-requests': 'signIn.tooManyRequests',
  'auth/network-request-failed': 'signIn.network',
};

export async function signIn(email: string, password: string): Promise<SignedInUser> {
  try {
    const cred = await signInWithEmailAndPassword(getAuthInstance(), email.trim(), password);
    const user = await toSignedIn(cred.user);
    performance.mark(ID_TOKEN_MARK);
    return user;
  } catch (e) {
    if (e instanceof SignInError) throw e;
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    throw new SignInError(problem(SIGN_IN_PROBLEMS[code] ?? 'signIn.failed'));
  }
}

export async function signOut(): Promise<void> {
  await firebaseSignOut(getAuthInstance());
}

/** Calls back with the user (or null) whenever the session or its token changes. */
export function watchSession(listener: (user: SignedInUser | null) => void): () => void {
  return onIdTokenChanged(getAuthInstance(), (user) => {
    if (!user) return listener(null);
    toSignedIn(user).then(listener, () => listener(null));
  });
}

/**
 * A fresh ID token for the API, or null when signed out. Offline, firebase returns the cached one
 * while valid. `forceRefresh`: a new token now, with the claims as they are now (the server said
 * `auth.tokenStale`); the session watcher then sees the new claims (the menu, HR screens). If Auth
 * refuses the refresh (sessions revoked, account disabled), firebase signs the user out.
 */
export async function getIdToken(forceRefresh = false): Promise<string | null> {
  const a = getAuthInstance();
  await a.authStateReady();
  return a.currentUser ? a.currentUser.getIdToken(forceRefresh) : null;
}

/**
 * Keeps the ID token in the `__session` cookie, for photos only: an <img> sends no Authorization
 * header, and `__session` is the one cookie Firebase Hosting passes to functions. SameSite=Strict
 * and the path keep it to same-site photo requests; it goes when the user signs out.
 */
export function keepPhotoCookie(): () => void {
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  return onIdTokenChanged(getAuthInstance(), (user) => {
    if (!user) {
      document.cookie = `__session=; Path=/api/photos; Max-Age=0; SameSite=Strict${secure}`;
      return;
    }
    void user.getIdToken().then((token) => {
      document.cookie = `__session=${token}; Path=/api/photos; Max-Age=3600; SameSite=Strict${secure}`;
    });
  });
}
