import { gunzipSync } from 'node:zlib';
import * as v from 'valibot';
import { ja as problemsJa } from '../../src/i18n/problems/ja';
import { problemText } from '../../src/i18n/problems/words';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeChunk } from '../../src/domain/directory-codec';
import { parseDirectoryRecord } from '../../src/domain/staff';
import { MeResponseSchema, PushResponseSchema } from '../../src/domain/protocol';
import { FEED_NAMES, SYNC_FEEDS } from '../../src/domain/sync-protocol';
import { noChangeSyncCost, postSync } from '../../tools/sync-cost';
import { account, idTokenFor, stack } from '../stack/context';

/**
 * The functions API as deployed code runs it: the Functions emulator of firebase-tools, real ID
 * tokens from the Auth emulator, and firebase-admin writing to the Firestore stand-in (not the
 * real Firestore emulator, which cannot run here: see docs/ARCHITECTURE.md).
 */
describe('functions API on the local stack (Auth + Functions emulators, Firestore stand-in)', () => {
  let token: string;
  let staffId: string;
  const api = (path: string, init: RequestInit = {}, bearer: string | null = token) =>
    fetch(stack().functionsUrl + path, {
      ...init,
      headers: { ...init.headers, ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
    });

  const directory = async (cursor: { snapshotId: string | null; version: number }, bearer = token) =>
    v.parse(
      SYNC_FEEDS.directory.answer,
      (await postSync(stack().functionsUrl, bearer, { directory: cursor })).feeds.directory,
    );

  beforeAll(async () => {
    const a = account('職員');
    token = await idTokenFor(a);
    staffId = a.staffId;
  });

  it('refuses a request without a token, with a code the app puts into words', async () => {
    const res = await api('/me', {}, null);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { code: string };
    expect(body.code).toBe('api.unauthenticated');
    expect(problemText(body, problemsJa)).toMatch(/サインイン/);
  });

  it('refuses a forged token', async () => {
    const res = await api('/me', {}, 'not-a-token');
    expect(res.status).toBe(401);
  });

  it('knows the caller from the custom claims set from the roster', async () => {
    const me = v.parse(MeResponseSchema, await (await api('/me')).json());
    expect(me).toMatchObject({ staffId, orgId: 'demo-ku', role: 'staff' });
  });

  it('serves the whole directory as a snapshot of gzipped chunks, each under 1 MiB', async () => {
    const sync = await directory({ snapshotId: null, version: 0 });
    if (sync.kind !== 'snapshot') throw new Error(`expected a snapshot, got ${sync.kind}`);
    let people = 0;
    for (let n = 0; n < sync.snapshot.chunkCount; n++) {
      const res = await api(`/directory/snapshots/${sync.snapshot.id}/chunks/${n}`);
      expect(res.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.byteLength).toBeLessThan(1024 * 1024);
      people += decodeChunk(JSON.parse(gunzipSync(bytes).toString('utf8')), { check: parseDirectoryRecord }).length;
    }
    expect(people).toBe(stack().staffCount);
    expect(sync.units.length).toBeGreaterThan(300);
  });

  it('applies an edit once, answers a replay as a duplicate, and hands it to others as a change', async () => {
    const before = await directory({ snapshotId: null, version: 0 });
    if (before.kind !== 'snapshot') throw new Error('expected a snapshot');
    const since = { snapshotId: before.snapshot.id, version: before.snapshot.version };
    const mutation = {
      kind: 'profile.update',
      id: `it-${Date.now()}`,
      createdAt: new Date().toISOString(),
      patch: { intro: '統合テストの自己紹介 <script>alert(1)</script>' },
    };
    const push = (m: unknown) =>
      api('/mutations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ mutations: [m] }),
      }).then(async (r) => v.parse(PushResponseSchema, await r.json()));

    expect((await push(mutation)).results).toEqual([{ id: mutation.id, status: 'applied' }]);
    expect((await push(mutation)).results[0]?.status).toBe('duplicate');

    const otherToken = await idTokenFor(account('課長'));
    const changes = await directory(since, otherToken);
    if (changes.kind !== 'changes') throw new Error(`expected changes, got ${changes.kind}`);
    // Other tests edit this person too; the last change is ours, and it was logged once.
    const mine = changes.changes.flatMap((c) => (c.op === 'put' && c.record.id === staffId ? [c.record.intro] : []));
    expect(mine.at(-1)).toBe(mutation.patch.intro);
    expect(mine.filter((intro) => intro === mutation.patch.intro)).toHaveLength(1);
  });

  it('refuses a 10,000-character intro with a clear code and stores nothing', async () => {
    const id = `long-${Date.now()}`;
    const res = await api('/mutations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        mutations: [
          { kind: 'profile.update', id, createdAt: new Date().toISOString(), patch: { intro: 'あ'.repeat(10_000) } },
        ],
      }),
    });
    const body = v.parse(PushResponseSchema, await res.json());
    expect(body.results[0]).toMatchObject({ id, status: 'rejected', code: 'edit.introTooLong', params: { max: 400 } });
    expect(problemText(body.results[0] ?? {}, problemsJa)).toMatch(/400文字以内/);
  });

  it('a sync when nothing changed is one HTTPS call of at most one document read per feed, every feed up to date', async () => {
    const cost = await noChangeSyncCost(stack().functionsUrl, token);
    expect(cost.requests).toBe(1);
    expect(cost.reads).not.toBeNull();
    expect(cost.reads).toBeGreaterThan(0);
    expect(cost.reads).toBeLessThanOrEqual(FEED_NAMES.length);
    expect(cost.feeds.directory).toMatchObject({ kind: 'upToDate' });
    expect(cost.feeds.communities).toMatchObject({ communities: [], more: false, reset: false });
    expect(cost.feeds.yells).toMatchObject({ yells: [], removed: [], more: false, reset: false });
    expect(cost.feeds.notifications).toMatchObject({ notifications: [], more: false, reset: false });
    expect(cost.feeds.nominations).toMatchObject({ nominations: [], removed: [], more: false, reset: false });
    expect(cost.feeds.yells).not.toHaveProperty('me');
    console.log(`no-change sync: ${cost.requests} HTTPS call, ${cost.reads} document reads`);
  });

  it('the per-feed GET endpoints are gone: one POST /sync serves them all', async () => {
    for (const path of ['/directory/sync', '/yells', '/notifications', '/communities', '/recognition/me']) {
      expect((await api(path)).status, path).toBe(404);
    }
    expect((await api('/nominations')).status).toBe(404);
    expect((await api('/awards')).status).toBe(405);
    expect((await api('/recognition/settings')).status).toBe(405);
  });

  it('reaches the same API through the hosting rewrite the app uses', async () => {
    const res = await fetch(`${stack().appUrl}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(v.parse(MeResponseSchema, await res.json()).staffId).toBe(staffId);
  });
});
