import type { JobLevel } from '../org';
import { problem, type Problem } from '../problems';
import { normalizeForSearch } from '../search/normalize';
import type { Application, ApplicationStatus, DxLevel, Run, Training, TrainingArea, TrainingInput } from './schemas';

/** The Asia/Tokyo calendar day of an instant, as YYYY-MM-DD. */
export function tokyoDay(iso: string): string {
  return new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(0, 10);
}

/** 年度: April to March, named by the year it starts in (2026-04-01 .. 2027-03-31 is 2026). */
export function fiscalYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

/** A run's first day; its dates are kept sorted. */
export const runStart = (run: Pick<Run, 'dates'>): string => run.dates[0] ?? '';

/** A run takes applications until the day before its first date (Asia/Tokyo). */
export function runIsOpen(run: Pick<Run, 'dates'>, now: string): boolean {
  return runStart(run) > tokyoDay(now);
}

export interface ApplyIntent {
  kind: 'training.apply';
  trainingId: string;
  runId: string;
}

export interface ApplyContext {
  now: string;
  /** The applicant's 職層 from the directory; null when unknown (then a mandatory training refuses). */
  jobLevel: JobLevel | null;
}

export type ApplyOutcome =
  | { ok: false; problem: Problem }
  | { ok: true; changed: false }
  | { ok: true; changed: true; status: ApplicationStatus; training: Omit<Training, 'version'> };

/**
 * What applying to a run does, from the training and the applicant's application as read in the same
 * attempt as the write (a store that loses the version race re-reads and calls this again).
 * Applying again to a run one already applied to changes nothing (one application, not an error).
 * A full run puts the applicant on its waiting list; a training that needs the 所属長's approval
 * holds a place while it waits for it.
 */
export function applyToRun(
  training: Omit<Training, 'version'> | null,
  existing: Application | null,
  intent: ApplyIntent,
  ctx: ApplyContext,
): ApplyOutcome {
  if (!training) return { ok: false, problem: problem('training.notFound') };
  const run = training.runs.find((r) => r.id === intent.runId);
  if (!run) return { ok: false, problem: problem('training.runNotFound') };
  if (existing) return { ok: true, changed: false };
  if (!runIsOpen(run, ctx.now)) return { ok: false, problem: problem('training.runPast', { date: runStart(run) }) };
  if (training.kind === 'nominated') return { ok: false, problem: problem('training.nominationOnly') };
  if (
    training.kind === 'mandatory' &&
    training.targetLevels.length > 0 &&
    (ctx.jobLevel === null || !training.targetLevels.includes(ctx.jobLevel))
  )
    return { ok: false, problem: problem('training.notForLevel') };
  const full = run.taken >= run.capacity;
  const status: ApplicationStatus = full ? 'waitlisted' : training.approvalRequired ? 'awaitingApproval' : 'applied';
  const runs = training.runs.map((r) =>
    r.id !== run.id ? r : full ? { ...r, waiting: r.waiting + 1 } : { ...r, taken: r.taken + 1 },
  );
  return { ok: true, changed: true, status, training: { ...training, runs } };
}

/**
 * HR's edit laid over what is stored: the counts of runs that stay are kept; a run with people on it
 * cannot be removed, nor its capacity cut below the places taken.
 */
export function mergeTrainingEdit(
  stored: Omit<Training, 'version'> | null,
  input: TrainingInput,
): { ok: true; training: Omit<Training, 'version'> } | { ok: false; problem: Problem } {
  const before = new Map((stored?.runs ?? []).map((r) => [r.id, r]));
  for (const old of before.values()) {
    if (!input.runs.some((r) => r.id === old.id) && old.taken + old.waiting > 0)
      return { ok: false, problem: problem('training.runHasApplicants', { date: runStart(old) }) };
  }
  const runs: Run[] = [];
  for (const r of input.runs) {
    const old = before.get(r.id);
    if (old && r.capacity < old.taken)
      return { ok: false, problem: problem('training.capacityBelowTaken', { taken: old.taken }) };
    runs.push({ ...r, taken: old?.taken ?? 0, waiting: old?.waiting ?? 0 });
  }
  const first = runs.map(runStart).sort()[0];
  const fiscalYear = first ? fiscalYearOf(first) : (stored?.fiscalYear ?? 0);
  const dx = input.area === 'dx';
  return {
    ok: true,
    training: {
      ...input,
      dxSkill: dx ? input.dxSkill : null,
      dxLevel: dx ? input.dxLevel : null,
      runs,
      fiscalYear,
    },
  };
}

/** What the catalogue is browsed by: a skill area (all when null) and, for DX, a level. */
export interface TrainingFilter {
  area: TrainingArea | null;
  dxLevel: DxLevel | null;
  /** As typed; folded with the directory's normalisation (kana, width, variants). */
  query: string;
}

/** The text a query is looked for in, folded once per training. */
export function trainingHaystack(t: Pick<Training, 'title' | 'description' | 'dxSkill'>): string {
  return normalizeForSearch(`${t.title}\n${t.dxSkill ?? ''}\n${t.description}`);
}

/**
 * The trainings that match, in catalogue order (next run first, then title). Every term of the
 * query (split at spaces) must be in the training's title, DX skill or description.
 */
export function browseTrainings<T extends Training>(
  trainings: readonly T[],
  filter: TrainingFilter,
  haystack: (t: T) => string = trainingHaystack,
): T[] {
  const terms = filter.query
    .split(/[\s\u3000]+/)
    .map(normalizeForSearch)
    .filter((s) => s !== '');
  return trainings
    .filter((t) => filter.area === null || t.area === filter.area)
    .filter((t) => filter.dxLevel === null || t.dxLevel === filter.dxLevel)
    .filter((t) => {
      if (terms.length === 0) return true;
      const h = haystack(t);
      return terms.every((term) => h.includes(term));
    })
    .sort((a, b) => firstDate(a).localeCompare(firstDate(b)) || a.title.localeCompare(b.title, 'ja'));
}

const firstDate = (t: Pick<Training, 'runs'>): string => t.runs.map(runStart).sort()[0] ?? '9999';
