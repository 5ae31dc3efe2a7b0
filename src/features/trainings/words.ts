import { defineWords } from '../../i18n/language';
import type { ApplicationStatus, TrainingArea, TrainingKind, TrainingProvider } from '../../domain/trainings';

/** The trainings feature's words in Japanese, the source of truth for its English (words.en.ts). */
export const trainingJa = {
  trainings: {
    title: '研修',
    lead: '区・特別区職員研修所・外部の研修を、スキルの分野とレベルで探せます。電波がなくても見られます。',
    link: '研修を探す',
    search: '研修名・内容で検索',
    area: '分野',
    allAreas: 'すべて',
    level: 'レベル',
    allLevels: 'すべてのレベル',
    areas: {
      stance: 'スタンス',
      interpersonal: 'ポータブルスキル（対人力）',
      taskSolving: 'ポータブルスキル（対課題力）',
      ict: 'ICTスキル',
      technical: 'テクニカルスキル',
      dx: 'DXスキル',
    } satisfies Record<TrainingArea, string>,
    dxLevel: (n: number) => `LV${n}`,
    /** A DX training's area and skill: DX：データ活用 LV2. */
    areaSkill: (area: string, skill: string) => `${area}：${skill}`,
    providers: {
      ku: '区',
      tokubetsuku: '特別区職員研修所',
      external: '外部',
    } satisfies Record<TrainingProvider, string>,
    kinds: {
      open: '希望制',
      mandatory: '職層研修',
      nominated: '指名研修',
    } satisfies Record<TrainingKind, string>,
    count: (n: number) => `${n}件`,
    none: '条件に合う研修はありません。',
    empty: 'まだ研修の一覧が届いていません。電波のある場所で一度開いてください。',
    provider: '実施',
    kind: '区分',
    targets: '対象',
    allLevelsTarget: '全職層',
    approval: '所属長の承認が必要です',
    runs: '開催日程',
    online: 'オンライン',
    capacity: (taken: number, capacity: number) => `定員${capacity}人（申込${taken}人）`,
    waiting: (n: number) => `キャンセル待ち${n}人`,
    date: (y: number, m: number, d: number, w: string) => `${y}年${m}月${d}日（${w}）`,
    weekdays: ['日', '月', '火', '水', '木', '金', '土'] as readonly string[],
    datesJoin: '、',
    apply: 'この回に申し込む',
    applyFull: 'キャンセル待ちで申し込む',
    pending: '申込中（送信待ち）',
    status: {
      applied: '申込済み',
      waitlisted: 'キャンセル待ち',
      awaitingApproval: '所属長の承認待ち',
      declined: '所属長が承認しませんでした',
    } satisfies Record<ApplicationStatus, string>,
    closed: '受付終了',
    approvals: {
      title: '研修の承認',
      lead: '課の職員の研修申し込みのうち、所属長の承認が必要なものです。承認しないと、その席はキャンセル待ちの次の人に回ります。',
      none: '承認待ちの申し込みはありません。',
      approve: '承認する',
      decline: '承認しない',
      sending: '送信待ち',
      someone: (id: string) => `職員番号 ${id}`,
    },
    cancel: '申し込みを取り消す',
    cancelling: '取消中（送信待ち）',
    completed: '修了',
    absent: '欠席あり（未修了）',
    attending: (n: number, of: number) => `受講中（${of}日中${n}日の出欠を記録済み）`,
    nominationOnly: '指名研修のため、人事担当が受講者を決めます。',
    notFound: 'この研修は見つかりません。',
    back: '研修の一覧へ戻る',
    edit: '編集する',
    add: '研修を追加',
  },
};

export type TrainingWords = typeof trainingJa;

/** Loaded with the feature's screens; English when chosen. */
export const trainingWords = defineWords(trainingJa, () => import('./words.en').then((m) => m.trainingEn));
