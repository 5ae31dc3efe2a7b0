/**
 * Rights from the roster (A2) and sign-out everywhere (A6) on the local stack: the real Auth
 * emulator (users and claims set by the access module through firebase-admin, ID tokens minted and
 * refreshed by the emulator), the functions in the Functions emulator checking each token against
 * the person's access state in the Firestore stand-in.
 */
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirestoreStores } from '../../functions/src/features';
import { accessPort, firebaseAuthAdmin, uidFor } from '../../functions/src/features/access';
import type { ServerStores } from '../../functions/src/features/stores';
import type { AccessChange } from '../../functions/src/kit/access';
import { PROJECT_ID } from '../../tools/stack';
import { account, stack } from '../stack/context';

const ORG = 'demo-ku';
/** A new hire of this test only: no other test file holds a token of theirs. */
const HIRE = 'zz-access-1';
const EMAIL = 'zz-access-1@demo-ku.example.lg.jp';
const PASSWORD = 'access-test-pass';

let app: App;
let stores: ServerStores;

interface Session {
  idToken: string;
  refreshToken: string;
}

async function signIn(): Promise<Session> {
  const res = await fetch(
    `${stack().authUrl}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD, returnSecureToken: true }),
    },
  );
  const body = (await res.json()) as { idToken?: string; refreshToken?: string; error?: { message: string } };
  if (!body.idToken || !body.refreshToken) throw new Error(`sign-in failed: ${body.error?.message ?? res.status}`);
  return { idToken: body.idToken, refreshToken: body.refreshToken };
}

/** What the web SDK's getIdToken(true) does: a new ID token from the refresh token, with the claims as they are now. */
async function refresh(s: Session): Promise<{ ok: boolean; idToken?: string }> {
  const res = await fetch(`${stack().authUrl}/securetoken.googleapis.com/v1/token?key=demo-api-key`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: s.refreshToken }),
  });
  const body = (await res.json()) as { id_token?: string };
  return res.ok && body.id_token ? { ok: true, idToken: body.id_token } : { ok: false };
}

async function me(idToken: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${stack().functionsUrl}/me`, { headers: { Authorization: `Bearer ${idToken}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const hire = (overrides: Partial<AccessChange> = {}): AccessChange => ({
  staffId: HIRE,
  role: 'staff',
  duties: [],
  email: EMAIL,
  active: true,
  ...overrides,
});

beforeAll(async () => {
  process.env.FIRESTORE_EMULATOR_HOST = stack().firestoreHost;
  process.env.FIREBASE_AUTH_EMULATOR_HOST = stack().authUrl.replace(/^http:\/\//, '');
  app = initializeApp({ projectId: PROJECT_ID }, `access-test-${Date.now()}`);
  stores = createFirestoreStores(getFirestore(app), { auth: firebaseAuthAdmin(getAuth(app)) });
});

afterAll(async () => {
  await deleteApp(app);
});

describe('rights from the roster on the Auth emulator', () => {
  const by = () => ({ staffId: account('人事').staffId });

  it('creates the Auth user of a new hire with an e-mail, with the claims of the roster', async () => {
    const out = await accessPort(stores).apply(ORG, [hire()], by());
    expect(out.changed).toEqual([HIRE]);
    const user = await getAuth(app).getUser(uidFor(ORG, HIRE));
    expect(user.email).toBe(EMAIL);
    expect(user.customClaims).toEqual({ orgId: ORG, staffId: HIRE, role: 'staff', duties: [] });
    // Production signs in through SAML/OIDC; here the test gives the user a password to sign in with.
    await getAuth(app).updateUser(user.uid, { password: PASSWORD });
  });

  it('a token issued before a change of claims is refused with auth.tokenStale; the refreshed one is accepted', async () => {
    const session = await signIn();
    expect((await me(session.idToken)).status).toBe(200);

    await accessPort(stores).apply(ORG, [hire({ role: 'manager', duties: ['dx'] })], by());

    const stale = await me(session.idToken);
    expect({ status: stale.status, code: stale.body['code'] }).toEqual({ status: 401, code: 'auth.tokenStale' });
    const fresh = await refresh(session);
    if (!fresh.idToken) throw new Error('the refresh was refused');
    const accepted = await me(fresh.idToken);
    expect(accepted).toEqual({ status: 200, body: { orgId: ORG, staffId: HIRE, role: 'manager', duties: ['dx'] } });
  });

  it('退職: the Auth user is disabled, its refresh refused, and its token refused with auth.signedOut', async () => {
    const session = await signIn();
    await accessPort(stores).apply(ORG, [hire({ role: 'manager', duties: ['dx'], active: false })], by());
    expect((await getAuth(app).getUser(uidFor(ORG, HIRE))).disabled).toBe(true);
    const refused = await me(session.idToken);
    expect({ status: refused.status, code: refused.body['code'] }).toEqual({ status: 401, code: 'auth.signedOut' });
    expect((await refresh(session)).ok).toBe(false);
  });

  it('signed out of every device by HR: the old session is refused with auth.signedOut, a new sign-in is taken', async () => {
    // 復職 after the 退職 above. Sessions from before it stay refused; auth_time has whole seconds.
    await accessPort(stores).apply(ORG, [hire({ role: 'staff' })], by());
    await new Promise((r) => setTimeout(r, 1_100));
    const session = await signIn();
    expect((await me(session.idToken)).status).toBe(200);
    const hrToken = (
      (await (
        await fetch(
          `${stack().authUrl}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key`,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
              email: account('人事').email,
              password: account('人事').password,
              returnSecureToken: true,
            }),
          },
        )
      ).json()) as { idToken: string }
    ).idToken;
    const res = await fetch(`${stack().functionsUrl}/access/${HIRE}/sign-out`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${hrToken}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    const refused = await me(session.idToken);
    expect({ status: refused.status, code: refused.body['code'] }).toEqual({ status: 401, code: 'auth.signedOut' });
    // auth_time has whole seconds; a session signed in the same second as the sign-out is refused too.
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await me((await signIn()).idToken)).status).toBe(200);
  });

  it('a reread of a private field appears in the audit log (A3), once per read', async () => {
    const hr = account('人事');
    const hrToken = (
      (await (
        await fetch(
          `${stack().authUrl}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key`,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ email: hr.email, password: hr.password, returnSecureToken: true }),
          },
        )
      ).json()) as { idToken: string }
    ).idToken;
    const get = (path: string) =>
      fetch(stack().functionsUrl + path, { headers: { Authorization: `Bearer ${hrToken}` } });
    // Someone else's detail: a private phone starts with the audience 管理職と人事, and HR sees 異動歴.
    const subject = account('職員').staffId;
    for (let i = 0; i < 2; i++) expect((await get(`/staff/${subject}`)).status).toBe(200);
    const page = (await (await get(`/audit?person=${subject}&kind=profile.restricted`)).json()) as {
      entries: { actor: string; subject: string; fields: string[]; endpoint: string }[];
    };
    expect(page.entries.slice(0, 2).map((e) => [e.actor, e.subject, e.endpoint])).toEqual([
      [hr.staffId, subject, `GET /staff/${subject}`],
      [hr.staffId, subject, `GET /staff/${subject}`],
    ]);
    expect(page.entries[0]?.fields).toContain('privatePhone');
  });
});
