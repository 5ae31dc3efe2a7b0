import { DX_SKILLS, type JobLevel, type OrgUnit, type Role } from '../org';
import { problem } from '../problems';
import type { StaffProfile } from '../staff';
import type { Duty, RosterRow, RowProblem } from './check';

/**
 * The server's comparison of checked rows with the roster (issue 21, A1): what each row does, the
 * dry run's summary, and the profile each row leads to. Pure: the dry run and the apply job run
 * the same function, so what HR confirmed is what is applied, and a row applied twice (a rerun
 * after an interruption, the same file again) plans as 変更なし the second time.
 */
export type RosterAction = 'new' | 'transfer' | 'retire' | 'change' | 'unchanged';

export interface RosterSummary {
  new: number;
  transfer: number;
  retire: number;
  change: number;
  unchanged: number;
  /** Rows dated after today: kept on the server until their 発令日 (counted in their action too). */
  future: number;
  /** Rows left out for their errors. */
  rejected: number;
}

export interface PlannedRow {
  line: number;
  /** The roster's id the row applies to (the padded one, when HR confirmed a padded match). */
  staffId: string;
  action: RosterAction;
  /** The day it takes effect (today when the file gave none). */
  effective: string;
  future: boolean;
  /** The row with its id resolved: what a future row keeps until its day. */
  row: RosterRow;
}

export interface PlanInput {
  rows: readonly RosterRow[];
  /** Everyone in the roster now, retired people included, by id. */
  current: ReadonlyMap<string, StaffProfile>;
  /** The organisation as it is (or will be) on a date: its units by id. */
  unitsOn: (date: string) => ReadonlyMap<string, OrgUnit>;
  /** Today in Japan, `YYYY-MM-DD`. */
  today: string;
  /** The organisation's e-mail domains; empty accepts any. */
  emailDomains: readonly string[];
  /** HR confirmed for this file that a short 職員番号 means its zero-padded form in the roster. */
  confirmPadded: boolean;
}

export interface RosterPlan {
  rows: PlannedRow[];
  problems: RowProblem[];
  summary: RosterSummary;
}

/** 職層 whose people are 管理職 unless 役割 says otherwise. */
export const MANAGER_LEVELS: readonly JobLevel[] = ['部長級', '課長級'];

export function planRoster(input: PlanInput): RosterPlan {
  const problems: RowProblem[] = [];
  const rows: PlannedRow[] = [];
  const idLength = typicalIdLength(input.current);
  const summary: RosterSummary = { new: 0, transfer: 0, retire: 0, change: 0, unchanged: 0, future: 0, rejected: 0 };
  for (const given of input.rows) {
    const own: RowProblem[] = [];
    const fail = (
      column: string | null,
      value: string,
      p: RowProblem['problem'],
      severity: RowProblem['severity'] = 'error',
    ) => own.push({ line: given.line, column, value, problem: p, severity });

    let row = given;
    let current = input.current.get(row.staffId) ?? null;
    if (!current && /^\d+$/.test(row.staffId) && idLength !== null && row.staffId.length < idLength) {
      const padded = row.staffId.padStart(idLength, '0');
      if (input.current.has(padded)) {
        fail(
          '職員番号',
          given.staffId,
          problem('roster.paddedMatch', { padded }),
          input.confirmPadded ? 'warning' : 'error',
        );
        row = { ...row, staffId: padded };
        current = input.current.get(padded) ?? null;
      }
    }
    const effective = row.effective ?? input.today;
    const units = input.unitsOn(effective);
    const kind = row.kind;
    if (!current && kind !== undefined && kind !== '採用') fail('職員番号', row.staffId, problem('roster.notInRoster'));
    if (current?.status === 'retired' && kind !== undefined && kind !== '採用')
      fail('区分', kind, problem('roster.notActive'));
    if (!current && kind === undefined) {
      if (row.unitId === undefined) fail('所属コード', '', problem('roster.required'));
      if (row.jobLevel === undefined) fail('職層', '', problem('roster.required'));
      if (row.familyName === undefined || row.givenName === undefined) fail('姓', '', problem('roster.required'));
      if (row.email === undefined) fail('メール', '', problem('roster.emailRequired'));
    }
    for (const unitId of [row.unitId, ...(row.concurrentUnitIds ?? [])]) {
      if (unitId !== undefined && !units.has(unitId)) {
        fail(
          unitId === row.unitId ? '所属コード' : '兼務所属コード',
          unitId,
          problem('roster.unknownUnit', { date: effective }),
        );
      }
    }
    if (row.email !== undefined && input.emailDomains.length > 0) {
      const domain = row.email.slice(row.email.lastIndexOf('@') + 1);
      if (!input.emailDomains.includes(domain)) {
        fail('メール', row.email, problem('roster.emailDomain', { domains: input.emailDomains.join('、') }));
      }
    }
    const errors = own.some((p) => p.severity === 'error');
    problems.push(...own);
    if (errors) {
      summary.rejected++;
      continue;
    }
    const next = applyRow(current, row, effective, units);
    const action = actionOf(current, next);
    if (action !== 'unchanged' && kind === '採用' && current && current.status !== 'retired') {
      problems.push({
        line: row.line,
        column: '職員番号',
        value: row.staffId,
        problem: problem('roster.alreadyInRoster'),
        severity: 'error',
      });
      summary.rejected++;
      continue;
    }
    const latest = current?.history.at(-1)?.from;
    if (action === 'transfer' && latest !== undefined && effective < latest) {
      problems.push({
        line: row.line,
        column: '発令日',
        value: effective,
        problem: problem('roster.beforeLatest', { date: latest }),
        severity: 'error',
      });
      summary.rejected++;
      continue;
    }
    const future = effective > input.today && action !== 'unchanged';
    summary[action]++;
    if (future) summary.future++;
    rows.push({ line: row.line, staffId: row.staffId, action, effective, future, row });
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems, summary };
}

/** The most common length of the roster's numeric ids (the length Excel's stripping shortens). */
function typicalIdLength(current: ReadonlyMap<string, StaffProfile>): number | null {
  const counts = new Map<number, number>();
  for (const id of current.keys()) if (/^\d+$/.test(id)) counts.set(id.length, (counts.get(id.length) ?? 0) + 1);
  let best: number | null = null;
  for (const [len, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = len;
  return best;
}

export function actionOf(current: StaffProfile | null, next: StaffProfile): RosterAction {
  if (!current || (current.status === 'retired' && next.status !== 'retired')) return 'new';
  if (next.status === 'retired' && current.status !== 'retired') return 'retire';
  if (next.unitId !== current.unitId) return 'transfer';
  return sameProfile(current, next) ? 'unchanged' : 'change';
}

/**
 * Whether two profiles hold the same values (a field set to undefined counts as absent). A walk
 * over the values, not JSON: the dry run compares every row of a 40,000-row file with its person.
 */
export function sameProfile(a: StaffProfile, b: StaffProfile): boolean {
  return sameValue(a, b);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let defined = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    defined++;
    if (!sameValue(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) defined--;
  return defined === 0;
}

/** The main role a row leads to: 役割's, else 人事 kept, else 管理職 from 職層. */
export function roleOf(row: RosterRow, current: StaffProfile | null, jobLevel: JobLevel): Role {
  if (row.role) return row.role;
  if (current?.role === 'hr') return 'hr';
  return MANAGER_LEVELS.includes(jobLevel) ? 'manager' : 'staff';
}

/** Writes a row over a profile (or makes one): a given cell sets its field, an empty one keeps it. */
export function applyRow(
  current: StaffProfile | null,
  row: RosterRow,
  effective: string,
  units: ReadonlyMap<string, OrgUnit>,
): StaffProfile {
  // A shallow copy: every field this function changes is replaced, never changed in place, so the
  // profile given stays as it was and the two share only what did not change (treat both as
  // read-only). Cloning every profile was most of the dry run's time.
  const base: StaffProfile = current
    ? { ...current }
    : {
        id: row.staffId,
        familyName: '',
        givenName: '',
        familyKana: '',
        givenKana: '',
        altFamilyName: '',
        altFamilyKana: '',
        unitId: row.unitId ?? '',
        title: '',
        jobLevel: row.jobLevel ?? '係員',
        employment: '正規',
        extension: '',
        email: '',
        skills: [],
        dxLevels: DX_SKILLS.map(() => 0),
        hobbies: [],
        qualifications: [],
        intro: '',
        photo: null,
        role: 'staff',
        duties: [],
        loginEmail: row.email ?? '',
        privatePhone: '',
        history: [],
        audiences: {},
        photoConsent: false,
      };
  const next = base;
  const set = <K extends keyof RosterRow & keyof StaffProfile>(key: K) => {
    const value = row[key];
    if (value !== undefined) (next as Record<K, unknown>)[key] = value;
  };
  set('familyName');
  set('givenName');
  set('familyKana');
  set('givenKana');
  set('altFamilyName');
  set('altFamilyKana');
  set('title');
  set('jobLevel');
  set('employment');
  set('extension');
  if (row.email !== undefined) {
    next.email = row.email;
    next.loginEmail = row.email;
  }
  if (row.concurrentUnitIds !== undefined) {
    if (row.concurrentUnitIds.length > 0) next.concurrentUnitIds = [...row.concurrentUnitIds];
    else delete next.concurrentUnitIds;
  }
  next.role = roleOf(row, current, next.jobLevel);
  next.duties = [...(row.duties ?? current?.duties ?? [])] as Duty[];

  const unitId = row.unitId ?? next.unitId;
  const moved = !current || current.unitId !== unitId || current.status === 'retired';
  if (moved) {
    const history = next.history.map((h) => (h.to === null ? { ...h, to: dayBefore(effective) } : h));
    history.push({ unitId, unitName: unitPath(unitId, units), from: effective, to: null });
    next.history = history;
  }
  next.unitId = unitId;

  if (row.kind === '退職') next.status = 'retired';
  else if (row.kind === '休職') next.status = 'leave';
  else if (row.kind === '復職' || row.kind === '採用') delete next.status;
  else if (current?.status === 'retired') delete next.status;
  return next;
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** 部 課 係 joined with spaces, as the history's unit names are. */
function unitPath(unitId: string, units: ReadonlyMap<string, OrgUnit>): string {
  const names: string[] = [];
  let unit = units.get(unitId);
  for (let i = 0; unit && i < 5; i++) {
    names.unshift(unit.name);
    unit = unit.parentId === null ? undefined : units.get(unit.parentId);
  }
  return names.join(' ') || unitId;
}
