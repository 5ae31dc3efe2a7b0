import { defineWords } from '../../i18n/language';

/** The notifications feature's words in Japanese, the source of truth for its English (words.en.ts). */
export const notificationsJa = {
  notifications: {
    bell: (n: number) => (n > 0 ? `お知らせ（未読${n}件）` : 'お知らせ'),
    title: 'お知らせ',
    empty: 'お知らせはありません。',
    unread: '未読',
    markAllRead: 'すべて既読にする',
    someone: '職員',
    yellReceived: (name: string) => `${name}さんからエールが届きました`,
    yellClapped: (name: string) => `${name}さんがあなたのエールに拍手しました`,
    nominationStatus: (status: string) => `推薦が「${status}」になりました`,
    /** A nomination status as the server names it; an unknown one is shown as is. */
    statusLabel: (status: string) =>
      ({
        submitted: '推薦受付',
        under_review: '審査中',
        awarded: '表彰決定',
        not_awarded: '見送り',
      })[status] ?? status,
    openYell: 'エールを見る',
    surveyReminder: 'アンケートへの回答をお願いします（まだ回答していない方にお送りしています）',
  },
};

export type NotificationsWords = typeof notificationsJa;

/** Loaded with the feature's screens; English when chosen. */
export const notificationsWords = defineWords(notificationsJa, () =>
  import('./words.en').then((m) => m.notificationsEn),
);
