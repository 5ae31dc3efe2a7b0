import type { KpiRule } from './kpi';
import type { LikertPoints, Question } from './model';

/**
 * The builder's two templates (S1), from the seeds. Their titles, outcomes, indicators and question
 * texts are data (Japanese as the seeds print them, shown as written in every language, like any
 * question HR writes); only PDF line-break spaces inside words were taken out. Baselines and targets
 * are the seeds' published figures; kpi.test.ts checks each target against the seed's rule.
 */

/** One KPI indicator (成果指標) as the seed names it, with the outcome (アウトカム) it measures. */
export interface KpiIndicator {
  questionId: string;
  /** The logic model's outcome, with the seed's number: 「03 職員の能力を活かす仕組みが整っている」. */
  outcome: string;
  /** 「適材適所の人員配置がされていると感じる職員の割合」 (one indicator may have several questions). */
  indicator: string;
}

export interface SurveyTemplate {
  id: 'staff' | 'dx';
  title: string;
  points: LikertPoints;
  /** Which seed's target rule the KPIs follow (kpi.ts). */
  rule: KpiRule;
  /** The survey the baselines come from, as the seed reports it. */
  baselineSurvey: { fiscalYear: number; respondents: number; responseRate: number };
  questions: readonly Question[];
  indicators: readonly KpiIndicator[];
}

type Row = [id: string, outcome: string, indicator: string, text: string, baseline: number, target: number];

function template(head: Omit<SurveyTemplate, 'questions' | 'indicators'>, rows: readonly Row[]): SurveyTemplate {
  return {
    ...head,
    questions: rows.map(([id, , , text, baseline, target]) => ({
      id,
      kind: 'likert',
      points: head.points,
      text,
      kpi: { baseline, target },
    })),
    indicators: rows.map(([questionId, outcome, indicator]) => ({ questionId, outcome, indicator })),
  };
}

const WORK_STYLE = '01 職員が多様な働き方を選ぶことができる';
const PLACEMENT = '03 職員の能力を活かす仕組みが整っている';
const RIGHT_PLACE = '適材適所の人員配置がされていると感じる職員の割合';
const SKILLS = '05 職員が積極的にスキルアップに取り組み、必要な能力が向上する';
const PRIDE = '12 すべての職員が誇りとやりがいを感じ、能力を活かして働くことができる';
const RESPECT = '13 職員同士がお互いを尊重し、高めあうことができる';

/**
 * 職員アンケート (seed 001: 令和5年度 職員アンケート, 現在の職場に関する調査 全15問, 4段階), in the
 * order of the seed's outcomes: direct outcomes 01-06, then intermediate 11-13. Outcome 04's target
 * is missing from the seed's table as extracted; 3.000 is what its rule gives for 2.622.
 */
export const STAFF_SURVEY: SurveyTemplate = template(
  {
    id: 'staff',
    title: '職員アンケート',
    points: 4,
    rule: 'staff',
    baselineSurvey: { fiscalYear: 2023, respondents: 1736, responseRate: 0.546 },
  },
  [
    [
      'staff-01',
      WORK_STYLE,
      '自分で働き方を選べると感じる職員の割合',
      '品川区では勤務や休暇に関する制度を利用して、自分で働き方を自由に選べる。',
      2.29,
      2.5,
    ],
    [
      'staff-02',
      '02 職員の心身の健康が保たれている',
      '職場内に困ったときに相談できる人・機関がある職員の割合',
      '職場内に困ったときに相談できる人や相談できる窓口がある。',
      2.506,
      3,
    ],
    ['staff-03a', PLACEMENT, RIGHT_PLACE, '品川区では、適材適所の人員配置がされている。', 2.024, 2.5],
    ['staff-03b', PLACEMENT, RIGHT_PLACE, '今の職場は、自分の希望どおりの配置である。', 2.557, 3],
    ['staff-03c', PLACEMENT, RIGHT_PLACE, '今の職場では、自分の能力を活かす機会がある。', 2.691, 3],
    [
      'staff-03d',
      PLACEMENT,
      '業務の効率化が進んでいると感じる職員の割合',
      '品川区ではDXや事業見直し等により、業務の効率化が進んでいる。',
      2.166,
      2.5,
    ],
    [
      'staff-04',
      '04 職員が自分のやりたいことを提案できる',
      '職場で業務改善や新規事業の提案を積極的にするようになったと思う職員の割合',
      '自分は職場で新たな提案や改善提案を行っている。',
      2.622,
      3,
    ],
    [
      'staff-05a',
      SKILLS,
      '研修や自己啓発などに積極的に取り組んだ職員の割合',
      '自分は研修に自発的に参加したり、職場外での勉強に取り組んでいる。',
      2.505,
      3,
    ],
    [
      'staff-05b',
      SKILLS,
      '研修や自己啓発が仕事に活きたと感じる職員の割合',
      '自分は研修や自己啓発で学んだことが仕事に活かされている。',
      2.741,
      3,
    ],
    [
      'staff-06',
      '06 職員の頑張りが認められる',
      '職場で自分の頑張りが認められていると感じる職員の割合',
      '職場では上司や同僚から自分の頑張りが認められている。',
      2.628,
      3,
    ],
    [
      'staff-11',
      '11 すべての職員が安心して働くことができる',
      '品川区は働きやすいと思う職員の割合',
      '品川区はシフト勤務やテレワーク、子の看護のための休暇や介護休暇等、働き続ける上での制度が整っている。',
      2.577,
      3,
    ],
    ['staff-12a', PRIDE, '仕事を楽しんでいると感じる職員の割合', '仕事を楽しんでいると感じる。', 2.608, 3],
    [
      'staff-12b',
      PRIDE,
      '仕事が充実していると感じる職員の割合',
      '自分の仕事が誰かの役に立っているという実感がある。',
      2.972,
      3,
    ],
    [
      'staff-13a',
      RESPECT,
      '職場の人に影響を受けて始めたことがある職員の割合',
      '仕事の進め方や取り組み方、自己研鑽の姿勢等、職場の人から良い刺激や影響を受けて始めたことがある。',
      2.753,
      3,
    ],
    [
      'staff-13b',
      RESPECT,
      '職場の人にプラスのフィードバックをした職員の割合',
      '職場の人の良いところを見つけて、その人に直接伝えることがよくある。',
      2.804,
      3,
    ],
  ],
);

const SERVICE_NOTE =
  '※ここでいう「サービス」は区民向けのみではなく、庁内の職員向けなども含み、利用者が存在するサービスを指すものとします。';
const SAFE_SERVICE = '08 区民(利用者)が利用しやすく安全なサービスの仕組みが構築されている';

/**
 * DXアンケート (seed 004: デジタル推進課の職員アンケート, 令和6年5月, 5段階). Outcome 02 is measured
 * by the 職員アンケート (the seed: 「人事課実施アンケートにより評価する」), so it has no question here.
 * The seed's notes (※…) are part of the question text, on a line of their own. The last target is
 * the seed's 「基準値以上」: the baseline itself, to be reached or passed.
 */
export const DX_SURVEY: SurveyTemplate = template(
  {
    id: 'dx',
    title: 'DXアンケート',
    points: 5,
    rule: 'dx',
    baselineSurvey: { fiscalYear: 2024, respondents: 2251, responseRate: 0.431 },
  },
  [
    [
      'dx-01',
      '01 業務が効率化されている',
      '業務の効率化が進んでいると感じる職員の割合',
      '職場では単純作業や繰り返し実施する業務について、ICTツール等の活用により効率化されている。',
      3.043,
      3.5,
    ],
    [
      'dx-03',
      '03 職員がスキルアップに取り組むことができる',
      '必要な研修・制度が提供されていると感じる職員の割合',
      'デジタルスキルを上げるために、必要な研修・制度が提供されている。',
      2.848,
      3.5,
    ],
    [
      'dx-04',
      '04 職員がDXに対して前向きなマインドを持ち、DXに着手しやすい環境が整っている。',
      '職場でDXに着手しやすい雰囲気があると感じる職員の割合',
      'あなたの職場では、DXに着手しやすい雰囲気がある。',
      3.016,
      3.5,
    ],
    [
      'dx-05',
      '05 職員が新たな技術を取り入れ、デジタル化が進んでいる',
      'デジタル化が進んでいると感じる職員の割合',
      'あなたの周り、職場では新たな技術が取り入れられ、デジタル化が進んでいる。',
      3.022,
      3.5,
    ],
    [
      'dx-06',
      '06 職員が区民(利用者)ニーズをとらえたサービスを提供している',
      '区民(利用者)ニーズをとらえた施策を検討していると感じる職員の割合',
      'あなたの職場では、データ等に基づき、区民(利用者)ニーズをとらえた施策を検討している。\n※ここでいう「ニーズをとらえた施策」は区民向けのみではなく、庁内の職員向けなども含むものとします。',
      2.953,
      3.5,
    ],
    [
      'dx-07',
      '07 区民(利用者)にサービスが周知され・利用されている',
      '区民(利用者)にサービスが周知され、利用されていると感じる職員の割合',
      `あなたの職場のサービスは、区民(利用者)に効果的に周知され利用されている。\n${SERVICE_NOTE}`,
      3.042,
      3.5,
    ],
    [
      'dx-08a',
      SAFE_SERVICE,
      '利用者目線でサービスをデザインしていると感じる職員の割合',
      `あなたの職場のサービスは、利用者が便利で使いやすいようにデザインされている。\n${SERVICE_NOTE}`,
      2.994,
      3.5,
    ],
    [
      'dx-08b',
      SAFE_SERVICE,
      '適切なセキュリティ対策が実施されていると感じる職員の割合',
      'あなたの職場のサービスは、適切なセキュリティ対策が実施されている。',
      3.683,
      3.683,
    ],
  ],
);

export const SURVEY_TEMPLATES: readonly SurveyTemplate[] = [STAFF_SURVEY, DX_SURVEY];
