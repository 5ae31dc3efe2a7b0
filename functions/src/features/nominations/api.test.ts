/**
 * Commendations (C1-C3) through the API on the in-memory Store: every refusal of the issue
 * (endorse twice, review what one may not, a status out of order) and the happy path from a
 * cross-department エール to the award on the winner's profile, with its notifications (P4).
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  AwardsConfigSchema,
  DEFAULT_AWARDS,
  NominationsPageSchema,
  tokyoYear,
  type NominationStatus,
} from '../../../../src/domain/nominations';
import type { OrgUnit } from '../../../../src/domain/org';
import { PushResponseSchema, type Claims } from '../../../../src/domain/protocol';
import { buildDirectorySnapshot } from '../directory/snapshot';
import { seedOrganisation } from '../directory/seed';
import { createMemoryStores } from '..';
import { syncOne, syncRequest } from '../../testing/sync';
import type { ServerStores } from '../stores';
import { freshOrgId, makeProfile, staffId } from '../../testing/fixtures';
import { readSnapshot } from '../../testing/org';
import type { TokenVerifier } from '../../api/auth';
import type { ApiRequest, ApiResponse } from '../../api/http';
import { createApi, type Api } from '../../api/router';

const UNITS: OrgUnit[] = [
  { id: 'bu-1', kind: 'bu', name: '総務部', kana: 'そうむぶ', parentId: null, order: 1 },
  { id: 'ka-1', kind: 'ka', name: '人事課', kana: 'じんじか', parentId: 'bu-1', order: 1 },
  { id: 'kakari-1', kind: 'kakari', name: '人事係', kana: 'じんじがかり', parentId: 'ka-1', order: 1 },
  { id: 'bu-2', kind: 'bu', name: '区民生活部', kana: 'くみんせいかつぶ', parentId: null, order: 2 },
  { id: 'ka-2', kind: 'ka', name: '戸籍住民課', kana: 'こせきじゅうみんか', parentId: 'bu-2', order: 1 },
  { id: 'kakari-2a', kind: 'kakari', name: '住民記録係', kana: 'じゅうみんきろくがかり', parentId: 'ka-2', order: 1 },
  { id: 'kakari-2b', kind: 'kakari', name: '戸籍係', kana: 'こせきがかり', parentId: 'ka-2', order: 2 },
  { id: 'ka-3', kind: 'ka', name: '地域振興課', kana: 'ちいきしんこうか', parentId: 'bu-2', order: 2 },
];

/** Who is who; the numbers are staff ids (staffId(n)). */
const P = {
  nominator: 1, // 人事係, ka-1
  nominee: 2, // 住民記録係, ka-2
  colleague: 3, // ka-1
  committee: 4, // 地域振興課 (ka-3): may review
  committeeSameSection: 5, // 戸籍係 (ka-2), the nominee's 課 but another 係
  hr: 6,
  teammate: 7, // ka-3
} as const;
const UNIT_OF: Record<number, string> = {
  1: 'kakari-1',
  2: 'kakari-2a',
  3: 'kakari-1',
  4: 'ka-3',
  5: 'kakari-2b',
  6: 'kakari-1',
  7: 'ka-3',
};

function fakeVerifier(tokens: Record<string, Claims>): TokenVerifier {
  return {
    async verify(token) {
      const payload = tokens[token];
      if (!payload) throw new Error('auth/argument-error');
      return { uid: `uid-${token}`, iss: 'https://securetoken.google.com/demo', ...payload };
    },
  };
}

async function setup(): Promise<{ api: Api; store: ServerStores; orgId: string }> {
  const store = createMemoryStores();
  const orgId = freshOrgId('nomapi');
  await seedOrganisation(store, {
    orgId,
    units: UNITS,
    staff: Object.entries(UNIT_OF).map(([n, unitId]) => makeProfile(Number(n), { unitId })),
  });
  const claims = (n: number, role: Claims['role'] = 'staff', duties: string[] = []): Claims => ({
    orgId,
    staffId: staffId(n),
    role,
    duties,
  });
  const api = createApi({
    stores: store,
    verifier: fakeVerifier({
      nominator: claims(P.nominator),
      nominee: claims(P.nominee),
      colleague: claims(P.colleague),
      committee: claims(P.committee, 'manager', ['committee']),
      committeeSameSection: claims(P.committeeSameSection, 'staff', ['committee']),
      hr: claims(P.hr, 'hr'),
      teammate: claims(P.teammate),
    }),
    logError: (message, e) => {
      throw new Error(`${message}: ${String(e)}`);
    },
  });
  return { api, store, orgId };
}

function request(method: string, pathAndQuery: string, token: string, body?: unknown): ApiRequest {
  const url = new URL(pathAndQuery, 'http://x.invalid');
  const bytes = body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(body));
  return {
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: {
      authorization: `Bearer ${token}`,
      ...(bytes ? { 'content-length': String(bytes.byteLength), 'content-type': 'application/json' } : {}),
    },
    body: bytes,
  };
}

function bodyJson(res: ApiResponse): unknown {
  return JSON.parse(typeof res.body === 'string' ? res.body : new TextDecoder().decode(res.body));
}

let seq = 0;
const mid = (label: string) => `m-${label}-${++seq}`.padEnd(8, '0');
const NOM = 'nom-0000-0001';
const at = '2026-06-01T09:00:00.000Z';

async function push(api: Api, token: string, mutation: Record<string, unknown>) {
  const res = await api(request('POST', '/api/mutations', token, { mutations: [mutation] }));
  expect(res.status).toBe(200);
  const [result] = v.parse(PushResponseSchema, bodyJson(res)).results;
  if (!result) throw new Error('no result');
  return result;
}

const create = (over: Record<string, unknown> = {}) => ({
  kind: 'nomination.create',
  id: mid('create'),
  createdAt: at,
  nominationId: NOM,
  awardId: 'shokuin',
  nominees: [staffId(P.nominee)],
  teamName: '',
  reason: '他部署の繁忙期に応援に入り、窓口の待ち時間を半分にした',
  yellIds: [],
  ...over,
});
const endorse = (nominationId = NOM) => ({
  kind: 'nomination.endorse',
  id: mid('endorse'),
  createdAt: at,
  nominationId,
});
const review = (from: NominationStatus, to: NominationStatus, comment = '') => ({
  kind: 'nomination.review',
  id: mid('review'),
  createdAt: at,
  nominationId: NOM,
  from,
  to,
  comment,
});
const consent = (show: boolean) => ({
  kind: 'award.consent',
  id: mid('consent'),
  createdAt: at,
  nominationId: NOM,
  show,
});

async function page(api: Api, token: string, since = 0) {
  return v.parse(NominationsPageSchema, await syncOne(api, token, 'nominations', { version: since }));
}

async function sendYell(api: Api, token: string, yellId: string, to: number, visibility: 'public' | 'private') {
  const result = await push(api, token, {
    kind: 'yell.send',
    id: mid('yell'),
    createdAt: at,
    yellId,
    to: [staffId(to)],
    message: '応援ありがとうございました',
    value: 'tasukeai',
    visibility,
  });
  expect(result.status).toBe('applied');
}

describe('API: nominations, the happy path (C1-C3, P4)', () => {
  it('from a cross-department エール: nominate, endorse, review, award, consent; the award is on the profile and in the directory log', async () => {
    const { api, store, orgId } = await setup();
    await sendYell(api, 'nominee', 'yell-cross-0001', P.nominator, 'public');
    expect((await push(api, 'nominator', create({ yellIds: ['yell-cross-0001'] }))).status).toBe('applied');
    expect((await push(api, 'colleague', endorse())).status).toBe('applied');
    expect((await push(api, 'committee', review('submitted', 'under_review'))).status).toBe('applied');
    expect((await push(api, 'committee', review('under_review', 'awarded', '全会一致で決定'))).status).toBe('applied');

    // The nominee sees it now that it is awarded, without the committee's comments.
    const mine = await page(api, 'nominee');
    expect(mine.nominations.map((n) => [n.id, n.status, n.reviews])).toEqual([[NOM, 'awarded', undefined]]);

    const head = await store.directory.headVersion(orgId);
    expect((await push(api, 'nominee', consent(true))).status).toBe('applied');
    const profile = await store.directory.getStaff(orgId, staffId(P.nominee));
    expect(profile?.awards).toEqual([
      { nominationId: NOM, awardId: 'shokuin', label: '職員表彰', year: tokyoYear(new Date().toISOString()) },
    ]);
    // Through the profile path: one directory change carries the award to every device.
    const changes = await store.directory.changesSince(orgId, head, 10);
    expect(changes.map((c) => (c.op === 'put' ? [c.record.id, c.record.awards?.[0]?.label] : null))).toEqual([
      [staffId(P.nominee), '職員表彰'],
    ]);

    // A snapshot built afterwards carries it too (the codec's awards column), for devices that start fresh.
    await buildDirectorySnapshot(store, orgId);
    const fromSnapshot = (await readSnapshot(store, orgId)).find((r) => r.id === staffId(P.nominee));
    expect(fromSnapshot?.awards?.map((a) => a.label)).toEqual(['職員表彰']);

    // Status notifications: the nominator for each step, the nominee only once awarded.
    const notes = async (n: number) =>
      (await store.notifications.notificationsSince(orgId, staffId(n), 0, 50))
        .filter((x) => x.kind === 'nomination.status')
        .map((x) => x.status);
    expect(await notes(P.nominator)).toEqual(['under_review', 'awarded']);
    expect(await notes(P.nominee)).toEqual(['awarded']);
    expect(await notes(P.colleague)).toEqual([]);

    // The committee sees the audit log of every change.
    const audit = await api(request('GET', `/api/nominations/${NOM}/audit`, 'committee'));
    expect(audit.status).toBe(200);
    expect((bodyJson(audit) as { entries: { action: string }[] }).entries.map((e) => e.action)).toEqual([
      'create',
      'endorse',
      'review',
      'review',
      'consent',
    ]);
  });

  it('a winner who declines keeps the award off the profile; changing their mind later shows it', async () => {
    const { api, store, orgId } = await setup();
    await push(api, 'nominator', create());
    await push(api, 'committee', review('submitted', 'under_review'));
    await push(api, 'committee', review('under_review', 'awarded'));
    expect((await push(api, 'nominee', consent(false))).status).toBe('applied');
    expect((await store.directory.getStaff(orgId, staffId(P.nominee)))?.awards ?? []).toEqual([]);
    expect((await page(api, 'nominee')).nominations[0]?.consent).toEqual({ [staffId(P.nominee)]: false });
    await push(api, 'nominee', consent(true));
    expect((await store.directory.getStaff(orgId, staffId(P.nominee)))?.awards?.map((a) => a.label)).toEqual([
      '職員表彰',
    ]);
  });

  it('a replayed "show" after a later "hide" does not bring the award back', async () => {
    const { api, store, orgId } = await setup();
    await push(api, 'nominator', create());
    await push(api, 'committee', review('submitted', 'under_review'));
    await push(api, 'committee', review('under_review', 'awarded'));
    const show = consent(true);
    await push(api, 'nominee', show);
    await push(api, 'nominee', consent(false));
    expect((await push(api, 'nominee', show)).status).toBe('duplicate');
    expect((await store.directory.getStaff(orgId, staffId(P.nominee)))?.awards ?? []).toEqual([]);
  });

  it('a team of people is nominated with a team name; each member answers for themselves', async () => {
    const { api, store, orgId } = await setup();
    expect(
      (
        await push(
          api,
          'nominator',
          create({ nominees: [staffId(P.nominee), staffId(P.teammate)], teamName: '窓口改善チーム' }),
        )
      ).status,
    ).toBe('applied');
    // The committee member of 課 ka-3 sits with the teammate: they may not review. ka-2 likewise.
    expect(await push(api, 'committee', review('submitted', 'under_review'))).toMatchObject({
      status: 'rejected',
      code: 'nomination.reviewOwnSection',
    });
    expect((await store.nominations.getNomination(orgId, NOM))?.teamName).toBe('窓口改善チーム');
  });

  it('no award list until HR saves one (the defaults apply); HR (only) sets the organisation’s own, which the next sync carries', async () => {
    const { api } = await setup();
    const first = await syncOne(api, 'colleague', 'nominations', { version: 0 });
    expect(first.awards).toBeUndefined();
    const defaults = v.parse(AwardsConfigSchema, { awards: DEFAULT_AWARDS });
    expect(defaults.awards.map((a) => a.label)).toEqual([
      '職員表彰',
      'キャリアデザイン顕彰',
      '部長賞',
      'DX優良事例表彰',
    ]);
    const mine = { awards: [{ id: 'kucho', label: '区長賞' }] };
    expect((await api(request('POST', '/api/awards', 'colleague', mine))).status).toBe(403);
    expect((await api(request('POST', '/api/awards', 'hr', { awards: [] }))).status).toBe(400);
    expect((await api(request('POST', '/api/awards', 'hr', mine))).status).toBe(200);
    const next = await syncOne(api, 'nominator', 'nominations', { version: first.version });
    expect(next.version).toBeGreaterThan(first.version);
    expect(next.awards).toEqual(mine);
    expect(await syncOne(api, 'nominator', 'nominations', { version: next.version })).not.toHaveProperty('awards');
    expect(await push(api, 'nominator', create())).toMatchObject({
      status: 'rejected',
      code: 'nomination.awardUnknown',
    });
    expect((await push(api, 'nominator', create({ awardId: 'kucho' }))).status).toBe('applied');
  });
});

describe('API: nominations, every refusal', () => {
  it('nobody can endorse twice (a new id is refused; a replay of the same id is a duplicate); one endorsement stays', async () => {
    const { api } = await setup();
    await push(api, 'nominator', create());
    const first = endorse();
    expect((await push(api, 'colleague', first)).status).toBe('applied');
    expect(await push(api, 'colleague', endorse())).toMatchObject({
      status: 'rejected',
      code: 'nomination.endorseTwice',
    });
    expect((await push(api, 'colleague', first)).status).toBe('duplicate');
    expect((await page(api, 'colleague')).nominations[0]?.endorsers).toEqual([staffId(P.colleague)]);
  });

  it('the nominator and the nominee cannot endorse', async () => {
    const { api } = await setup();
    await push(api, 'nominator', create());
    expect(await push(api, 'nominator', endorse())).toMatchObject({ code: 'nomination.endorseOwn' });
    expect(await push(api, 'nominee', endorse())).toMatchObject({ code: 'nomination.endorseAsNominee' });
  });

  it('nobody reviews what they may not: not on the committee, the nominator, a nominee, the nominee’s 課', async () => {
    const { api, store, orgId } = await setup();
    await push(api, 'nominator', create());
    const step = () => review('submitted', 'under_review');
    expect(await push(api, 'colleague', step())).toMatchObject({
      status: 'rejected',
      code: 'nomination.notCommittee',
    });
    expect(await push(api, 'hr', step())).toMatchObject({
      status: 'rejected',
      code: 'nomination.notCommittee',
    });
    expect(await push(api, 'committeeSameSection', step())).toMatchObject({
      status: 'rejected',
      code: 'nomination.reviewOwnSection',
    });
    expect((await store.nominations.getNomination(orgId, NOM))?.status).toBe('submitted');
  });

  it('a committee member cannot review a nomination they made, nor one of themselves', async () => {
    const { api } = await setup();
    expect((await push(api, 'committee', create({ nominationId: 'nom-by-committee' }))).status).toBe('applied');
    expect(
      await push(api, 'committee', { ...review('submitted', 'under_review'), nominationId: 'nom-by-committee' }),
    ).toMatchObject({ status: 'rejected', code: 'nomination.reviewOwn' });
    await push(api, 'nominator', create({ nominationId: 'nom-of-committee', nominees: [staffId(P.committee)] }));
    expect(
      await push(api, 'committee', { ...review('submitted', 'under_review'), nominationId: 'nom-of-committee' }),
    ).toMatchObject({ status: 'rejected', code: 'nomination.reviewAsNominee' });
  });

  it('no status changes out of order: submitted → awarded, backwards, or after a decision', async () => {
    const { api } = await setup();
    await push(api, 'nominator', create());
    expect(await push(api, 'committee', review('submitted', 'awarded'))).toMatchObject({
      code: 'nomination.outOfOrder',
    });
    expect(await push(api, 'committee', review('submitted', 'not_awarded'))).toMatchObject({
      code: 'nomination.outOfOrder',
    });
    await push(api, 'committee', review('submitted', 'under_review'));
    expect(await push(api, 'committee', review('under_review', 'submitted'))).toMatchObject({
      code: 'nomination.outOfOrder',
    });
    await push(api, 'committee', review('under_review', 'not_awarded'));
    expect(await push(api, 'committee', review('not_awarded', 'awarded'))).toMatchObject({
      code: 'nomination.outOfOrder',
    });
    // A reviewer who still sees "under review" is told someone else got there first.
    expect(await push(api, 'committee', review('under_review', 'awarded'))).toMatchObject({
      code: 'nomination.staleStatus',
    });
  });

  it('a linked エール must exist and be visible to the nominator', async () => {
    const { api } = await setup();
    await sendYell(api, 'colleague', 'yell-private-01', P.teammate, 'private');
    await sendYell(api, 'nominator', 'yell-mine-00001', P.nominee, 'private');
    expect(await push(api, 'nominator', create({ yellIds: ['yell-private-01'] }))).toMatchObject({
      status: 'rejected',
      code: 'nomination.yellNotFound',
    });
    expect(await push(api, 'nominator', create({ yellIds: ['yell-nowhere-01'] }))).toMatchObject({
      code: 'nomination.yellNotFound',
    });
    expect((await push(api, 'nominator', create({ yellIds: ['yell-mine-00001'] }))).status).toBe('applied');
  });

  it('a reason over 800 characters, oneself, an unknown person, or a nameless team is refused with a clear message', async () => {
    const { api, store, orgId } = await setup();
    expect(await push(api, 'nominator', create({ reason: 'あ'.repeat(801) }))).toMatchObject({
      status: 'rejected',
      code: 'nomination.reasonTooLong',
    });
    expect(await push(api, 'nominator', create({ nominees: [staffId(P.nominator)] }))).toMatchObject({
      code: 'nomination.selfNomination',
    });
    expect(await push(api, 'nominator', create({ nominees: ['s99999'] }))).toMatchObject({
      code: 'nomination.nomineeUnknown',
    });
    expect(await push(api, 'nominator', create({ nominees: [staffId(P.nominee), staffId(P.teammate)] }))).toMatchObject(
      {
        code: 'nomination.teamNameRequired',
      },
    );
    expect(await store.nominations.getNomination(orgId, NOM)).toBeNull();
  });

  it('only a nominee of an awarded nomination answers the consent', async () => {
    const { api } = await setup();
    await push(api, 'nominator', create());
    expect(await push(api, 'nominee', consent(true))).toMatchObject({ code: 'nomination.consentNotAwarded' });
    await push(api, 'committee', review('submitted', 'under_review'));
    await push(api, 'committee', review('under_review', 'awarded'));
    expect(await push(api, 'colleague', consent(true))).toMatchObject({
      code: 'nomination.consentNotNominee',
    });
  });

  it('the audit log is the committee’s only', async () => {
    const { api } = await setup();
    await push(api, 'nominator', create());
    expect((await api(request('GET', `/api/nominations/${NOM}/audit`, 'nominator'))).status).toBe(403);
    expect((await api(request('GET', `/api/nominations/${NOM}/audit`, 'committee'))).status).toBe(200);
  });
});

describe('API: nominations, who sees what (per-viewer sync)', () => {
  it('the nominee does not see it (nor its id) until awarded; colleagues see it while open, then it is removed', async () => {
    const { api } = await setup();
    await push(api, 'nominator', create());
    const nomineeFirst = await page(api, 'nominee');
    expect(nomineeFirst).toMatchObject({ nominations: [], removed: [], version: 1 });
    const teammate = await page(api, 'teammate');
    expect(teammate.nominations.map((n) => n.id)).toEqual([NOM]);

    await push(api, 'committee', review('submitted', 'under_review'));
    await push(api, 'committee', review('under_review', 'not_awarded', '今回は見送り'));
    const after = await page(api, 'teammate', teammate.version);
    expect(after).toMatchObject({ nominations: [], removed: [NOM] });
    expect(await page(api, 'nominee', nomineeFirst.version)).toMatchObject({ nominations: [], removed: [] });
    // The nominator sees the decision, not the committee's comment; the committee sees both.
    const nominator = await page(api, 'nominator');
    expect(nominator.nominations[0]).toMatchObject({ status: 'not_awarded' });
    expect(nominator.nominations[0]?.reviews).toBeUndefined();
    expect((await page(api, 'committee')).nominations[0]?.reviews?.at(-1)?.comment).toBe('今回は見送り');
  });

  it('a page is up to date at the head, and a device ahead of the server is told to reset', async () => {
    const { api } = await setup();
    await push(api, 'nominator', create());
    expect(await page(api, 'nominator', 1)).toEqual({
      nominations: [],
      removed: [],
      version: 1,
      more: false,
      reset: false,
    });
    expect((await page(api, 'nominator', 7)).reset).toBe(true);
    expect((await api(syncRequest({ nominations: { version: 'abc' } }, 'nominator'))).status).toBe(400);
  });
});
