import { defineWords } from '../../i18n/language';

/** The admin feature's words in Japanese, the source of truth for its English (words.en.ts). */
export const adminJa = {
  admin: {
    title: '人事の設定',
    lead: 'エールのバリュー、1日に送れる上限、表彰の種類を組織全体に設定します。保存にはネットワーク接続が必要です。',
    notAllowed: 'この画面は人事担当者のみ利用できます。',
    yellTitle: 'エール',
    valuesHint: '名前を変えても、これまでのエールの集計はそのまま引き継がれます。',
    valueLabel: (n: number) => `バリュー ${n}`,
    addValue: 'バリューを追加',
    dailyCap: '1人が1日に送れるエールの上限（件）',
    saveYell: 'エールの設定を保存',
    awardsTitle: '表彰の種類',
    awardsHint: '推薦の画面で選べる賞です。',
    awardLabel: (n: number) => `賞 ${n}`,
    addAward: '賞を追加',
    saveAwards: '表彰の種類を保存',
    remove: '削除',
    removeNamed: (label: string) => `「${label}」を削除`,
    saving: '保存中…',
    saved: '保存しました',
    invalid: '入力内容を確認してください',
    needsConnection: '保存できませんでした。ネットワークに接続してからもう一度お試しください。',
    link: '人事の設定（バリュー・上限・表彰）',
  },
};

export type AdminWords = typeof adminJa;

/** Loaded with the feature's screens; English when chosen. */
export const adminWords = defineWords(adminJa, () => import('./words.en').then((m) => m.adminEn));
