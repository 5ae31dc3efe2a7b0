/**
 * The roster import through the API on the in-memory stores: who may call it, the dry run, the
 * apply job (interrupted and resumed), future-dated rows kept until the server's clock passes
 * their day, and what devices get through the normal directory sync.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCsv, type CsvRow } from '../../../../src/domain/csv/read';
import { encodeCp932 } from '../../../../src/domain/csv/testing/cp932';
import type { Claims } from '../../../../src/domain/protocol';
import {
  ROSTER_PATHS,
  ROWS_PER_PART,
  type ApplyAnswer,
  type DryRunAnswer,
} from '../../../../src/domain/roster/protocol';
import type { TokenVerifier } from '../../api/auth';
import { createApi, type Api } from '../../api/router';
import { setServerClock } from '../../kit/clock';
import { apiRequest, bodyJson } from '../../testing/http';
import { freshOrgId, makeProfile, UNITS } from '../../testing/fixtures';
import { syncOne } from '../../testing/sync';
import { createMemoryStores } from '..';
import { seedOrganisation } from '../directory/seed';
import type { ServerStores } from '../stores';
import { applyImport, APPLY_STEP, createImport, dryRun, putImportPart } from './handlers';
import { RecordingAccess } from './testing/recording-access';
import { wireRoster, type RosterAuditEntry } from './wiring';

const HEADER = '職員番号,姓,名,フリガナ姓,フリガナ名,所属コード,職層,メール,役割,発令日,区分';
const TODAY = new Date('2026-03-10T03:00:00Z');

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
  access: RecordingAccess;
  audit: RosterAuditEntry[];
}

async function setup(staff = 12): Promise<Setup> {
  const store = createMemoryStores();
  const orgId = freshOrgId('roster');
  await seedOrganisation(store, {
    orgId,
    units: UNITS,
    staff: Array.from({ length: staff }, (_, i) =>
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
  const access = new RecordingAccess();
  const audit: RosterAuditEntry[] = [];
  wireRoster({ access, audit: async (_org, entry) => void audit.push(entry) });
  return { api, store, orgId, access, audit };
}

async function call(api: Api, token: string, path: string, body: unknown) {
  const res = await api(apiRequest('POST', `/api${path}`, token, body));
  return { status: res.status, body: bodyJson(res) };
}

/** Reads the file as the device does and sends its rows in parts; the import's id. */
async function upload(api: Api, csv: string, token = 'hr'): Promise<string> {
  const bytes = encodeCp932(csv);
  const read = readCsv(bytes);
  if (!read.ok) throw new Error(read.problem.code);
  const { header, rows, encoding } = read.table;
  const created = await call(api, token, ROSTER_PATHS.imports, {
    fileName: '名簿.csv',
    bytes: bytes.byteLength,
    encoding,
    header,
    rowCount: rows.length,
  });
  expect(created.status).toBe(200);
  const { importId } = created.body as { importId: string };
  for (let n = 0; n * ROWS_PER_PART < rows.length; n++) {
    const part = await call(api, token, ROSTER_PATHS.part(importId, n), {
      rows: rows.slice(n * ROWS_PER_PART, (n + 1) * ROWS_PER_PART),
    });
    expect(part.status).toBe(200);
  }
  return importId;
}

async function applyAll(api: Api, importId: string, body: object = {}): Promise<ApplyAnswer> {
  for (let i = 0; i < 100; i++) {
    const res = await call(api, 'hr', ROSTER_PATHS.apply(importId), body);
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    const answer = res.body as ApplyAnswer;
    if (answer.done) return answer;
  }
  throw new Error('apply never finished');
}

const TEN_CHANGES = [
  HEADER,
  's00004,,,,,ka-1,,,,2026/3/1,異動', // transfer, today or earlier: applies now
  's00005,,,,,kakari-0,,,,令和8年3月10日,異動', // transfer dated today (和暦)
  's00006,,,,,kakari-1,,,,2026/4/1,異動', // transfer dated ahead: kept until 4/1
  's00100,髙﨑,花子,ﾀｶｻｷ,ハナコ,kakari-1,主事,s00100@city.example.lg.jp,職員,2026/3/1,採用',
  's00101,佐藤,一郎,さとう,いちろう,kakari-2,係員,s00101@city.example.lg.jp,,2026/3/1,採用',
  's00007,,,,,,,,,2026/3/9,退職',
  's00008,,,,,,課長級,,,2026/3/1,変更', // 管理職 from 職層
  's00009,,,,,,,,人事・表彰委員,2026/3/1,変更', // role change to 人事 + duty
  's00010,,,,,no-such-unit,,,,2026/3/1,異動', // bad: unknown unit
  's00102,鈴木,次郎,すずき,じろう,kakari-1,係員,suzuki@other-city.example.jp,,2026/3/1,採用', // bad: other organisation
].join('\r\n');

describe('roster import API', () => {
  beforeEach(() => setServerClock(TODAY));
  afterEach(() => {
    setServerClock(null);
    wireRoster(null);
  });

  it('refuses a 職員 and a 課長 on every endpoint, before reading anything', async () => {
    const { api } = await setup();
    const importId = await upload(api, TEN_CHANGES);
    for (const token of ['staff', 'manager']) {
      for (const path of [
        ROSTER_PATHS.imports,
        ROSTER_PATHS.part(importId, 0),
        ROSTER_PATHS.check(importId),
        ROSTER_PATHS.apply(importId),
      ]) {
        expect(await call(api, token, path, {}), `${token} ${path}`).toEqual({
          status: 403,
          body: { code: 'api.forbidden' },
        });
      }
    }
  });

  it('dry run: every bad row explained, the summary, and nothing written until HR confirms', async () => {
    const { api, store, orgId, access } = await setup();
    const importId = await upload(api, TEN_CHANGES);
    const head = await store.directory.headVersion(orgId);
    const res = await call(api, 'hr', ROSTER_PATHS.check(importId), {});
    expect(res.status).toBe(200);
    const dry = res.body as DryRunAnswer;
    expect(dry.problems.map((p) => [p.line, p.column, p.value, p.problem.code])).toEqual([
      [10, '所属コード', 'no-such-unit', 'roster.unknownUnit'],
      [11, 'メール', 'suzuki@other-city.example.jp', 'roster.emailDomain'],
    ]);
    expect(dry.summary).toEqual({ new: 2, transfer: 3, retire: 1, change: 2, unchanged: 0, future: 1, rejected: 2 });
    expect(dry.errorLines).toBe(2);
    expect(await store.directory.headVersion(orgId)).toBe(head);
    expect(access.calls).toEqual([]);
    // Errors in the file: applying needs HR's explicit choice of the valid rows only.
    expect(await call(api, 'hr', ROSTER_PATHS.apply(importId), {})).toEqual({
      status: 409,
      body: { code: 'roster.hasErrors', params: { count: 2 } },
    });
    expect(await store.directory.headVersion(orgId)).toBe(head);
  });

  it('applies the valid rows: rights through the AccessPort, changes as pages, the future one kept until its day', async () => {
    const { api, store, orgId, access, audit } = await setup();
    const device = await syncOne(api, 'staff', 'directory', {
      snapshotId: (await store.directory.getDirectoryMeta(orgId)).snapshot?.id ?? null,
      version: await store.directory.headVersion(orgId),
    });
    expect(device.kind).toBe('upToDate');
    const version0 = await store.directory.headVersion(orgId);
    const snapshotId = (await store.directory.getDirectoryMeta(orgId)).snapshot?.id ?? null;

    const importId = await upload(api, TEN_CHANGES);
    const answer = await applyAll(api, importId, { validOnly: true });
    expect(answer).toMatchObject({ done: true, pendingHr: [] });

    // Rights: the new hires with their e-mail, the retired one inactive, 管理職 from 職層, 人事 + duty.
    const asked = access.calls.flatMap((c) => c.changes);
    expect(asked).toEqual(
      expect.arrayContaining([
        { staffId: 's00100', role: 'staff', duties: [], email: 's00100@city.example.lg.jp', active: true },
        { staffId: 's00101', role: 'staff', duties: [], email: 's00101@city.example.lg.jp', active: true },
        expect.objectContaining({ staffId: 's00007', active: false }),
        expect.objectContaining({ staffId: 's00008', role: 'manager' }),
        expect.objectContaining({ staffId: 's00009', role: 'hr', duties: ['committee'] }),
      ]),
    );
    expect(asked.map((c) => c.staffId)).not.toContain('s00006');
    expect(access.calls.every((c) => c.by === 's00001' && c.orgId === orgId)).toBe(true);
    expect(audit).toEqual([
      {
        kind: 'roster.import',
        by: 's00001',
        at: expect.any(String),
        importId,
        file: { name: '名簿.csv', bytes: expect.any(Number), encoding: 'shift_jis', rows: 10 },
        summary: { new: 2, transfer: 3, retire: 1, change: 2, unchanged: 0, future: 1, rejected: 2 },
        endpoint: ROSTER_PATHS.apply(importId),
      },
    ]);

    // A 職員's phone: a page of changes, not a snapshot; the transfers, the hires, the retiree removed.
    const page = await syncOne(api, 'staff', 'directory', { snapshotId, version: version0 });
    if (page.kind !== 'changes') throw new Error(`expected changes, got ${page.kind}`);
    const byId = new Map(page.changes.map((c) => [c.op === 'put' ? c.record.id : c.op === 'remove' ? c.id : c.op, c]));
    expect(byId.get('s00004')).toMatchObject({ op: 'put', record: { unitId: 'ka-1' } });
    expect(byId.get('s00005')).toMatchObject({ op: 'put', record: { unitId: 'kakari-0' } });
    expect(byId.get('s00100')).toMatchObject({ op: 'put', record: { familyName: '髙﨑', familyKana: 'たかさき' } });
    expect(byId.get('s00007')).toEqual({ op: 'remove', version: expect.any(Number), id: 's00007' });
    expect(byId.has('s00006')).toBe(false);
    expect(byId.has('s00010')).toBe(false);
    expect(byId.has('s00102')).toBe(false);
    expect((await store.directory.getStaff(orgId, 's00006'))?.unitId).toBe('kakari-0');
    expect((await store.directory.getStaff(orgId, 's00007'))?.status).toBe('retired');
    expect((await store.directory.getStaff(orgId, 's00004'))?.history.at(-1)).toMatchObject({
      unitId: 'ka-1',
      from: '2026-03-01',
      to: null,
    });

    // 3/31 23:59 JST: still kept. 4/1 00:00 JST: the next sync applies it and carries it.
    setServerClock(new Date('2026-03-31T14:59:00Z'));
    const before = await syncOne(api, 'staff', 'directory', { snapshotId, version: page.version });
    expect(before).toEqual({ kind: 'upToDate', version: page.version });
    setServerClock(new Date('2026-03-31T15:00:00Z'));
    const after = await syncOne(api, 'staff', 'directory', { snapshotId, version: page.version });
    expect(after).toMatchObject({
      kind: 'changes',
      changes: [{ op: 'put', record: { id: 's00006', unitId: 'kakari-1' } }],
      more: false,
    });
    expect((await store.directory.getStaff(orgId, 's00006'))?.history.at(-1)).toMatchObject({
      unitId: 'kakari-1',
      from: '2026-04-01',
    });
    expect(await store.roster.listPending(orgId)).toEqual([]);
    expect((await store.directory.getDirectoryMeta(orgId)).rosterDue).toBeUndefined();

    // The same file again changes nothing.
    const head = await store.directory.headVersion(orgId);
    const again = await upload(api, TEN_CHANGES);
    const dry = (await call(api, 'hr', ROSTER_PATHS.check(again), {})).body as DryRunAnswer;
    expect(dry.summary).toMatchObject({ new: 0, transfer: 0, retire: 0, change: 0, unchanged: 7 });
    await applyAll(api, again, { validOnly: true });
    expect(await store.directory.headVersion(orgId)).toBe(head);
  });

  it('a grant of 人事 held for a second HR account is not shown as 人事 yet', async () => {
    const { api, store, orgId, access } = await setup();
    access.holdHr = true;
    const importId = await upload(api, [HEADER, 's00009,,,,,,,,人事,2026/3/1,変更'].join('\r\n'));
    expect((await applyAll(api, importId)).pendingHr).toEqual(['s00009']);
    expect((await store.directory.getStaff(orgId, 's00009'))?.role).toBe('staff');
  });

  it('with nothing put in its place, applies rights through the access module and records the import in the audit log', async () => {
    const { api, store, orgId } = await setup();
    wireRoster(null); // the real modules on the request's stores, as the deployed API runs
    const importId = await upload(
      api,
      [HEADER, 's00004,,,,,ka-1,課長級,,,2026/3/1,異動', 's00005,,,,,,,,,2026/3/1,退職'].join('\r\n'),
    );
    await applyAll(api, importId);
    const states = await store.access.getStates(orgId, ['s00004', 's00005']);
    expect(states.get('s00004')).toMatchObject({ role: 'manager', active: true });
    expect(states.get('s00005')).toMatchObject({ active: false });
    const log = await store.audit.list(orgId, { kind: 'roster.import' }, 10);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actor: 's00001', actorRole: 'hr', kind: 'roster.import', subject: null });
    expect(log[0]?.detail).toContain(`${importId} rows=2`);
    expect(log[0]?.detail).toContain('transfer=1 retire=1');
  });

  it('bad input: a missing required column, a duplicate 職員番号, an unknown 職層, incomplete parts, an unknown import', async () => {
    const { api } = await setup();
    const noUnit = await upload(api, ['職員番号,姓,名,職層', 's00004,山田,太郎,主事'].join('\r\n'));
    const a = (await call(api, 'hr', ROSTER_PATHS.check(noUnit), {})).body as DryRunAnswer;
    expect(a.problems).toEqual([
      {
        line: 0,
        column: '所属コード',
        value: '所属コード',
        problem: { code: 'roster.missingColumn', params: { column: '所属コード' } },
        severity: 'error',
      },
    ]);
    expect(a.summary.rejected).toBe(1);

    const dup = await upload(
      api,
      [HEADER, 's00004,,,,,ka-1,,,,2026/3/1,異動', 's00004,,,,,ka-1,部長,,,2026/3/1,異動'].join('\r\n'),
    );
    const b = (await call(api, 'hr', ROSTER_PATHS.check(dup), {})).body as DryRunAnswer;
    expect(b.problems.map((p) => [p.line, p.problem.code])).toEqual([
      [3, 'roster.unknownJobLevel'],
      [3, 'roster.duplicateId'],
    ]);

    const created = await call(api, 'hr', ROSTER_PATHS.imports, {
      fileName: 'x.csv',
      bytes: 10,
      encoding: 'utf-8',
      header: ['職員番号'],
      rowCount: 600,
    });
    const { importId } = created.body as { importId: string };
    await call(api, 'hr', ROSTER_PATHS.part(importId, 0), { rows: [{ line: 2, cells: ['s1'], extra: 0 }] });
    expect(await call(api, 'hr', ROSTER_PATHS.check(importId), {})).toEqual({
      status: 409,
      body: { code: 'roster.importIncomplete' },
    });
    expect(
      (
        await call(api, 'hr', ROSTER_PATHS.part(importId, 0), {
          rows: Array.from({ length: ROWS_PER_PART + 1 }, (_, i) => ({ line: i + 2, cells: [], extra: 0 })),
        })
      ).status,
    ).toBe(400);
    expect(await call(api, 'hr', ROSTER_PATHS.check('no-such-import'), {})).toEqual({
      status: 404,
      body: { code: 'roster.importNotFound' },
    });
  });
});

describe('the apply job, interrupted and resumed', () => {
  beforeEach(() => setServerClock(TODAY));
  afterEach(() => setServerClock(null));

  const hires = (count: number): string =>
    [
      HEADER,
      ...Array.from(
        { length: count },
        (_, i) =>
          `t${String(i).padStart(5, '0')},山田,太郎${i},やまだ,たろう,kakari-${i % 3},係員,t${i}@city.example.lg.jp,,2026/3/1,採用`,
      ),
    ].join('\n');

  async function uploaded(store: ServerStores, orgId: string, csv: string): Promise<string> {
    const read = readCsv(new TextEncoder().encode(csv));
    if (!read.ok) throw new Error(read.problem.code);
    const claims: Claims = { orgId, staffId: 's00001', role: 'hr', duties: [] };
    const { importId } = await createImport(
      store,
      claims,
      {
        fileName: 'a.csv',
        bytes: csv.length,
        encoding: 'utf-8',
        header: read.table.header,
        rowCount: read.table.rows.length,
      },
      TODAY,
    );
    const rows: CsvRow[] = read.table.rows;
    for (let n = 0; n * ROWS_PER_PART < rows.length; n++)
      await putImportPart(store, claims, importId, n, { rows: rows.slice(n * ROWS_PER_PART, (n + 1) * ROWS_PER_PART) });
    return importId;
  }

  async function org(): Promise<{ store: ServerStores; orgId: string; claims: Claims }> {
    const store = createMemoryStores();
    const orgId = freshOrgId('job');
    await seedOrganisation(store, { orgId, units: UNITS, staff: [makeProfile(1, { role: 'hr' })] });
    return { store, orgId, claims: { orgId, staffId: 's00001', role: 'hr', duties: [] } };
  }

  function expectEachOnce(ids: string[], count: number): void {
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
  }

  it('killed between the rights and the people of a step: the rerun finishes with no duplicates and no lost rows', async () => {
    const { store, orgId, claims } = await org();
    const count = APPLY_STEP * 3 + 37;
    const importId = await uploaded(store, orgId, hires(count));
    const access = new RecordingAccess();
    access.failOnCall = 3;
    const head = await store.directory.headVersion(orgId);
    await expect(applyImport(store, claims, importId, {}, () => TODAY, { access })).rejects.toThrow('interrupted');
    const midway = await store.directory.changesSince(orgId, head, 10_000);
    expect(midway).toHaveLength(APPLY_STEP * 2);
    expect(await store.roster.getImport(orgId, importId)).toMatchObject({ status: 'applying' });

    const answer = await applyImport(store, claims, importId, {}, () => TODAY, { access });
    expect(answer).toMatchObject({ done: true, processed: count, total: count });
    const changes = await store.directory.changesSince(orgId, head, 10_000);
    expectEachOnce(
      changes.map((c) => (c.op === 'put' ? c.record.id : '?')),
      count,
    );
    expect(access.rights.size).toBe(count);
    for (const id of ['t00000', 't00399', 't00400', `t${String(count - 1).padStart(5, '0')}`]) {
      expect((await store.directory.getStaff(orgId, id))?.history).toHaveLength(1);
    }
  });

  it('killed after a step was written but before its checkpoint: the rerun writes nothing twice', async () => {
    const { store, orgId, claims } = await org();
    const count = APPLY_STEP * 2 + 5;
    const importId = await uploaded(store, orgId, hires(count));
    const access = new RecordingAccess();
    const advance = store.roster.advance.bind(store.roster);
    let calls = 0;
    store.roster.advance = async (o, id, step) => {
      calls++;
      // Call 1 marks the job started; call 2 would record step 1's checkpoint.
      if (calls === 2) throw new Error('killed');
      return advance(o, id, step);
    };
    const head = await store.directory.headVersion(orgId);
    await expect(applyImport(store, claims, importId, {}, () => TODAY, { access })).rejects.toThrow('killed');
    expect(await store.directory.changesSince(orgId, head, 10_000)).toHaveLength(APPLY_STEP);
    expect((await store.roster.getImport(orgId, importId))?.checkpoint).toBe(0);

    await applyImport(store, claims, importId, {}, () => TODAY, { access });
    const changes = await store.directory.changesSince(orgId, head, 10_000);
    expectEachOnce(
      changes.map((c) => (c.op === 'put' ? c.record.id : '?')),
      count,
    );
  });

  it('a budget spent mid-way answers done: false with the checkpoint, and the next call goes on from it', async () => {
    const { store, orgId, claims } = await org();
    const count = APPLY_STEP * 3;
    const importId = await uploaded(store, orgId, hires(count));
    const access = new RecordingAccess();
    const first = await applyImport(store, claims, importId, {}, () => TODAY, { access }, -1);
    expect(first).toMatchObject({ done: false, processed: APPLY_STEP });
    expect((await store.roster.getImport(orgId, importId))?.checkpoint).toBe(APPLY_STEP + 1);
    const second = await applyImport(store, claims, importId, {}, () => TODAY, { access });
    expect(second).toMatchObject({ done: true, processed: count });
    // The rights of the first step were not asked for again.
    expect(access.calls.flatMap((c) => c.changes)).toHaveLength(count);
  });

  it('a dry run of a checked file compares it with the roster on the server too', async () => {
    const { store, orgId, claims } = await org();
    const importId = await uploaded(store, orgId, hires(3));
    const dry = await dryRun(store, claims, importId, {}, TODAY);
    expect(dry.summary).toMatchObject({ new: 3, rejected: 0 });
  });
});
