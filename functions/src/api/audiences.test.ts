/**
 * Per-field audiences, enforced on the server (D4, D5): for every audience and every relation of
 * viewer to person, each endpoint that can carry a person's data returns the field only to those
 * in its audience. Everything goes through the API router, as a device's request would.
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { OrgUnit, Role } from '../../../src/domain/org';
import { AUDIENCES, AUDIENCE_FIELDS, type Audience, type AudienceField } from '../../../src/domain/staff';
import { createMemoryStores } from '../features';
import { seedOrganisation } from '../features/directory/seed';
import { freshOrgId, makeProfile, mutationId, staffId } from '../testing/fixtures';
import { feedAnswer, syncRequest } from '../testing/sync';
import { base64, fakeWebp } from '../testing/webp';
import type { TokenVerifier } from './auth';
import type { ApiRequest, ApiResponse } from './http';
import { createApi, type Api } from './router';

const UNITS: OrgUnit[] = [
  { id: 'bu-a', kind: 'bu', name: '総務部', kana: 'そうむぶ', parentId: null, order: 1 },
  { id: 'ka-a', kind: 'ka', name: '総務課', kana: 'そうむか', parentId: 'bu-a', order: 1 },
  { id: 'kakari-a', kind: 'kakari', name: '庶務係', kana: 'しょむがかり', parentId: 'ka-a', order: 1 },
  { id: 'kakari-a2', kind: 'kakari', name: '文書係', kana: 'ぶんしょがかり', parentId: 'ka-a', order: 2 },
  { id: 'bu-b', kind: 'bu', name: '福祉部', kana: 'ふくしぶ', parentId: null, order: 2 },
  { id: 'ka-b', kind: 'ka', name: '福祉課', kana: 'ふくしか', parentId: 'bu-b', order: 1 },
  { id: 'kakari-b', kind: 'kakari', name: '援護係', kana: 'えんごがかり', parentId: 'ka-b', order: 1 },
];

/** The person whose fields are looked at, in 総務部. */
const TARGET = 1;

/** Every relation a viewer can have to the person: number, unit, role. */
const RELATIONS = {
  self: { n: TARGET, unitId: 'kakari-a', role: 'staff' },
  'same 部 staff (other 係)': { n: 2, unitId: 'kakari-a2', role: 'staff' },
  'other 部 staff': { n: 3, unitId: 'kakari-b', role: 'staff' },
  'manager of another 部': { n: 4, unitId: 'ka-b', role: 'manager' },
  'manager of the same 部': { n: 5, unitId: 'ka-a', role: 'manager' },
  'HR (in another 部)': { n: 6, unitId: 'kakari-b', role: 'hr' },
} as const satisfies Record<string, { n: number; unitId: string; role: Role }>;
type Relation = keyof typeof RELATIONS;
const RELATION_NAMES = Object.keys(RELATIONS) as Relation[]; // keys of the literal above

/** Who sees a field with each audience: the rule of src/domain/profile.ts, written out by hand. */
const SEES: Record<Audience, readonly Relation[]> = {
  everyone: RELATION_NAMES,
  department: ['self', 'same 部 staff (other 係)', 'manager of the same 部'],
  managers: ['self', 'manager of the same 部', 'HR (in another 部)'],
  self: ['self'],
};

/** Values no one could see by accident: each is searched for in every response body. */
const SECRETS = {
  intro: '自己紹介のひみつ文ABC',
  hobbies: ['盆栽のひみつXYZ'],
  privatePhone: '090-9876-5432',
} as const;
const HISTORY_UNIT_NAME = '旧所属のひみつ課QRS';

function fakeVerifier(tokens: Record<string, Record<string, unknown>>): TokenVerifier {
  return {
    async verify(token) {
      const payload = tokens[token];
      if (!payload) throw new Error('auth/argument-error');
      return { uid: `uid-${token}`, ...payload };
    },
  };
}

/** A bearer token has no spaces: each relation's token is its staff number. */
function token(who: string): string {
  return who in RELATIONS ? `t${RELATIONS[who as Relation].n}` : who; // narrowed by the `in` check
}

function get(pathAndQuery: string, who: string, viaCookie = false): ApiRequest {
  const url = new URL(pathAndQuery, 'http://x.invalid');
  const t = token(who);
  return {
    method: 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: viaCookie ? { cookie: `theme=dark; __session=${t}` } : { authorization: `Bearer ${t}` },
    body: undefined,
  };
}

function post(path: string, who: string, body: unknown): ApiRequest {
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  return {
    method: 'POST',
    path,
    query: new URLSearchParams(),
    headers: { authorization: `Bearer ${token(who)}`, 'content-length': String(bytes.byteLength) },
    body: bytes,
  };
}

function text(res: ApiResponse): string {
  return typeof res.body === 'string' ? res.body : new TextDecoder().decode(res.body);
}

/**
 * An organisation with the six viewers; the person has every restricted field filled, a consented
 * photo uploaded through the API, and then the given audiences set through the API.
 */
async function org(audiences: Partial<Record<AudienceField, Audience>>) {
  const store = createMemoryStores();
  const orgId = freshOrgId();
  const staff = Object.values(RELATIONS).map(({ n, unitId, role }) =>
    makeProfile(n, {
      unitId,
      role,
      ...(n === TARGET && {
        intro: SECRETS.intro,
        hobbies: [...SECRETS.hobbies],
        privatePhone: SECRETS.privatePhone,
        history: [{ unitId: 'old', unitName: HISTORY_UNIT_NAME, from: '2019-04-01', to: '2023-03-31' }],
        photoConsent: true,
      }),
    }),
  );
  const seed = await seedOrganisation(store, { orgId, units: UNITS, staff });
  const api: Api = createApi({
    stores: store,
    verifier: fakeVerifier(
      Object.fromEntries(
        RELATION_NAMES.map((r) => [token(r), { orgId, staffId: staffId(RELATIONS[r].n), role: RELATIONS[r].role }]),
      ),
    ),
    logError: (_m, e) => {
      throw e;
    },
  });
  const at = '2025-04-01T09:00:00.000Z';
  const upload = await api(
    post('/api/mutations', 'self', {
      // Audiences first: every change logged after the seed then has them (the log keeps what was
      // open at the time it was written; see the note in the shared-directory tests).
      mutations: [
        { kind: 'profile.update', id: mutationId('aud'), createdAt: at, patch: { audiences } },
        {
          kind: 'profile.photo',
          id: mutationId('photo'),
          createdAt: at,
          photo: { thumb: base64(fakeWebp(2000)), large: base64(fakeWebp(9000)) },
        },
      ],
    }),
  );
  expect(JSON.parse(text(upload))).toMatchObject({ results: [{ status: 'applied' }, { status: 'applied' }] });
  const photo = (await store.directory.getStaff(orgId, staffId(TARGET)))?.photo;
  if (!photo) throw new Error('the photo was not stored');
  return { api, store, orgId, photo, seed };
}

/** The field's value in the detail, or undefined when the endpoint left it out. */
function detailField(res: ApiResponse, field: AudienceField): unknown {
  expect(res.status).toBe(200);
  return (JSON.parse(text(res)) as Record<string, unknown>)[field]; // a JSON object, checked by status above
}

const EXPECTED: Record<AudienceField, (photo: string) => unknown> = {
  intro: () => SECRETS.intro,
  hobbies: () => SECRETS.hobbies,
  photo: (photo) => photo,
  privatePhone: () => SECRETS.privatePhone,
};

/** The other fields get an audience as different as possible, so a mix-up between fields shows. */
const contrast = (a: Audience): Audience => (a === 'self' ? 'everyone' : 'self');

describe('GET /staff/{id}: each restricted field only to its audience (fields × audiences × relations)', () => {
  for (const field of AUDIENCE_FIELDS) {
    for (const audience of AUDIENCES) {
      it(`${field} = ${audience}`, async () => {
        const audiences = Object.fromEntries(
          AUDIENCE_FIELDS.map((f) => [f, f === field ? audience : contrast(audience)]),
        ) as Record<AudienceField, Audience>; // fromEntries loses the key type
        const { api, photo } = await org(audiences);
        for (const relation of RELATION_NAMES) {
          const res = await api(get(`/api/staff/${staffId(TARGET)}`, relation));
          for (const f of AUDIENCE_FIELDS) {
            const visible = SEES[audiences[f]].includes(relation);
            expect({ relation, field: f, value: detailField(res, f) }).toEqual({
              relation,
              field: f,
              value: visible ? EXPECTED[f](photo) : undefined,
            });
          }
        }
      });
    }
  }

  it('異動歴 (fixed audience 管理職と人事) only to self, HR and managers of the same 部', async () => {
    const { api } = await org({});
    for (const relation of RELATION_NAMES) {
      const body = text(await api(get(`/api/staff/${staffId(TARGET)}`, relation)));
      expect({ relation, shown: body.includes(HISTORY_UNIT_NAME) }).toEqual({
        relation,
        shown: SEES.managers.includes(relation),
      });
    }
  });

  it('only the person gets their settings (audiences, consent); nobody else learns them', async () => {
    const { api } = await org({ intro: 'department' });
    for (const relation of RELATION_NAMES) {
      const detail = JSON.parse(text(await api(get(`/api/staff/${staffId(TARGET)}`, relation)))) as object;
      expect({ relation, has: 'settings' in detail }).toEqual({ relation, has: relation === 'self' });
    }
  });

  it('a photo without consent is shown to no one but its owner, whatever its audience', async () => {
    const { api, photo } = await org({ photo: 'everyone' });
    await api(
      post('/api/mutations', 'self', {
        mutations: [
          {
            kind: 'profile.update',
            id: mutationId('noconsent'),
            createdAt: '2025-04-01T09:00:00.000Z',
            patch: { photoConsent: false },
          },
        ],
      }),
    );
    for (const relation of RELATION_NAMES) {
      const res = await api(get(`/api/staff/${staffId(TARGET)}`, relation));
      expect({ relation, photo: detailField(res, 'photo') }).toEqual({
        relation,
        photo: relation === 'self' ? photo : null,
      });
      const img = await api(get(`/api/photos/${photo}`, relation));
      expect({ relation, status: img.status }).toEqual({ relation, status: relation === 'self' ? 200 : 404 });
    }
  });

  it('answers 404 for an unknown person and 400 for a malformed id; there is no way to write a profile here', async () => {
    const { api } = await org({});
    expect((await api(get('/api/staff/nobody', 'self'))).status).toBe(404);
    expect((await api(get('/api/staff/a%2Fb', 'self'))).status).toBe(400);
    const write = await api(post(`/api/staff/${staffId(TARGET)}`, 'HR (in another 部)', { intro: '改ざん' }));
    expect(write.status).toBe(405);
  });
});

describe('GET /photos/{id}: the bytes only to the photo audience, as thumb and large', () => {
  for (const audience of AUDIENCES) {
    it(`photo = ${audience}`, async () => {
      const { api, photo } = await org({ photo: audience });
      for (const relation of RELATION_NAMES) {
        for (const suffix of ['', '/large']) {
          const res = await api(get(`/api/photos/${photo}${suffix}`, relation));
          const allowed = SEES[audience].includes(relation);
          expect({ relation, suffix, status: res.status }).toEqual({ relation, suffix, status: allowed ? 200 : 404 });
          if (allowed) {
            expect(res.headers['Content-Type']).toBe('image/webp');
            expect(res.headers['Cache-Control']).toBe('private, max-age=31536000, immutable');
            expect((res.body as Uint8Array).byteLength).toBe(suffix === '' ? 2000 : 9000); // bytes route
          }
        }
      }
    });
  }

  it('authenticates an <img> request by the __session cookie, and refuses one with neither cookie nor header', async () => {
    const { api, photo } = await org({ photo: 'everyone' });
    expect((await api(get(`/api/photos/${photo}`, 'other 部 staff', true))).status).toBe(200);
    expect((await api(get(`/api/photos/${photo}`, 'forged', true))).status).toBe(401);
    expect((await api({ ...get(`/api/photos/${photo}`, 'x'), headers: {} })).status).toBe(401);
    // The cookie is accepted for photos only: the detail endpoint still wants the header.
    expect((await api(get(`/api/staff/${staffId(TARGET)}`, 'self', true))).status).toBe(401);
  });

  it('stops serving a replaced photo, and answers 404 to ids that are not photos', async () => {
    const { api, photo } = await org({ photo: 'everyone' });
    await api(
      post('/api/mutations', 'self', {
        mutations: [
          {
            kind: 'profile.photo',
            id: mutationId('photo2'),
            createdAt: '2025-04-01T09:00:00.000Z',
            photo: { thumb: base64(fakeWebp(3000, 9)), large: base64(fakeWebp(8000, 9)) },
          },
        ],
      }),
    );
    expect((await api(get(`/api/photos/${photo}`, 'self'))).status).toBe(404);
    expect((await api(get('/api/photos/0123456789abcdef0123456789abcdef', 'self'))).status).toBe(404);
    expect((await api(get('/api/photos/..%2Fstaff', 'self'))).status).toBe(404);
  });
});

/**
 * Note: the change log keeps each record as it was when written, until trimmed after the next
 * snapshot. A field that was open and is then narrowed stays in the older change: a device that
 * was behind still receives it, as it could have before. The test below checks what is written
 * after the audience is set.
 */
describe('the shared directory (snapshot and change log) carries only `everyone` fields', () => {
  for (const audience of AUDIENCES) {
    it(`all fields = ${audience}: what every device downloads has ${audience === 'everyone' ? 'them' : 'none of them'}`, async () => {
      const audiences = Object.fromEntries(AUDIENCE_FIELDS.map((f) => [f, audience])) as Record<
        AudienceField,
        Audience
      >; // fromEntries loses the key type
      const { api, photo, seed } = await org(audiences);
      // The change log (what a device holding the seed's snapshot receives) …
      const answer = feedAnswer(
        await api(syncRequest({ directory: { snapshotId: seed.id, version: seed.version } }, token('other 部 staff'))),
        'directory',
      );
      expect(answer).toMatchObject({ kind: 'changes' });
      const sync = JSON.stringify(answer);
      // … and a fresh snapshot (what a new device receives).
      const rebuilt = JSON.parse(text(await api(post('/api/admin/directory/snapshot', 'HR (in another 部)', {}))));
      const manifest = (rebuilt as { snapshot: { id: string; chunkCount: number } }).snapshot; // router answer shape
      let chunks = '';
      for (let n = 0; n < manifest.chunkCount; n++) {
        const res = await api(get(`/api/directory/snapshots/${manifest.id}/chunks/${n}`, 'other 部 staff'));
        chunks += gunzipSync(res.body as Uint8Array).toString('utf8'); // gzip route answers bytes
      }
      for (const [where, body] of [
        ['change log', sync],
        ['snapshot', chunks],
      ] as const) {
        const open = audience === 'everyone';
        expect({ where, intro: body.includes(SECRETS.intro) }).toEqual({ where, intro: open });
        expect({ where, hobby: body.includes(SECRETS.hobbies[0]) }).toEqual({ where, hobby: open });
        expect({ where, photo: body.includes(photo) }).toEqual({ where, photo: open });
        // Never in the shared directory, whatever the audience: the private phone and 異動歴.
        expect({ where, phone: body.includes(SECRETS.privatePhone) }).toEqual({ where, phone: false });
        expect({ where, history: body.includes(HISTORY_UNIT_NAME) }).toEqual({ where, history: false });
      }
    });
  }
});
