import { apiRequest } from '../../testing/http';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CommunitiesPageSchema } from '../../../../src/domain/communities';
import { PushResponseSchema } from '../../../../src/domain/protocol';
import type { TokenVerifier } from '../../api/auth';
import type { ApiResponse } from '../../api/http';
import { createApi } from '../../api/router';
import { claimsFor, mutationId, staffId } from '../../testing/fixtures';
import { seededOrg } from '../../testing/org';
import { syncOne, syncRequest } from '../../testing/sync';
import { communitiesSince } from './handlers';

/** Two people of one organisation, signed in by token name. */
async function setup() {
  const { store, orgId } = await seededOrg(3);
  const verifier: TokenVerifier = {
    async verify(token) {
      const n = token === 'a' ? 1 : token === 'b' ? 2 : null;
      if (n === null) throw new Error('auth/argument-error');
      return { uid: `uid-${token}`, iss: 'https://securetoken.google.com/demo', ...claimsFor(n, 'staff', orgId) };
    },
  };
  const api = createApi({ stores: store, verifier, logError: (_m, e) => console.error(e) });
  const call = (method: string, path: string, token: string, body?: unknown): Promise<ApiResponse> =>
    api(apiRequest(method, path, token, body));
  const push = async (token: string, mutations: unknown[]) => {
    const res = await call('POST', '/api/mutations', token, { mutations });
    expect(res.status).toBe(200);
    return v.parse(PushResponseSchema, json(res)).results;
  };
  const list = async (token: string, since: number) =>
    v.parse(CommunitiesPageSchema, await syncOne(api, token, 'communities', { version: since }));
  return { store, orgId, call, push, list, api };
}

function json(res: ApiResponse): unknown {
  return JSON.parse(typeof res.body === 'string' ? res.body : new TextDecoder().decode(res.body));
}

const at = '2026-04-01T09:00:00.000Z';
const create = (id: string, communityId: string, name: string, description = '') => ({
  kind: 'community.create',
  id,
  createdAt: at,
  communityId,
  name,
  description,
});
const join = (id: string, communityId: string) => ({ kind: 'community.join', id, createdAt: at, communityId });
const leave = (id: string, communityId: string) => ({ kind: 'community.leave', id, createdAt: at, communityId });

describe('communities through the API (in-memory store)', () => {
  it('one person creates, another joins, and the second device sees both members', async () => {
    const { push, list } = await setup();
    expect(
      await push('a', [create(mutationId('c1'), 'dx-suishin', '  DX推進  ', '業務改善の相談会\r\n月1回')]),
    ).toEqual([{ id: mutationId('c1'), status: 'applied' }]);
    expect(await push('b', [join(mutationId('j1'), 'dx-suishin')])).toEqual([
      { id: mutationId('j1'), status: 'applied' },
    ]);
    const page = await list('b', 0);
    expect(page).toMatchObject({ version: 2, more: false, reset: false });
    expect(page.communities).toEqual([
      {
        id: 'dx-suishin',
        name: 'DX推進', // cleaned by the shared schema: trimmed
        description: '業務改善の相談会\n月1回', // line endings unified
        memberIds: [staffId(1), staffId(2)],
        createdBy: staffId(1),
        createdAt: at,
        version: 2,
      },
    ]);
  });

  it('answers "nothing new" to a device that is up to date, and only changes to one that is behind', async () => {
    const { push, list } = await setup();
    await push('a', [
      create(mutationId('c1'), 'design-01', 'デザイン'),
      create(mutationId('c2'), 'running-1', 'ランニング'),
    ]);
    expect(await list('a', 2)).toEqual({ communities: [], version: 2, more: false, reset: false });
    await push('b', [join(mutationId('j'), 'design-01')]);
    const page = await list('a', 2);
    expect(page.communities.map((c) => [c.id, c.version])).toEqual([['design-01', 3]]);
    expect(page.version).toBe(3);
  });

  it('tells a device that is ahead of the server to start over', async () => {
    const { push, list } = await setup();
    await push('a', [create(mutationId('c1'), 'design-01', 'デザイン')]);
    const page = await list('a', 99);
    expect(page.reset).toBe(true);
    expect(page.communities.map((c) => c.id)).toEqual(['design-01']);
  });

  it('pages: "more" until the last page, each community once', async () => {
    const { store, orgId, push } = await setup();
    await push(
      'a',
      [1, 2, 3, 4, 5].map((n) => create(mutationId(`c${n}`), `comm-000${n}`, `会${n}`)),
    );
    const seen: string[] = [];
    let since = 0;
    for (let i = 0; i < 5; i++) {
      const page = await communitiesSince(store, orgId, since, 2);
      seen.push(...page.communities.map((c) => c.id));
      since = page.version;
      if (!page.more) break;
    }
    expect(seen).toEqual(['comm-0001', 'comm-0002', 'comm-0003', 'comm-0004', 'comm-0005']);
  });

  it('rejects a name that is blank or too long, and a description over 200 characters, with a Japanese message', async () => {
    const { push, list } = await setup();
    const results = await push('a', [
      create(mutationId('blank'), 'blank-001', '   '),
      create(mutationId('long'), 'long-0001', 'あ'.repeat(31)),
      create(mutationId('desc'), 'desc-0001', '説明', 'い'.repeat(201)),
      create(mutationId('ok'), 'ok-000001', 'あ'.repeat(30), 'い'.repeat(200)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'applied']);
    expect(results[0]?.code).toBe('community.nameEmpty');
    expect(results[1]?.code).toBe('community.nameTooLong');
    expect(results[2]?.code).toBe('community.descriptionTooLong');
    expect((await list('a', 0)).communities.map((c) => c.id)).toEqual(['ok-000001']);
  });

  it('acts as the signed-in person only: a member id in the body is ignored', async () => {
    const { push, list } = await setup();
    await push('a', [create(mutationId('c1'), 'design-01', 'デザイン')]);
    await push('b', [{ ...join(mutationId('j'), 'design-01'), staffId: staffId(0), memberId: staffId(0) }]);
    expect((await list('a', 0)).communities[0]?.memberIds).toEqual([staffId(1), staffId(2)]);
  });

  it('applies a replayed push once: join, leave, then the join again answers duplicate', async () => {
    const { push, list } = await setup();
    await push('a', [create(mutationId('c1'), 'design-01', 'デザイン')]);
    const j = join(mutationId('j'), 'design-01');
    await push('b', [j, leave(mutationId('l'), 'design-01')]);
    expect(await push('b', [j])).toEqual([{ id: mutationId('j'), status: 'duplicate' }]);
    expect((await list('a', 0)).communities[0]?.memberIds).toEqual([staffId(1)]);
  });

  it('rejects joining a community that does not exist', async () => {
    const { push } = await setup();
    const [r] = await push('a', [join(mutationId('j'), 'nowhere-1')]);
    expect(r).toEqual({ id: mutationId('j'), status: 'rejected', code: 'community.notFound' });
  });

  it('refuses a malformed cursor', async () => {
    const { api } = await setup();
    expect((await api(syncRequest({ communities: { version: -1 } }, 'a'))).status).toBe(400);
    expect((await api(syncRequest({ communities: { version: 'abc' } }, 'a'))).status).toBe(400);
    expect((await api(syncRequest({ communities: {} }, 'a'))).status).toBe(400);
  });
});
