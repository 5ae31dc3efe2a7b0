import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import type { Claims } from '../../../../src/domain/protocol';
import type { OrgUnit } from '../../../../src/domain/org';
import type { StaffProfile } from '../../../../src/domain/staff';
import { problem } from '../../../../src/domain/problems';
import { problemOfIssues } from '../../../../src/domain/issues';
import {
  checkBatch,
  mappingOf,
  unitDiff,
  unitsNow,
  unitsOnDay,
  type Members,
  type OrgChange,
  type OrgCheck,
} from '../../../../src/domain/organisation/batch';
import {
  NewBatchSchema,
  ORG_PATHS,
  type OrgApplyAnswer,
  type OrgPreview,
} from '../../../../src/domain/organisation/protocol';
import { jstDate } from '../../../../src/domain/roster/normalize';
import { HandlerError, badRequest, notFound } from '../../api/errors';
import type { ServerStores } from '../stores';
import { withoutUndefined } from '../../kit/firestore';
import { refreshDirectoryDue } from '../due';
import { loadRoster } from '../roster/handlers';
import type { OrgBatch } from './port';
import { recordAudit } from '../audit/record';

/** Records an applied batch for the audit log (A3): who, when, which batch and its counts. */
export type OrganisationAudit = (
  orgId: string,
  entry: { by: string; batch: OrgBatch; at: Date; endpoint: string },
) => Promise<void>;

export function organisationAudit(stores: Pick<ServerStores, 'audit'>): OrganisationAudit {
  return (orgId, { by, batch, at, endpoint }) => {
    const s = batch.summary;
    return recordAudit(
      stores,
      { orgId, staffId: by, role: 'hr' },
      {
        kind: 'org.batch',
        subject: null,
        endpoint,
        detail: `${batch.id} effective=${batch.effective} add=${s.add} rename=${s.rename} move=${s.move} merge=${s.merge} abolish=${s.abolish}`,
      },
      at,
    );
  };
}

/**
 * The organisation upkeep's use cases (issue 21, A4), for HR only (the routes say so). HR sends a
 * batch (from the form or a CSV read on the device); the server checks it against the
 * organisation as it will be on the batch's day and stages it, answering every change's problem
 * and a summary (the preview); nothing changes until HR applies it. A batch dated today or
 * earlier applies at once; one dated ahead is scheduled: kept on the server (内示 is confidential:
 * no device sees it) and applied by the first directory sync after 00:00 JST of its day (due.ts).
 */
export type OrganisationStores = Pick<ServerStores, 'organisation' | 'directory' | 'roster'>;

export async function previewBatch(
  stores: OrganisationStores,
  claims: Claims,
  body: unknown,
  now: Date,
): Promise<OrgPreview> {
  const r = v.safeParse(NewBatchSchema, body);
  if (!r.success) throw badRequest(problemOfIssues(r.issues));
  const { effective } = r.output;
  // valibot's optional is `T | undefined`; a change's absent kana is left out.
  const changes = r.output.changes.map((c) => withoutUndefined({ ...c }) as OrgChange);
  if (Number.isNaN(Date.parse(`${effective}T00:00:00Z`))) throw badRequest(problem('org.dateInvalid'));
  const checked = await checkOn(stores, claims.orgId, effective, changes);
  const batch: OrgBatch = {
    id: randomUUID(),
    by: claims.staffId,
    createdAt: now.toISOString(),
    effective,
    changes,
    summary: checked.summary,
    status: 'staged',
  };
  await stores.organisation.putBatch(claims.orgId, batch);
  return {
    batchId: batch.id,
    effective,
    problems: checked.problems,
    summary: checked.summary,
    future: effective > jstDate(now),
  };
}

/**
 * Applies a staged batch: checked again against the organisation as it is now (people may have
 * moved since the preview); refused with every problem when any remains. Dated ahead, it is
 * scheduled and the directory's due day set; otherwise its units reach the directory (and the
 * devices, as change pages) at once, its mapping is kept, and it is recorded for the audit log.
 */
export async function applyBatch(
  stores: OrganisationStores,
  claims: Claims,
  batchId: string,
  now: Date,
  audit: OrganisationAudit | null,
): Promise<OrgApplyAnswer> {
  const batch = await stores.organisation.getBatch(claims.orgId, batchId);
  if (!batch) throw notFound(problem('org.batchNotFound'));
  if (batch.status !== 'staged') throw new HandlerError(409, problem('org.notStaged'));
  const checked = await checkOn(stores, claims.orgId, batch.effective, batch.changes);
  if (checked.problems.length > 0) {
    // The preview says which: HR previews again to see them.
    throw new HandlerError(409, problem('org.hasErrors', { count: checked.problems.length }));
  }
  if (batch.effective > jstDate(now)) {
    if (!(await stores.organisation.advance(claims.orgId, batchId, 'scheduled', now.toISOString()))) {
      throw new HandlerError(409, problem('org.notStaged'));
    }
    await refreshDirectoryDue(stores, claims.orgId);
    return { batchId, status: 'scheduled', summary: checked.summary };
  }
  const applied = await writeBatch(stores, claims.orgId, batch, now);
  if (!applied) throw new HandlerError(409, problem('org.notStaged'));
  if (audit) await audit(claims.orgId, { by: claims.staffId, batch, at: now, endpoint: ORG_PATHS.apply(batchId) });
  return { batchId, status: 'applied', summary: checked.summary };
}

/**
 * Writes a batch's units to the directory (one atomic write, logged as change pages), keeps its
 * mapping, and marks it applied. The batch is first marked applied, so that of two requests at
 * once only one writes (the other finds it moved). Returns false when another got there first or
 * when the batch no longer applies (say someone is still in a unit it abolishes): such a batch
 * stays as it was, and its problems show when HR previews it again.
 */
export async function writeBatch(
  stores: OrganisationStores,
  orgId: string,
  batch: OrgBatch,
  now: Date,
): Promise<boolean> {
  const units = await stores.directory.listUnits(orgId);
  const members = membersOf(await loadRoster(stores, orgId), new Map());
  const checked = checkBatch(units, batch.changes, members);
  if (checked.problems.length > 0) return false;
  if (!(await stores.organisation.advance(orgId, batch.id, 'applied', now.toISOString()))) return false;
  await stores.organisation.putMappings(orgId, mappingOf(batch.effective, batch.changes));
  const diff = unitDiff(units, checked.units);
  await stores.directory.putUnitChanges(orgId, diff);
  return true;
}

/** The organisation on `day` (today's units with the batches scheduled up to that day). */
export async function organisationOn(
  stores: Pick<ServerStores, 'organisation' | 'directory'>,
  orgId: string,
  day: string,
): Promise<OrgUnit[]> {
  const [units, scheduled] = await Promise.all([
    stores.directory.listUnits(orgId),
    stores.organisation.listScheduled(orgId),
  ]);
  return unitsOnDay(units, scheduled, day);
}

/** A past unit's units now, by the kept mapping (for surveys' trends across a reorganisation). */
export async function unitsNowOf(
  stores: Pick<ServerStores, 'organisation'>,
  orgId: string,
  unitId: string,
  date: string,
): Promise<string[]> {
  return unitsNow(await stores.organisation.listMappings(orgId), unitId, date);
}

async function checkOn(
  stores: OrganisationStores,
  orgId: string,
  effective: string,
  changes: readonly OrgChange[],
): Promise<OrgCheck> {
  const [units, people, pending] = await Promise.all([
    organisationOn(stores, orgId, effective),
    loadRoster(stores, orgId),
    stores.roster.listPending(orgId),
  ]);
  // Who sits where on the batch's day: the roster's own changes kept until then count (a 4/1
  // transfer out of a unit abolished on 4/1 empties it).
  const moves = new Map<string, string | null>();
  for (const c of [...pending].sort((a, b) => (a.effective < b.effective ? -1 : 1))) {
    if (c.effective > effective) continue;
    if (c.row.kind === '退職') moves.set(c.staffId, null);
    else if (c.row.unitId !== undefined) moves.set(c.staffId, c.row.unitId);
  }
  return checkBatch(units, changes, membersOf(people, moves));
}

/** People by unit (their own and their 兼務 units), retired people left out. */
function membersOf(people: ReadonlyMap<string, StaffProfile>, moves: ReadonlyMap<string, string | null>): Members {
  const out = new Map<string, string[]>();
  const add = (unit: string, id: string) => {
    const list = out.get(unit) ?? [];
    list.push(id);
    out.set(unit, list);
  };
  for (const p of people.values()) {
    if (p.status === 'retired') continue;
    const moved = moves.get(p.id);
    if (moved === null) continue;
    add(moved ?? p.unitId, p.id);
    for (const u of p.concurrentUnitIds ?? []) add(u, p.id);
  }
  for (const list of out.values()) list.sort();
  return out;
}
