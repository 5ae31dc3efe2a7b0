import { defineWords } from '../../../i18n/language';
import { num } from '../../../i18n/ja';
import type { TargetBasis } from '../../../domain/surveys/kpi';
import type { EffectSize, Verdict } from '../../../domain/surveys/stats';

/** A mean or standard deviation as the seeds print them: three decimals. */
const fixed3 = (x: number) => x.toFixed(3);
const pText = (p: { op: '<' | '='; value: string }) => (p.op === '<' ? `p<${p.value}` : `p=${p.value}`);

const sizeJa: Record<EffectSize, string> = { negligible: 'ごく小さい', small: '小', medium: '中', large: '大' };

/** The survey results views' words in Japanese, the source of truth for their English (words.en.ts). */
export const surveyResultsJa = {
  surveyResults: {
    // The scale's labels, by value (index 0 is 1). Question texts and choices are data, shown as written.
    likert4: ['そう思わない', 'あまりそう思わない', 'まあそう思う', 'そう思う'],
    likert5: ['そう思わない', 'あまりそう思わない', 'どちらともいえない', 'ややそう思う', 'そう思う'],
    valueLabel: (value: number, label: string) => `${value} ${label}`,

    // One question's result
    question: '設問',
    groupColumn: '対象',
    answers: '回答数',
    mean: '平均',
    sd: '標準偏差',
    choice: '選択肢',
    count: '件数',
    share: '割合',
    group: (name: string) => `対象：${name}`,
    people: (n: number) => `${num(n)}件`,
    fixed3,
    percent: (x: number) => `${(x * 100).toFixed(1)}%`,
    hiddenBelowK: (k: number) => `非表示（${k}件未満）`,
    hiddenDerivable: '非表示（ほかの数字から割り出せるため）',
    hiddenWithheld: '非表示',
    hiddenNote: (k: number) =>
      `回答者が特定されないよう、${k}件未満の数字と、ほかの数字から割り出せる数字は表示しません。`,
    multipleNote: '複数選択のため、割合の合計は100%をこえることがあります。',
    chartOf: (title: string) => `${title}の回答の分布のグラフ。同じ内容を横の表で読めます。`,
    tableOf: (title: string) => `${title}の回答の分布（表）`,

    // The KPI dashboard (S5)
    kpiTitle: (title: string) => `${title}のKPI`,
    kpiLead: '各設問の平均を、基準値と目標値とくらべます。',
    baseline: '基準値',
    target: '目標値',
    year: '年度',
    value: '結果',
    judgement: '判定',
    fiscalYear: (y: number) => `${y}年度`,
    baselineOf: (value: number, y: number) => `基準値 ${fixed3(value)}（${y}年度）`,
    targetValue: (value: number, basis: TargetBasis) => (basis === 'keepUp' ? `${fixed3(value)}以上` : fixed3(value)),
    basis: {
      aim: '「まあそう思う(3)」が平均となることをめざす目標です。',
      lowBaseline: '基準値が2.500に満たないため、目標値は2.500です。',
      benchmark: 'ベンチマークは3.5です。',
      raisedFloor: '前年度が2.5未満だったため、ベンチマークを3に更新しています。',
      keepUp: '前年度が3.5以上だったため、ベンチマークを「その数字以上」に更新しています。',
    } satisfies Record<TargetBasis, string>,
    met: '達成',
    notMet: '未達成',
    noValue: '—',
    noValueNote: '「—」は、調査がないか、回答が少なく表示できない年度です。',
    kpiTableOf: (indicator: string) => `${indicator}（年度別の結果）`,

    // Effect measurement (S6)
    effectTitle: '効果測定（2回の比較）',
    round: '回',
    difference: '差（後 − 前）',
    interval: '95%信頼区間',
    tValue: 't値',
    df: '自由度',
    pValue: 'p値',
    effectSize: '効果量 d',
    detailsTitle: '計算の詳細（ウェルチのt検定）',
    signed: (x: number) => (x > 0 ? `+${fixed3(x)}` : fixed3(x)),
    range: (low: string, high: string) => `${low} 〜 ${high}`,
    dfValue: (df: number) => df.toFixed(1),
    tFixed: (t: number) => t.toFixed(2),
    dFixed: (d: number) => d.toFixed(2),
    pShown: pText,
    roundHidden: (k: number) => `${k}件未満のため表示しません`,
    verdict: (v: Verdict, p: { op: '<' | '='; value: string } | null, k: number): string => {
      switch (v.kind) {
        case 'rise':
          return `統計的に意味のある上昇（${pText(p!)}、効果量 ${sizeJa[v.size]}）`;
        case 'fall':
          return `統計的に意味のある低下（${pText(p!)}、効果量 ${sizeJa[v.size]}）`;
        case 'noChange':
          return v.reason === 'negligible'
            ? `差はごくわずかで、意味のある変化とはいえません（${pText(p!)}、効果量 ${sizeJa[v.size]}）`
            : `統計的に意味のある変化はみられません（${pText(p!)}）`;
        case 'notOffered':
          return v.reason === 'belowK'
            ? `どちらかの回の回答が${k}件未満のため、比較しません。`
            : '両方の回ですべての回答が同じため、検定できません。';
      }
    },
    effectNote:
      'p<0.05 かつ効果量が0.2以上のときだけ「意味のある変化」とします（効果量の目安：0.2 小、0.5 中、0.8 大）。',
  },
};

export type SurveyResultsWords = typeof surveyResultsJa;

/** Loaded with the results views; English when chosen. */
export const surveyResultsWords = defineWords(surveyResultsJa, () =>
  import('./words.en').then((m) => m.surveyResultsEn),
);
