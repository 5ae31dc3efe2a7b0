import { defineWords } from '../../i18n/language';
import { people } from '../../i18n/ja';

/** The org feature's words in Japanese, the source of truth for its English (words.en.ts). */
export const orgJa = {
  org: {
    title: '組織',
    notReceived: '組織図をまだ受信していません。電波のある場所で開くと自動で受信します。',
    summary: (departments: number, staff: number) => `${departments}部・${people(staff)}`,
    unplaced: '所属未設定',
    unplacedStaff: '所属未設定の職員',
    empty: '職員はいません',
  },
};

export type OrgWords = typeof orgJa;

/** Loaded with the feature's screens; English when chosen. */
export const orgWords = defineWords(orgJa, () => import('./words.en').then((m) => m.orgEn));
