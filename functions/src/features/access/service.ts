import { losesRights, sameDuties, type PendingGrant } from '../../../../src/domain/access';
import type { Role } from '../../../../src/domain/org';
import { problem } from '../../../../src/domain/problems';
import type { Claims } from '../../../../src/domain/protocol';
import { forbidden, HandlerError, notFound } from '../../api/errors';
import type { AccessChange, AccessOutcome, AccessPort } from '../../kit/access';
import { recordAudit, type AuditEvent } from '../audit/record';
import type { ServerStores } from '../stores';
import type { AuthUser, NewAuthUser } from './auth-admin';
import type { AccessState } from './port';

type Stores = Pick<ServerStores, 'access' | 'audit'>;

export interface AccessOptions {
  /** The server clock (tests set it). */
  now?: () => Date;
  /** The endpoint the audit log names for changes made through `apply` (the roster import's). */
  endpoint?: string;
}

interface Rights {
  role: Role;
  duties: string[];
  active: boolean;
}

/** One person's step: what they had, what they get, and what Auth must be told. */
interface Step {
  staffId: string;
  prev: AccessState | null;
  next: AccessState;
  /** The Auth user found by e-mail when the state had none. */
  found: AuthUser | null;
}

/** Sessions signed in up to and including this second are refused (auth_time has whole seconds). */
function signOutSecond(now: Date): number {
  return Math.floor(now.getTime() / 1000) + 1;
}

/** The uid the module gives an Auth user it creates: one per person of one organisation. */
export function uidFor(orgId: string, staffId: string): string {
  return `${orgId}.${staffId}`;
}

function rightsOf(s: Pick<AccessState, 'role' | 'duties' | 'active'>): Rights {
  return { role: s.role, duties: [...s.duties], active: s.active };
}

function sameRights(a: Rights, b: Rights): boolean {
  return a.role === b.role && a.active === b.active && sameDuties(a.duties, b.duties);
}

/** The rights an Auth user's claims give, if they are this person's in this organisation. */
function rightsOfUser(user: AuthUser, orgId: string, staffId: string): Rights | null {
  const c = user.claims;
  if (c['orgId'] !== orgId || c['staffId'] !== staffId) return null;
  const role = c['role'];
  if (role !== 'staff' && role !== 'manager' && role !== 'hr') return null;
  const duties = Array.isArray(c['duties']) ? c['duties'].filter((d): d is string => typeof d === 'string') : [];
  return { role, duties, active: !user.disabled };
}

function describe(prev: Rights | null, next: Rights): string {
  const side = (r: Rights) =>
    `${r.role}${r.duties.length ? `+${[...r.duties].sort().join('+')}` : ''}${r.active ? '' : '(退職)'}`;
  return `${prev ? side(prev) : '-'}→${side(next)}`;
}

/**
 * The access module (A2): AccessPort for the roster import, and the use cases behind its own
 * endpoints (pending grants, sign-out everywhere). Auth first, then the state: a run interrupted
 * between the two leaves the state as it was, so the rerun sees the change again and finishes it
 * (setting claims twice is harmless); the same change applied twice changes nothing the second time.
 */
export function accessPort(stores: Stores, options: AccessOptions = {}): AccessPort {
  const now = options.now ?? (() => new Date());
  const endpoint = options.endpoint ?? 'roster.import';
  return {
    async apply(orgId, changes, by): Promise<AccessOutcome> {
      const at = now();
      const latest = new Map<string, AccessChange>();
      for (const c of changes) latest.set(c.staffId, c);
      const list = [...latest.values()];
      const [states, pendingList] = await Promise.all([
        stores.access.getStates(
          orgId,
          list.map((c) => c.staffId),
        ),
        stores.access.listPending(orgId),
      ]);
      const pending = new Map(pendingList.map((g) => [g.staffId, g]));
      // The person applying is HR by their token, whether or not the module has a state for them.
      // The other HR people are asked for only when this batch takes HR from someone: otherwise the
      // HR set keeps the caller at least (a roster import calls this once per step of people, and a
      // query over every state per step made a 40,000-person import quadratic).
      const hr = new Set([by.staffId]);

      const steps: Step[] = [];
      const grants: PendingGrant[] = [];
      const dropped: string[] = [];
      const waitingFor: string[] = [];
      let lastRemoved: string | null = null;
      for (const c of list) {
        const prev = states.get(c.staffId) ?? null;
        const wasHr = prev ? prev.role === 'hr' && prev.active : c.staffId === by.staffId;
        const duties = [...new Set(c.duties)].sort();
        const asksHr = c.role === 'hr' && c.active;
        const isGrant = asksHr && !wasHr;
        // Until a second HR account confirms, the person keeps the role they had (a new hire: 職員).
        const heldRole: Role = prev && prev.role !== 'hr' ? prev.role : 'staff';
        const role: Role = isGrant ? heldRole : c.role;
        if (wasHr && !(role === 'hr' && c.active)) {
          hr.delete(c.staffId);
          lastRemoved = c.staffId;
        }
        if (isGrant) {
          waitingFor.push(c.staffId);
          const waiting = pending.get(c.staffId);
          if (!waiting || !sameDuties(waiting.duties, duties)) {
            grants.push({
              staffId: c.staffId,
              role: 'hr',
              duties,
              requestedBy: by.staffId,
              requestedAt: at.toISOString(),
            });
          }
        } else if (pending.has(c.staffId)) {
          dropped.push(c.staffId);
        }
        steps.push({
          staffId: c.staffId,
          prev,
          found: null,
          next: {
            staffId: c.staffId,
            uid: prev?.uid ?? null,
            email: c.email ?? prev?.email ?? null,
            role,
            duties,
            active: c.active,
            changedAt: prev?.changedAt ?? at.toISOString(),
            signedOutAt: prev?.signedOutAt ?? null,
          },
        });
      }
      if (lastRemoved !== null) for (const id of await stores.access.activeHr(orgId)) hr.add(id);
      for (const c of list) {
        const prev = states.get(c.staffId) ?? null;
        const wasHr = prev ? prev.role === 'hr' && prev.active : c.staffId === by.staffId;
        if (wasHr && !(c.role === 'hr' && c.active)) hr.delete(c.staffId);
      }
      if (hr.size === 0) throw new HandlerError(409, problem('access.lastHr', { staffId: lastRemoved ?? by.staffId }));

      const changed = await commit(stores, orgId, steps, at);
      if (grants.length) await stores.access.putPending(orgId, grants);
      if (dropped.length) await stores.access.deletePending(orgId, dropped);

      const events: AuditEvent[] = [
        ...changed.flatMap((s): AuditEvent[] =>
          s.prev || s.next.role !== 'staff' || s.next.duties.length
            ? [
                {
                  kind: 'access.role',
                  subject: s.staffId,
                  endpoint,
                  detail: describe(s.prev && rightsOf(s.prev), rightsOf(s.next)),
                },
              ]
            : [],
        ),
        ...grants.map((g): AuditEvent => ({ kind: 'access.pending', subject: g.staffId, endpoint, detail: '→hr' })),
      ];
      await recordAudit(stores, { orgId, staffId: by.staffId, role: 'hr' }, events, at);
      return { pendingHr: waitingFor.sort(), changed: changed.map((s) => s.staffId) };
    },
  };
}

/**
 * Tells Auth, then writes the states that changed. Returns the steps that changed something.
 * A person's existing Auth user gets the new claims; one whose rights shrink (or who retires) also
 * has their sessions ended. A person with an e-mail and no Auth user gets one (no password).
 */
async function commit(stores: Stores, orgId: string, steps: Step[], at: Date): Promise<Step[]> {
  const auth = stores.access.auth;
  const lookup = steps.filter((s) => !s.next.uid && s.next.email).map((s) => s.next.email as string);
  const found = lookup.length ? await auth.usersByEmail(lookup) : new Map<string, AuthUser>();
  const creates: NewAuthUser[] = [];
  const todo: Step[] = [];
  for (const s of steps) {
    const user = !s.next.uid && s.next.email ? (found.get(s.next.email.toLowerCase()) ?? null) : null;
    if (user) s.next.uid = user.uid;
    s.found = user;
    const before: Rights | null = s.prev ? rightsOf(s.prev) : user ? rightsOfUser(user, orgId, s.staffId) : null;
    const next = rightsOf(s.next);
    const rightsChanged = !before || !sameRights(before, next);
    if (!rightsChanged && s.prev && s.prev.uid === s.next.uid && s.prev.email === s.next.email) continue;
    if (rightsChanged) s.next.changedAt = at.toISOString();
    if (!next.active && (!s.prev || s.prev.active)) s.next.signedOutAt = signOutSecond(at);
    if (!s.next.uid && s.next.email) {
      s.next.uid = uidFor(orgId, s.staffId);
      creates.push({ uid: s.next.uid, email: s.next.email, claims: claimsOf(orgId, s.next), disabled: !next.active });
    } else if (s.next.uid && rightsChanged) {
      await updateAuthUser(stores, orgId, s, before, user);
    }
    todo.push(s);
  }
  if (creates.length) await auth.createUsers(creates);
  await stores.access.putStates(
    orgId,
    todo.map((s) => s.next),
  );
  return todo;
}

async function updateAuthUser(
  stores: Stores,
  orgId: string,
  s: Step,
  before: Rights | null,
  user: AuthUser | null,
): Promise<void> {
  const auth = stores.access.auth;
  const uid = s.next.uid as string;
  const next = rightsOf(s.next);
  await auth.setClaims(uid, claimsOf(orgId, s.next));
  const wasDisabled = user ? user.disabled : before ? !before.active : false;
  if (wasDisabled !== !next.active) await auth.setDisabled(uid, !next.active);
  // Unknown before (no state, no claims of this person): end the sessions, to be safe.
  if (!before || losesRights(before, next)) await auth.revokeSessions(uid);
}

function claimsOf(orgId: string, s: AccessState): Claims {
  return { orgId, staffId: s.staffId, role: s.role, duties: [...s.duties] };
}

/** GET /access/pending (HR). */
export async function listPendingGrants(stores: Stores, claims: Claims): Promise<PendingGrant[]> {
  return stores.access.listPending(claims.orgId);
}

/**
 * POST /access/pending/{staffId}/confirm (HR): a second HR account confirms a grant of 人事. The
 * HR person who asked for it cannot, nor can the person it is for.
 */
export async function confirmGrant(
  stores: Stores,
  claims: Claims,
  staffId: string,
  endpoint: string,
  options: AccessOptions = {},
): Promise<AccessState> {
  const at = (options.now ?? (() => new Date()))();
  const grant = (await stores.access.listPending(claims.orgId)).find((g) => g.staffId === staffId);
  if (!grant) throw notFound(problem('access.noPendingGrant'));
  if (grant.staffId === claims.staffId) throw new HandlerError(409, problem('access.confirmOwnGrant'));
  if (grant.requestedBy === claims.staffId) throw new HandlerError(409, problem('access.confirmOwnRequest'));
  const prev = (await stores.access.getStates(claims.orgId, [staffId])).get(staffId) ?? null;
  const step: Step = {
    staffId,
    prev,
    found: null,
    next: {
      staffId,
      uid: prev?.uid ?? null,
      email: prev?.email ?? null,
      role: 'hr',
      duties: [...grant.duties],
      active: true,
      changedAt: at.toISOString(),
      signedOutAt: prev?.signedOutAt ?? null,
    },
  };
  await commit(stores, claims.orgId, [step], at);
  await stores.access.deletePending(claims.orgId, [staffId]);
  await recordAudit(
    stores,
    claims,
    { kind: 'access.confirm', subject: staffId, endpoint, detail: `requestedBy=${grant.requestedBy}` },
    at,
  );
  return step.next;
}

/**
 * POST /access/{staffId}/sign-out (HR, or the person): every device of the person is signed out.
 * Their sessions end (refresh tokens revoked) and any token of a session signed in before now is
 * refused with `auth.signedOut`, on which the device deletes what it holds (A6).
 */
export async function signOutEverywhere(
  stores: Pick<ServerStores, 'access' | 'audit' | 'directory'>,
  claims: Claims,
  staffId: string,
  endpoint: string,
  options: AccessOptions = {},
): Promise<{ staffId: string; signedOutAt: string }> {
  if (claims.role !== 'hr' && claims.staffId !== staffId) throw forbidden();
  const at = (options.now ?? (() => new Date()))();
  let state = (await stores.access.getStates(claims.orgId, [staffId])).get(staffId) ?? null;
  if (!state) {
    // Rights never set by the module (a demo account): start its state from the directory.
    const profile = await stores.directory.getStaff(claims.orgId, staffId);
    if (!profile) throw notFound(problem('access.unknownPerson'));
    const email = profile.loginEmail || null;
    const user = email ? ((await stores.access.auth.usersByEmail([email])).get(email.toLowerCase()) ?? null) : null;
    const rights = user ? rightsOfUser(user, claims.orgId, staffId) : null;
    state = {
      staffId,
      uid: user?.uid ?? null,
      email,
      role: rights?.role ?? profile.role,
      duties: rights?.duties ?? [...profile.duties],
      active: true,
      changedAt: at.toISOString(),
      signedOutAt: null,
    };
  }
  const signedOutAt = signOutSecond(at);
  if (state.uid) await stores.access.auth.revokeSessions(state.uid);
  await stores.access.putStates(claims.orgId, [{ ...state, signedOutAt }]);
  await recordAudit(stores, claims, { kind: 'access.signOut', subject: staffId, endpoint }, at);
  return { staffId, signedOutAt: new Date(signedOutAt * 1000).toISOString() };
}
