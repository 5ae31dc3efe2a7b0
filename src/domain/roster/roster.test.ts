import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../org';
import type { StaffProfile } from '../staff';
import { checkRosterTable, type RosterRow } from './check';
import { normaliseExtension, normaliseId, normaliseKana, readDate, hasPrivateUse } from './normalize';
import { applyRow, planRoster, type PlanInput } from './plan';
import { rosterTemplate, ROSTER_COLUMNS } from './columns';
import { parseCsvText } from '../csv/read';

describe('normalisation', () => {
  it.each([
    ['ｓ０００１２３', 's000123'],
    [' 000 123 ', '000123'],
    ['Ａ－１', 'A-1'],
  ])('id %s → %s', (cell, id) => expect(normaliseId(cell)).toBe(id));

  it.each([
    ['１２３４', '1234'],
    ['03ー1234ー5678', '03-1234-5678'],
    ['12－34', '12-34'],
  ])('extension %s → %s', (cell, ext) => expect(normaliseExtension(cell)).toBe(ext));

  it.each([
    ['タカハシ', 'たかはし'],
    ['ﾀｶﾊｼ', 'たかはし'],
    ['ｶﾞｸ', 'がく'],
    ['たかはし', 'たかはし'],
    ['ヴァン', 'ゔぁん'],
    ['コーイチ', 'こーいち'],
    ['高橋', null],
    ['takahashi', null],
  ])('kana %s → %s', (cell, kana) => expect(normaliseKana(cell)).toBe(kana));

  it.each([
    ['2026/4/1', '2026-04-01'],
    ['2026-04-01', '2026-04-01'],
    ['２０２６／４／１', '2026-04-01'],
    ['2026年4月1日', '2026-04-01'],
    ['20260401', '2026-04-01'],
    ['令和8年4月1日', '2026-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R8.4.1', '2026-04-01'],
    ['H31/4/30', '2019-04-30'],
    ['平成31年4月30日', '2019-04-30'],
  ])('date %s → %s', (cell, date) => expect(readDate(cell)).toEqual({ ok: true, date }));

  it.each([
    ['4/1', 'ambiguous'],
    ['26/4/1', 'ambiguous'],
    ['46113', 'ambiguous'],
    ['令和元年4月1日', 'invalid'],
    ['2026/2/30', 'invalid'],
    ['来年4月', 'invalid'],
    ['令和八年四月一日', 'invalid'],
  ] as const)('date %s is %s', (cell, why) => expect(readDate(cell)).toEqual({ ok: false, why }));

  it('flags the private use area', () => {
    expect(hasPrivateUse('髙橋')).toBe(false);
    expect(hasPrivateUse('\ue000橋')).toBe(true);
  });
});

const HEADER = [
  '職員番号',
  '姓',
  '名',
  'フリガナ姓',
  'フリガナ名',
  '所属コード',
  '職層',
  'メール',
  '役割',
  '発令日',
  '区分',
];
const row = (line: number, ...cells: string[]) => ({ line, cells, extra: 0 });

describe('checkRosterTable', () => {
  it('keeps names as written (no NFKC), folds widths of ids and kana', () => {
    const { rows, problems } = checkRosterTable({
      header: HEADER,
      rows: [
        row(
          2,
          '０００１２３',
          '髙﨑',
          '花子',
          'ﾀｶｻｷ',
          'ハナコ',
          'b01k01s01',
          '主事',
          'Hanako@Demo-ku.example.jp',
          '',
          '令和8年4月1日',
          '採用',
        ),
      ],
    });
    expect(problems).toEqual([]);
    expect(rows[0]).toEqual({
      line: 2,
      staffId: '000123',
      familyName: '髙﨑',
      givenName: '花子',
      familyKana: 'たかさき',
      givenKana: 'はなこ',
      unitId: 'b01k01s01',
      jobLevel: '主事',
      email: 'hanako@demo-ku.example.jp',
      effective: '2026-04-01',
      kind: '採用',
    });
  });

  it('splits 氏名 at its space, full or half width, and refuses one without', () => {
    const header = ['職員番号', '氏名', '所属コード', '職層'];
    const { rows, problems } = checkRosterTable({
      header,
      rows: [
        row(2, '1', '山田　太郎', 'u', '主事'),
        row(3, '2', '佐藤 花子', 'u', '主事'),
        row(4, '3', '鈴木一郎', 'u', '主事'),
      ],
    });
    expect(rows.map((r) => [r.familyName, r.givenName])).toEqual([
      ['山田', '太郎'],
      ['佐藤', '花子'],
    ]);
    expect(problems).toEqual([
      {
        line: 4,
        column: '氏名',
        value: '鈴木一郎',
        problem: { code: 'roster.nameUnsplit', params: {} },
        severity: 'error',
      },
    ]);
  });

  it.each([
    [
      'an unknown 職層',
      ['1', '山田', '太郎', '', '', 'u', '部長', '', '', '', ''],
      '職層',
      '部長',
      'roster.unknownJobLevel',
      {},
    ],
    [
      'a 発令日 that is not a date',
      ['1', '山田', '太郎', '', '', 'u', '主事', '', '', '来月', '異動'],
      '発令日',
      '来月',
      'roster.dateInvalid',
      {},
    ],
    [
      'a 和暦 without a year to be sure of',
      ['1', '山田', '太郎', '', '', 'u', '主事', '', '', '4/1', '異動'],
      '発令日',
      '4/1',
      'roster.dateAmbiguous',
      {},
    ],
    [
      'a 区分 that is none of the six',
      ['1', '山田', '太郎', '', '', 'u', '主事', '', '', '2026/4/1', '転勤'],
      '区分',
      '転勤',
      'roster.unknownKind',
      {},
    ],
    [
      'an 異動 without 発令日',
      ['1', '山田', '太郎', '', '', 'u', '主事', '', '', '', '異動'],
      '発令日',
      '',
      'roster.dateRequired',
      {},
    ],
    [
      'a reading in kanji',
      ['1', '山田', '太郎', '山田', '', 'u', '主事', '', '', '', ''],
      'フリガナ姓',
      '山田',
      'roster.kanaInvalid',
      {},
    ],
    [
      'a bad e-mail',
      ['1', '山田', '太郎', '', '', 'u', '主事', 'yamada@', '', '', ''],
      'メール',
      'yamada@',
      'roster.emailInvalid',
      {},
    ],
    [
      'an unknown 役割',
      ['1', '山田', '太郎', '', '', 'u', '主事', '', '職員・部長', '', ''],
      '役割',
      '職員・部長',
      'roster.unknownRole',
      { role: '部長' },
    ],
    [
      'a 採用 without e-mail',
      ['1', '山田', '太郎', '', '', 'u', '主事', '', '', '2026/4/1', '採用'],
      'メール',
      '',
      'roster.emailRequired',
      {},
    ],
    [
      'an id with other characters',
      ['1.5', '山田', '太郎', '', '', 'u', '主事', '', '', '', ''],
      '職員番号',
      '1.5',
      'roster.idInvalid',
      {},
    ],
  ])('%s is an error at its column, with the value as read', (_name, cells, column, value, code, params) => {
    const { rows, problems, badLines } = checkRosterTable({ header: HEADER, rows: [row(7, ...cells)] });
    expect(problems).toContainEqual({ line: 7, column, value, problem: { code, params }, severity: 'error' });
    expect(rows).toEqual([]);
    expect(badLines).toEqual([7]);
  });

  it('flags 外字 per row as a warning and keeps the row', () => {
    const { rows, problems } = checkRosterTable({
      header: HEADER,
      rows: [row(3, '1', '\ue001田', '太郎', '', '', 'u', '主事', '', '', '', '')],
    });
    expect(rows).toHaveLength(1);
    expect(problems).toEqual([
      { line: 3, column: '姓', value: '\ue001田', problem: { code: 'roster.gaiji', params: {} }, severity: 'warning' },
    ]);
  });

  it('refuses a row with too many columns and a duplicate 職員番号 (naming the first line)', () => {
    const { rows, problems } = checkRosterTable({
      header: HEADER,
      rows: [
        row(2, '1', '山田', '太郎', '', '', 'u', '主事', '', '', '', ''),
        { ...row(3, '2', '佐藤', '花子', '', '', 'u', '主事', '', '', '', ''), extra: 1 },
        row(4, '１', '鈴木', '一郎', '', '', 'u', '主事', '', '', '', ''),
      ],
    });
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(problems).toEqual([
      {
        line: 3,
        column: null,
        value: '',
        problem: { code: 'roster.tooManyColumns', params: { extra: 1 } },
        severity: 'error',
      },
      {
        line: 4,
        column: '職員番号',
        value: '１',
        problem: { code: 'roster.duplicateId', params: { firstLine: 2 } },
        severity: 'error',
      },
    ]);
  });

  it('refuses a header missing a required column, and reports unknown columns without guessing', () => {
    const { rows, problems } = checkRosterTable({
      header: ['職員番号', '姓', '名', '所属', '職層', '血液型'],
      rows: [row(2, '1', '山田', '太郎', 'u', '主事', 'A')],
    });
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.problem.code, p.column, p.severity])).toEqual([
      ['roster.unknownColumn', '所属', 'warning'],
      ['roster.unknownColumn', '血液型', 'warning'],
      ['roster.missingColumn', '所属コード', 'error'],
    ]);
  });

  it('reads its own template', () => {
    const parsed = parseCsvText(rosterTemplate());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.header).toEqual(ROSTER_COLUMNS.filter((c) => c.key !== 'fullName').map((c) => c.header));
    const { rows, problems } = checkRosterTable(parsed.value);
    expect(problems).toEqual([]);
    expect(rows[0]?.familyName).toBe('髙橋');
  });
});

const UNITS: OrgUnit[] = [
  { id: 'b01', kind: 'bu', name: '総務部', kana: 'そうむぶ', parentId: null, order: 1 },
  { id: 'b01k01', kind: 'ka', name: '総務課', kana: 'そうむか', parentId: 'b01', order: 1 },
  { id: 'b01k02', kind: 'ka', name: '人事課', kana: 'じんじか', parentId: 'b01', order: 2 },
];
const APRIL_UNIT: OrgUnit = {
  id: 'b01k03',
  kind: 'ka',
  name: 'DX推進課',
  kana: 'でぃーえっくすすいしんか',
  parentId: 'b01',
  order: 3,
};

function person(id: string, over: Partial<StaffProfile> = {}): StaffProfile {
  const row: RosterRow = {
    line: 0,
    staffId: id,
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'やまだ',
    givenKana: 'たろう',
    unitId: 'b01k01',
    jobLevel: '主事',
    email: `${id}@demo-ku.example.jp`,
    kind: '採用',
  };
  return { ...applyRow(null, row, '2020-04-01', new Map(UNITS.map((u) => [u.id, u]))), ...over };
}

function input(rows: RosterRow[], over: Partial<PlanInput> = {}): PlanInput {
  const current = new Map(['000123', '000124', '000125'].map((id) => [id, person(id)]));
  return {
    rows,
    current,
    unitsOn: (date) => new Map([...UNITS, ...(date >= '2026-04-01' ? [APRIL_UNIT] : [])].map((u) => [u.id, u])),
    today: '2026-03-10',
    emailDomains: ['demo-ku.example.jp'],
    confirmPadded: false,
    ...over,
  };
}

describe('planRoster', () => {
  it('says what each row does, with the summary', () => {
    const plan = planRoster(
      input([
        { line: 2, staffId: '000123', unitId: 'b01k02', effective: '2026-03-01', kind: '異動' },
        { line: 3, staffId: '000124', unitId: 'b01k03', effective: '2026-04-01', kind: '異動' },
        { line: 4, staffId: '000125', effective: '2026-03-31', kind: '退職' },
        {
          line: 5,
          staffId: '000200',
          familyName: '佐藤',
          givenName: '花子',
          unitId: 'b01k01',
          jobLevel: '主事',
          email: 'sato@demo-ku.example.jp',
          kind: '採用',
          effective: '2026-03-01',
        },
        { line: 6, staffId: '000123', extension: '1234' },
      ] satisfies RosterRow[]),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.rows.map((r) => [r.line, r.action, r.future])).toEqual([
      [2, 'transfer', false],
      [3, 'transfer', true],
      [4, 'retire', true],
      [5, 'new', false],
      [6, 'change', false],
    ]);
    expect(plan.summary).toEqual({ new: 1, transfer: 2, retire: 1, change: 1, unchanged: 0, future: 2, rejected: 0 });
  });

  it('checks a row against the organisation on its own 発令日: a 4/1 unit is unknown on 3/31', () => {
    const plan = planRoster(
      input([{ line: 2, staffId: '000123', unitId: 'b01k03', effective: '2026-03-31', kind: '異動' }]),
    );
    expect(plan.problems).toEqual([
      {
        line: 2,
        column: '所属コード',
        value: 'b01k03',
        problem: { code: 'roster.unknownUnit', params: { date: '2026-03-31' } },
        severity: 'error',
      },
    ]);
    expect(plan.summary.rejected).toBe(1);
  });

  it('refuses an unknown 所属コード, an e-mail of another organisation, an 異動 of nobody and a second 採用', () => {
    const plan = planRoster(
      input([
        { line: 2, staffId: '000123', unitId: 'x99', kind: '異動', effective: '2026-03-01' },
        { line: 3, staffId: '000124', email: 'yamada@other-city.example.jp' },
        { line: 4, staffId: '999999', unitId: 'b01k01', kind: '異動', effective: '2026-03-01' },
        {
          line: 5,
          staffId: '000125',
          familyName: '別人',
          givenName: '花子',
          unitId: 'b01k01',
          jobLevel: '主事',
          email: 'x@demo-ku.example.jp',
          kind: '採用',
          effective: '2026-03-01',
        },
      ]),
    );
    expect(plan.problems.map((p) => [p.line, p.column, p.problem.code])).toEqual([
      [2, '所属コード', 'roster.unknownUnit'],
      [3, 'メール', 'roster.emailDomain'],
      [4, '職員番号', 'roster.notInRoster'],
      [5, '職員番号', 'roster.alreadyInRoster'],
    ]);
    expect(plan.rows).toEqual([]);
  });

  it('shows a 職員番号 whose leading zeros were stripped with its padded match, applied only when HR confirms', () => {
    const rows: RosterRow[] = [{ line: 2, staffId: '123', extension: '5555' }];
    const refused = planRoster(input(rows));
    expect(refused.problems).toEqual([
      {
        line: 2,
        column: '職員番号',
        value: '123',
        problem: { code: 'roster.paddedMatch', params: { padded: '000123' } },
        severity: 'error',
      },
    ]);
    expect(refused.rows).toEqual([]);
    const confirmed = planRoster(input(rows, { confirmPadded: true }));
    expect(confirmed.problems[0]?.severity).toBe('warning');
    expect(confirmed.rows.map((r) => [r.staffId, r.action])).toEqual([['000123', 'change']]);
  });

  it('plans a row already applied as 変更なし (the same file twice changes nothing)', () => {
    const rows: RosterRow[] = [
      {
        line: 2,
        staffId: '000123',
        unitId: 'b01k02',
        effective: '2026-03-01',
        kind: '異動',
        role: 'hr',
        duties: ['committee'],
      },
    ];
    const first = planRoster(input(rows));
    const firstRow = first.rows[0];
    if (!firstRow) throw new Error('no row');
    const base = input(rows);
    const current = new Map(base.current);
    current.set(
      '000123',
      applyRow(current.get('000123') ?? null, firstRow.row, firstRow.effective, base.unitsOn(firstRow.effective)),
    );
    const second = planRoster({ ...base, current });
    expect(second.rows.map((r) => r.action)).toEqual(['unchanged']);
    expect(second.summary.unchanged).toBe(1);
  });

  it('keeps every move in 異動歴 and refuses a move dated before the last one', () => {
    const units = input([]).unitsOn('2026-04-01');
    const moved = applyRow(
      person('000123'),
      { line: 2, staffId: '000123', unitId: 'b01k02', kind: '異動' },
      '2026-03-01',
      units,
    );
    expect(moved.history).toEqual([
      { unitId: 'b01k01', unitName: '総務部 総務課', from: '2020-04-01', to: '2026-02-28' },
      { unitId: 'b01k02', unitName: '総務部 人事課', from: '2026-03-01', to: null },
    ]);
    const plan = planRoster({
      ...input([{ line: 3, staffId: '000123', unitId: 'b01k01', kind: '異動', effective: '2025-10-01' }]),
      current: new Map([['000123', moved]]),
    });
    expect(plan.problems.map((p) => p.problem)).toEqual([
      { code: 'roster.beforeLatest', params: { date: '2026-03-01' } },
    ]);
  });

  it('derives 管理職 from 職層 unless 役割 says otherwise, keeps 人事, and marks 休職 and 退職', () => {
    const units = input([]).unitsOn('2026-03-01');
    const p = person('000123');
    expect(applyRow(p, { line: 2, staffId: '000123', jobLevel: '課長級' }, '2026-03-01', units).role).toBe('manager');
    expect(
      applyRow(p, { line: 2, staffId: '000123', jobLevel: '課長級', role: 'staff' }, '2026-03-01', units).role,
    ).toBe('staff');
    expect(
      applyRow({ ...p, role: 'hr' }, { line: 2, staffId: '000123', jobLevel: '課長級' }, '2026-03-01', units).role,
    ).toBe('hr');
    expect(applyRow(p, { line: 2, staffId: '000123', kind: '休職' }, '2026-03-01', units).status).toBe('leave');
    const back = applyRow({ ...p, status: 'leave' }, { line: 2, staffId: '000123', kind: '復職' }, '2026-03-01', units);
    expect(back.status).toBeUndefined();
    expect(applyRow(p, { line: 2, staffId: '000123', kind: '退職' }, '2026-03-01', units).status).toBe('retired');
  });
});
