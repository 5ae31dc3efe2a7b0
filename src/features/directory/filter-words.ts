import { defineWords } from '../../i18n/language';

/** The filter menu's field labels in Japanese: the menu's fields load on its first tap, and these with them. */
export const filterFieldsJa = {
  filterFields: {
    unit: '所属',
    jobLevel: '職層',
    otherSkills: 'その他のスキル',
    hobby: '趣味・特技',
    qualification: '資格',
    clear: '条件をクリア',
  },
};

export type FilterFieldsWords = typeof filterFieldsJa;

export const filterFieldsWords = defineWords(filterFieldsJa, () =>
  import('./filter-words.en').then((m) => m.filterFieldsEn),
);
