import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { problemOfIssues } from '../issues';
import { sampleTraining } from './fixtures';
import {
  applyToRun,
  browseTrainings,
  fiscalYearOf,
  mergeTrainingEdit,
  runIsOpen,
  tokyoDay,
  type ApplyContext,
  type ApplyIntent,
} from './rules';
import { TrainingInputSchema, type Application, type Training, type TrainingInput } from './schemas';

const NOW = '2027-05-01T00:00:00.000Z';
const ctx: ApplyContext = { now: NOW, jobLevel: '主事' };
const intent: ApplyIntent = { kind: 'training.apply', trainingId: 'trn-0001', runId: 'run-0001-1' };

function stored(over: Partial<TrainingInput> = {}, counts = { taken: 0, waiting: 0 }): Omit<Training, 'version'> {
  const merged = mergeTrainingEdit(null, sampleTraining(over));
  if (!merged.ok) throw new Error('sample does not merge');
  return { ...merged.training, runs: merged.training.runs.map((r) => ({ ...r, ...counts })) };
}
const mine: Application = {
  trainingId: 'trn-0001',
  runId: 'run-0001-1',
  staffId: 's1',
  status: 'applied',
  at: NOW,
  version: 2,
};

describe('applyToRun', () => {
  it.each([
    ['an unknown training', null, null, ctx, { ok: false, code: 'training.notFound' }],
    ['an open run with places', stored(), null, ctx, { ok: true, status: 'applied', taken: 1, waiting: 0 }],
    [
      'a full run',
      stored({}, { taken: 2, waiting: 3 }),
      null,
      ctx,
      { ok: true, status: 'waitlisted', taken: 2, waiting: 4 },
    ],
    [
      'approval needed',
      stored({ approvalRequired: true }),
      null,
      ctx,
      { ok: true, status: 'awaitingApproval', taken: 1, waiting: 0 },
    ],
    [
      'full and approval needed',
      stored({ approvalRequired: true }, { taken: 2, waiting: 0 }),
      null,
      ctx,
      { ok: true, status: 'waitlisted', taken: 2, waiting: 1 },
    ],
    ['already applied', stored(), mine, ctx, { ok: true, unchanged: true }],
    [
      'already applied, even after it started',
      stored(),
      mine,
      { ...ctx, now: '2027-07-01T00:00:00.000Z' },
      { ok: true, unchanged: true },
    ],
    [
      'the day before the first date (Tokyo)',
      stored(),
      null,
      { ...ctx, now: '2027-06-09T14:59:59.000Z' },
      { ok: true, status: 'applied', taken: 1, waiting: 0 },
    ],
    [
      'on the first date (Tokyo)',
      stored(),
      null,
      { ...ctx, now: '2027-06-09T15:00:00.000Z' },
      { ok: false, code: 'training.runPast' },
    ],
    ['指名研修', stored({ kind: 'nominated' }), null, ctx, { ok: false, code: 'training.nominationOnly' }],
    [
      '職層研修 for my level',
      stored({ kind: 'mandatory', targetLevels: ['主事'] }),
      null,
      ctx,
      { ok: true, status: 'applied', taken: 1, waiting: 0 },
    ],
    [
      '職層研修 for another level',
      stored({ kind: 'mandatory', targetLevels: ['係長級'] }),
      null,
      ctx,
      { ok: false, code: 'training.notForLevel' },
    ],
    [
      '職層研修, my level unknown',
      stored({ kind: 'mandatory', targetLevels: ['主事'] }),
      null,
      { ...ctx, jobLevel: null },
      { ok: false, code: 'training.notForLevel' },
    ],
    [
      'an open training with target levels is a hint, not a bar',
      stored({ targetLevels: ['係長級'] }),
      null,
      ctx,
      { ok: true, status: 'applied', taken: 1, waiting: 0 },
    ],
  ] as const)('%s', (_name, training, existing, c, expected) => {
    const outcome = applyToRun(training, existing, intent, c);
    if (!expected.ok) return expect(outcome).toMatchObject({ ok: false, problem: { code: expected.code } });
    if ('unchanged' in expected) return expect(outcome).toEqual({ ok: true, changed: false });
    expect(outcome).toMatchObject({ ok: true, changed: true, status: expected.status });
    if (outcome.ok && outcome.changed)
      expect(outcome.training.runs[0]).toMatchObject({ taken: expected.taken, waiting: expected.waiting });
  });

  it('an unknown run of a known training', () => {
    expect(applyToRun(stored(), null, { ...intent, runId: 'run-x' }, ctx)).toMatchObject({
      ok: false,
      problem: { code: 'training.runNotFound' },
    });
  });
});

describe('days and years', () => {
  it.each([
    ['2027-03-31T14:59:59.000Z', '2027-03-31', 2026],
    ['2027-03-31T15:00:00.000Z', '2027-04-01', 2027],
    ['2026-12-31T15:00:00.000Z', '2027-01-01', 2026],
  ])('%s is %s in Tokyo, 年度 %i', (iso, day, fy) => {
    expect(tokyoDay(iso)).toBe(day);
    expect(fiscalYearOf(day)).toBe(fy);
  });

  it('a run is open until the day before its first date', () => {
    expect(runIsOpen({ dates: ['2027-05-02'] }, NOW)).toBe(true);
    expect(runIsOpen({ dates: ['2027-05-01'] }, NOW)).toBe(false);
  });
});

describe('mergeTrainingEdit', () => {
  it('keeps the counts of runs that stay, starts new runs at zero, and sorts dates', () => {
    const before = stored({}, { taken: 2, waiting: 1 });
    const input = sampleTraining({
      runs: [
        { ...sampleTraining().runs[0]!, capacity: 5 },
        { id: 'run-0001-2', dates: ['2027-09-03', '2027-09-01'], online: true, place: '', capacity: 30 },
      ],
    });
    const parsed = v.parse(TrainingInputSchema, input);
    const merged = mergeTrainingEdit(before, parsed);
    expect(merged).toMatchObject({
      ok: true,
      training: {
        runs: [
          { id: 'run-0001-1', taken: 2, waiting: 1, capacity: 5 },
          { id: 'run-0001-2', taken: 0, waiting: 0, dates: ['2027-09-01', '2027-09-03'] },
        ],
      },
    });
  });

  it.each([
    ['removing a run with applicants', { runs: [] }, 'training.runHasApplicants'],
    [
      'cutting capacity below the places taken',
      { runs: [{ ...sampleTraining().runs[0]!, capacity: 1 }] },
      'training.capacityBelowTaken',
    ],
  ])('refuses %s', (_name, over, code) => {
    expect(mergeTrainingEdit(stored({}, { taken: 2, waiting: 0 }), sampleTraining(over))).toMatchObject({
      ok: false,
      problem: { code },
    });
  });

  it('a run nobody applied to may be removed', () => {
    expect(mergeTrainingEdit(stored(), sampleTraining({ runs: [] }))).toMatchObject({ ok: true });
  });
});

describe('TrainingInputSchema', () => {
  const problemOf = (input: unknown) => {
    const r = v.safeParse(TrainingInputSchema, input);
    return r.success ? null : problemOfIssues(r.issues);
  };
  it.each([
    ['an empty title', { title: '　' }, 'training.titleEmpty'],
    ['a title too long', { title: 'あ'.repeat(81) }, 'training.titleTooLong'],
    ['a run without dates', { runs: [{ ...sampleTraining().runs[0]!, dates: [] }] }, 'training.runNoDate'],
    ['a date not YYYY-MM-DD', { runs: [{ ...sampleTraining().runs[0]!, dates: ['6/10'] }] }, 'training.dateInvalid'],
    ['a capacity of 0', { runs: [{ ...sampleTraining().runs[0]!, capacity: 0 }] }, 'training.capacityInvalid'],
    ['a DX skill on a スタンス training', { area: 'stance' }, 'training.dxSkillMismatch'],
    ['a DX training without level', { dxLevel: null }, 'training.dxSkillMismatch'],
    ['an id with an underscore', { id: 'trn_1' }, 'training.idInvalid'],
  ])('refuses %s', (_name, over, code) => {
    expect(problemOf(sampleTraining(over as Partial<TrainingInput>))?.code).toBe(code);
  });

  it('accepts the sample and orders target levels by seniority', () => {
    expect(problemOf(sampleTraining())).toBeNull();
    expect(v.parse(TrainingInputSchema, sampleTraining({ targetLevels: ['主事', '係長級'] })).targetLevels).toEqual([
      '係長級',
      '主事',
    ]);
  });
});

describe('browseTrainings', () => {
  const t = (id: string, title: string, over: Partial<TrainingInput>, date: string): Training => {
    const s = stored({ id, title, ...over, runs: [{ ...sampleTraining().runs[0]!, id: `run-${id}`, dates: [date] }] });
    return { ...s, version: 1 };
  };
  const all = [
    t('t1', 'データ活用入門', {}, '2027-06-01'),
    t(
      't2',
      'クレーム対応研修',
      { area: 'interpersonal', dxSkill: null, dxLevel: null, description: '窓口での傾聴' },
      '2027-05-10',
    ),
    t('t3', 'ＲＰＡ実践講座', { dxSkill: 'デジタル活用', dxLevel: 2 }, '2027-07-01'),
    t('t4', '情報セキュリティ基礎', { dxSkill: 'セキュリティ', dxLevel: 1 }, '2027-04-20'),
  ];
  const ids = (filter: Partial<Parameters<typeof browseTrainings>[1]>) =>
    browseTrainings(all, { area: null, dxLevel: null, query: '', ...filter }).map((x) => x.id);

  it.each([
    ['everything, next run first', {}, ['t4', 't2', 't1', 't3']],
    ['by area', { area: 'interpersonal' as const }, ['t2']],
    ['by DX level', { area: 'dx' as const, dxLevel: 2 as const }, ['t3']],
    ['katakana typed as hiragana', { query: 'くれーむ' }, ['t2']],
    ['half-width and lower case for full-width', { query: 'rpa' }, ['t3']],
    ['in the description', { query: '傾聴' }, ['t2']],
    ['by DX skill name', { query: 'セキュリティ' }, ['t4']],
    ['every term must match', { query: 'データ　入門' }, ['t1']],
    ['no match', { query: '簿記' }, []],
  ])('%s', (_name, filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });
});
