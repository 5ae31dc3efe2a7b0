/**
 * Rights (A2), sign-out everywhere (A6) and the audit log (A3) through the API router on the twins:
 * the refusals of the issue (a 職員 or 課長 calling HR endpoints, confirming one's own request,
 * removing the last 人事), a token issued before a change refused with the code that makes the
 * device refresh it, a signed-out device's token refused with the code that makes it wipe itself,
 * and reads of private fields in the audit log.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ACCESS_PATHS, PendingGrantsSchema } from '../../../../src/domain/access';
import { AUDIT_PATH, AuditPageSchema } from '../../../../src/domain/audit';
import type { Role } from '../../../../src/domain/org';
import { API_PATHS, type Claims } from '../../../../src/domain/protocol';
import type { TokenVerifier } from '../../api/auth';
import { createApi, type Api } from '../../api/router';
import { freshOrgId, makeProfile, staffId, UNITS } from '../../testing/fixtures';
import { apiRequest, bodyJson } from '../../testing/http';
import { syncRequest } from '../../testing/sync';
import { seedOrganisation } from '../directory/seed';
import { createMemoryStores } from '..';
import type { ServerStores } from '../stores';
import { MemoryAuthAdmin } from './auth-admin';
import { accessPort } from './service';

interface Token {
  claims: Claims;
  /** Epoch seconds. */
  iat: number;
  authTime: number;
}

/** Tokens by name; a test adds one as Auth would issue it (claims as they are at that moment). */
class Tokens implements TokenVerifier {
  readonly table = new Map<string, Token>();
  add(name: string, claims: Claims, iat = 1_000, authTime = iat): string {
    this.table.set(name, { claims, iat, authTime });
    return name;
  }
  async verify(token: string) {
    const t = this.table.get(token);
    if (!t) throw new Error('auth/argument-error');
    return { uid: `uid-${token}`, ...t.claims, iat: t.iat, auth_time: t.authTime };
  }
}

async function setUp(): Promise<{
  api: Api;
  stores: ServerStores;
  tokens: Tokens;
  orgId: string;
  claims: (n: number, role: Role) => Claims;
}> {
  const stores = createMemoryStores({ auth: new MemoryAuthAdmin() });
  const orgId = freshOrgId('acc');
  const staff = [1, 2, 3, 4, 5].map((n) =>
    makeProfile(n, {
      unitId: 'kakari-0',
      role: n <= 2 ? 'hr' : n === 3 ? 'manager' : 'staff',
      history: [{ unitId: 'old', unitName: '旧所属課', from: '2019-04-01', to: '2023-03-31' }],
    }),
  );
  await seedOrganisation(stores, { orgId, units: UNITS, staff });
  const tokens = new Tokens();
  const api = createApi({
    stores,
    verifier: tokens,
    exposeReads: true,
    logError: (_m, e) => {
      throw e;
    },
  });
  return { api, stores, tokens, orgId, claims: (n, role) => ({ orgId, staffId: staffId(n), role, duties: [] }) };
}

const get = (path: string, token: string) => apiRequest('GET', path, token);
const post = (path: string, token: string, body: unknown = {}) => apiRequest('POST', path, token, body);
const codeOf = (res: { body: unknown }) => (bodyJson(res as never) as { code?: string }).code;

describe('HR endpoints refuse 職員 and 課長', () => {
  it.each([
    ['GET', ACCESS_PATHS.pendingGrants],
    ['POST', ACCESS_PATHS.confirmGrant(staffId(4))],
    ['GET', AUDIT_PATH],
  ] as const)('%s %s', async (method, path) => {
    const { api, tokens, claims } = await setUp();
    for (const [n, role] of [
      [4, 'staff'],
      [3, 'manager'],
    ] as const) {
      const res = await api(
        apiRequest(method, path, tokens.add(`t${n}`, claims(n, role)), method === 'POST' ? {} : undefined),
      );
      expect({ who: role, status: res.status, code: codeOf(res) }).toEqual({
        who: role,
        status: 403,
        code: 'api.forbidden',
      });
    }
  });

  it('a 職員 cannot sign someone else out, only themself', async () => {
    const { api, tokens, claims } = await setUp();
    const t4 = tokens.add('t4', claims(4, 'staff'));
    expect((await api(post(ACCESS_PATHS.signOutEverywhere(staffId(5)), t4))).status).toBe(403);
    expect((await api(post(ACCESS_PATHS.signOutEverywhere(staffId(4)), t4))).status).toBe(200);
  });
});

describe('a grant of 人事 by import needs a second HR account', () => {
  it('the HR person who asked cannot confirm it; a second HR account can, and then the old token is told to refresh', async () => {
    const { api, stores, tokens, orgId, claims } = await setUp();
    // 1 and 2 were HR before the module set anyone's rights: each applies their own row.
    await accessPort(stores).apply(orgId, [{ staffId: staffId(2), role: 'hr', duties: [], active: true }], {
      staffId: staffId(2),
    });
    await accessPort(stores).apply(
      orgId,
      [
        { staffId: staffId(1), role: 'hr', duties: [], active: true },
        { staffId: staffId(4), role: 'staff', duties: [], active: true },
      ],
      { staffId: staffId(1) },
    );
    const out = await accessPort(stores).apply(orgId, [{ staffId: staffId(4), role: 'hr', duties: [], active: true }], {
      staffId: staffId(1),
    });
    expect(out.pendingHr).toEqual([staffId(4)]);
    const t1 = tokens.add('t1', claims(1, 'hr'));
    const t2 = tokens.add('t2', claims(2, 'hr'));
    const t4 = tokens.add('t4', claims(4, 'staff'));

    const listed = await api(get(ACCESS_PATHS.pendingGrants, t2));
    expect(v.parse(PendingGrantsSchema, bodyJson(listed)).grants.map((g) => [g.staffId, g.requestedBy])).toEqual([
      [staffId(4), staffId(1)],
    ]);
    // The grantee is still 職員: the HR list is not theirs to read.
    expect((await api(get(ACCESS_PATHS.pendingGrants, t4))).status).toBe(403);

    const own = await api(post(ACCESS_PATHS.confirmGrant(staffId(4)), t1));
    expect({ status: own.status, code: codeOf(own) }).toEqual({ status: 409, code: 'access.confirmOwnRequest' });

    const confirmed = await api(post(ACCESS_PATHS.confirmGrant(staffId(4)), t2));
    expect(confirmed.status).toBe(200);
    expect(bodyJson(confirmed)).toMatchObject({ staffId: staffId(4), role: 'hr' });

    // The grantee's token from before says 職員: refused with the code that makes the device refresh it.
    const stale = await api(get(API_PATHS.me, t4));
    expect({ status: stale.status, code: codeOf(stale) }).toEqual({ status: 401, code: 'auth.tokenStale' });
    // The refreshed token carries 人事 and is taken, HR screens included.
    const fresh = tokens.add('t4b', claims(4, 'hr'), 2_000);
    expect((await api(get(API_PATHS.me, fresh))).status).toBe(200);
    expect((await api(get(ACCESS_PATHS.pendingGrants, fresh))).status).toBe(200);

    const again = await api(post(ACCESS_PATHS.confirmGrant(staffId(4)), t2));
    expect({ status: again.status, code: codeOf(again) }).toEqual({ status: 404, code: 'access.noPendingGrant' });
  });

  it('removing the last 人事 is refused with its code, and nothing of the import is applied', async () => {
    const { stores, orgId } = await setUp();
    const port = accessPort(stores);
    await port.apply(orgId, [{ staffId: staffId(1), role: 'hr', duties: [], active: true }], { staffId: staffId(1) });
    // The roster import's endpoint answers this refusal as it is thrown: 409 with the code.
    await expect(
      port.apply(
        orgId,
        [
          { staffId: staffId(1), role: 'staff', duties: [], active: true },
          { staffId: staffId(5), role: 'manager', duties: [], active: true },
        ],
        { staffId: staffId(1) },
      ),
    ).rejects.toMatchObject({ status: 409, problem: { code: 'access.lastHr', params: { staffId: staffId(1) } } });
    expect((await stores.access.getStates(orgId, [staffId(5)])).size).toBe(0);
  });

  it('taking 人事 from one HR person is allowed while another remains, the caller among them or not', async () => {
    const { stores, orgId } = await setUp();
    const port = accessPort(stores);
    await port.apply(orgId, [{ staffId: staffId(1), role: 'hr', duties: [], active: true }], { staffId: staffId(1) });
    await port.apply(orgId, [{ staffId: staffId(2), role: 'hr', duties: [], active: true }], { staffId: staffId(2) });
    // staffId(1) removes their own 人事: staffId(2), outside this batch, is still HR.
    await port.apply(orgId, [{ staffId: staffId(1), role: 'staff', duties: [], active: true }], {
      staffId: staffId(1),
    });
    expect((await stores.access.getStates(orgId, [staffId(1)])).get(staffId(1))).toMatchObject({ role: 'staff' });
    // Now staffId(2) is the last: removing them is refused, whoever asks.
    await expect(
      port.apply(orgId, [{ staffId: staffId(2), role: 'staff', duties: [], active: true }], { staffId: staffId(2) }),
    ).rejects.toMatchObject({ status: 409, problem: { code: 'access.lastHr' } });
  });
});

describe('tokens issued before a change', () => {
  it('a demoted 人事 loses HR rights at once: the old token is refused on every route, /sync included', async () => {
    const { api, stores, tokens, orgId, claims } = await setUp();
    const port = accessPort(stores);
    // Both were HR before the module set anyone's rights: each applies their own row.
    await port.apply(orgId, [{ staffId: staffId(1), role: 'hr', duties: [], active: true }], { staffId: staffId(1) });
    await port.apply(orgId, [{ staffId: staffId(2), role: 'hr', duties: [], active: true }], { staffId: staffId(2) });
    const old = tokens.add('t2', claims(2, 'hr'));
    expect((await api(get(AUDIT_PATH, old))).status).toBe(200);
    await port.apply(orgId, [{ staffId: staffId(2), role: 'staff', duties: [], active: true }], {
      staffId: staffId(1),
    });
    for (const req of [
      get(AUDIT_PATH, old),
      get(API_PATHS.me, old),
      syncRequest({ directory: { snapshotId: null, version: 0 } }, old),
    ]) {
      const res = await api(req);
      expect({ path: req.path, status: res.status, code: codeOf(res) }).toEqual({
        path: req.path,
        status: 401,
        code: 'auth.tokenStale',
      });
    }
    const refreshed = tokens.add('t2b', claims(2, 'staff'), 2_000);
    expect((await api(get(API_PATHS.me, refreshed))).status).toBe(200);
    expect((await api(get(AUDIT_PATH, refreshed))).status).toBe(403);
  });

  it('a retired person’s token is refused with the code that makes the device wipe itself', async () => {
    const { api, stores, tokens, orgId, claims } = await setUp();
    const port = accessPort(stores);
    await port.apply(orgId, [{ staffId: staffId(5), role: 'staff', duties: [], active: true }], {
      staffId: staffId(1),
    });
    const t5 = tokens.add('t5', claims(5, 'staff'));
    expect((await api(get(API_PATHS.me, t5))).status).toBe(200);
    await port.apply(orgId, [{ staffId: staffId(5), role: 'staff', duties: [], active: false }], {
      staffId: staffId(1),
    });
    const res = await api(syncRequest({ directory: { snapshotId: null, version: 0 } }, t5));
    expect({ status: res.status, code: codeOf(res) }).toEqual({ status: 401, code: 'auth.signedOut' });
  });

  it('the token check adds one read to a /sync, in the same batched get as the heads', async () => {
    const { api, stores, tokens, claims } = await setUp();
    const t4 = tokens.add('t4', claims(4, 'staff'));
    const feeds = { communities: { version: 0 }, nominations: { version: 0 } };
    const res = await api(syncRequest(feeds, t4));
    expect(res.status).toBe(200);
    // Two heads and the caller's access state: three documents, one round trip.
    expect(res.headers['X-Document-Reads']).toBe('3');
    expect(stores.reads.total).toBeGreaterThan(0);
  });
});

describe('signing a person out of every device (A6)', () => {
  it('HR signs a person out: their sessions end, tokens of sessions from before are refused, a new sign-in is taken', async () => {
    const { api, stores, tokens, claims } = await setUp();
    const auth = stores.access.auth as MemoryAuthAdmin;
    await auth.createUsers([
      { uid: 'u5', email: `${staffId(5)}@city.example.lg.jp`, claims: claims(5, 'staff'), disabled: false },
    ]);
    const t1 = tokens.add('t1', claims(1, 'hr'));
    const nowS = Math.floor(Date.now() / 1000);
    const phone = tokens.add('phone', claims(5, 'staff'), nowS - 60, nowS - 3_600);
    expect((await api(get(API_PATHS.me, phone))).status).toBe(200);

    const res = await api(post(ACCESS_PATHS.signOutEverywhere(staffId(5)), t1));
    expect(res.status).toBe(200);
    expect(auth.revoked).toEqual(['u5']);
    // The phone's token, even refreshed (same session), is refused: the device deletes its data.
    const refreshedPhone = tokens.add('phone2', claims(5, 'staff'), nowS + 5, nowS - 3_600);
    for (const t of [phone, refreshedPhone]) {
      const refused = await api(syncRequest({ directory: { snapshotId: null, version: 0 } }, t));
      expect({ status: refused.status, code: codeOf(refused) }).toEqual({ status: 401, code: 'auth.signedOut' });
    }
    const signedInAgain = tokens.add('new', claims(5, 'staff'), nowS + 10, nowS + 10);
    expect((await api(get(API_PATHS.me, signedInAgain))).status).toBe(200);
    const log = v.parse(AuditPageSchema, bodyJson(await api(get(`${AUDIT_PATH}?kind=access.signOut`, t1))));
    expect(log.entries.map((e) => [e.actor, e.subject])).toEqual([[staffId(1), staffId(5)]]);
  });
});

describe('the audit log (A3)', () => {
  it('a reread of a private field appears in the log, each read once; ordinary browsing does not', async () => {
    const { api, tokens, claims } = await setUp();
    const hr = tokens.add('t1', claims(1, 'hr'));
    const colleague = tokens.add('t4', claims(4, 'staff'));
    // 職員 of the same 部: only everyone's and the department's fields, nothing logged.
    expect((await api(get(API_PATHS.staffDetail(staffId(5)), colleague))).status).toBe(200);
    // One's own detail is not logged either.
    expect((await api(get(API_PATHS.staffDetail(staffId(1)), hr))).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await api(get(API_PATHS.staffDetail(staffId(5)), hr))).status).toBe(200);

    const page = v.parse(AuditPageSchema, bodyJson(await api(get(`${AUDIT_PATH}?person=${staffId(5)}`, hr))));
    expect(page.entries.map((e) => [e.kind, e.actor, e.actorRole, e.subject, e.fields, e.endpoint])).toEqual([
      ['profile.restricted', staffId(1), 'hr', staffId(5), ['privatePhone', 'history'], `GET /staff/${staffId(5)}`],
      ['profile.restricted', staffId(1), 'hr', staffId(5), ['privatePhone', 'history'], `GET /staff/${staffId(5)}`],
    ]);
    // The read of the log is itself in the log, with its filter.
    const reads = v.parse(AuditPageSchema, bodyJson(await api(get(`${AUDIT_PATH}?kind=audit.read`, hr))));
    expect(reads.entries.map((e) => [e.actor, e.subject, e.detail, e.endpoint])).toEqual([
      [staffId(1), staffId(5), `person=${staffId(5)}`, 'GET /audit'],
    ]);
    expect(bodyJson(await api(get(`${AUDIT_PATH}?kind=nope`, hr)))).toEqual({ code: 'audit.query' });
  });

  it('no endpoint edits or deletes the log', async () => {
    const { api, tokens, claims } = await setUp();
    const hr = tokens.add('t1', claims(1, 'hr'));
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await api(apiRequest(method, AUDIT_PATH, hr, {}));
      expect({ method, status: res.status }).toEqual({ method, status: 405 });
    }
    expect((await api(apiRequest('DELETE', `${AUDIT_PATH}/x`, hr))).status).toBe(404);
  });
});
