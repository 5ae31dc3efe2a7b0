import type { OrgWords } from './words';
import { people } from '../../i18n/en';

/** The org feature's words in English. `satisfies`: a key missing from or added to words.ts fails the typecheck. */
export const orgEn = {
  org: {
    title: 'Organization',
    notReceived: "The org chart hasn't arrived yet. It downloads by itself once you have a signal.",
    summary: (departments: number, staff: number) =>
      `${departments} ${departments === 1 ? 'department' : 'departments'} · ${people(staff)}`,
    unplaced: 'No section',
    unplacedStaff: 'Staff with no section',
    empty: 'No staff',
  },
} satisfies OrgWords;
