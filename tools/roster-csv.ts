/**
 * A roster file of the demo ward, as the personnel system exports it and Excel saves it: CP932
 * (Windows Shift_JIS; a character it lacks, such as 𠮷, as a 外字), CRLF, the Japanese headers of src/domain/roster/columns.ts. For tests, the
 * bench and the e2e.
 *
 *   npx tsx tools/roster-csv.ts [--staff 3000] [--changes] [--out roster.csv]
 *
 * Without --changes it is the whole roster as it stands (importing it changes nothing). With
 * --changes it is the ten rows of issue 21's acceptance: 3 異動 (one dated in the future), 2 採用,
 * 1 退職, role changes, and 2 bad rows (an unknown 所属コード, an e-mail of another organisation).
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { ROSTER_COLUMNS } from '../src/domain/roster/columns';
import { DUTY_WORDS, ROLE_WORDS } from '../src/domain/roster/columns';
import { encodeCp932 } from '../src/domain/csv/testing/cp932';
import type { StaffProfile } from '../src/domain/staff';
import { DEMO_DOMAIN, generateDemoOrg, type DemoOrg } from './demo-org';

const HEADERS = ROSTER_COLUMNS.filter((c) => c.key !== 'fullName').map((c) => c.header);
const ROLE_OF = Object.fromEntries(Object.entries(ROLE_WORDS).map(([w, r]) => [r, w]));
const DUTY_OF = Object.fromEntries(Object.entries(DUTY_WORDS).map(([w, d]) => [d, w]));

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function line(values: readonly string[]): string {
  return values.map(cell).join(',');
}

const toKatakana = (s: string) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/** A row from its cells by header; a header not given is empty. */
function rowOf(values: Readonly<Record<string, string | undefined>>): string {
  return line(HEADERS.map((h) => values[h] ?? ''));
}

/** One person as a roster row (readings in katakana, as personnel systems write them). */
export function rosterLine(p: StaffProfile, over: Partial<Record<(typeof HEADERS)[number], string>> = {}): string {
  const roles = [ROLE_OF[p.role] ?? '職員', ...p.duties.map((d) => DUTY_OF[d] ?? d)].join('・');
  const base: Record<string, string> = {
    職員番号: p.id,
    姓: p.familyName,
    名: p.givenName,
    フリガナ姓: toKatakana(p.familyKana),
    フリガナ名: toKatakana(p.givenKana),
    '旧姓・通称': p.altFamilyName,
    '旧姓・通称フリガナ': toKatakana(p.altFamilyKana),
    所属コード: p.unitId,
    兼務所属コード: (p.concurrentUnitIds ?? []).join('・'),
    職名: p.title,
    職層: p.jobLevel,
    雇用形態: p.employment,
    内線: p.extension,
    メール: p.loginEmail,
    役割: roles,
    発令日: '',
    区分: '',
    ...over,
  };
  return line(HEADERS.map((h) => base[h] ?? ''));
}

/** The whole roster as it stands. */
export function wholeRosterCsv(org: Pick<DemoOrg, 'staff'>): string {
  return [line(HEADERS), ...org.staff.map((p) => rosterLine(p))].join('\r\n') + '\r\n';
}

export interface ChangeFile {
  csv: string;
  /** Who is in which row, for a test to check what happened. */
  transfers: { staffId: string; to: string; effective: string }[];
  future: { staffId: string; to: string; effective: string };
  hires: { staffId: string; email: string }[];
  retired: string;
  toHr: string;
  toManager: string;
}

/** Issue 21's ten changes (plus two bad rows), dated around `today` (YYYY-MM-DD), `future` after it. */
export function changeRosterCsv(org: Pick<DemoOrg, 'staff' | 'units'>, today: string, future: string): ChangeFile {
  const staff = org.staff.filter((p) => p.role === 'staff');
  const kakari = org.units.filter((u) => u.kind === 'kakari');
  const pick = (n: number) => staff[n * 7 + 3] ?? staff[n] ?? staff[0];
  const otherUnit = (p: StaffProfile, k: number) =>
    (kakari.find((u, i) => i >= k && u.id !== p.unitId) ?? kakari[0])?.id ?? p.unitId;
  const [a, b, c, d, e, f, g] = [0, 1, 2, 3, 4, 5, 6].map(pick);
  if (!a || !b || !c || !d || !e || !f || !g) throw new Error('the demo ward is too small');
  const transfers = [
    { staffId: a.id, to: otherUnit(a, 1), effective: today },
    { staffId: b.id, to: otherUnit(b, 2), effective: today },
  ];
  const futureMove = { staffId: c.id, to: otherUnit(c, 3), effective: future };
  const nextId = (k: number) => `s${String(900000 + k).padStart(6, '0')}`;
  const hires = [
    { staffId: nextId(1), email: `shinnin.ichiro@${DEMO_DOMAIN}` },
    { staffId: nextId(2), email: `shinnin.hanako@${DEMO_DOMAIN}` },
  ];
  const slash = (iso: string) => iso.replace(/-0?/g, '/');
  const unit0 = kakari[0]?.id ?? a.unitId;
  const rows = [
    line(HEADERS),
    rosterLine(a, { 所属コード: transfers[0]?.to ?? '', 発令日: slash(today), 区分: '異動' }),
    rosterLine(b, { 所属コード: transfers[1]?.to ?? '', 発令日: slash(today), 区分: '異動' }),
    rosterLine(c, { 所属コード: futureMove.to, 発令日: slash(future), 区分: '異動' }),
    rowOf({
      職員番号: hires[0]?.staffId,
      姓: '髙﨑',
      名: '一郎',
      フリガナ姓: 'ﾀｶｻｷ',
      フリガナ名: 'ｲﾁﾛｳ',
      所属コード: unit0,
      職名: '主事',
      職層: '主事',
      雇用形態: '正規',
      内線: '',
      メール: hires[0]?.email,
      役割: '職員',
      発令日: slash(today),
      区分: '採用',
    }),
    rowOf({
      職員番号: hires[1]?.staffId,
      姓: '新任',
      名: '花子',
      フリガナ姓: 'シンニン',
      フリガナ名: 'ハナコ',
      所属コード: unit0,
      職名: '主事',
      職層: '係員',
      雇用形態: '会計年度任用',
      内線: '',
      メール: hires[1]?.email,
      役割: '職員',
      発令日: slash(today),
      区分: '採用',
    }),
    rosterLine(d, { 発令日: slash(today), 区分: '退職' }),
    rosterLine(e, { 役割: '人事', 発令日: slash(today), 区分: '変更' }),
    rosterLine(f, { 職層: '課長級', 職名: '課長', 役割: '', 発令日: slash(today), 区分: '変更' }),
    rosterLine(g, { 所属コード: 'zz-none', 発令日: slash(today), 区分: '異動' }),
    rowOf({
      職員番号: nextId(3),
      姓: '外部',
      名: '太郎',
      フリガナ姓: 'ガイブ',
      フリガナ名: 'タロウ',
      所属コード: unit0,
      職層: '主事',
      メール: 'gaibu.taro@other-city.example.jp',
      発令日: slash(today),
      区分: '採用',
    }),
  ];
  return {
    csv: rows.join('\r\n') + '\r\n',
    transfers,
    future: futureMove,
    hires,
    retired: d.id,
    toHr: e.id,
    toManager: f.id,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const org = generateDemoOrg({ staff: Number(arg('--staff') ?? 3000) });
  const out = arg('--out') ?? 'roster.csv';
  const csv = process.argv.includes('--changes')
    ? changeRosterCsv(org, '2026-03-10', '2026-04-01').csv
    : wholeRosterCsv(org);
  // 𠮷 and other characters CP932 lacks arrive as a 外字, as from a personnel system.
  await writeFile(out, encodeCp932(csv, { gaiji: true }));
  console.log(`${out}: ${csv.split('\r\n').length - 2} rows, CP932`);
}
