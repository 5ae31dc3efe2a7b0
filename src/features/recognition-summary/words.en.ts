import type { SummaryWords } from './words';
import { num } from '../../i18n/en';

/** The recognition-summary feature's words in English. `satisfies`: a key missing from or added to words.ts fails the typecheck. */
export const summaryEn = {
  summary: {
    yellsLink: 'Yells',
    adminLink: 'HR settings (values, cap, awards)',
    title: 'Yell summary',
    lead: 'How far thanks reach across departments. No ranking of people.',
    notAllowed: 'Only managers and HR can see this screen.',
    scope: 'Scope',
    wholeOrg: 'Whole organisation',
    orgScope: 'Whole organisation',
    offline: 'Offline: showing the last summary.',
    notYet: 'No summary on this device yet. Open it with a signal.',
    failed: 'Could not load the summary.',
    fetchedAt: (at: string) => `As of ${at}`,
    total: 'Yells',
    crossDepartment: 'Across departments',
    crossShare: 'Share across departments',
    byValue: 'By value',
    byDepartment: 'By department',
    byMonth: 'By month',
    received: 'Received',
    sent: 'Sent',
    count: 'Count',
    month: 'Month',
    valueCol: 'Value',
    departmentCol: 'Department',
    crossCol: 'Across departments',
    tableOf: (title: string) => `${title} (table)`,
    chartOf: (title: string) => `Chart: ${title}. The table below has the same figures.`,
    countUnit: (n: number) => num(n),
    percent: (x: number) => `${(x * 100).toFixed(1)}%`,
  },
} satisfies SummaryWords;
