import { defineWords } from '../../i18n/language';
import { num } from '../../i18n/ja';

/** The recognition-summary feature's words in Japanese, the source of truth for its English (words.en.ts). */
export const summaryJa = {
  summary: {
    title: 'エールの集計',
    yellsLink: 'エール',
    adminLink: '人事の設定（バリュー・上限・表彰）',
    lead: '部署を越えたつながりの広がりを見るための集計です。個人の順位は出しません。',
    notAllowed: 'この画面は管理職と人事の方だけが見られます。',
    scope: '対象',
    wholeOrg: '全体',
    /** The heading of the whole organisation's summary (the server's scope has no unit then). */
    orgScope: '組織全体',
    offline: 'オフラインのため、前回の集計を表示しています。',
    notYet: '集計をまだ受信していません。電波のある場所で開いてください。',
    failed: '集計を読み込めませんでした。',
    fetchedAt: (at: string) => `${at}時点`,
    total: 'エールの数',
    crossDepartment: '部署を越えたエール',
    crossShare: '部署を越えたエールの割合',
    byValue: 'バリュー別',
    byDepartment: '部別',
    byMonth: '月別',
    received: '受け取った',
    sent: '送った',
    count: '件数',
    month: '月',
    valueCol: 'バリュー',
    departmentCol: '部',
    crossCol: '部署を越えた',
    tableOf: (title: string) => `${title}（表）`,
    chartOf: (title: string) => `${title}のグラフ。同じ内容を下の表で読めます。`,
    countUnit: (n: number) => `${num(n)}件`,
    percent: (x: number) => `${(x * 100).toFixed(1)}%`,
  },
};

export type SummaryWords = typeof summaryJa;

/** Loaded with the feature's screens; English when chosen. */
export const summaryWords = defineWords(summaryJa, () => import('./words.en').then((m) => m.summaryEn));
