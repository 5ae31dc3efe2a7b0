import { EMPLOYMENT_TYPES, JOB_LEVELS, type EmploymentType, type JobLevel, type Role } from '../org';
import { problem, type Problem } from '../problems';
import { LIMITS } from '../staff';
import {
  DUTY_WORDS,
  HEADER_ALIASES,
  ROLE_WORDS,
  ROSTER_COLUMNS,
  ROSTER_KINDS,
  splitList,
  type RosterKey,
  type RosterKind,
} from './columns';
import { hasPrivateUse, normaliseExtension, normaliseId, normaliseKana, readDate, splitFullName } from './normalize';

/**
 * The roster's form checks (issue 21, A1): pure, run in the device's worker for the dry run's
 * first look and again on the server, which trusts nothing the device sends. A row's problems are
 * codes with where they were: line, column, the value as read.
 */
export interface RowProblem {
  /** The file's line (0 for the header as a whole). */
  line: number;
  /** The column's header as the file has it, or null for the row as a whole. */
  column: string | null;
  /** The cell as read, before any normalisation. */
  value: string;
  problem: Problem;
  /** An error keeps the row out; a warning is shown and the row applies (外字, a padded match HR confirmed). */
  severity: 'error' | 'warning';
}

export type Duty = (typeof DUTY_WORDS)[keyof typeof DUTY_WORDS];

/** A row after the form checks: every field it gives, normalised; `undefined` where the cell was empty. */
export interface RosterRow {
  line: number;
  staffId: string;
  familyName?: string;
  givenName?: string;
  familyKana?: string;
  givenKana?: string;
  altFamilyName?: string;
  altFamilyKana?: string;
  unitId?: string;
  concurrentUnitIds?: string[];
  title?: string;
  jobLevel?: JobLevel;
  employment?: EmploymentType;
  extension?: string;
  email?: string;
  /** 役割's main role, when it names one (otherwise 管理職 follows from 職層). */
  role?: Role;
  duties?: Duty[];
  effective?: string;
  kind?: RosterKind;
}

export interface CheckedTable {
  rows: RosterRow[];
  problems: RowProblem[];
  /** Lines with at least one error. */
  badLines: number[];
}

export interface TableInput {
  header: readonly string[];
  rows: readonly { line: number; cells: readonly string[]; extra: number }[];
}

const BY_HEADER = new Map<string, RosterKey>([
  ...ROSTER_COLUMNS.map((c) => [c.header, c.key] as const),
  ...Object.entries(HEADER_ALIASES),
]);
const STAFF_ID = /^[A-Za-z0-9_-]{1,40}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Which column each header is; unknown, duplicate and missing required headers as problems. */
export function mapHeader(header: readonly string[]): { columns: Map<RosterKey, number>; problems: RowProblem[] } {
  const columns = new Map<RosterKey, number>();
  const problems: RowProblem[] = [];
  const headerProblem = (column: string, p: Problem, severity: RowProblem['severity']) =>
    problems.push({ line: 0, column, value: column, problem: p, severity });
  header.forEach((raw, i) => {
    const name = raw.replace(/^\uFEFF/, '').trim();
    if (name === '') return;
    const key = BY_HEADER.get(name);
    if (!key) return headerProblem(name, problem('roster.unknownColumn', { column: name }), 'warning');
    if (columns.has(key)) return headerProblem(name, problem('roster.duplicateColumn', { column: name }), 'error');
    columns.set(key, i);
  });
  for (const c of ROSTER_COLUMNS) {
    if (c.required && !columns.has(c.key)) {
      headerProblem(c.header, problem('roster.missingColumn', { column: c.header }), 'error');
    }
  }
  const hasNames = (columns.has('familyName') && columns.has('givenName')) || columns.has('fullName');
  if (!hasNames) headerProblem('姓', problem('roster.missingColumn', { column: '姓・名（または氏名）' }), 'error');
  return { columns, problems };
}

/** The form checks of a whole table: header, then every row, then duplicate 職員番号 across rows. */
export function checkRosterTable(table: TableInput): CheckedTable {
  const { columns, problems } = mapHeader(table.header);
  if (problems.some((p) => p.severity === 'error')) return { rows: [], problems, badLines: [0] };
  const rows: RosterRow[] = [];
  const firstLine = new Map<string, number>();
  const bad = new Set<number>();
  for (const raw of table.rows) {
    const { row, problems: own } = checkRow(raw, columns, table.header);
    if (row) {
      const seen = firstLine.get(row.staffId);
      if (seen !== undefined) {
        own.push(
          at(
            raw.line,
            '職員番号',
            raw.cells[columns.get('staffId') ?? 0] ?? '',
            problem('roster.duplicateId', { firstLine: seen }),
          ),
        );
      } else firstLine.set(row.staffId, raw.line);
    }
    problems.push(...own);
    if (own.some((p) => p.severity === 'error')) bad.add(raw.line);
    else if (row) rows.push(row);
  }
  return { rows, problems, badLines: [...bad] };
}

function at(
  line: number,
  column: string | null,
  value: string,
  p: Problem,
  severity: RowProblem['severity'] = 'error',
): RowProblem {
  return { line, column, value, problem: p, severity };
}

export function checkRow(
  raw: { line: number; cells: readonly string[]; extra: number },
  columns: ReadonlyMap<RosterKey, number>,
  header: readonly string[],
): { row: RosterRow | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const { line } = raw;
  const headerOf = (key: RosterKey) => header[columns.get(key) ?? -1]?.trim() ?? key;
  const cell = (key: RosterKey): string => {
    const i = columns.get(key);
    return i === undefined ? '' : (raw.cells[i] ?? '');
  };
  const fail = (key: RosterKey | null, p: Problem, severity: RowProblem['severity'] = 'error') =>
    problems.push(at(line, key ? headerOf(key) : null, key ? cell(key) : '', p, severity));

  if (raw.extra > 0) fail(null, problem('roster.tooManyColumns', { extra: raw.extra }));
  // One look at the whole row first: 外字 are rare, and most rows need no look per column.
  if (hasPrivateUse(raw.cells.join('\n'))) {
    for (const [key, i] of columns) {
      if (hasPrivateUse(raw.cells[i] ?? '')) fail(key, problem('roster.gaiji'), 'warning');
    }
  }

  const row: RosterRow = { line, staffId: normaliseId(cell('staffId')) };
  if (row.staffId === '') fail('staffId', problem('roster.required'));
  else if (!STAFF_ID.test(row.staffId)) fail('staffId', problem('roster.idInvalid'));

  const kindCell = cell('kind').trim();
  if (kindCell !== '') {
    const kind = ROSTER_KINDS.find((k) => k === kindCell);
    if (kind) row.kind = kind;
    else fail('kind', problem('roster.unknownKind'));
  }

  // Names: as written (no NFKC), only the surrounding spaces trimmed.
  const name = (key: 'familyName' | 'givenName' | 'altFamilyName', value: string, source: RosterKey) => {
    const v = value.trim();
    if (v === '') return;
    if ([...v].length > LIMITS.name) fail(source, problem('roster.nameTooLong', { max: LIMITS.name }));
    row[key] = v;
  };
  name('familyName', cell('familyName'), 'familyName');
  name('givenName', cell('givenName'), 'givenName');
  if (row.familyName === undefined && row.givenName === undefined && cell('fullName').trim() !== '') {
    const split = splitFullName(cell('fullName'));
    if (!split) fail('fullName', problem('roster.nameUnsplit'));
    else {
      name('familyName', split.family, 'fullName');
      name('givenName', split.given, 'fullName');
    }
  }
  name('altFamilyName', cell('altFamilyName'), 'altFamilyName');
  for (const key of ['familyKana', 'givenKana', 'altFamilyKana'] as const) {
    if (cell(key).trim() === '') continue;
    const kana = normaliseKana(cell(key));
    if (kana === null) fail(key, problem('roster.kanaInvalid'));
    else row[key] = kana;
  }

  const unit = normaliseId(cell('unitId'));
  if (unit !== '') row.unitId = unit;
  if (cell('concurrentUnitIds').trim() !== '')
    row.concurrentUnitIds = splitList(normaliseId(cell('concurrentUnitIds').replace(/\s+/g, ',')));
  if (cell('title').trim() !== '') row.title = cell('title').trim();
  const level = cell('jobLevel').trim();
  if (level !== '') {
    const found = JOB_LEVELS.find((l) => l === level);
    if (found) row.jobLevel = found;
    else fail('jobLevel', problem('roster.unknownJobLevel'));
  }
  const employment = cell('employment').trim();
  if (employment !== '') {
    const found = EMPLOYMENT_TYPES.find((e) => e === employment);
    if (found) row.employment = found;
    else fail('employment', problem('roster.unknownEmployment'));
  }
  const extension = normaliseExtension(cell('extension'));
  if (extension !== '') {
    if (/^[0-9-]{1,12}$/.test(extension)) row.extension = extension;
    else fail('extension', problem('roster.extensionInvalid'));
  }
  const email = asciiLower(cell('email'));
  if (email !== '') {
    if (EMAIL.test(email) && email.length <= 120) row.email = email;
    else fail('email', problem('roster.emailInvalid'));
  }
  if (cell('roles').trim() !== '') {
    const duties: Duty[] = [];
    for (const word of splitList(cell('roles'))) {
      if (word in ROLE_WORDS) row.role = ROLE_WORDS[word as keyof typeof ROLE_WORDS];
      else if (word in DUTY_WORDS) duties.push(DUTY_WORDS[word as keyof typeof DUTY_WORDS]);
      else fail('roles', problem('roster.unknownRole', { role: word }));
    }
    row.duties = duties;
  }
  if (cell('effective').trim() !== '') {
    const read = readDate(cell('effective'));
    if (read.ok) row.effective = read.date;
    else fail('effective', problem(read.why === 'ambiguous' ? 'roster.dateAmbiguous' : 'roster.dateInvalid'));
  } else if (row.kind && row.kind !== '変更') {
    fail('effective', problem('roster.dateRequired'));
  }
  if (row.kind === '採用') {
    for (const key of ['unitId', 'jobLevel'] as const)
      if (row[key] === undefined && !problems.some((p) => p.column === headerOf(key)))
        fail(key, problem('roster.required'));
    if (row.familyName === undefined || row.givenName === undefined)
      fail(
        columns.has('fullName') && !columns.has('familyName') ? 'fullName' : 'familyName',
        problem('roster.required'),
      );
    if (row.email === undefined && !problems.some((p) => p.column === headerOf('email')))
      fail('email', problem('roster.emailRequired'));
  }
  return { row: row.staffId !== '' && STAFF_ID.test(row.staffId) ? row : null, problems };
}

function asciiLower(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .trim()
    .toLowerCase();
}
