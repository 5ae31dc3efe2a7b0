import { apiRequest, bodyJson } from './http';
/** A small two-部 organisation on the in-memory store, signed in by token name, for エール tests. */
import * as v from 'valibot';
import { expect } from 'vitest';
import type { OrgUnit } from '../../../src/domain/org';
import { PushResponseSchema, type Claims } from '../../../src/domain/protocol';
import type { TokenVerifier } from '../api/auth';
import type { ApiResponse } from '../api/http';
import { createApi } from '../api/router';
import type { FeedCursor, FeedName } from '../../../src/domain/sync-protocol';
import { syncOne } from './sync';
import { seedOrganisation } from '../features/directory/seed';
import { createMemoryStores } from '../features';
import { freshOrgId, makeProfile, staffId } from './fixtures';

export const RECOGNITION_UNITS: OrgUnit[] = [
  { id: 'bu-a', kind: 'bu', name: '総務部', kana: 'そうむぶ', parentId: null, order: 1 },
  { id: 'ka-a1', kind: 'ka', name: '人事課', kana: 'じんじか', parentId: 'bu-a', order: 1 },
  { id: 'kk-a1', kind: 'kakari', name: '人事係', kana: 'じんじがかり', parentId: 'ka-a1', order: 1 },
  { id: 'kk-a2', kind: 'kakari', name: '研修係', kana: 'けんしゅうがかり', parentId: 'ka-a1', order: 2 },
  { id: 'bu-b', kind: 'bu', name: '区民部', kana: 'くみんぶ', parentId: null, order: 2 },
  { id: 'ka-b1', kind: 'ka', name: '戸籍住民課', kana: 'こせきじゅうみんか', parentId: 'bu-b', order: 1 },
  { id: 'kk-b1', kind: 'kakari', name: '住民記録係', kana: 'じゅうみんきろくがかり', parentId: 'ka-b1', order: 1 },
];

/**
 * People 1-6 are in 総務部 (1-3 人事係, 4-6 研修係), 7-9 in 区民部. Person 1 is HR, 4 a manager of
 * 総務部, 7 a manager of 区民部; the rest are staff. Token `p<n>` signs in as person n.
 */
export const ROLES: Record<number, Claims['role']> = { 1: 'hr', 4: 'manager', 7: 'manager' };

export async function recognitionOrg() {
  const store = createMemoryStores();
  const orgId = freshOrgId('rec');
  const unitOf = (n: number) => (n <= 3 ? 'kk-a1' : n <= 6 ? 'kk-a2' : 'kk-b1');
  await seedOrganisation(store, {
    orgId,
    units: RECOGNITION_UNITS,
    staff: Array.from({ length: 9 }, (_, i) =>
      makeProfile(i + 1, { unitId: unitOf(i + 1), role: ROLES[i + 1] ?? 'staff' }),
    ),
  });
  const claims = (n: number): Claims => ({ orgId, staffId: staffId(n), role: ROLES[n] ?? 'staff', duties: [] });
  const verifier: TokenVerifier = {
    async verify(token) {
      const m = /^p(\d)$/.exec(token);
      if (!m) throw new Error('auth/argument-error');
      return { uid: `uid-${token}`, iss: 'https://securetoken.google.com/demo', ...claims(Number(m[1])) };
    },
  };
  const api = createApi({ stores: store, verifier, logError: (_m, e) => console.error(e) });
  const call = (method: string, path: string, token: string, body?: unknown): Promise<ApiResponse> =>
    api(apiRequest(method, path, token, body));
  const push = async (token: string, mutations: unknown[]) => {
    const res = await call('POST', '/api/mutations', token, { mutations });
    expect(res.status).toBe(200);
    return v.parse(PushResponseSchema, bodyJson(res)).results;
  };
  const get = async (path: string, token: string) => {
    const res = await call('GET', path, token);
    return { status: res.status, body: bodyJson(res) };
  };
  /** One feed through POST /sync, its answer checked by the feed's schema. */
  const sync = <F extends FeedName>(feed: F, cursor: FeedCursor<F>, token: string) => syncOne(api, token, feed, cursor);
  return { store, orgId, claims, call, push, get, sync, api };
}

let n = 0;
export function yellSend(to: string[], over: Record<string, unknown> = {}) {
  n += 1;
  return {
    kind: 'yell.send',
    id: `m-yell-${String(n).padStart(6, '0')}`,
    createdAt: '2026-11-30T09:00:00.000Z',
    yellId: `yell-${String(n).padStart(6, '0')}`,
    to,
    message: '窓口の応援、本当に助かりました',
    value: 'tasukeai',
    visibility: 'public',
    ...over,
  };
}

export function yellClap(yellId: string) {
  n += 1;
  return {
    kind: 'yell.clap',
    id: `m-clap-${String(n).padStart(6, '0')}`,
    createdAt: '2026-11-30T09:00:00.000Z',
    yellId,
  };
}
