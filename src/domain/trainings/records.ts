import type { Role } from '../org';
import { problem } from '../problems';
import { applyToRun, runIsOpen, runStart, type ApplyContext, type ApplyIntent } from './rules';
import type { Application, ApplicationStatus, AttendanceInput, QueueEntry, Run, Training } from './schemas';

/**
 * What a person's record of a run goes through after applying (T2): cancelling, the 課長's
 * approval or refusal, and the waiting list moving up when a place frees. Pure, run by the store
 * against what it read in the same attempt as the write (a lost version race reads and runs again).
 */
export interface CancelIntent {
  kind: 'training.cancel';
  trainingId: string;
  runId: string;
}

/** The 課長 approves (or declines) one application of their section. */
export interface DecideIntent {
  kind: 'training.decide';
  trainingId: string;
  runId: string;
  staffId: string;
  approve: boolean;
}

export type TrainingIntent = ApplyIntent | CancelIntent | DecideIntent;

export interface RecordContext extends ApplyContext {
  role: Role;
  /**
   * The actor's approving unit (their 課, or their 部 when they sit in none: `sectionOf` in unit-tree.ts):
   * for an application it is where its approval goes, for a decision it must be the application's.
   */
  unitId: string | null;
}

/** What the store read: the training, the target's application to the run, and the run's waiting list. */
export interface RecordState {
  training: Omit<Training, 'version'> | null;
  application: Application | null;
  queue: readonly QueueEntry[];
}

/** An application without its version: the store stamps the version it writes at. */
export type ApplicationWrite = Omit<Application, 'version'>;

export interface RecordChange {
  training: Omit<Training, 'version'>;
  /** Applications written whole (the target's and a promoted one's). */
  put: ApplicationWrite[];
  /** People whose application to the run is deleted (a cancellation). */
  remove: string[];
  /** The run's waiting list after the change. */
  queue: QueueEntry[];
}

export type RecordOutcome =
  | { ok: false; problem: ReturnType<typeof problem> }
  | { ok: true; changed: false }
  | { ok: true; changed: true; change: RecordChange };

/** Whose application an intent is about: one's own, or, for a decision, the applicant's. */
export function targetOf(intent: TrainingIntent, actor: string): string {
  return intent.kind === 'training.decide' ? intent.staffId : actor;
}

/** The first on the waiting list takes a freed place (and waits for approval where it is needed). */
function freePlace(
  training: Omit<Training, 'version'>,
  runId: string,
  queue: readonly QueueEntry[],
): { training: Omit<Training, 'version'>; promoted: ApplicationWrite | null; queue: QueueEntry[] } {
  const [first, ...rest] = queue;
  const runs = training.runs.map((r): Run =>
    r.id !== runId ? r : first ? { ...r, waiting: Math.max(0, r.waiting - 1) } : { ...r, taken: r.taken - 1 },
  );
  if (!first) return { training: { ...training, runs }, promoted: null, queue: [] };
  const status: ApplicationStatus = training.approvalRequired ? 'awaitingApproval' : 'applied';
  const promoted: ApplicationWrite = {
    trainingId: training.id,
    runId,
    staffId: first.staffId,
    status,
    at: first.at,
    ...(training.approvalRequired ? { approverUnitId: first.approverUnitId } : {}),
  };
  return { training: { ...training, runs }, promoted, queue: rest };
}

export function applyTrainingIntent(
  state: RecordState,
  intent: TrainingIntent,
  actor: string,
  ctx: RecordContext,
): RecordOutcome {
  const { training, application, queue } = state;
  if (intent.kind === 'training.apply') {
    const outcome = applyToRun(training, application, intent, ctx);
    if (!outcome.ok || !outcome.changed) return outcome;
    const approverUnitId = training?.approvalRequired ? ctx.unitId : null;
    const app: ApplicationWrite = {
      trainingId: intent.trainingId,
      runId: intent.runId,
      staffId: actor,
      status: outcome.status,
      at: ctx.now,
      ...(approverUnitId !== null ? { approverUnitId } : {}),
    };
    // A waiting applicant has their application (キャンセル待ち) and their place on the run's list.
    const next =
      outcome.status === 'waitlisted' ? [...queue, { staffId: actor, at: ctx.now, approverUnitId }] : [...queue];
    return { ok: true, changed: true, change: { training: outcome.training, put: [app], remove: [], queue: next } };
  }
  if (!training) return { ok: false, problem: problem('training.notFound') };
  const run = training.runs.find((r) => r.id === intent.runId);
  if (!run) return { ok: false, problem: problem('training.runNotFound') };

  if (intent.kind === 'training.cancel') {
    if (!application) return { ok: true, changed: false };
    if (!runIsOpen(run, ctx.now))
      return { ok: false, problem: problem('training.runStarted', { date: runStart(run) }) };
    if (application.status === 'declined')
      return { ok: true, changed: true, change: { training, put: [], remove: [actor], queue: [...queue] } };
    if (application.status === 'waitlisted') {
      const runs = training.runs.map((r): Run => (r.id !== run.id ? r : { ...r, waiting: Math.max(0, r.waiting - 1) }));
      return {
        ok: true,
        changed: true,
        change: {
          training: { ...training, runs },
          put: [],
          remove: [actor],
          queue: queue.filter((q) => q.staffId !== actor),
        },
      };
    }
    const freed = freePlace(training, run.id, queue);
    return {
      ok: true,
      changed: true,
      change: {
        training: freed.training,
        put: freed.promoted ? [freed.promoted] : [],
        remove: [actor],
        queue: freed.queue,
      },
    };
  }

  // training.decide: the 課長 of the applicant's section, once per application.
  if (!application) return { ok: false, problem: problem('training.applicationNotFound') };
  if (ctx.role !== 'manager' || !application.approverUnitId || application.approverUnitId !== ctx.unitId)
    return { ok: false, problem: problem('training.notApprover') };
  if (application.status !== 'awaitingApproval') return { ok: true, changed: false };
  const { version: _v, ...app } = application;
  if (intent.approve)
    return {
      ok: true,
      changed: true,
      change: { training, put: [{ ...app, status: 'applied' }], remove: [], queue: [...queue] },
    };
  const freed = freePlace(training, run.id, queue);
  return {
    ok: true,
    changed: true,
    change: {
      training: freed.training,
      put: [{ ...app, status: 'declined' }, ...(freed.promoted ? [freed.promoted] : [])],
      remove: [],
      queue: freed.queue,
    },
  };
}

/**
 * A run is completed when HR marked it so, or its every date was attended. An absence (or a date
 * not yet recorded) never shows as completed; HR's mark taken back (`false`) is not completed either.
 */
export function runCompleted(
  application: Pick<Application, 'status' | 'attendance' | 'completed'>,
  run: Pick<Run, 'dates'>,
): boolean {
  if (application.status !== 'applied') return false;
  if (application.completed !== undefined) return application.completed;
  return run.dates.length > 0 && run.dates.every((d) => application.attendance?.[d] === 'present');
}

/**
 * HR's roll-call laid over the run's applications: every mark must be for a date of the run and a
 * person who holds a place on it (申込済み), or the whole call is refused with the first problem.
 * Returns the applications that change.
 */
export function recordAttendance(
  training: Omit<Training, 'version'> | null,
  applications: readonly Application[],
  input: AttendanceInput,
): { ok: true; put: ApplicationWrite[] } | { ok: false; problem: ReturnType<typeof problem> } {
  if (!training) return { ok: false, problem: problem('training.notFound') };
  const run = training.runs.find((r) => r.id === input.runId);
  if (!run) return { ok: false, problem: problem('training.runNotFound') };
  const byStaff = new Map(applications.filter((a) => a.runId === run.id).map((a) => [a.staffId, a]));
  const next = new Map<string, ApplicationWrite>();
  const take = (staffId: string) => {
    const a = next.get(staffId) ?? byStaff.get(staffId);
    if (!a || a.status !== 'applied') return null;
    const { version: _v, ...rest } = a as Application;
    return { ...rest, attendance: { ...rest.attendance } };
  };
  for (const m of input.marks) {
    if (!run.dates.includes(m.date)) return { ok: false, problem: problem('training.dateNotInRun', { date: m.date }) };
    const a = take(m.staffId);
    if (!a) return { ok: false, problem: problem('training.notAttending') };
    a.attendance[m.date] = m.present ? 'present' : 'absent';
    next.set(m.staffId, a);
  }
  for (const c of input.completions) {
    const a = take(c.staffId);
    if (!a) return { ok: false, problem: problem('training.notAttending') };
    next.set(c.staffId, { ...a, completed: c.completed });
  }
  const changed = [...next.values()].filter((a) => {
    const before = byStaff.get(a.staffId);
    return (
      JSON.stringify([before?.attendance ?? {}, before?.completed]) !==
      JSON.stringify([a.attendance ?? {}, a.completed])
    );
  });
  return { ok: true, put: changed };
}
