import type { FilterFieldsWords } from './filter-words';

/** The filter menu's field labels in English. `satisfies`: a key missing from or added to filter-words.ts fails the typecheck. */
export const filterFieldsEn = {
  filterFields: {
    unit: 'Section',
    jobLevel: 'Job level',
    otherSkills: 'Other skills',
    hobby: 'Hobbies',
    qualification: 'Qualifications',
    clear: 'Clear filters',
  },
} satisfies FilterFieldsWords;
