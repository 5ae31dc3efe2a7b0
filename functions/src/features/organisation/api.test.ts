/**
 * The organisation upkeep through the API on the in-memory stores: who may call it, the preview
 * (every change's problem, nothing written), a unit with people refused, a batch applied now and
 * seen by devices as unit change pages, and a batch dated ahead kept on the server until the
 * test clock passes its day (and offered to the roster's check of rows of that day meanwhile).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrgChange } from '../../../../src/domain/organisation/batch';
import { ORG_PATHS, type OrgApplyAnswer, type OrgPreview } from '../../../../src/domain/organisation/protocol';
import { readCsv } from '../../../../src/domain/csv/read';
import type { OrgUnit } from '../../../../src/domain/org';
import type { Claims } from '../../../../src/domain/protocol';
import { ROSTER_PATHS, type DryRunAnswer } from '../../../../src/domain/roster/protocol';
import type { TokenVerifier } from '../../api/auth';
import { createApi, type Api } from '../../api/router';
import { setServerClock } from '../../kit/clock';
import { apiRequest, bodyJson } from '../../testing/http';
import { freshOrgId, makeProfile, UNITS } from '../../testing/fixtures';
import { syncOne } from '../../testing/sync';
import { createMemoryStores } from '..';
import { seedOrganisation } from '../directory/seed';
import type { ServerStores } from '../stores';
import { RecordingAccess } from '../roster/testing/recording-access';
import { wireRoster } from '../roster/wiring';
import { unitsNowOf } from './handlers';

const TODAY = new Date('2026-03-10T03:00:00Z');
const EXTRA: OrgUnit[] = [
  { id: 'bu-2', kind: 'bu', name: '区民部', kana: 'くみんぶ', parentId: null, order: 2 },
  { id: 'ka-2', kind: 'ka', name: '戸籍課', kana: 'こせきか', parentId: 'bu-2', order: 1 },
];

function fakeVerifier(tokens: Record<string, Claims>): TokenVerifier {
  return {
    async verify(token) {
      const payload = tokens[token];
      if (!payload) throw new Error('auth/argument-error');
      return { uid: `uid-${token}`, iss: 'https://securetoken.google.com/demo', ...payload };
    },
  };
}

interface Setup {
  api: Api;
  store: ServerStores;
  orgId: string;
}

async function setup(): Promise<Setup> {
  const store = createMemoryStores();
  const orgId = freshOrgId('org');
  // 12 people: s00001..s00012 in kakari-(n % 3), so 4 in each 係.
  await seedOrganisation(store, {
    orgId,
    units: [...UNITS, ...EXTRA],
    staff: Array.from({ length: 12 }, (_, i) =>
      makeProfile(i + 1, i === 0 ? { role: 'hr' } : i === 1 ? { role: 'manager', jobLevel: '課長級' } : {}),
    ),
  });
  const claims = (n: number, role: Claims['role']): Claims => ({
    orgId,
    staffId: `s${String(n).padStart(5, '0')}`,
    role,
    duties: [],
  });
  const api = createApi({
    stores: store,
    verifier: fakeVerifier({ hr: claims(1, 'hr'), manager: claims(2, 'manager'), staff: claims(3, 'staff') }),
    logError: () => undefined,
  });
  wireRoster({ access: new RecordingAccess() });
  return { api, store, orgId };
}

async function call(api: Api, token: string, path: string, body: unknown) {
  const res = await api(apiRequest('POST', `/api${path}`, token, body));
  return { status: res.status, body: bodyJson(res) };
}

async function preview(api: Api, effective: string, changes: OrgChange[], token = 'hr') {
  return call(api, token, ORG_PATHS.batches, { effective, changes });
}

async function unitIds(store: ServerStores, orgId: string): Promise<string[]> {
  return (await store.directory.listUnits(orgId)).map((u) => u.id).sort();
}

describe('organisation upkeep API', () => {
  beforeEach(() => setServerClock(TODAY));
  afterEach(() => {
    setServerClock(null);
    wireRoster(null);
  });

  it('refuses a 職員 and a 課長 on both endpoints, and stages nothing for them', async () => {
    const { api, store, orgId } = await setup();
    const ok = await preview(api, '2026-03-10', [{ op: 'rename', id: 'ka-1', name: '職員課' }]);
    expect(ok.status).toBe(200);
    const { batchId } = ok.body as OrgPreview;
    for (const token of ['staff', 'manager']) {
      const p = await preview(api, '2026-03-10', [{ op: 'rename', id: 'ka-1', name: 'x' }], token);
      expect(p.status).toBe(403);
      const a = await call(api, token, ORG_PATHS.apply(batchId), {});
      expect(a.status).toBe(403);
    }
    expect((await store.organisation.getBatch(orgId, batchId))?.status).toBe('staged');
    expect((await store.directory.listUnits(orgId)).find((u) => u.id === 'ka-1')?.name).toBe('人事課');
  });

  it('previews every problem with nothing written, and refuses abolishing a unit with people, naming how many and who', async () => {
    const { api, store, orgId } = await setup();
    const before = await store.directory.listUnits(orgId);
    const version = await store.directory.headVersion(orgId);
    const res = await preview(api, '2026-03-10', [
      { op: 'abolish', id: 'kakari-2' },
      { op: 'rename', id: 'ka-404', name: 'x' },
      { op: 'move', id: 'bu-1', parentId: 'ka-1' },
      { op: 'add', id: 'ka-1', kind: 'ka', name: '重複', kana: '', parentId: 'bu-1' },
      { op: 'rename', id: 'ka-2', name: '課'.repeat(61) },
    ]);
    expect(res.status).toBe(200);
    const answer = res.body as OrgPreview;
    expect(answer.problems).toEqual([
      {
        line: 1,
        problem: {
          code: 'org.unitHasPeople',
          params: { unit: 'kakari-2', count: 4, people: 's00002、s00005、s00008、s00011' },
        },
      },
      { line: 2, problem: { code: 'org.unknownUnit', params: { unit: 'ka-404' } } },
      { line: 3, problem: { code: 'org.cycle', params: { unit: 'bu-1', parent: 'ka-1' } } },
      { line: 4, problem: { code: 'org.duplicateCode', params: { unit: 'ka-1' } } },
      { line: 5, problem: { code: 'org.nameTooLong', params: { max: 60 } } },
    ]);
    expect(answer.future).toBe(false);
    const applied = await call(api, 'hr', ORG_PATHS.apply(answer.batchId), {});
    expect(applied).toEqual({ status: 409, body: expect.objectContaining({ code: 'org.hasErrors' }) });
    expect(await store.directory.listUnits(orgId)).toEqual(before);
    expect(await store.directory.headVersion(orgId)).toBe(version);
    expect((await store.audit.list(orgId, {}, 10)).filter((e) => e.kind === 'org.batch')).toEqual([]);
  });

  it('applies a batch dated today: devices get unit change pages, the mapping is kept, the audit log has it', async () => {
    const { api, store, orgId } = await setup();
    const snapshotId = (await store.directory.getDirectoryMeta(orgId)).snapshot?.id ?? null;
    const version = await store.directory.headVersion(orgId);
    const res = await preview(api, '2026-03-10', [
      { op: 'rename', id: 'ka-1', name: '<script>alert(1)</script>', kana: 'しょくいんか' },
      {
        op: 'add',
        id: 'kakari-9',
        kind: 'kakari',
        name: '住民記録係',
        kana: 'じゅうみんきろくがかり',
        parentId: 'ka-2',
      },
      { op: 'move', id: 'ka-2', parentId: 'bu-1' },
      { op: 'abolish', id: 'bu-2' },
    ]);
    const previewed = res.body as OrgPreview;
    expect(previewed.problems).toEqual([]);
    expect(previewed.summary).toEqual({ add: 1, rename: 1, move: 1, merge: 0, abolish: 1 });
    const applied = await call(api, 'hr', ORG_PATHS.apply(previewed.batchId), {});
    expect(applied).toEqual({
      status: 200,
      body: { batchId: previewed.batchId, status: 'applied', summary: previewed.summary },
    } satisfies { status: number; body: OrgApplyAnswer });
    expect(await unitIds(store, orgId)).toEqual([
      'bu-1',
      'ka-1',
      'ka-2',
      'kakari-0',
      'kakari-1',
      'kakari-2',
      'kakari-9',
    ]);

    const page = await syncOne(api, 'staff', 'directory', { snapshotId, version });
    if (page.kind !== 'changes') throw new Error(`expected changes, got ${page.kind}`);
    expect(page.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          op: 'unit',
          unit: expect.objectContaining({ id: 'ka-1', name: '<script>alert(1)</script>' }),
        }),
        expect.objectContaining({ op: 'unit', unit: expect.objectContaining({ id: 'ka-2', parentId: 'bu-1' }) }),
        expect.objectContaining({ op: 'unit', unit: expect.objectContaining({ id: 'kakari-9', parentId: 'ka-2' }) }),
        expect.objectContaining({ op: 'unitRemove', id: 'bu-2' }),
      ]),
    );
    expect(page.changes).toHaveLength(4);
    expect(await unitsNowOf(store, orgId, 'bu-2', '2026-03-09')).toEqual([]);
    expect(await unitsNowOf(store, orgId, 'ka-1', '2026-03-09')).toEqual(['ka-1']);
    const audit = (await store.audit.list(orgId, {}, 10)).filter((e) => e.kind === 'org.batch');
    expect(audit).toEqual([
      expect.objectContaining({ actor: 's00001', endpoint: ORG_PATHS.apply(previewed.batchId), subject: null }),
    ]);
    expect(audit[0]?.detail).toContain('abolish=1');
    // Applying it again is refused, and changes nothing.
    expect((await call(api, 'hr', ORG_PATHS.apply(previewed.batchId), {})).status).toBe(409);
    expect(await store.directory.headVersion(orgId)).toBe(page.version);
  });

  it('keeps a batch dated ahead on the server until its day, offers its units to roster rows of that day, then applies at the first sync after 00:00 JST', async () => {
    const { api, store, orgId } = await setup();
    const snapshotId = (await store.directory.getDirectoryMeta(orgId)).snapshot?.id ?? null;
    const version = await store.directory.headVersion(orgId);
    const res = await preview(api, '2026-04-01', [
      {
        op: 'add',
        id: 'kakari-9',
        kind: 'kakari',
        name: 'DX推進係',
        kana: 'でぃーえっくすすいしんがかり',
        parentId: 'ka-1',
      },
      { op: 'merge', id: 'kakari-2', into: 'kakari-1' },
    ]);
    const previewed = res.body as OrgPreview;
    expect(previewed.future).toBe(true);
    // kakari-2 still has its 4 people on 4/1.
    expect(previewed.problems.map((p) => p.problem.code)).toEqual(['org.unitHasPeople']);

    // The roster moves them out on 4/1 (one of them into the new 係, which exists from 4/1 only).
    const csv = [
      '職員番号,姓,名,フリガナ姓,フリガナ名,所属コード,職層,メール,役割,発令日,区分',
      's00002,,,,,kakari-9,,,,2026/4/1,異動',
      's00005,,,,,kakari-1,,,,2026/4/1,異動',
      's00008,,,,,kakari-1,,,,2026/4/1,異動',
      's00011,,,,,kakari-0,,,,2026/4/1,異動',
      's00003,,,,,kakari-9,,,,2026/3/10,異動',
    ].join('\n');
    const dry1 = await rosterDryRun(api, csv);
    expect(dry1.problems.map((p) => [p.line, p.problem.code])).toEqual([
      [2, 'roster.unknownUnit'],
      [6, 'roster.unknownUnit'],
    ]);

    // Preview again with the roster's 4/1 rows kept (apply the valid rows: the 3 moves without kakari-9).
    const importId = await rosterUpload(
      api,
      csv
        .split('\n')
        .filter((l) => !l.includes('kakari-9'))
        .join('\n'),
    );
    const applyRoster = await call(api, 'hr', ROSTER_PATHS.apply(importId), {});
    expect(applyRoster.status).toBe(200);
    const still = (
      await preview(api, '2026-04-01', [
        { op: 'add', id: 'kakari-9', kind: 'kakari', name: 'DX推進係', kana: '', parentId: 'ka-1' },
        { op: 'merge', id: 'kakari-2', into: 'kakari-1' },
      ])
    ).body as OrgPreview;
    expect(still.problems).toEqual([
      { line: 2, problem: { code: 'org.unitHasPeople', params: { unit: 'kakari-2', count: 1, people: 's00002' } } },
    ]);
    const batch = (
      await preview(api, '2026-04-01', [
        { op: 'add', id: 'kakari-9', kind: 'kakari', name: 'DX推進係', kana: '', parentId: 'ka-1' },
      ])
    ).body as OrgPreview;
    expect(batch.problems).toEqual([]);
    const scheduled = await call(api, 'hr', ORG_PATHS.apply(batch.batchId), {});
    expect(scheduled.body).toMatchObject({ status: 'scheduled' });

    // Nothing of it reaches the directory or a device before its day...
    expect(await unitIds(store, orgId)).not.toContain('kakari-9');
    const head = await store.directory.headVersion(orgId);
    const early = await syncOne(api, 'staff', 'directory', { snapshotId, version: head });
    expect(early).toEqual({ kind: 'upToDate', version: head });
    // ...while a roster row of 4/1 may name its unit (and one of today still may not).
    const dry2 = await rosterDryRun(api, csv);
    expect(dry2.problems.map((p) => [p.line, p.problem.code])).toEqual([[6, 'roster.unknownUnit']]);
    setServerClock(new Date('2026-03-31T14:59:00Z'));
    expect(await syncOne(api, 'staff', 'directory', { snapshotId, version: head })).toEqual({
      kind: 'upToDate',
      version: head,
    });

    // 00:00 JST on 4/1: the first sync applies the batch, then the roster's rows of the day.
    setServerClock(new Date('2026-03-31T15:00:00Z'));
    const after = await syncOne(api, 'staff', 'directory', { snapshotId, version });
    if (after.kind !== 'changes') throw new Error(`expected changes, got ${after.kind}`);
    expect(after.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ op: 'unit', unit: expect.objectContaining({ id: 'kakari-9', name: 'DX推進係' }) }),
        expect.objectContaining({ op: 'put', record: expect.objectContaining({ id: 's00005', unitId: 'kakari-1' }) }),
      ]),
    );
    expect(await unitIds(store, orgId)).toContain('kakari-9');
    expect((await store.organisation.getBatch(orgId, batch.batchId))?.status).toBe('applied');
    expect(await store.organisation.listScheduled(orgId)).toEqual([]);
    expect((await store.directory.getDirectoryMeta(orgId)).rosterDue).toBeUndefined();
    expect((await store.audit.list(orgId, {}, 10)).filter((e) => e.kind === 'org.batch')).toHaveLength(1);
    void version;
  });
});

async function rosterUpload(api: Api, csv: string): Promise<string> {
  const read = readCsv(new TextEncoder().encode(csv));
  if (!read.ok) throw new Error(read.problem.code);
  const { header, rows, encoding } = read.table;
  const created = await call(api, 'hr', ROSTER_PATHS.imports, {
    fileName: '名簿.csv',
    bytes: csv.length,
    encoding,
    header,
    rowCount: rows.length,
  });
  const { importId } = created.body as { importId: string };
  expect((await call(api, 'hr', ROSTER_PATHS.part(importId, 0), { rows })).status).toBe(200);
  return importId;
}

async function rosterDryRun(api: Api, csv: string): Promise<DryRunAnswer> {
  const importId = await rosterUpload(api, csv);
  const res = await call(api, 'hr', ROSTER_PATHS.check(importId), {});
  expect(res.status).toBe(200);
  return res.body as DryRunAnswer;
}
