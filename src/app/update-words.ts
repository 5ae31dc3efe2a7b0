import { defineWords } from '../i18n/language';

/** The update prompt's words in Japanese: it is a lazy chunk of its own, so they load with it. */
export const updateJa = {
  update: {
    ready: '新しいバージョンがあります',
    reload: '更新する',
    later: 'あとで',
    offlineReady: 'オフラインでも使えるようになりました',
    close: '閉じる',
  },
};

export type UpdateWords = typeof updateJa;

export const updateWords = defineWords(updateJa, () => import('./update-words.en').then((m) => m.updateEn));
