import type { Auth } from 'firebase-admin/auth';
import type { Claims } from '../../../../src/domain/protocol';

/**
 * The little of Firebase Auth that rights need, behind a port: unit tests use the twin below, the
 * local stack and production firebase-admin's Auth (on the Auth emulator locally).
 */
export interface AuthUser {
  uid: string;
  email: string | null;
  disabled: boolean;
  claims: Readonly<Record<string, unknown>>;
}

export interface NewAuthUser {
  uid: string;
  email: string;
  claims: Claims;
  disabled: boolean;
}

export interface AuthAdmin {
  /** The users with these e-mail addresses (those that exist), in batches as Auth allows. */
  usersByEmail(emails: readonly string[]): Promise<Map<string, AuthUser>>;
  /** Creates users in batches (no password: production signs in through SAML/OIDC, see README). */
  createUsers(users: readonly NewAuthUser[]): Promise<void>;
  setClaims(uid: string, claims: Claims): Promise<void>;
  setDisabled(uid: string, disabled: boolean): Promise<void>;
  /** Ends every session: refresh tokens issued before now stop working. */
  revokeSessions(uid: string): Promise<void>;
}

/** Auth's limits per call: getUsers takes 100 identifiers, importUsers 1,000 users. */
const LOOKUP_BATCH = 100;
const IMPORT_BATCH = 1000;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export function firebaseAuthAdmin(auth: Auth): AuthAdmin {
  return {
    async usersByEmail(emails) {
      const found = new Map<string, AuthUser>();
      for (const batch of chunks([...new Set(emails)], LOOKUP_BATCH)) {
        const result = await auth.getUsers(batch.map((email) => ({ email })));
        for (const u of result.users) {
          if (!u.email) continue;
          found.set(u.email.toLowerCase(), {
            uid: u.uid,
            email: u.email,
            disabled: u.disabled,
            claims: u.customClaims ?? {},
          });
        }
      }
      return found;
    },
    async createUsers(users) {
      for (const batch of chunks(users, IMPORT_BATCH)) {
        const result = await auth.importUsers(
          batch.map((u) => ({ uid: u.uid, email: u.email, disabled: u.disabled, customClaims: { ...u.claims } })),
        );
        const failed = result.errors[0];
        if (failed) throw new Error(`Auth refused user ${failed.index}: ${failed.error.message}`);
      }
    },
    async setClaims(uid, claims) {
      await auth.setCustomUserClaims(uid, { ...claims });
    },
    async setDisabled(uid, disabled) {
      await auth.updateUser(uid, { disabled });
    },
    async revokeSessions(uid) {
      await auth.revokeRefreshTokens(uid);
    },
  };
}

/** The twin: users in a map, every call kept so tests can see what was asked of Auth. */
export class MemoryAuthAdmin implements AuthAdmin {
  readonly users = new Map<string, AuthUser>();
  readonly revoked: string[] = [];
  readonly calls: string[] = [];

  async usersByEmail(emails: readonly string[]): Promise<Map<string, AuthUser>> {
    this.calls.push(`usersByEmail:${emails.length}`);
    const wanted = new Set(emails.map((e) => e.toLowerCase()));
    const found = new Map<string, AuthUser>();
    for (const u of this.users.values()) {
      if (u.email && wanted.has(u.email.toLowerCase())) found.set(u.email.toLowerCase(), { ...u });
    }
    return found;
  }

  async createUsers(users: readonly NewAuthUser[]): Promise<void> {
    this.calls.push(`createUsers:${users.length}`);
    for (const u of users) {
      if (this.users.has(u.uid)) throw new Error(`uid ${u.uid} exists`);
      this.users.set(u.uid, { uid: u.uid, email: u.email, disabled: u.disabled, claims: { ...u.claims } });
    }
  }

  async setClaims(uid: string, claims: Claims): Promise<void> {
    this.calls.push(`setClaims:${uid}`);
    this.#user(uid).claims = { ...claims };
  }

  async setDisabled(uid: string, disabled: boolean): Promise<void> {
    this.calls.push(`setDisabled:${uid}:${disabled}`);
    this.#user(uid).disabled = disabled;
  }

  async revokeSessions(uid: string): Promise<void> {
    this.calls.push(`revoke:${uid}`);
    this.#user(uid);
    this.revoked.push(uid);
  }

  #user(uid: string): AuthUser {
    const u = this.users.get(uid);
    if (!u) throw new Error(`no Auth user ${uid}`);
    return u;
  }
}

/** Where no Auth was configured (tools that only seed Firestore): any use is a fault, said plainly. */
export const NO_AUTH: AuthAdmin = new Proxy({} as AuthAdmin, {
  get: () => () =>
    Promise.reject(new Error('no Auth configured for the access module (createFirestoreStores(db, { auth }))')),
});
