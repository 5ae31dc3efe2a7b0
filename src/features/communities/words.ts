import { defineWords } from '../../i18n/language';
import { people } from '../../i18n/ja';

/** The communities feature's words in Japanese, the source of truth for its English (words.en.ts). */
export const communitiesJa = {
  communities: {
    title: 'コミュニティ',
    lead: '部署をこえて、同じ関心を持つ職員が集まる場です。だれでもつくれて、参加できます。',
    mine: '参加中',
    noneJoined: 'まだ参加していません。',
    others: 'ほかのコミュニティ',
    none: 'ありません。',
    new: '新しいコミュニティ',
    name: '名前',
    description: '説明',
    chars: (n: number, max: number) => `${n}/${max}文字`,
    create: '作成',
    missing: 'このコミュニティはまだこの端末に届いていないか、ありません。',
    list: 'コミュニティ一覧',
    back: '← コミュニティ',
    joined: '参加しています',
    join: '参加する',
    leave: '抜ける',
    members: (n: number) => `メンバー ${people(n)}`,
    noMembers: 'まだいません。',
  },
};

export type CommunitiesWords = typeof communitiesJa;

/** Loaded with the feature's screens; English when chosen. */
export const communitiesWords = defineWords(communitiesJa, () => import('./words.en').then((m) => m.communitiesEn));
