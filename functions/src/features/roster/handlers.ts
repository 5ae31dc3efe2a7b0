import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import type { Claims } from '../../../../src/domain/protocol';
import type { OrgUnit } from '../../../../src/domain/org';
import { problem } from '../../../../src/domain/problems';
import { problemOfIssues } from '../../../../src/domain/issues';
import type { StaffProfile } from '../../../../src/domain/staff';
import type { CsvRow } from '../../../../src/domain/csv/read';
import { checkRosterTable, type RowProblem } from '../../../../src/domain/roster/check';
import { jstDate } from '../../../../src/domain/roster/normalize';
import { applyRow, planRoster, type RosterPlan, type RosterSummary } from '../../../../src/domain/roster/plan';
import {
  ApplyRequestSchema,
  CheckRequestSchema,
  ImportPartSchema,
  NewImportSchema,
  ROSTER_PATHS,
  ROWS_PER_PART,
  type ApplyAnswer,
  type DryRunAnswer,
} from '../../../../src/domain/roster/protocol';
import { HandlerError, badRequest, notFound } from '../../api/errors';
import type { AccessChange } from '../../kit/access';
import type { ServerStores } from '../stores';
import { pendingId, type ImportMeta, type PendingChange } from './port';
import type { RosterWiring } from './wiring';
import { refreshDirectoryDue } from '../due';
import { unitsOnDay } from '../../../../src/domain/organisation/batch';

/**
 * The roster import's use cases (issue 21, A1), for HR only (the routes say so). The device reads
 * and checks the file in a worker, then sends its rows in parts; the server checks them again (it
 * trusts nothing a device sends), compares them with the roster (the dry run), and applies them as
 * a job with a checkpoint: each call does a bounded amount of work, and a call after an
 * interruption goes on from the checkpoint. The apply re-plans against the roster as it is, with
 * the same pure planRoster as the dry run, so a row already applied plans as 変更なし and is not
 * written again: no duplicates after a rerun, and the same file twice changes nothing.
 */
export type RosterStores = Pick<ServerStores, 'roster' | 'directory' | 'organisation'>;

/**
 * Rows per step: one AccessPort call (which reads and writes its states in batches of its own),
 * the people in directory batches of BULK_PROFILES_PER_BATCH, then the checkpoint. A step's fixed
 * costs (the AccessPort's queries, the checkpoint) are paid 40 times for 40,000 people, not 200.
 */
export const APPLY_STEP = 1000;
/**
 * An apply call stops after this much work and says `done: false`; the device calls again. Each
 * call reads the whole roster to re-plan, so fewer, longer calls are cheaper; the function's
 * timeout is 300 s (functions/src/index.ts).
 */
export const APPLY_BUDGET_MS = 120_000;

function parse<T>(schema: v.GenericSchema<unknown, T>, body: unknown): T {
  const r = v.safeParse(schema, body);
  if (!r.success) throw badRequest(problemOfIssues(r.issues));
  return r.output;
}

export async function createImport(
  stores: RosterStores,
  claims: Claims,
  body: unknown,
  now: Date,
): Promise<{ importId: string; parts: number }> {
  const spec = parse(NewImportSchema, body);
  if (spec.rowCount === 0) throw badRequest(problem('roster.noRows'));
  const meta: ImportMeta = {
    id: randomUUID(),
    by: claims.staffId,
    createdAt: now.toISOString(),
    fileName: spec.fileName,
    bytes: spec.bytes,
    encoding: spec.encoding,
    header: spec.header,
    rowCount: spec.rowCount,
    parts: Math.ceil(spec.rowCount / ROWS_PER_PART),
    status: 'open',
    checkpoint: 0,
  };
  await stores.roster.putImport(claims.orgId, meta);
  return { importId: meta.id, parts: meta.parts };
}

export async function putImportPart(
  stores: RosterStores,
  claims: Claims,
  importId: string,
  n: number,
  body: unknown,
): Promise<{ ok: true }> {
  const meta = await importOf(stores, claims, importId);
  const { rows } = parse(ImportPartSchema, body);
  if (!Number.isInteger(n) || n < 0 || n >= meta.parts) throw badRequest(problem('api.badRequest'));
  if (meta.status !== 'open') throw new HandlerError(409, problem('api.badRequest'));
  await stores.roster.putPart(claims.orgId, importId, n, rows);
  return { ok: true };
}

/** The dry run: every row's problem and the summary, nothing written. */
export async function dryRun(
  stores: RosterStores,
  claims: Claims,
  importId: string,
  body: unknown,
  now: Date,
): Promise<DryRunAnswer> {
  const { confirmPadded } = parse(CheckRequestSchema, body);
  const meta = await importOf(stores, claims, importId);
  const { plan, problems, summary, errorLines } = await planImport(stores, claims.orgId, meta, confirmPadded, now);
  void plan;
  return { importId, summary, problems, errorLines };
}

/**
 * One call of the apply job: from the checkpoint, `APPLY_STEP` rows at a time, until done or the
 * budget is spent. A step first gives the AccessPort the rights its people get (idempotent: a
 * rerun asks again and nothing changes twice), then writes the people (the directory logs each
 * as a change for the devices' next sync), keeps future rows until their day, and moves the
 * checkpoint. Interrupted anywhere, the next call re-plans and finds the written rows 変更なし.
 */
export async function applyImport(
  stores: RosterStores,
  claims: Claims,
  importId: string,
  body: unknown,
  now: () => Date,
  wiring: RosterWiring | null,
  budgetMs = APPLY_BUDGET_MS,
): Promise<ApplyAnswer> {
  const { confirmPadded, validOnly } = parse(ApplyRequestSchema, body);
  if (!wiring) throw new HandlerError(503, problem('roster.accessUnavailable'));
  const started = Date.now();
  const meta = await importOf(stores, claims, importId);
  const { plan, summary, errorLines, current, units } = await planImport(
    stores,
    claims.orgId,
    meta,
    confirmPadded,
    now(),
  );
  if (errorLines > 0 && !validOnly && meta.status === 'open') {
    throw new HandlerError(409, problem('roster.hasErrors', { count: errorLines }));
  }
  const confirmed = meta.summary ?? summary;
  const total = meta.rowCount;
  const pendingHr: string[] = [];
  let checkpoint = meta.checkpoint;
  const todo = plan.rows.filter((r) => r.line > checkpoint);
  if (meta.status === 'open') {
    await stores.roster.advance(claims.orgId, importId, { checkpoint, status: 'applying', summary: confirmed });
  }
  for (let i = 0; i < todo.length; i += APPLY_STEP) {
    const step = todo.slice(i, i + APPLY_STEP);
    const people: StaffProfile[] = [];
    const access: AccessChange[] = [];
    const kept: PendingChange[] = [];
    for (const planned of step) {
      if (planned.action === 'unchanged') continue;
      if (planned.future) {
        kept.push({
          id: pendingId(planned.staffId, planned.effective),
          staffId: planned.staffId,
          effective: planned.effective,
          importId,
          by: claims.staffId,
          row: planned.row,
        });
        continue;
      }
      const before = current.get(planned.staffId) ?? null;
      const next = applyRow(before, planned.row, planned.effective, units);
      people.push(next);
      const change = accessChangeOf(before, next);
      if (change) access.push(change);
    }
    if (access.length > 0) {
      const outcome = await wiring.access.apply(claims.orgId, access, { staffId: claims.staffId });
      const held = new Set(outcome.pendingHr);
      pendingHr.push(...outcome.pendingHr);
      // A grant of 人事 waiting for a second HR account is not shown as 人事 yet.
      for (const p of people) {
        if (held.has(p.id)) p.role = current.get(p.id)?.role ?? 'staff';
      }
    }
    if (people.length > 0) await stores.directory.putStaffBulk(claims.orgId, people);
    if (kept.length > 0) {
      await stores.roster.putPending(claims.orgId, kept);
      await lowerDue(stores, claims.orgId, kept);
    }
    checkpoint = step.at(-1)?.line ?? checkpoint;
    const last = i + APPLY_STEP >= todo.length;
    if (!last) {
      await stores.roster.advance(claims.orgId, importId, { checkpoint, status: 'applying', summary: confirmed });
      if (Date.now() - started > budgetMs) {
        return {
          importId,
          done: false,
          processed: processedUpTo(plan, checkpoint),
          total,
          summary: confirmed,
          pendingHr,
        };
      }
    }
  }
  const at = now().toISOString();
  const wasDone = meta.status === 'done';
  await stores.roster.advance(claims.orgId, importId, {
    checkpoint: Number.MAX_SAFE_INTEGER,
    status: 'done',
    summary: confirmed,
    finishedAt: at,
  });
  const answer: ApplyAnswer = { importId, done: true, processed: total, total, summary: confirmed, pendingHr };
  if (!wasDone && wiring.audit) {
    await wiring.audit(claims.orgId, {
      kind: 'roster.import',
      by: claims.staffId,
      at,
      importId,
      file: { name: meta.fileName, bytes: meta.bytes, encoding: meta.encoding, rows: meta.rowCount },
      summary: confirmed,
      endpoint: ROSTER_PATHS.apply(importId),
    });
  }
  return answer;
}

function processedUpTo(plan: RosterPlan, line: number): number {
  return plan.rows.filter((r) => r.line <= line).length;
}

/** The rights a profile change leads to, or null when role, duties, address and status stay. */
export function accessChangeOf(before: StaffProfile | null, next: StaffProfile): AccessChange | null {
  const change: AccessChange = {
    staffId: next.id,
    role: next.role,
    duties: [...next.duties],
    ...(next.loginEmail !== '' && { email: next.loginEmail }),
    active: next.status !== 'retired',
  };
  if (
    before &&
    before.role === next.role &&
    before.duties.join() === next.duties.join() &&
    before.loginEmail === next.loginEmail &&
    (before.status === 'retired') === (next.status === 'retired')
  ) {
    return null;
  }
  return change;
}

async function importOf(stores: RosterStores, claims: Claims, importId: string): Promise<ImportMeta> {
  const meta = await stores.roster.getImport(claims.orgId, importId);
  if (!meta) throw notFound(problem('roster.importNotFound'));
  return meta;
}

interface PlannedImport {
  plan: RosterPlan;
  problems: RowProblem[];
  summary: RosterSummary;
  errorLines: number;
  current: Map<string, StaffProfile>;
  units: Map<string, OrgUnit>;
}

async function planImport(
  stores: RosterStores,
  orgId: string,
  meta: ImportMeta,
  confirmPadded: boolean,
  now: Date,
): Promise<PlannedImport> {
  const parts = await stores.roster.getParts(orgId, meta.id, meta.parts);
  if (parts.some((p) => p === null)) throw new HandlerError(409, problem('roster.importIncomplete'));
  const rows: CsvRow[] = parts.flatMap((p) => p ?? []);
  const checked = checkRosterTable({ header: meta.header, rows });
  const [current, unitList, scheduled] = await Promise.all([
    loadRoster(stores, orgId),
    stores.directory.listUnits(orgId),
    stores.organisation.listScheduled(orgId),
  ]);
  const units = new Map(unitList.map((u) => [u.id, u]));
  const byDay = new Map<string, Map<string, OrgUnit>>();
  const plan = planRoster({
    rows: checked.rows,
    current,
    // The organisation on a row's own day: today's units with the batches scheduled up to then (A4).
    unitsOn: (day) => {
      if (scheduled.length === 0) return units;
      let on = byDay.get(day);
      if (!on) {
        on = new Map(unitsOnDay(unitList, scheduled, day).map((u) => [u.id, u]));
        byDay.set(day, on);
      }
      return on;
    },
    today: jstDate(now),
    emailDomains: domainsOf(current),
    confirmPadded,
  });
  const problems = [...checked.problems, ...plan.problems].sort((a, b) => a.line - b.line);
  const errorLines = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.line)).size;
  const headerBroken = checked.badLines.includes(0);
  const summary = {
    ...plan.summary,
    rejected: plan.summary.rejected + (headerBroken ? rows.length : checked.badLines.length),
  };
  return { plan, problems, summary, errorLines, current, units };
}

/**
 * Profiles per page when the whole roster is read: pages of 5,000 (about 10 MB) mean 8 queries for
 * 40,000 people, not 40 (the local stand-in sorts the whole collection for every page).
 */
const ROSTER_PAGE = 5000;

/** Everyone in the roster, retired people included. */
export async function loadRoster(
  stores: Pick<ServerStores, 'directory'>,
  orgId: string,
): Promise<Map<string, StaffProfile>> {
  const all = new Map<string, StaffProfile>();
  let afterId: string | undefined;
  for (;;) {
    const page = await stores.directory.listStaff(orgId, {
      limit: ROSTER_PAGE,
      ...(afterId !== undefined && { afterId }),
    });
    for (const p of page) all.set(p.id, p);
    if (page.length < ROSTER_PAGE) return all;
    afterId = page.at(-1)?.id;
  }
}

/** The organisation's e-mail domains: those of its people's sign-in addresses. */
function domainsOf(current: ReadonlyMap<string, StaffProfile>): string[] {
  const domains = new Set<string>();
  for (const p of current.values()) {
    const at = p.loginEmail.lastIndexOf('@');
    if (at > 0) domains.add(p.loginEmail.slice(at + 1).toLowerCase());
  }
  return [...domains].sort();
}

/**
 * After changes were kept: the head's due day moved to the earliest of theirs if that is sooner
 * (one read of the head, not of the whole kept list: a file with thousands of rows dated ahead
 * keeps them in many steps). Kept changes are only added here, so the earliest can only move earlier.
 */
async function lowerDue(stores: RosterStores, orgId: string, kept: readonly PendingChange[]): Promise<void> {
  const earliest = kept.reduce<string | null>(
    (min, c) => (min === null || c.effective < min ? c.effective : min),
    null,
  );
  if (earliest === null) return;
  const due = (await stores.directory.getDirectoryMeta(orgId)).rosterDue;
  if (due === undefined || due === null || earliest < due) await stores.directory.setRosterDue(orgId, earliest);
}

/** The directory head's due day: the earliest kept work's, the organisation's batches included (features/due.ts). */
export async function refreshDue(stores: RosterStores, orgId: string): Promise<void> {
  await refreshDirectoryDue(stores, orgId);
}
