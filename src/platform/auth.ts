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
import { ClaimsSchema, type Claims } from '../domain/protocol';
import { readConfig } from './config';

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

export class SignInError extends Error {
  override name = 'SignInError';
}

async function toSignedIn(user: User, forceRefresh = false): Promise<SignedInUser> {
  const token = await user.getIdTokenResult(forceRefresh);
  const claims = v.safeParse(ClaimsSchema, token.claims);
  if (!claims.success)
    throw new SignInError('このアカウントは名簿に登録されていません。人事担当にお問い合わせください。');
  return { uid: user.uid, email: user.email ?? '', claims: claims.output };
}

const SIGN_IN_MESSAGES: Record<string, string> = {
  'auth/invalid-credential': 'メールアドレスまたはパスワードが違います',
  'auth/invalid-email': 'メールアドレスの形式が正しくありません',
  'auth/user-disabled': 'このアカウントは利用できません',
  'auth/too-many-requests': '試行回数が多すぎます。しばらくしてからお試しください',
  'auth/network-request-failed': '通信できません。電波の良い場所でもう一度お試しください',
};

export async function signIn(email: string, password: string): Promise<SignedInUser> {
  try {
    const cred = await signInWithEmailAndPassword(getAuthInstance(), email.trim(), password);
    return await toSignedIn(cred.user);
  } catch (e) {
    if (e instanceof SignInError) throw e;
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    throw new SignInError(SIGN_IN_MESSAGES[code] ?? 'サインインできませんでした');
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

/** A fresh ID token for the API, or null when signed out. Offline, firebase returns the cached one while valid. */
export async function getIdToken(): Promise<string | null> {
  const a = getAuthInstance();
  await a.authStateReady();
  return a.currentUser ? a.currentUser.getIdToken() : null;
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
