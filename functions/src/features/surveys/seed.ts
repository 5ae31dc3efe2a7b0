/**
 * Demo surveys (S1-S6): last year's 職員アンケート closed (about 55% answered, means near seed 001's
 * baselines) and this year's open, so the dashboard, a trend and a t-test have data on the first
 * visit. Deterministic for a roster and a date; last year's answers go through the store's own
 * anonymous path (token hashes of the demo's own making, folds per group) and participation, then
 * the survey is closed by the same code as at the first request after its grace. The question set
 * is a few of seed 001's indicators; the full template is issue 18's other half (templates.ts).
 */
import { groupKeysOf } from '../../../../src/domain/campaigns/campaign';
import { addAnswer, emptyFold } from '../../../../src/domain/surveys/fold';
import type { Fold, Question } from '../../../../src/domain/surveys/model';
import type { Survey, SurveySpec } from '../../../../src/domain/surveys/survey';
import type { OrgUnit } from '../../../../src/domain/org';
import type { StaffProfile } from '../../../../src/domain/staff';
import { prepareOpening } from '../../campaigns/service';
import type { ServerStores } from '../stores';
import { closeSurvey } from './handlers';

export const DEMO_QUESTIONS: Question[] = [
  {
    id: 'q11',
    kind: 'likert',
    points: 4,
    text: '品川区はシフト勤務やテレワーク、子の看護のための休暇や介護休暇等、働き続ける上での制度が整っている。',
    kpi: { baseline: 2.577, target: 3 },
  },
  { id: 'q12a', kind: 'likert', points: 4, text: '仕事を楽しんでいると感じる。', kpi: { baseline: 2.608, target: 3 } },
  {
    id: 'q12b',
    kind: 'likert',
    points: 4,
    text: '自分の仕事が誰かの役に立っているという実感がある。',
    kpi: { baseline: 2.972, target: 3 },
  },
  {
    id: 'q01',
    kind: 'likert',
    points: 4,
    text: '品川区では勤務や休暇に関する制度を利用して、自分で働き方を自由に選べる。',
    kpi: { baseline: 2.29, target: 2.5 },
  },
  {
    id: 'q03a',
    kind: 'likert',
    points: 4,
    text: '品川区では、適材適所の人員配置がされている。',
    kpi: { baseline: 2.024, target: 2.5 },
  },
  {
    id: 'q06',
    kind: 'likert',
    points: 4,
    text: '職場では上司や同僚から自分の頑張りが認められている。',
    kpi: { baseline: 2.628, target: 3 },
  },
  { id: 'qfree', kind: 'text', text: '働きやすい職場にするためのご意見をお書きください。', maxLength: 400 },
];

const TEXTS = [
  '研修の機会をもっと増やしてほしいです。',
  'テレワークの日を選びやすくなると助かります。',
  '係を越えて相談しやすい雰囲気がありがたいです。',
  '窓口の繁忙期に応援の仕組みがあると心強いです。',
];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 1..4 value whose mean over many draws is about `mean`. */
function likertNear(mean: number, r: () => number): number {
  const v = Math.round(mean + (r() + r() + r() - 1.5) * 1.1);
  return Math.min(4, Math.max(1, v));
}

export async function seedDemoSurveys(
  stores: ServerStores,
  opts: { orgId: string; units: readonly OrgUnit[]; staff: readonly StaffProfile[]; now?: Date },
): Promise<{ lastYear: string; thisYear: string }> {
  const now = opts.now ?? new Date();
  const year = now.getFullYear();
  const buIds = opts.units.filter((u) => u.kind === 'bu').map((u) => u.id);
  const base = (round: number, deadline: Date): SurveySpec => ({
    title: `職員アンケート（${round}年度）`,
    round: String(round),
    anonymous: true,
    questions: DEMO_QUESTIONS,
    audience: { unitIds: buIds, jobLevels: [], employments: [] },
    schedule: { deadline: deadline.toISOString(), graceDays: 3 },
    k: 5,
  });
  const lastYear = `demo-staff-survey-${year - 1}`;
  const thisYear = `demo-staff-survey-${year}`;
  const existing = await stores.surveys.getSurvey(opts.orgId, lastYear);
  if (!existing) {
    const spec = base(year - 1, new Date(now.getTime() - 300 * 86_400_000));
    const survey: Survey = { ...spec, id: lastYear, status: 'draft', openedAt: null, closedAt: null };
    await stores.surveys.saveDraft(opts.orgId, survey);
    const opened = new Date(now.getTime() - 330 * 86_400_000).toISOString();
    const prepared = await prepareOpening(stores.directory, opts.orgId, spec.audience, spec.k, true, opened);
    if ('problem' in prepared) throw new Error(`demo survey: ${prepared.problem.code}`);
    await stores.surveys.open(opts.orgId, lastYear, prepared.opening);
    const r = random(2025);
    let i = 0;
    for (const m of prepared.opening.members) {
      if (r() >= 0.55) continue;
      const groups = prepared.opening.groups.get(m.staffId);
      if (!groups) continue;
      const folds: Record<string, Fold> = {};
      for (const q of DEMO_QUESTIONS)
        if (q.kind === 'likert' && q.kpi) folds[q.id] = addAnswer(emptyFold(q), q, likertNear(q.kpi.baseline, r));
      const texts = r() < 0.1 ? [{ questionId: 'qfree', buId: groups.buId, text: TEXTS[i % TEXTS.length] ?? '' }] : [];
      await stores.surveys.addAnonymousAnswer(opts.orgId, lastYear, `demo-${lastYear}-${i++}`, {
        groups: groupKeysOf(groups),
        folds,
        texts,
      });
      await stores.surveys.participate(opts.orgId, lastYear, m.staffId, groups);
    }
    const s = await stores.surveys.getSurvey(opts.orgId, lastYear);
    if (s) await closeSurvey(stores, opts.orgId, s, now);
  }
  if (!(await stores.surveys.getSurvey(opts.orgId, thisYear))) {
    const spec = base(year, new Date(now.getTime() + 21 * 86_400_000));
    await stores.surveys.saveDraft(opts.orgId, {
      ...spec,
      id: thisYear,
      status: 'draft',
      openedAt: null,
      closedAt: null,
    });
    const prepared = await prepareOpening(stores.directory, opts.orgId, spec.audience, spec.k, true, now.toISOString());
    if ('problem' in prepared) throw new Error(`demo survey: ${prepared.problem.code}`);
    await stores.surveys.open(opts.orgId, thisYear, prepared.opening);
  }
  return { lastYear, thisYear };
}
