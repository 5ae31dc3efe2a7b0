import type { SurveyResultsWords } from './words';
import { num } from '../../../i18n/en';
import type { TargetBasis } from '../../../domain/surveys/kpi';
import type { EffectSize, Verdict } from '../../../domain/surveys/stats';

const fixed3 = (x: number) => x.toFixed(3);
const pText = (p: { op: '<' | '='; value: string }) => (p.op === '<' ? `p < ${p.value}` : `p = ${p.value}`);

const sizeEn: Record<EffectSize, string> = {
  negligible: 'negligible',
  small: 'small',
  medium: 'medium',
  large: 'large',
};

/** The survey results views' words in English. `satisfies`: a key missing from or added to words.ts fails the typecheck. */
export const surveyResultsEn = {
  surveyResults: {
    likert4: ['Disagree', 'Somewhat disagree', 'Somewhat agree', 'Agree'],
    likert5: ['Disagree', 'Somewhat disagree', 'Neither', 'Somewhat agree', 'Agree'],
    valueLabel: (value: number, label: string) => `${value} ${label}`,

    question: 'Question',
    groupColumn: 'Group',
    answers: 'Answers',
    mean: 'Mean',
    sd: 'Standard deviation',
    choice: 'Choice',
    count: 'Count',
    share: 'Share',
    group: (name: string) => `Group: ${name}`,
    people: (n: number) => `${num(n)}`,
    fixed3,
    percent: (x: number) => `${(x * 100).toFixed(1)}%`,
    hiddenBelowK: (k: number) => `Hidden (fewer than ${k})`,
    hiddenDerivable: 'Hidden (could be worked out from other figures)',
    hiddenWithheld: 'Hidden',
    hiddenNote: (k: number) =>
      `So that no one can be identified, figures resting on fewer than ${k} answers, and figures that could be worked out from the others, are not shown.`,
    multipleNote: 'Several choices could be picked, so the shares can add up to more than 100%.',
    chartOf: (title: string) => `Chart of the answers to “${title}”. The table beside it has the same figures.`,
    tableOf: (title: string) => `Answers to “${title}” (table)`,

    kpiTitle: (title: string) => `KPIs of the ${title}`,
    kpiLead: 'Each question’s mean against its baseline and target.',
    baseline: 'Baseline',
    target: 'Target',
    year: 'Fiscal year',
    value: 'Result',
    judgement: 'Status',
    fiscalYear: (y: number) => `FY${y}`,
    baselineOf: (value: number, y: number) => `Baseline ${fixed3(value)} (FY${y})`,
    targetValue: (value: number, basis: TargetBasis) =>
      basis === 'keepUp' ? `${fixed3(value)} or more` : fixed3(value),
    basis: {
      aim: 'The aim is an average of “somewhat agree” (3).',
      lowBaseline: 'The baseline is below 2.500, so the target is 2.500.',
      benchmark: 'The benchmark is 3.5.',
      raisedFloor: 'The previous year was below 2.5, so the benchmark is now 3.',
      keepUp: 'The previous year was 3.5 or more, so the benchmark is now that figure or more.',
    } satisfies Record<TargetBasis, string>,
    met: 'Met',
    notMet: 'Not met',
    noValue: '—',
    noValueNote: '“—” marks a year with no survey, or too few answers to show.',
    kpiTableOf: (indicator: string) => `${indicator} (by year)`,

    effectTitle: 'Effect measurement (two rounds compared)',
    round: 'Round',
    difference: 'Difference (after − before)',
    interval: '95% confidence interval',
    tValue: 't',
    df: 'Degrees of freedom',
    pValue: 'p',
    effectSize: 'Effect size d',
    detailsTitle: 'How it was computed (Welch’s t-test)',
    signed: (x: number) => (x > 0 ? `+${fixed3(x)}` : fixed3(x)),
    range: (low: string, high: string) => `${low} to ${high}`,
    dfValue: (df: number) => df.toFixed(1),
    tFixed: (t: number) => t.toFixed(2),
    dFixed: (d: number) => d.toFixed(2),
    pShown: pText,
    roundHidden: (k: number) => `Not shown: fewer than ${k} answers`,
    verdict: (v: Verdict, p: { op: '<' | '='; value: string } | null, k: number): string => {
      switch (v.kind) {
        case 'rise':
          return `A statistically meaningful rise (${pText(p!)}, ${sizeEn[v.size]} effect)`;
        case 'fall':
          return `A statistically meaningful fall (${pText(p!)}, ${sizeEn[v.size]} effect)`;
        case 'noChange':
          return v.reason === 'negligible'
            ? `The difference is too small to count as a meaningful change (${pText(p!)}, ${sizeEn[v.size]} effect)`
            : `No statistically meaningful change (${pText(p!)})`;
        case 'notOffered':
          return v.reason === 'belowK'
            ? `Not compared: a round has fewer than ${k} answers.`
            : 'Cannot be tested: every answer is the same in both rounds.';
      }
    },
    effectNote:
      'A change is called meaningful only when p < 0.05 and the effect size is at least 0.2 (as a guide: 0.2 small, 0.5 medium, 0.8 large).',
  },
} satisfies SurveyResultsWords;
