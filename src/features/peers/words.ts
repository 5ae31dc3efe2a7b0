import { defineWords } from '../../i18n/language';

/** The peers feature's words in Japanese, the source of truth for its English (words.en.ts). */
export const peersJa = {
  peers: {
    title: '仲間',
    communities: 'コミュニティ一覧',
    suggestTitle: '同じスキル・趣味の人',
    suggestLead: 'あなたと同じスキルや趣味を持つ、ほかの部の職員です。',
    suggestNoTags: 'スキルや趣味を登録すると、ここに表示されます。',
    shared: (tags: readonly string[]) => `共通：${tags.join('・')}`,
    helpTitle: 'スキルで探す',
    choose: '選択してください',
    otherSkills: 'そのほかのスキル',
    more: 'もっと見る',
  },
};

export type PeersWords = typeof peersJa;

/** Loaded with the feature's screens; English when chosen. */
export const peersWords = defineWords(peersJa, () => import('./words.en').then((m) => m.peersEn));
