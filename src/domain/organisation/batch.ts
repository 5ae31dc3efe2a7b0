import type { OrgUnit, UnitKind } from '../org';
import { problem, type Problem } from '../problems';

/**
 * The organisation's upkeep (issue 21, A4): a batch of unit changes with one effective date (the
 * 4月1日 組織改正 is one batch). Pure: checked against the units as they are (or will be on the
 * batch's day), applied to a unit list, and kept as a mapping from old units to new ones so that
 * figures of a past date can be carried to today's units (`unitsNow`).
 *
 * A unit's id is its 所属コード and never changes: a rename or a move keeps the id (so people,
 * history and figures follow it); a merge maps the merged unit into another; an abolition maps it
 * to nothing.
 */
export type OrgChange =
  | { op: 'add'; id: string; kind: UnitKind; name: string; kana: string; parentId: string | null }
  | { op: 'rename'; id: string; name: string; kana?: string }
  | { op: 'move'; id: string; parentId: string | null }
  | { op: 'merge'; id: string; into: string }
  | { op: 'abolish'; id: string };

export type OrgOp = OrgChange['op'];
export const ORG_OPS: readonly OrgOp[] = ['add', 'rename', 'move', 'merge', 'abolish'];

/** Limits of OrgUnitSchema (src/domain/org.ts). */
export const UNIT_LIMITS = { id: 40, name: 60, kana: 120, changes: 2000 } as const;

export interface OrgProblem {
  /** The change's index in the batch, from 1 (the CSV's data line number when read from a file). */
  line: number;
  problem: Problem;
}

export type OrgSummary = Record<OrgOp, number>;

export interface OrgCheck {
  problems: OrgProblem[];
  summary: OrgSummary;
  /** The units after the batch (only meaningful without problems). */
  units: OrgUnit[];
}

/** One step of the kept mapping: units of before `effective` → their units from that day. */
export interface UnitMapping {
  effective: string;
  from: string;
  /** Empty for an abolished unit (its figures carry nowhere). */
  to: string[];
}

const PARENT_KIND: Record<UnitKind, UnitKind | null> = { bu: null, ka: 'bu', kakari: 'ka' };
const ID = /^[A-Za-z0-9_-]+$/;

/** People per unit (its members, by unit id): abolishing or merging away a unit with people is refused. */
export type Members = ReadonlyMap<string, readonly string[]>;

/**
 * Checks a batch against `units` (the organisation on the batch's day before it) and applies it in
 * order: each change sees the units as the earlier changes left them. Problems are codes; nothing
 * is refused silently. `members` gives who sits in each unit on that day.
 */
export function checkBatch(units: readonly OrgUnit[], changes: readonly OrgChange[], members: Members): OrgCheck {
  const byId = new Map(units.map((u) => [u.id, { ...u }]));
  const problems: OrgProblem[] = [];
  const summary: OrgSummary = { add: 0, rename: 0, move: 0, merge: 0, abolish: 0 };
  const gone = new Set<string>();
  const say = (line: number, p: Problem) => problems.push({ line, problem: p });
  if (changes.length === 0) say(0, problem('org.noChanges'));
  if (changes.length > UNIT_LIMITS.changes) say(0, problem('org.tooManyChanges', { max: UNIT_LIMITS.changes }));

  const checkName = (line: number, name: string, kana: string | undefined): boolean => {
    if (name.trim() === '') return (say(line, problem('org.nameEmpty')), false);
    if (name.length > UNIT_LIMITS.name)
      return (say(line, problem('org.nameTooLong', { max: UNIT_LIMITS.name })), false);
    if (kana !== undefined && kana.length > UNIT_LIMITS.kana) {
      return (say(line, problem('org.kanaTooLong', { max: UNIT_LIMITS.kana })), false);
    }
    return true;
  };
  const existing = (line: number, id: string) => {
    const u = byId.get(id);
    if (!u) say(line, problem(gone.has(id) ? 'org.unitGone' : 'org.unknownUnit', { unit: id }));
    return u;
  };
  const parentFits = (line: number, kind: UnitKind, parentId: string | null, self?: string): boolean => {
    const want = PARENT_KIND[kind];
    if (parentId === null) {
      if (want === null) return true;
      return (say(line, problem('org.parentKind', { unit: '', kind })), false);
    }
    const parent = byId.get(parentId);
    if (!parent) return (say(line, problem('org.unknownUnit', { unit: parentId })), false);
    if (self !== undefined && ancestorsOf(byId, parentId).includes(self)) {
      return (say(line, problem('org.cycle', { unit: self, parent: parentId })), false);
    }
    if (parent.kind !== want) return (say(line, problem('org.parentKind', { unit: parentId, kind })), false);
    return true;
  };
  const refuseOccupied = (line: number, id: string): boolean => {
    const people = members.get(id) ?? [];
    if (people.length > 0) {
      say(
        line,
        problem('org.unitHasPeople', { unit: id, count: people.length, people: people.slice(0, 5).join('、') }),
      );
      return true;
    }
    const children = [...byId.values()].filter((u) => u.parentId === id).map((u) => u.id);
    if (children.length > 0) {
      say(
        line,
        problem('org.unitHasChildren', { unit: id, count: children.length, units: children.slice(0, 5).join('、') }),
      );
      return true;
    }
    return false;
  };

  changes.forEach((c, i) => {
    const line = i + 1;
    if (!ID.test(c.id) || c.id.length > UNIT_LIMITS.id) return say(line, problem('org.idInvalid', { unit: c.id }));
    switch (c.op) {
      case 'add': {
        if (byId.has(c.id) || gone.has(c.id)) return say(line, problem('org.duplicateCode', { unit: c.id }));
        if (!checkName(line, c.name, c.kana) || !parentFits(line, c.kind, c.parentId)) return;
        const order =
          Math.max(0, ...[...byId.values()].filter((u) => u.parentId === c.parentId).map((u) => u.order)) + 1;
        byId.set(c.id, { id: c.id, kind: c.kind, name: c.name, kana: c.kana, parentId: c.parentId, order });
        summary.add++;
        return;
      }
      case 'rename': {
        const u = existing(line, c.id);
        if (!u || !checkName(line, c.name, c.kana)) return;
        u.name = c.name;
        if (c.kana !== undefined) u.kana = c.kana;
        summary.rename++;
        return;
      }
      case 'move': {
        const u = existing(line, c.id);
        if (!u) return;
        if (c.parentId === c.id) return say(line, problem('org.cycle', { unit: c.id, parent: c.id }));
        if (!parentFits(line, u.kind, c.parentId, c.id)) return;
        u.parentId = c.parentId;
        summary.move++;
        return;
      }
      case 'merge': {
        const u = existing(line, c.id);
        const into = byId.get(c.into);
        if (!u) return;
        if (!into) return say(line, problem('org.unknownUnit', { unit: c.into }));
        if (c.into === c.id || into.kind !== u.kind)
          return say(line, problem('org.mergeKind', { unit: c.id, into: c.into }));
        if (refuseOccupied(line, c.id)) return;
        byId.delete(c.id);
        gone.add(c.id);
        summary.merge++;
        return;
      }
      case 'abolish': {
        if (!existing(line, c.id) || refuseOccupied(line, c.id)) return;
        byId.delete(c.id);
        gone.add(c.id);
        summary.abolish++;
        return;
      }
    }
  });
  return { problems, summary, units: [...byId.values()] };
}

function ancestorsOf(byId: ReadonlyMap<string, OrgUnit>, id: string): string[] {
  const out: string[] = [];
  let at: string | null = id;
  while (at !== null && !out.includes(at)) {
    out.push(at);
    at = byId.get(at)?.parentId ?? null;
  }
  return out;
}

/** What the directory is told: the units put (added, renamed, moved) and removed. */
export function unitDiff(before: readonly OrgUnit[], after: readonly OrgUnit[]): { put: OrgUnit[]; remove: string[] } {
  const old = new Map(before.map((u) => [u.id, u]));
  const now = new Set(after.map((u) => u.id));
  const put = after.filter((u) => {
    const o = old.get(u.id);
    return !o || o.name !== u.name || o.kana !== u.kana || o.parentId !== u.parentId || o.order !== u.order;
  });
  return { put, remove: before.filter((u) => !now.has(u.id)).map((u) => u.id) };
}

/** The mapping a batch adds: a merged unit → the one it went into, an abolished one → nothing. */
export function mappingOf(effective: string, changes: readonly OrgChange[]): UnitMapping[] {
  return changes.flatMap((c): UnitMapping[] =>
    c.op === 'merge'
      ? [{ effective, from: c.id, to: [c.into] }]
      : c.op === 'abolish'
        ? [{ effective, from: c.id, to: [] }]
        : [],
  );
}

/**
 * The unit(s) now of a unit id as it was on `date` (`YYYY-MM-DD`): every mapping dated after that
 * day is followed in date order (a unit merged into one later merged again ends in the last).
 * A unit that no mapping touches is itself; an abolished one maps to nothing. Sorted, no repeats.
 */
export function unitsNow(mappings: readonly UnitMapping[], unitId: string, date: string): string[] {
  const steps = mappings
    .filter((m) => m.effective > date)
    .sort((a, b) => (a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : 0));
  let at = new Set([unitId]);
  for (const m of steps) {
    if (!at.has(m.from)) continue;
    at.delete(m.from);
    for (const t of m.to) at.add(t);
  }
  at = new Set([...at]);
  return [...at].sort();
}

/**
 * The organisation on `day`: today's units with every scheduled batch dated on or before that day
 * applied in date order (a roster row dated 4/1 may name a unit that exists from 4/1). A batch that
 * no longer applies cleanly is skipped, as its own apply would refuse it.
 */
export function unitsOnDay(
  units: readonly OrgUnit[],
  scheduled: readonly { effective: string; changes: readonly OrgChange[] }[],
  day: string,
): OrgUnit[] {
  let out = [...units];
  for (const b of [...scheduled].sort((a, c) => (a.effective < c.effective ? -1 : 1))) {
    if (b.effective > day) break;
    const checked = checkBatch(out, b.changes, new Map());
    if (checked.problems.length === 0) out = checked.units;
  }
  return out;
}
