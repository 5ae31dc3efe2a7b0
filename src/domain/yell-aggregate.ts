import * as v from 'valibot';
import { problem, type Problem } from './problems';
import { departmentOf, unitAncestry, type OrgUnit, type Role } from './org';
import { tokyoMonth, type RecognitionSettings } from './yells';

/**
 * Aggregates of エール (R3) as pure folds: the server applies `yellDelta` of each accepted send in
 * the same write as the send (as increments), so the summary is a few document reads, never a
 * scan. `foldYell` is the same fold over a whole aggregate, for tests and the in-memory store.
 *
 * The unit of counting is one (yell, recipient) pair: an エール to three people counts three
 * times in the department, value and month counts, and a pair is cross-department when the
 * sender's 部 differs from the recipient's 部. A person's `sent` counts yells (what the daily cap
 * counts), their `received` counts pairs. No per-person figure is ever part of a summary.
 */

/** The scope key of the whole organisation; every other scope is a unit id. */
export const ORG_SCOPE = '@org';

/** A person as the fold needs them: their unit path from their 部 down to their own unit. */
export interface YellParty {
  staffId: string;
  /** Unit ids, 部 first, ending with the unit the person sits in; empty when the unit is unknown. */
  path: readonly string[];
}

export interface YellAggEvent {
  value: string;
  /** Server time of acceptance (the month is taken from it in Asia/Tokyo). */
  createdAt: string;
  from: YellParty;
  to: readonly YellParty[];
}

export interface MonthCount {
  count: number;
  crossDepartment: number;
}

/** One scope's counts (the organisation or one unit). */
export interface ScopeAggregate {
  /** Pairs where the sender or the recipient is in the scope. */
  total: number;
  crossDepartment: number;
  byValue: Record<string, number>;
  /** Pairs received, by the scope's child unit on the recipient's path (the scope itself for people sitting directly in it). */
  received: Record<string, number>;
  /** Pairs sent, by the scope's child unit on the sender's path. */
  sent: Record<string, number>;
  byMonth: Record<string, MonthCount>;
}

export interface PersonCounts {
  received: number;
  sent: number;
}

export interface RecognitionAggregate {
  scopes: Record<string, ScopeAggregate>;
  people: Record<string, PersonCounts>;
}

export function emptyScope(): ScopeAggregate {
  return { total: 0, crossDepartment: 0, byValue: {}, received: {}, sent: {}, byMonth: {} };
}

export function emptyAggregate(): RecognitionAggregate {
  return { scopes: {}, people: {} };
}

/** The scope child a person counts under: the unit after `scope` on their path, or the scope itself. */
function childOf(scope: string, path: readonly string[]): string | undefined {
  if (scope === ORG_SCOPE) return path[0];
  const i = path.indexOf(scope);
  if (i < 0) return undefined;
  return path[i + 1] ?? scope;
}

/** Whether a pair crosses 部: unknown units count as their own 部 (''), so two unknowns do not cross. */
export function crossesDepartment(from: YellParty, to: YellParty): boolean {
  return (from.path[0] ?? '') !== (to.path[0] ?? '');
}

/** What one accepted send adds: the counts to increment, per scope and per person. */
export function yellDelta(event: YellAggEvent): RecognitionAggregate {
  const month = tokyoMonth(event.createdAt);
  const delta = emptyAggregate();
  const scope = (key: string) => (delta.scopes[key] ??= emptyScope());
  const person = (id: string) => (delta.people[id] ??= { received: 0, sent: 0 });
  person(event.from.staffId).sent += 1;
  for (const to of event.to) {
    person(to.staffId).received += 1;
    const cross = crossesDepartment(event.from, to) ? 1 : 0;
    const keys = new Set([ORG_SCOPE, ...event.from.path, ...to.path]);
    for (const key of keys) {
      const s = scope(key);
      s.total += 1;
      s.crossDepartment += cross;
      s.byValue[event.value] = (s.byValue[event.value] ?? 0) + 1;
      const m = (s.byMonth[month] ??= { count: 0, crossDepartment: 0 });
      m.count += 1;
      m.crossDepartment += cross;
      const received = childOf(key, to.path);
      if (received !== undefined) s.received[received] = (s.received[received] ?? 0) + 1;
      const sent = childOf(key, event.from.path);
      if (sent !== undefined) s.sent[sent] = (s.sent[sent] ?? 0) + 1;
    }
  }
  return delta;
}

function addCounts(a: Record<string, number>, b: Readonly<Record<string, number>>): Record<string, number> {
  const out = { ...a };
  for (const [k, n] of Object.entries(b)) out[k] = (out[k] ?? 0) + n;
  return out;
}

export function addScopes(a: ScopeAggregate, b: ScopeAggregate): ScopeAggregate {
  const byMonth: Record<string, MonthCount> = { ...a.byMonth };
  for (const [k, m] of Object.entries(b.byMonth)) {
    const prev = byMonth[k] ?? { count: 0, crossDepartment: 0 };
    byMonth[k] = { count: prev.count + m.count, crossDepartment: prev.crossDepartment + m.crossDepartment };
  }
  return {
    total: a.total + b.total,
    crossDepartment: a.crossDepartment + b.crossDepartment,
    byValue: addCounts(a.byValue, b.byValue),
    received: addCounts(a.received, b.received),
    sent: addCounts(a.sent, b.sent),
    byMonth,
  };
}

export function addAggregates(a: RecognitionAggregate, b: RecognitionAggregate): RecognitionAggregate {
  const scopes = { ...a.scopes };
  for (const [k, s] of Object.entries(b.scopes)) scopes[k] = addScopes(scopes[k] ?? emptyScope(), s);
  const people = { ...a.people };
  for (const [k, p] of Object.entries(b.people)) {
    const prev = people[k] ?? { received: 0, sent: 0 };
    people[k] = { received: prev.received + p.received, sent: prev.sent + p.sent };
  }
  return { scopes, people };
}

/** The fold: the aggregate after one more accepted send. Pure; `agg` is not changed. */
export function foldYell(agg: RecognitionAggregate, event: YellAggEvent): RecognitionAggregate {
  return addAggregates(agg, yellDelta(event));
}

/** A person's unit path, 部 first, for the fold. */
export function unitPath(units: ReadonlyMap<string, OrgUnit>, unitId: string): string[] {
  return unitAncestry(units, unitId)
    .map((u) => u.id)
    .reverse();
}

// ---------------------------------------------------------------------------------------------
// The summary screen's answer

export const RecognitionSummarySchema = v.object({
  scope: v.object({ unitId: v.nullable(v.string()), name: v.string() }),
  total: v.number(),
  crossDepartment: v.number(),
  crossDepartmentShare: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  byValue: v.array(v.object({ value: v.string(), label: v.string(), count: v.number() })),
  /** The scope's child units (the 部 for the whole organisation), each with pairs received and sent. */
  byDepartment: v.array(v.object({ unitId: v.string(), name: v.string(), received: v.number(), sent: v.number() })),
  /** Months in order, 'YYYY-MM' (Asia/Tokyo). */
  byMonth: v.array(v.object({ month: v.string(), count: v.number(), crossDepartment: v.number() })),
});
export type RecognitionSummary = v.InferOutput<typeof RecognitionSummarySchema>;

/** Defined with the yells (the app reads it with them); here too for the server's summary code. */
export { RecognitionMeSchema, type RecognitionMe } from './yells';

export const ORG_SCOPE_NAME = '組織全体';

/**
 * The summary of one scope, from its aggregate. Every value of the settings is listed (zero
 * included) and values no longer in the settings keep their counts under their id. Every child
 * unit is listed, in display order, so a chart's bars do not come and go.
 */
export function summarize(
  agg: ScopeAggregate,
  scopeUnitId: string | null,
  units: readonly OrgUnit[],
  settings: RecognitionSettings,
): RecognitionSummary {
  const byId = new Map(units.map((u) => [u.id, u]));
  const scopeUnit = scopeUnitId === null ? undefined : byId.get(scopeUnitId);
  const children = units
    .filter((u) => (scopeUnitId === null ? u.parentId === null : u.parentId === scopeUnitId))
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = children.map((u) => ({
    unitId: u.id,
    name: u.name,
    received: agg.received[u.id] ?? 0,
    sent: agg.sent[u.id] ?? 0,
  }));
  // People sitting directly in the scope unit (a 課長 in the 課) count under the scope itself.
  if (scopeUnit && ((agg.received[scopeUnit.id] ?? 0) > 0 || (agg.sent[scopeUnit.id] ?? 0) > 0)) {
    rows.unshift({
      unitId: scopeUnit.id,
      name: scopeUnit.name,
      received: agg.received[scopeUnit.id] ?? 0,
      sent: agg.sent[scopeUnit.id] ?? 0,
    });
  }
  const known = new Set(settings.values.map((x) => x.id));
  const byValue = [
    ...settings.values.map((x) => ({ value: x.id, label: x.label, count: agg.byValue[x.id] ?? 0 })),
    ...Object.keys(agg.byValue)
      .filter((id) => !known.has(id))
      .sort()
      .map((id) => ({ value: id, label: id, count: agg.byValue[id] ?? 0 })),
  ];
  const byMonth = Object.keys(agg.byMonth)
    .sort()
    .map((month) => ({ month, ...(agg.byMonth[month] ?? { count: 0, crossDepartment: 0 }) }));
  return {
    scope: { unitId: scopeUnitId, name: scopeUnit?.name ?? ORG_SCOPE_NAME },
    total: agg.total,
    crossDepartment: agg.crossDepartment,
    crossDepartmentShare: agg.total === 0 ? 0 : agg.crossDepartment / agg.total,
    byValue,
    byDepartment: rows,
    byMonth,
  };
}

export type SummaryScope = { ok: true; unitId: string | null } | { ok: false; status: 403 | 404; problem: Problem };

/**
 * Which scope a viewer may see: HR any unit or the whole organisation (the default); a manager
 * their own 部 (the default) or a unit inside it; staff none.
 */
export function summaryScopeFor(
  viewer: { role: Role; unitId: string },
  requested: string | null,
  units: ReadonlyMap<string, OrgUnit>,
): SummaryScope {
  if (viewer.role !== 'hr' && viewer.role !== 'manager')
    return { ok: false, status: 403, problem: problem('summary.forbidden') };
  if (requested !== null && !units.has(requested))
    return { ok: false, status: 404, problem: problem('summary.unknownUnit') };
  if (viewer.role === 'hr') return { ok: true, unitId: requested };
  const own = departmentOf(units, viewer.unitId);
  if (!own) return { ok: false, status: 403, problem: problem('summary.forbidden') };
  if (requested === null) return { ok: true, unitId: own.id };
  if (departmentOf(units, requested)?.id !== own.id)
    return { ok: false, status: 403, problem: problem('summary.outsideDepartment') };
  return { ok: true, unitId: requested };
}
