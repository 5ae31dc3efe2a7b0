import * as v from 'valibot';
import { DX_SKILLS } from '../dx-skills';
import { says } from '../issues';
import { JOB_LEVELS } from '../org';
import { charCount, cleanText } from '../text';

/**
 * Trainings (T1-T2): the catalogue HR keeps (title, provider, runs, skill area of the skill pyramid
 * or a DX skill with its level, target job levels, kind, approval) and a person's applications to
 * runs. Pure: shared by the functions (which enforce every rule) and the app (which says so first).
 */
export const TRAINING_LIMITS = {
  title: 80,
  description: 1000,
  place: 60,
  runs: 20,
  datesPerRun: 10,
  capacity: 2000,
} as const;

/** Who holds it: the ward itself, 特別区職員研修所, or an outside body. */
export const TRAINING_PROVIDERS = ['ku', 'tokubetsuku', 'external'] as const;
export type TrainingProvider = (typeof TRAINING_PROVIDERS)[number];

/**
 * The skill pyramid of the HR policy (seed 001): スタンス, ポータブルスキル (対人力, 対課題力),
 * ICTスキル, テクニカルスキル; and `dx`, one of the five DX skills at a level LV1-LV3 (seed 004).
 */
export const TRAINING_AREAS = ['stance', 'interpersonal', 'taskSolving', 'ict', 'technical', 'dx'] as const;
export type TrainingArea = (typeof TRAINING_AREAS)[number];

/** 任意 (anyone may apply), 職層研修 (mandatory for the target levels), 指名研修 (by nomination only). */
export const TRAINING_KINDS = ['open', 'mandatory', 'nominated'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export const DX_LEVELS = [1, 2, 3] as const;
export type DxLevel = (typeof DX_LEVELS)[number];

/** Ids are made by HR's screen (newId) or the seed; no underscore: application ids are `{runId}_{staffId}`. */
export const TrainingIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{4,64}$/, says('training.idInvalid')));

const DateSchema = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, says('training.dateInvalid')));

const text = (
  max: number,
  empty: 'training.titleEmpty' | null,
  tooLong: 'training.titleTooLong' | 'training.descriptionTooLong' | 'training.placeTooLong',
) =>
  v.pipe(
    v.string(),
    v.transform(cleanText),
    v.check((s) => empty === null || s !== '', says(empty ?? 'input.invalid')),
    v.check((s) => charCount(s) <= max, says(tooLong, { max })),
  );

/** A run as HR writes it: one or more dates, a place or online, a capacity. */
export const RunInputSchema = v.object({
  id: TrainingIdSchema,
  dates: v.pipe(
    v.array(DateSchema),
    v.minLength(1, says('training.runNoDate')),
    v.maxLength(TRAINING_LIMITS.datesPerRun, says('training.runTooManyDates', { max: TRAINING_LIMITS.datesPerRun })),
    v.transform((ds) => [...new Set(ds)].sort()),
  ),
  online: v.boolean(),
  place: text(TRAINING_LIMITS.place, null, 'training.placeTooLong'),
  capacity: v.pipe(
    v.number(),
    v.integer(says('training.capacityInvalid', { max: TRAINING_LIMITS.capacity })),
    v.minValue(1, says('training.capacityInvalid', { max: TRAINING_LIMITS.capacity })),
    v.maxValue(TRAINING_LIMITS.capacity, says('training.capacityInvalid', { max: TRAINING_LIMITS.capacity })),
  ),
});
export type RunInput = v.InferOutput<typeof RunInputSchema>;

/** A training as HR writes it (POST /trainings): the catalogue entry without counts or version. */
export const TrainingInputSchema = v.pipe(
  v.object({
    id: TrainingIdSchema,
    title: text(TRAINING_LIMITS.title, 'training.titleEmpty', 'training.titleTooLong'),
    provider: v.picklist(TRAINING_PROVIDERS, says('input.invalid')),
    area: v.picklist(TRAINING_AREAS, says('input.invalid')),
    dxSkill: v.nullable(v.picklist(DX_SKILLS, says('input.invalid'))),
    dxLevel: v.nullable(v.picklist(DX_LEVELS, says('input.invalid'))),
    targetLevels: v.pipe(
      v.array(v.picklist(JOB_LEVELS, says('input.invalid'))),
      v.transform((ls) => JOB_LEVELS.filter((l) => ls.includes(l))),
    ),
    kind: v.picklist(TRAINING_KINDS, says('input.invalid')),
    approvalRequired: v.boolean(),
    description: text(TRAINING_LIMITS.description, null, 'training.descriptionTooLong'),
    runs: v.pipe(
      v.array(RunInputSchema),
      v.maxLength(TRAINING_LIMITS.runs, says('training.tooManyRuns', { max: TRAINING_LIMITS.runs })),
      v.check((rs) => new Set(rs.map((r) => r.id)).size === rs.length, says('training.runIdDuplicate')),
    ),
  }),
  v.check((t) => (t.area === 'dx') === (t.dxSkill !== null && t.dxLevel !== null), says('training.dxSkillMismatch')),
);
export type TrainingInput = v.InferOutput<typeof TrainingInputSchema>;

/** A run in the catalogue: HR's run plus how many hold a place and how many wait. */
export const RunSchema = v.object({
  ...RunInputSchema.entries,
  taken: v.number(),
  waiting: v.number(),
});
export type Run = v.InferOutput<typeof RunSchema>;

/** A catalogue entry as stored and synced, with the version of its last change. */
export const TrainingSchema = v.object({
  ...TrainingInputSchema.pipe[0].entries,
  runs: v.array(RunSchema),
  /** 年度 of the first date (April to March), for browsing a year. */
  fiscalYear: v.number(),
  version: v.number(),
});
export type Training = v.InferOutput<typeof TrainingSchema>;

/** 申込済み, キャンセル待ち, 所属長の承認待ち, 不承認 (the 課長 declined; the place went to the next). */
export const APPLICATION_STATUSES = ['applied', 'waitlisted', 'awaitingApproval', 'declined'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** One person's application to one run: `{runId}_{staffId}` is its document, so one per person and run. */
export const ApplicationSchema = v.object({
  trainingId: v.string(),
  runId: v.string(),
  staffId: v.string(),
  status: v.picklist(APPLICATION_STATUSES),
  at: v.string(),
  /**
   * The unit whose 課長 approves (the applicant's 課, or their 部 when they sit in none), set when
   * the training needs approval; absent otherwise.
   */
  approverUnitId: v.optional(v.nullable(v.string())),
  /** HR's roll-call per date of the run: present or absent; a date not yet recorded is absent from it. */
  attendance: v.optional(v.record(v.string(), v.picklist(['present', 'absent']))),
  /** HR marked the run completed (or took the mark back) whatever the roll-call says. */
  completed: v.optional(v.boolean()),
  version: v.number(),
});
export type Application = v.InferOutput<typeof ApplicationSchema>;

/**
 * A run's waiting list in order, kept on the server only (`trainingQueues/{runId}`): the catalogue,
 * which every phone holds, carries only its length.
 */
export const QueueEntrySchema = v.object({
  staffId: v.string(),
  at: v.string(),
  approverUnitId: v.nullable(v.string()),
});
export type QueueEntry = v.InferOutput<typeof QueueEntrySchema>;
export const RunQueueSchema = v.object({ trainingId: v.string(), waiting: v.array(QueueEntrySchema) });

/** The trainings feed: the catalogue changed since V, and the viewer's own applications when the feed moved. */
export const TrainingsPageSchema = v.object({
  trainings: v.array(TrainingSchema),
  mine: v.optional(v.array(ApplicationSchema)),
  /** For a 課長, when the feed moved: the applications of their section awaiting their approval, whole. */
  toApprove: v.optional(v.array(ApplicationSchema)),
  version: v.number(),
  more: v.boolean(),
  reset: v.boolean(),
});
export type TrainingsPage = v.InferOutput<typeof TrainingsPageSchema>;

export const TRAININGS_PAGE_SIZE = 300;

const StaffIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(40));

/**
 * HR's roll-call of one run (POST /trainings/attendance): present or absent per person and date, and
 * HR's mark of completion (true or false) where the roll-call alone does not decide it.
 */
export const AttendanceInputSchema = v.object({
  trainingId: TrainingIdSchema,
  runId: TrainingIdSchema,
  marks: v.pipe(
    v.array(v.object({ staffId: StaffIdSchema, date: DateSchema, present: v.boolean() })),
    v.maxLength(20_000, says('input.invalid')),
  ),
  completions: v.optional(
    v.pipe(
      v.array(v.object({ staffId: StaffIdSchema, completed: v.boolean() })),
      v.maxLength(2000, says('input.invalid')),
    ),
    [],
  ),
});
export type AttendanceInput = v.InferOutput<typeof AttendanceInputSchema>;
export const TRAINING_ATTENDANCE_PATH = '/trainings/attendance';
/** GET for HR: everyone's applications to one run (`/trainings/runs/{runId}`), for the roll-call. */
export const TRAINING_RUN_PATH = '/trainings/runs';

export function applicationDocId(runId: string, staffId: string): string {
  return `${runId}_${staffId}`;
}

/** POST for HR only: adds or replaces one training (TrainingInputSchema); everyone gets it with the trainings feed. */
export const TRAININGS_PATH = '/trainings';
