import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeChunk } from '../../../src/domain/directory-codec';
import { parseDirectoryRecord } from '../../../src/domain/staff';
import type { Claims } from '../../../src/domain/protocol';
import type { ServerStores } from '../features/stores';
import { feedAnswer } from '../testing/sync';
import { claimsFor, mutationId, staffId } from '../testing/fixtures';
import { seededOrg } from '../testing/org';
import type { TokenVerifier } from './auth';
import { CHUNK_CACHE_CONTROL, MAX_BODY_BYTES, type ApiRequest, type ApiResponse } from './http';
import { sendApiResponse, serveNodeRequest, toApiRequest } from './node-http';
import { createApi, READS_HEADER, type Api } from './router';

/** Tokens are table keys; anything else fails verification, as a forged or expired token would. */
function fakeVerifier(tokens: Record<string, Record<string, unknown>>): TokenVerifier {
  return {
    async verify(token) {
      const payload = tokens[token];
      if (!payload) throw new Error('auth/argument-error');
      return { uid: `uid-${token}`, iss: 'https://securetoken.google.com/demo', ...payload };
    },
  };
}

async function setup(): Promise<{ api: Api; store: ServerStores; orgId: string; errors: unknown[] }> {
  const { store, orgId } = await seededOrg(5);
  const claims = (n: number, role: Claims['role']) => ({ ...claimsFor(n, role, orgId) });
  const errors: unknown[] = [];
  const api = createApi({
    stores: store,
    verifier: fakeVerifier({
      staff: claims(1, 'staff'),
      manager: claims(2, 'manager'),
      hr: claims(3, 'hr'),
      'no-claims': {},
    }),
    logError: (_message, e) => errors.push(e),
  });
  return { api, store, orgId, errors };
}

function request(
  method: string,
  pathAndQuery: string,
  init: { token?: string; body?: unknown; raw?: Uint8Array } = {},
): ApiRequest {
  const url = new URL(pathAndQuery, 'http://x.invalid');
  const body = init.raw ?? (init.body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(init.body)));
  return {
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(body ? { 'content-length': String(body.byteLength), 'content-type': 'application/json' } : {}),
    },
    body,
  };
}

function bodyJson(res: ApiResponse): unknown {
  return JSON.parse(typeof res.body === 'string' ? res.body : new TextDecoder().decode(res.body));
}

describe('API: authentication and authorisation', () => {
  it('answers 401 api.unauthenticated without a token, with a malformed header, or with an invalid token', async () => {
    const { api } = await setup();
    for (const req of [
      request('GET', '/api/me'),
      { ...request('GET', '/api/me'), headers: { authorization: 'Basic abc' } },
      request('GET', '/api/me', { token: 'forged' }),
    ]) {
      const res = await api(req);
      expect(res.status).toBe(401);
      expect(bodyJson(res)).toEqual({ code: 'api.unauthenticated' });
    }
  });

  it('answers 403 to a signed-in user with no organisation claims', async () => {
    const { api } = await setup();
    const res = await api(request('GET', '/api/me', { token: 'no-claims' }));
    expect(res.status).toBe(403);
    expect(bodyJson(res)).toEqual({ code: 'api.forbidden' });
  });

  it('returns the caller from the claims, with or without the /api prefix', async () => {
    const { api, orgId } = await setup();
    for (const path of ['/api/me', '/me']) {
      const res = await api(request('GET', path, { token: 'staff' }));
      expect(res.status).toBe(200);
      expect(bodyJson(res)).toEqual({ staffId: staffId(1), orgId, role: 'staff', duties: [] });
      expect(res.headers['Cache-Control']).toBe('no-store');
    }
  });

  it('lets only HR rebuild the snapshot: staff and managers get 403 and nothing changes', async () => {
    const { api, store, orgId } = await setup();
    const before = (await store.directory.getDirectoryMeta(orgId)).snapshot;
    for (const token of ['staff', 'manager']) {
      const res = await api(request('POST', '/api/admin/directory/snapshot', { token }));
      expect(res.status).toBe(403);
      expect(bodyJson(res)).toEqual({ code: 'api.forbidden' });
    }
    expect((await store.directory.getDirectoryMeta(orgId)).snapshot).toEqual(before);
    const ok = await api(request('POST', '/api/admin/directory/snapshot', { token: 'hr' }));
    expect(ok.status).toBe(200);
    expect(bodyJson(ok)).toMatchObject({ status: 'current', snapshot: { staffCount: 5 } });
    expect((await store.directory.getDirectoryMeta(orgId)).snapshot?.id).not.toBe(before?.id);
  });
});

describe('API: requests and answers', () => {
  it('answers 413 to a body over 256 KB, whether declared or actual, and applies none of it', async () => {
    const { api, store, orgId } = await setup();
    const head = await store.directory.headVersion(orgId);
    const big = new Uint8Array(MAX_BODY_BYTES + 1).fill(0x20);
    const res = await api(request('POST', '/api/mutations', { token: 'staff', raw: big }));
    expect(res.status).toBe(413);
    expect(bodyJson(res)).toEqual({ code: 'api.tooLarge', params: { maxKb: 256 } });
    const declared = request('POST', '/api/mutations', { token: 'staff', body: { mutations: [] } });
    const res2 = await api({
      ...declared,
      headers: { ...declared.headers, 'content-length': String(10 * MAX_BODY_BYTES) },
    });
    expect(res2.status).toBe(413);
    expect(await store.directory.headVersion(orgId)).toBe(head);
  });

  it('pushes mutations and reports each result', async () => {
    const { api, store, orgId } = await setup();
    const mutation = {
      kind: 'profile.update',
      id: mutationId('api'),
      createdAt: '2025-04-01T09:00:00.000Z',
      patch: { intro: 'API経由' },
    };
    const res = await api(request('POST', '/api/mutations', { token: 'staff', body: { mutations: [mutation] } }));
    expect(res.status).toBe(200);
    expect(bodyJson(res)).toEqual({ results: [{ id: mutationId('api'), status: 'applied' }] });
    expect((await store.directory.getStaff(orgId, staffId(1)))?.intro).toBe('API経由');
  });

  it('gives input.invalid, with the field, for validation failures that the domain schema has no code of its own for', async () => {
    const { api } = await setup();
    const mutation = { kind: 'profile.update', id: mutationId('date'), createdAt: 'yesterday', patch: {} };
    const res = await api(request('POST', '/api/mutations', { token: 'staff', body: { mutations: [mutation] } }));
    expect(bodyJson(res)).toEqual({
      results: [{ id: mutationId('date'), status: 'rejected', code: 'input.invalid', params: { field: 'createdAt' } }],
    });
  });

  it('answers 400 api.notJson to a body that is not JSON, and api.emptyBody to none', async () => {
    const { api } = await setup();
    const res = await api(
      request('POST', '/api/mutations', { token: 'staff', raw: new TextEncoder().encode('{"mutations": [') }),
    );
    expect(res.status).toBe(400);
    expect(bodyJson(res)).toEqual({ code: 'api.notJson' });
    expect(res.headers['Content-Type']).toMatch(/^application\/json/);
    const empty = await api(request('POST', '/api/mutations', { token: 'staff', raw: new Uint8Array() }));
    expect(bodyJson(empty)).toEqual({ code: 'api.emptyBody' });
  });

  it('syncs: snapshot for a new device, then up to date; rejects a malformed cursor with 400', async () => {
    const { api } = await setup();
    const first = await api(
      request('POST', '/api/sync', {
        token: 'staff',
        body: { feeds: { directory: { snapshotId: null, version: 0 } } },
      }),
    );
    expect(first.status).toBe(200);
    const answer = feedAnswer(first, 'directory');
    if (answer.kind !== 'snapshot') throw new Error(`expected a snapshot, got ${answer.kind}`);
    const snapshot = answer.snapshot;
    const again = await api(
      request('POST', '/api/sync', {
        token: 'staff',
        body: { feeds: { directory: { snapshotId: snapshot.id, version: snapshot.version } } },
      }),
    );
    expect(bodyJson(again)).toEqual({ feeds: { directory: { kind: 'upToDate', version: snapshot.version } } });
    const bad = [
      { directory: { snapshotId: null, version: -1 } },
      { directory: { snapshotId: null, version: 1.5 } },
      { directory: { snapshotId: '../etc', version: 1 } },
      { directory: { version: 1 } },
    ];
    for (const feeds of bad) {
      expect((await api(request('POST', '/api/sync', { token: 'staff', body: { feeds } }))).status).toBe(400);
    }
    expect((await api(request('POST', '/api/sync', { token: 'staff', body: { cursors: {} } }))).status).toBe(400);
    // A feed this server does not know is ignored, not refused (a newer device).
    const unknown = await api(
      request('POST', '/api/sync', { token: 'staff', body: { feeds: { quizzes: { version: 0 } } } }),
    );
    expect(bodyJson(unknown)).toEqual({ feeds: {} });
  });

  it('serves a chunk as immutable gzip bytes that decode to the directory; unknown chunks are 404', async () => {
    const { api, store, orgId } = await setup();
    const manifest = (await store.directory.getDirectoryMeta(orgId)).snapshot;
    const res = await api(request('GET', `/api/directory/snapshots/${manifest?.id}/chunks/0`, { token: 'staff' }));
    expect(res.status).toBe(200);
    expect(res.headers['Content-Type']).toBe('application/gzip');
    expect(res.headers['Cache-Control']).toBe(CHUNK_CACHE_CONTROL);
    expect(CHUNK_CACHE_CONTROL).toContain('immutable');
    expect(res.body).toBeInstanceOf(Uint8Array);
    const records = decodeChunk(JSON.parse(gunzipSync(res.body).toString('utf8')), { check: parseDirectoryRecord });
    expect(records).toHaveLength(5);
    const missing = await api(request('GET', `/api/directory/snapshots/${manifest?.id}/chunks/1`, { token: 'staff' }));
    expect(missing.status).toBe(404);
    const unauthenticated = await api(request('GET', `/api/directory/snapshots/${manifest?.id}/chunks/0`));
    expect(unauthenticated.status).toBe(401);
  });

  it('answers 404 for unknown paths and 405 with Allow for a wrong method', async () => {
    const { api } = await setup();
    const unknown = await api(request('GET', '/api/nothing', { token: 'staff' }));
    expect(unknown.status).toBe(404);
    expect(bodyJson(unknown)).toEqual({ code: 'api.notFound' });
    expect(unknown.headers['Content-Type']).toMatch(/^application\/json/);
    const res = await api(request('GET', '/api/mutations', { token: 'staff' }));
    expect(res.status).toBe(405);
    expect(bodyJson(res)).toEqual({ code: 'api.methodNotAllowed' });
    expect(res.headers['Allow']).toBe('POST');
  });

  it('answers 500 api.internal, JSON with no stack, when the store fails, and logs the real error', async () => {
    const errors: unknown[] = [];
    const { store } = await seededOrg(1);
    const broken: ServerStores = {
      ...store,
      reader: {
        readAll: async () => {
          throw new Error('firestore is down: secret detail');
        },
      },
    };
    const api = createApi({
      stores: broken,
      verifier: fakeVerifier({ t: claimsFor(1) }),
      logError: (_m, e) => errors.push(e),
    });
    const res = await api(
      request('POST', '/api/sync', { token: 't', body: { feeds: { communities: { version: 0 } } } }),
    );
    expect(res.status).toBe(500);
    expect(JSON.stringify(bodyJson(res))).not.toContain('secret');
    expect(bodyJson(res)).toEqual({ code: 'api.internal' });
    expect(errors).toHaveLength(1);
  });
});

describe('API: document reads of a request, for the local stack only', () => {
  it('sends X-Document-Reads only when asked to (index.ts asks inside the Functions emulator only)', async () => {
    const { store, orgId } = await seededOrg(2);
    const verifier = fakeVerifier({ t: claimsFor(1, 'staff', orgId) });
    const body = { feeds: { communities: { version: 0 }, nominations: { version: 0 } } };
    const quiet = createApi({ stores: store, verifier });
    expect((await quiet(request('POST', '/api/sync', { token: 't', body }))).headers).not.toHaveProperty(READS_HEADER);
    const counted = createApi({ stores: store, verifier, exposeReads: true });
    const res = await counted(request('POST', '/api/sync', { token: 't', body }));
    // Two feeds up to date: their two heads and the caller's access state (the token check,
    // features/access/token.ts), in one batched read, and nothing else.
    expect(res.headers[READS_HEADER]).toBe('3');
  });
});

describe('API: Node request and response adapter', () => {
  it('turns an Express-like request into an ApiRequest and writes an ApiResponse back', () => {
    const req = toApiRequest({
      method: 'post',
      url: '/api/directory/sync?snapshot=abc&version=3',
      headers: { Authorization: 'Bearer t', 'x-list': ['a', 'b'] },
      rawBody: Buffer.from('{}'),
    });
    expect(req).toMatchObject({
      method: 'POST',
      path: '/api/directory/sync',
      headers: { authorization: 'Bearer t', 'x-list': 'a, b' },
    });
    expect(req.query.get('version')).toBe('3');
    const written: { status?: number; headers: Record<string, string>; body?: string | Uint8Array | undefined } = {
      headers: {},
    };
    sendApiResponse(
      {
        status: (code) => (written.status = code),
        setHeader: (name, value) => (written.headers[name] = value),
        end: (body) => (written.body = body),
      },
      { status: 201, headers: { 'Content-Type': 'text/plain' }, body: 'ok' },
    );
    expect(written).toEqual({ status: 201, headers: { 'Content-Type': 'text/plain' }, body: 'ok' });
  });
});

describe('API: a fault outside the router', () => {
  it('answers JSON api.internal, without the fault, when making the API or reading the request throws', async () => {
    const logged: unknown[] = [];
    const sent: { status?: number; headers: Record<string, string>; body?: string | Uint8Array | undefined } = {
      headers: {},
    };
    const res = {
      status: (code: number) => (sent.status = code),
      setHeader: (name: string, value: string) => (sent.headers[name] = value),
      end: (body?: string | Uint8Array) => (sent.body = body),
    };
    await serveNodeRequest(
      () => {
        throw new Error('no credentials: secret detail');
      },
      { method: 'GET', url: '/api/me', headers: {} },
      res,
      (_m, e) => logged.push(e),
    );
    expect(sent.status).toBe(500);
    expect(sent.headers['Content-Type']).toMatch(/^application\/json/);
    expect(JSON.parse(String(sent.body))).toEqual({ code: 'api.internal' });
    expect(logged).toHaveLength(1);
  });
});
